// Whether an answer belongs in an incident thread when nobody typed a question: the message
// shortcut run on any message, or a mention whose files could not be read. Everyone in the thread
// sees the reply, so a guess at chatter ("thanks!", "New alert") stays private.
import { normalizeText } from "../../catalog/text.js";
import type { ExplainResult } from "../../engine/explain.js";
import { recordAnswer } from "../../metrics/index.js";
import { esc } from "../../render/block-kit.js";
import type { Reply } from "../../respond.js";

/**
 * Worth posting: the scanner found a code or an unanswered request, or the text, read as a
 * question, names one catalog entry (`488`, `busy here`, `one way audio`) or a code with several
 * meanings (`503`). Entries that merely share a word with the text are a guess, not an answer.
 */
export function worthPosting(reply: Reply): boolean {
  switch (reply.kind) {
    case "scan":
      return reply.analysis.counts.findings > 0 || reply.analysis.firstFailureLabel !== null;
    case "explain":
      return (
        reply.result.kind === "found" ||
        (reply.result.kind === "ambiguous" &&
          (reply.result.parsed.type !== "text" || namesTopEntry(reply.result)))
      );
    case "timers":
      return true;
    case "help":
      return false;
  }
}

/**
 * Words that hold the whole title or an alias (of two words or more) of the best-matching entry
 * name it ("why busy here?" names SIP 486 Busy Here), however many other entries share a word.
 */
function namesTopEntry(r: ExplainResult): boolean {
  const top = r.results[0];
  if (!top) return false;
  const words = ` ${normalizeText(r.query)} `;
  return [top.title, ...(top.aliases ?? [])].some((name) => {
    const n = normalizeText(name);
    return n.includes(" ") && words.includes(` ${n} `);
  });
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
 * Counts a message that got only the private note (kind="nothing"): chatter is no unknown code
 * worth adding to the catalog, and no scan either.
 */
export function countNothing(): void {
  recordAnswer("slack", { kind: "nothing", namespaces: [] });
}
