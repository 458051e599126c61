// What sipcode says in its own DM (the app's Messages tab) to a message with nothing to explain:
// silence there looks broken, and a "No entry" card does not say what the bot can read.
import type { Entry } from "../../../../catalog/schema.js";
import { entryLabel } from "../../../../engine/labels.js";
import { esc } from "../../../../render/block-kit.js";

const WHAT_TO_SEND =
  "Send me a log (paste it, or attach it as a .log, .txt or .json file), a code such as `488`, " +
  "`q850 16` or `acs 410/3112`, a symptom such as `one way audio`, or `timers`. `help` lists everything I can do.";

/**
 * The reply to a DM with nothing to explain: why (`notes`: what became of its files, escaped since
 * they quote file names people chose), the catalog's best guess at its words, and what to send.
 */
export function ownDmNote(notes: readonly string[], guess?: Entry): string {
  const why =
    notes.length > 0
      ? `There is nothing I could read to explain in that message. ${esc(notes.join(" "))}`
      : "I found no error code in that message, and it doesn't clearly name one.";
  const meant = guess ? ` If you meant ${esc(entryLabel(guess))}, send \`${guess.id}\`.` : "";
  return `${why}${meant}\n${WHAT_TO_SEND}`;
}
