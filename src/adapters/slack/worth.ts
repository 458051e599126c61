// Whether an answer belongs in an incident thread when nobody typed a question: the message
// shortcut run on any message, or a mention whose files could not be read. Everyone in the thread
// sees the reply, so a guess at chatter ("thanks!", "New alert") stays private.
import type { Entry } from "../../catalog/schema.js";
import { normalizeText } from "../../catalog/text.js";
import type { ExplainResult } from "../../engine/explain.js";
import { entryLabel } from "../../engine/labels.js";
import { recordAnswer } from "../../metrics/index.js";
import { esc } from "../../render/block-kit.js";
import type { Reply } from "../../respond.js";

/**
 * Worth posting: the scanner found a code or an unanswered request, or the text, read as a
 * question, names one catalog entry (`488`, `busy here`, `one way audio`), a code with several
 * meanings (`503`), or words the engine built a list for (`register failed`, `calls dropped`,
 * `phones not registering`). Entries that merely share a word with the text are a guess, not an
 * answer.
 */
export function worthPosting(reply: Reply): boolean {
  switch (reply.kind) {
    case "scan":
      return reply.analysis.counts.findings > 0 || reply.analysis.firstFailureLabel !== null;
    case "explain":
      return (
        reply.result.kind === "found" ||
        (reply.result.kind === "ambiguous" &&
          (reply.result.parsed.type !== "text" ||
            namesTopEntry(reply.result) ||
            builtForTheWords(reply.result)))
      );
    case "timers":
      return true;
    case "help":
      return false;
  }
}

/** Words that ask about a name without being part of it ("what does unauthorized mean?"). */
const ASKING = new Set(
  "what whats is are does do did mean means meaning why getting get got a an the this that it i we me am s sip error code status response".split(
    " ",
  ),
);

/**
 * Words that hold the whole title or an alias (of two words or more) of the best-matching entry
 * name it ("why busy here?" names SIP 486 Busy Here), however many other entries share a word. A
 * one-word title or alias ("Forbidden", "Ringing") names it only when it is all the question
 * asks about ("forbidden?", "what does unauthorized mean"): a sentence that merely holds the
 * word ("I'm gone for the day") does not.
 */
function namesTopEntry(r: ExplainResult): boolean {
  const top = r.results[0];
  if (!top) return false;
  const normalized = normalizeText(r.query);
  const words = ` ${normalized} `;
  const asked = normalized.split(" ").filter((w) => w !== "" && !ASKING.has(w));
  return [top.title, ...(top.aliases ?? [])].some((name) => {
    const n = normalizeText(name);
    if (n.includes(" ")) return words.includes(` ${n} `);
    return asked.length === 1 && asked[0] === n;
  });
}

/**
 * The notes of the engine's last resorts for words (explain-text.ts, explain-duration.ts):
 * entries that share some of the words with the question ("who is on call" shares "call" with
 * SIP 181), or the timers at a duration the words hold ("back in 15 min"). That is how chatter
 * reads, so such a list is a guess.
 */
const GUESSES = [
  /^Several entries match ".*"; the closest come first\.$/s,
  /^The closest match for ".*"; not every word matched\.$/s,
  /^No entry is named ".*"; (?:this entry discusses|these entries discuss) it/s,
  /^".*" is a duration \([^)]*\), not a code\./s,
];

/**
 * A list the engine made for these words rather than a word match: a name several entries share
 * in any of its forms ("register failed" is "registration failed", the standard meanings first),
 * or an everyday phrase's place to start ("phones not registering", "calls failing"), each with
 * its own note.
 * A duration alone ("15 min") is a timer lookup, which a thread's chatter holds too.
 */
function builtForTheWords(r: ExplainResult): boolean {
  if (r.note === null || r.parsed.type !== "text" || r.parsed.durationMs !== undefined) return false;
  const note = r.note;
  return !GUESSES.some((re) => re.test(note));
}

/**
 * The private note for a message with nothing worth posting; `notes` say what became of its files
 * (escaped: they quote file names people chose).
 */
export function nothingNote(notes: readonly string[]): string {
  if (notes.length > 0)
    return `There is nothing I could read to explain in that message. ${esc(notes.join(" "))}`;
  return (
    "There is nothing to explain in that message: I found no error code in it, and it doesn't clearly name one. " +
    "To look something up, use `/sipcode <code or question>`."
  );
}

/**
 * Words that name nothing: a question with no code in it that the catalog cannot answer, or can
 * only guess at ("can you explain the log above?", "thanks!"). A code the catalog does not know
 * (`sip 499`) is named, and gets its honest "unknown" card.
 */
export function namesNothing(reply: Reply): boolean {
  return reply.kind === "explain" && reply.result.parsed.type === "text" && !worthPosting(reply);
}

/**
 * The private note for a mention in a thread whose words name nothing: people expect the bot to
 * read the thread, so say what it reads, and how to have the message holding the log explained.
 */
export function wordsOnlyNote(words: string, guess?: Entry): string {
  const lookup = guess
    ? `If you meant ${esc(entryLabel(guess))}, mention me with \`@sipcode ${guess.id}\`.`
    : "To look something up, mention me with the code or its words (`@sipcode 503`, `@sipcode busy here`).";
  return (
    `I read only the words of a mention and the files attached to it, not the rest of the thread, and "${esc(words)}" doesn't clearly name an error code. ` +
    "To explain a log or alert posted above, open the message's ⋮ *More actions* menu and choose *Explain error codes*. " +
    lookup
  );
}

/**
 * Counts a message that got only the private note (kind="nothing"): chatter is no unknown code
 * worth adding to the catalog, and no scan either.
 */
export function countNothing(): void {
  recordAnswer("slack", { kind: "nothing", namespaces: [] });
}
