// What of a typed question may be searched and echoed when it holds a secret or a phone number: the
// echo has them marked or masked, the search sees neither, and a question that was only a secret
// gets an honest answer instead of whatever the mark's own word resembles ("redacted" ~ "Rejected").
import { FILLER_WORDS, tokenize } from "../catalog/text.js";
import { maskShapedPhones } from "./query-shape.js";
import { REDACTION_MARK, redact } from "./scan/redact.js";

/** A phone number as redact() masks it: "+141•••••••23", "%2B141•••••••23". */
const MASKED_RE = /(?:\+|%2B)?\d*•+\d*/gi;

const MARK_SOURCE = REDACTION_MARK.replace(/[[\]]/g, "\\$&");
/** The mark, quoted or not: already in the text when a button or a Teams ref re-runs a question. */
const MARK_RE = new RegExp(`["']?${MARK_SOURCE}["']?`, "g");
/**
 * The mark with the name it stood under: "password=[redacted]", "Authorization: [redacted]",
 * "Bearer [redacted]", and in prose "token [redacted]", "api key is [redacted]".
 */
const KEYED_MARK_RE = new RegExp(
  `(?:[\\w.-]+["']?\\s*[:=]\\s*|\\bBearer\\s+|\\b(?:(?:api|access|auth|secret)[ _-]?)?(?:token|key|secret)s?(?:\\s+(?:is|was))?\\s+)?["']?${MARK_SOURCE}["']?`,
  "gi",
);

export interface Question {
  /** What the answer may echo: secrets marked, phone numbers masked. */
  shown: string;
  /** What is searched: no secret and no mark, a masked number as "•••" (no digits to read as a code). */
  asked: string;
  /** Nothing but secrets (and the names they were given under) was typed. */
  secretOnly: boolean;
}

/** The searchable and showable forms of a typed question (already free of control characters). */
export function question(clean: string): Question {
  // The log masker needs context for a short national number; a question needs none, so what it
  // leaves of a number the question's shapes recognise ("030 901820") is masked here.
  const shown = maskShapedPhones(redact(clean));
  if (shown === clean && !clean.includes(REDACTION_MARK)) return { shown, asked: clean, secretOnly: false };
  const asked = shown.replace(MARK_RE, " ").replace(MASKED_RE, "•••");
  const rest = shown.replace(KEYED_MARK_RE, " ");
  const secretOnly =
    shown.includes(REDACTION_MARK) && !/\d/.test(rest) && tokenize(rest).every((w) => FILLER_WORDS.has(w));
  return { shown, asked, secretOnly };
}

/** The note for a question that was only a secret; nothing of it was searched. */
export const SECRET_ONLY_NOTE =
  "That looks like a secret (a password, token or key), so it was removed and nothing was searched. " +
  "Please don't paste secrets into chat: if it was real, delete the message and change it. " +
  "Ask about the code or error instead, e.g. `401` or `registration fails`.";
