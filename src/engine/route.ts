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

/**
 * English words one edit away from "timers" that are not a mistyped command: "times out" and
 * "tiers" are questions, never the calculator.
 */
const NOT_TIMERS = new Set(["times", "tiers", "tigers", "timbers", "tilers", "tamers", "miters", "timer"]);

/**
 * "timrs", "timres", "timerz", "timmers", "tmers": one letter dropped, added, changed or two
 * swapped (Damerau distance 1). A tired engineer who mistypes the command wants the calculator,
 * not a catalog card that happens to match the typo.
 */
export function isTimersTypo(word: string): boolean {
  if (word.length < 5 || word.length > 7 || NOT_TIMERS.has(word) || word[0] !== "t") return false;
  return editDistance(word, "timers") === 1;
}

/**
 * English words one edit away from "help" or "scan": questions or words, never a mistyped command
 * ("scam calls", "span 100", "hell").
 */
const NOT_COMMANDS = new Set([
  "held",
  "helm",
  "hell",
  "hemp",
  "heap",
  "help",
  "scab",
  "scam",
  "scar",
  "scat",
  "span",
  "swan",
  "sean",
  "stan",
  "scant",
  "scan",
  "san",
  "can",
]);

/**
 * "hepl", "hlep", "scna", "sacn", "scann": one edit from the command, with its first letter kept
 * (or the first two swapped), as for timers. Only a word alone is help; a scan typo takes the rest
 * of the message as the log or files, as "scan" does.
 */
export function isCommandTypo(word: string, command: "help" | "scan"): boolean {
  if (word.length < 3 || word.length > 5 || NOT_COMMANDS.has(word)) return false;
  if (word[0] !== command[0] && !(word[1] === command[0] && word[0] === command[1])) return false;
  return editDistance(word, command) === 1;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

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
  if (text === "" || HELP_WORDS.has(lower) || isCommandTypo(lower, "help")) return { type: "help" };
  const first = lower.split(/\s+/, 1)[0] ?? "";
  const rest = text.slice(first.length).trim();
  // "timer t1=2s" and "timer 32s" are the calculator; "timer b", "timer B fired" ask about a timer.
  const calculator = rest === "" || CALCULATOR_ARG.test(rest);
  if (first === "timers" || ((first === "timer" || isTimersTypo(first)) && calculator)) {
    return { type: "timers", args: rest === "" ? [] : rest.split(/\s+/) };
  }
  if (first === "scan" || isCommandTypo(first, "scan")) return { type: "scan", text: rest, asked: true };
  if (first === "explain" || first === "search") return { type: "explain", query: rest };
  if (looksLikeLog(text)) return { type: "scan", text };
  return { type: "explain", query: text };
}
