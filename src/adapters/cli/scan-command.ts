// `sipcode scan [--json] [FILE …]`: each file (or standard input) scanned in turn. A file that
// cannot be read is named on stderr and the others are still scanned, as grep and cat do; the exit
// status then says something was missed. An empty or binary input is said to be one.
import type { Catalog } from "../../catalog/indexes.js";
import type { CliConfig } from "../../config.js";
import { analyze } from "../../engine/analyze.js";
import { UsageError } from "../../errors.js";
import type { Card } from "../../render/card.js";
import { scanCard } from "../../render/scan-card.js";
import { directoryHint } from "./file-args.js";
import { binaryInputNote, emptyInputText } from "./input-kind.js";
import { scanFileJson } from "./json.js";
import type { Io } from "./main.js";
import { scanFile } from "./read.js";

export interface ScanOutputs {
  /** Writes a line of plain text to standard output. */
  line: (text: string) => void;
  /** Writes cards to standard output. */
  cards: (cards: Card[]) => void;
}

export async function runScan(
  io: Io,
  catalog: Catalog,
  config: CliConfig,
  paths: readonly string[],
  json: boolean,
  out: ScanOutputs,
): Promise<number> {
  if (paths.includes("-") && io.stdin.isTTY) {
    io.stderr.write("sipcode scan: reading a log from the terminal; finish with Ctrl-D.\n");
  }
  const files = [];
  const errors: { path: string; message: string }[] = [];
  for (const path of paths) {
    let read: Awaited<ReturnType<typeof scanFile>>;
    try {
      read = await scanFile(io.stdin, catalog, path, config);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      const hint = directoryHint(path);
      const message = `${err.userMessage}${hint ? ` ${hint}` : ""}`;
      io.stderr.write(`sipcode: ${message}\n`);
      errors.push({ path, message });
      continue;
    }
    const { scan, input } = read;
    const analysis = analyze(catalog, scan);
    const found = scan.findings.length > 0;
    // With --json the document still holds the file (its counts say 0 lines); the note is for people.
    if (input === "empty" && json) io.stderr.write(`sipcode: ${emptyInputText(path, true)}\n`);
    if (input === "binary" && (json || found))
      io.stderr.write(`sipcode: ${binaryInputNote(path, found, true)}\n`);
    // An empty input's summary says so, not that its text held no codes.
    if (json)
      files.push(scanFileJson(path, scan, analysis, input === "empty" ? emptyInputText(path) : undefined));
    else if (input === "empty") out.line(emptyInputText(path));
    else if (input === "binary" && !found) out.line(binaryInputNote(path, false));
    else out.cards([scanCard(analysis, { source: path === "-" ? "standard input" : path })]);
  }
  // One document whatever happened, so `sipcode scan --json "$f" | jq` never meets empty output;
  // the files that could not be read are listed with the reason stderr gave.
  if (json)
    io.stdout.write(`${JSON.stringify(errors.length > 0 ? { files, errors } : { files }, null, 2)}\n`);
  return errors.length > 0 ? 2 : 0;
}
