// What the CLI says about input that was no text log (the rule that judges it is src/input-kind.ts).

const named = (source: string) => (source === "-" ? "standard input" : source);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence said for input that held nothing to scan: on stdout in place of a card, or a note. */
export function emptyInputText(source: string, note = false): string {
  const text = `${named(source)} was empty: there was no log to scan.`;
  return note ? text : capital(text);
}

/** What is said about a binary input, with or without codes found in the text inside it. */
export function binaryInputNote(source: string, found: boolean, note = false): string {
  const text = found
    ? `${named(source)} looks like a binary file, not a text log: only the text inside it was scanned (for a packet capture, tshark or sngrep read every message).`
    : `${named(source)} looks like a binary file, not a text log: no codes were found in the text inside it.`;
  return note ? text : capital(text);
}
