// What the CLI says about input that was no text log (the rule that judges it is src/input-kind.ts).

/** The input's name; standard input's starts a sentence with a capital, a path stays as typed. */
const named = (source: string, lead: boolean) =>
  source === "-" ? (lead ? "Standard input" : "standard input") : source;

/** The sentence said for input that held nothing to scan: on stdout in place of a card, or a note. */
export function emptyInputText(source: string, note = false): string {
  return `${named(source, !note)} was empty: there was no log to scan.`;
}

/** What is said about a binary input, with or without codes found in the text inside it. */
export function binaryInputNote(source: string, found: boolean, note = false): string {
  return found
    ? `${named(source, !note)} looks like a binary file, not a text log: only the text inside it was scanned (for a packet capture, tshark or sngrep read every message).`
    : `${named(source, !note)} looks like a binary file, not a text log: no codes were found in the text inside it.`;
}
