// Reading a log for `sipcode scan` and the shell's `scan <file>`: a file by its path (or standard
// input for `-`), decoded whatever way it was saved, streamed through the scanner.
import { createReadStream } from "node:fs";
import type { Catalog } from "../../catalog/indexes.js";
import type { CliConfig } from "../../config.js";
import { decodeText } from "../../decode.js";
import { Scanner } from "../../engine/scan/scanner.js";
import { UsageError } from "../../errors.js";
import { InputSample } from "../../input-kind.js";

/** The scan of a file (or of standard input for `-`), and whether it held text, nothing, or binary. */
export async function scanFile(
  stdin: NodeJS.ReadableStream,
  catalog: Catalog,
  path: string,
  config: CliConfig,
) {
  const scanner = new Scanner(catalog, { maskPhoneNumbers: config.maskPhoneNumbers });
  const sample = new InputSample();
  const stream = path === "-" ? stdin : createReadStream(path, { highWaterMark: 1 << 18 });
  try {
    for await (const text of decodeText(stream as AsyncIterable<Buffer | string>)) {
      sample.observe(text);
      scanner.push(text);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (err as Error).message;
    throw new UsageError(`Cannot read ${path}: ${why}.`);
  }
  return { scan: scanner.end(), input: sample.kind() };
}
