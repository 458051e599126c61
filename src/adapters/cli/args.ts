// The command line as people type it: options may come before or after the subcommand
// (`sipcode --json scan` is `sipcode scan --json`), subcommands are found in any case, and any
// option we do not know, long or short, is a usage error rather than a query.
import { readFileSync } from "node:fs";
import { UsageError } from "../../errors.js";

export const SUBCOMMANDS = [
  "explain",
  "search",
  "scan",
  "timers",
  "shell",
  "serve",
  "start",
  "help",
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export interface Args {
  /** The subcommand named by the first word, or null for a query (`sipcode 488`). */
  command: Subcommand | null;
  json: boolean;
  /** null: the user said nothing, use the terminal and NO_COLOR to decide. */
  colour: boolean | null;
  help: boolean;
  version: boolean;
  /** The words after the subcommand (all the words when there is none). */
  rest: string[];
}

/** An option-looking word: `--anything`, or `-` and a letter. `-1` and `-486` stay words, `-` is stdin. */
const OPTION = /^(?:--.|-[A-Za-z])/;

export function parseArgs(argv: string[]): Args {
  const a: Args = { command: null, json: false, colour: null, help: false, version: false, rest: [] };
  let literal = false;
  let first = true;
  for (const word of argv) {
    if (literal) a.rest.push(word);
    else if (word === "--") literal = true;
    else if (word === "--json") a.json = true;
    else if (word === "--no-color" || word === "--no-colour") a.colour = false;
    else if (word === "--color" || word === "--colour") a.colour = true;
    else if (word === "-h" || word === "--help") a.help = true;
    else if (word === "-v" || word === "-V" || word === "--version") a.version = true;
    else if (OPTION.test(word))
      throw new UsageError(`Unknown option ${word}. Run sipcode --help for the options.`);
    else {
      // Only the first word can name a subcommand; after `--` every word is text.
      const command = first ? subcommand(word) : null;
      if (command) a.command = command;
      else a.rest.push(word);
      first = false;
    }
  }
  return a;
}

/** "Timers", "SCAN", "help?" name a subcommand; anything else is part of a query. */
function subcommand(word: string): Subcommand | null {
  const w = word.toLowerCase().replace(/\?+$/, "");
  return (SUBCOMMANDS as readonly string[]).includes(w) ? (w as Subcommand) : null;
}

/**
 * What a question means when it names a command in other words: "sip timers" and "timers?" are
 * the timers card, "help me" and "help?" are help. Anything else comes back unchanged.
 */
export function commandText(text: string): string {
  const t = text.trim();
  if (/^help\s*\??(?:\s+(?:me|please|pls|plz))*\s*[?!.]*$/i.test(t)) return "help";
  const timers =
    /^(?:(?:sip|webex)\s+)?timers\s*\??(?=\s|$)/i.exec(t) ??
    /^(?:(?:sip|webex)\s+timers?|timers?\s*\?)\s*$/i.exec(t);
  if (timers) return `timers ${t.slice(timers[0].length).trim()}`.trim();
  return t;
}

/** The package's version, as `sipcode -v` prints it. */
export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
    if (typeof pkg.version === "string") return pkg.version;
  } catch {
    // A copied dist without its package.json still answers.
  }
  return "unknown";
}
