// Decides what a chat message or shell line asks for: help, timers, a log scan or an explanation.
// Every surface uses this, so "@sipcode timers" and "timers" in the shell behave the same.

export type Intent =
  | { type: "help" }
  | { type: "timers"; args: string[] }
  /** `asked`: the user typed "scan" (a one-line paste is then scanned, never explained). */
  | { type: "scan"; text: string; asked?: boolean }
  | { type: "explain"; query: string };

const HELP_WORDS = new Set(["help", "?", "-h", "--help", "usage"]);
/** The calculator's arguments: a setting (t1=2s, Expires: 600), a duration (32s) or a keyword. */
const CALCULATOR_ARG = /^(?:[\w-]+\s*[=:]\s*\S|\d+(?:\.\d+)?\s*m?s\b|keepalive\b|ims\b)/i;

/** Text that looks like a pasted log rather than a question. */
export function looksLikeLog(text: string): boolean {
  const lines = text.split("\n", 4).filter((l) => l.trim() !== "");
  if (lines.length >= 2) return true;
  if (text.length > 200) return true;
  return /SIP\/2\.0 \d{3}|callEndReason|mobius-error|error_data|HANGUPCAUSE|;cause=/i.test(text);
}

export function route(input: string): Intent {
  const text = input.replace(/\r\n?/g, "\n").trim();
  const lower = text.toLowerCase();
  if (text === "" || HELP_WORDS.has(lower)) return { type: "help" };
  const first = lower.split(/\s+/, 1)[0] ?? "";
  const rest = text.slice(first.length).trim();
  // "timer t1=2s" and "timer 32s" are the calculator; "timer b", "timer B fired" ask about a timer.
  if (first === "timers" || (first === "timer" && (rest === "" || CALCULATOR_ARG.test(rest)))) {
    return { type: "timers", args: rest === "" ? [] : rest.split(/\s+/) };
  }
  if (first === "scan") return { type: "scan", text: rest, asked: true };
  if (first === "explain" || first === "search") return { type: "explain", query: rest };
  if (looksLikeLog(text)) return { type: "scan", text };
  return { type: "explain", query: text };
}
