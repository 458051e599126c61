// The shell's `scan <file>`: a path to a file that exists is read like `sipcode scan FILE` reads it
// (any encoding, gzip), and a path that is not there says so instead of scanning the path's own
// text and reporting that it holds no codes.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import type { Catalog } from "../../catalog/indexes.js";
import type { CliConfig } from "../../config.js";
import { analyze } from "../../engine/analyze.js";
import { UsageError } from "../../errors.js";
import { scanCard } from "../../render/scan-card.js";
import { cardsToText } from "../../render/text.js";
import { binaryInputNote, emptyInputText } from "./input-kind.js";
import type { Io } from "./main.js";
import { scanFile } from "./read.js";

/** Written like a path: absolute, relative with ./ or ../, under ~, or a file name with a log's extension. */
const PATH_LIKE = /^(?:~?\/|\.\.?\/|[A-Za-z]:\\)\S|^[^\s/]+\.(?:log|txt|gz|json|out|trace|pcap)$/i;

/** The file a `scan …` line names, or undefined when it gives text to scan. */
export function scanPathOf(text: string): string | undefined {
  const m = /^scan\s+(\S.*)$/i.exec(text.trim());
  if (!m?.[1] || m[1].includes("\n")) return undefined;
  const written = m[1].trim().replace(/^(["'])(.*)\1$/, "$2");
  const path = written.startsWith("~/") ? `${homedir()}${written.slice(1)}` : written;
  return existsSync(path) || PATH_LIKE.test(written) ? path : undefined;
}

/** The scan card of the file at `path`, or a sentence saying why it cannot be read. */
export async function scanPathReply(
  catalog: Catalog,
  io: Io,
  config: CliConfig,
  path: string,
  colour: boolean,
): Promise<string> {
  try {
    const { scan, input } = await scanFile(io.stdin, catalog, path, config);
    if (input === "empty") return emptyInputText(path);
    if (input === "binary" && scan.findings.length === 0) return binaryInputNote(path, false);
    return cardsToText([scanCard(analyze(catalog, scan), { source: path })], { colour });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return `${err.userMessage} \`scan\` reads the file at a path that exists, or scans the text typed after it; to scan a log, paste it and end it with an empty line.`;
  }
}
