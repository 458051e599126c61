// A file Slack calls text (named .log or .txt, sent as text/plain) whose bytes are binary: a core
// dump, a packet capture or a zip renamed by mistake. Read as text it would get a public "No error
// codes found" card that tells the channel the log is clean. It is judged by the rule the CLI uses
// (src/input-kind.ts): when the text inside it holds codes they are still shown, with a note saying
// what the file was; otherwise it counts as a file that could not be read, answered privately.
import type { Catalog } from "../../catalog/indexes.js";
import { scanText } from "../../engine/scan/scanner.js";
import { InputSample } from "../../input-kind.js";

export type BinaryVerdict =
  /** Text, or nothing at all: read as it is. */
  | { binary: false }
  /** Binary: `keep` says whether its text holds codes worth reading, `note` what to tell people. */
  | { binary: true; keep: boolean; note: string };

/** Whether a downloaded file's decoded text is a text log, and what to say when it is not. */
export function judgeFile(catalog: Catalog, name: string, text: string): BinaryVerdict {
  const sample = new InputSample();
  sample.observe(text);
  if (sample.kind() !== "binary") return { binary: false };
  const found = scanText(catalog, text).findings.length > 0;
  return found
    ? {
        binary: true,
        keep: true,
        note: `${name} looks like a binary file, not a text log: I read only the text inside it (for a packet capture, tshark or sngrep read every message).`,
      }
    : {
        binary: true,
        keep: false,
        note: `I skipped ${name}: it looks like a binary file, not a text log, and the text inside it holds no error codes. I can only read text logs (.log, .txt, .json…).`,
      };
}
