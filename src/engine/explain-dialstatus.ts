// Asterisk Dial() outcomes that carry no cause ("DIALSTATUS=CHANUNAVAIL", "DIALSTATUS=ANSWER"):
// what the status says and where the real cause is logged. BUSY, CONGESTION and NOANSWER stand for
// one cause each: the cause the scanner reads them as (scan/causes.ts), however they are written.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { unknownAnswer } from "./explain-no-entry.js";

/** Asterisk's channel variable, written as a dialplan reads it. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the dialplan's own syntax, not a template.
const HANGUPCAUSE = "${HANGUPCAUSE}";

/** What app_dial documents for each status, and the entries worth opening next. */
const STATUS: Readonly<Record<string, { says: string; related?: string[]; bare?: true }>> = {
  CHANUNAVAIL: {
    says:
      "is not a catalog code: it is the DIALSTATUS Asterisk's Dial() sets when no dialled channel could be created " +
      "or reached (the endpoint is not registered or unreachable, the host does not exist, or every leg failed " +
      "with a cause other than busy, congestion or no answer), so it stands for many causes. The real cause is " +
      `in ${HANGUPCAUSE} or in the "Unable to create channel of type '…' (cause N - …)" warning logged before ` +
      "it: paste that line, or look up the cause number.",
    bare: true,
  },
  ANSWER: {
    says:
      "means Dial() succeeded: the called party answered. If the call then went wrong, the cause is in " +
      `${HANGUPCAUSE} or the BYE's Reason header, not in DIALSTATUS.`,
  },
  CANCEL: {
    says:
      "means the caller hung up before the call was answered, so Dial() cancelled the outgoing legs (in SIP, a " +
      "CANCEL answered with 487 Request Terminated). It is the caller's choice, not a failure of the callee.",
    related: ["sip/487"],
  },
  INVALIDARGS: {
    says: "means Dial() was given arguments it could not parse, so no call was attempted: check the Dial() line in the dialplan.",
  },
  DONTCALL: {
    says: "comes from Dial()'s privacy and screening options: the called party chose to send the caller away.",
  },
  TORTURE: {
    says: "comes from Dial()'s privacy and screening options: the called party chose the torture script for the caller.",
  },
};

/**
 * The cause Dial() ended with for the statuses that stand for one (app_dial sets BUSY for
 * AST_CAUSE_BUSY, CONGESTION for AST_CAUSE_CONGESTION, NOANSWER for AST_CAUSE_NOANSWER). The
 * scanner reads the upper-case log form; chat users type "dialstatus=busy", which means the same.
 */
const ONE_CAUSE: Readonly<Record<string, string>> = {
  BUSY: "q850/17",
  CONGESTION: "q850/34",
  NOANSWER: "q850/19",
};

/** "DIALSTATUS=CHANUNAVAIL", "${DIALSTATUS}: ANSWER", "dialstatus cancel", or CHANUNAVAIL alone. */
const DIALSTATUS_RE = /^(\$\{?dialstatus\}?\s*[=:]?\s*|dialstatus\s*[=:]?\s*)?["']?([a-z]{4,12})["']?$/i;

export function dialStatusResult(
  c: Catalog,
  base: Pick<ExplainResult, "query" | "parsed">,
  query: string,
): ExplainResult | null {
  const m = DIALSTATUS_RE.exec(query.trim());
  const name = m?.[2]?.toUpperCase() ?? "";
  const cause = m?.[1] ? ONE_CAUSE[name] : undefined;
  const entry = cause ? c.byId.get(cause) : undefined;
  if (entry)
    return {
      ...base,
      kind: "found",
      results: [entry],
      others: [],
      classEntry: null,
      note: null,
      suggestions: [],
    };
  const status = STATUS[name];
  if (!m || !status || (!m[1] && !status.bare)) return null;
  // Entries whose notes speak of this dial status (Q.850 20's Asterisk note on CHANUNAVAIL) first;
  // "CANCEL" elsewhere is mostly the SIP method.
  const word = new RegExp(`(?<![A-Z_])${name}(?![A-Z_])`);
  const noted = c.entries.filter((e) =>
    e.notes.some((n) => /dial\s*status/i.test(n.text) && word.test(n.text)),
  );
  const related = (status.related ?? []).map((id) => c.byId.get(id)).filter((e): e is Entry => !!e);
  const suggestions = [...new Set([...noted, ...related])];
  const note = `${m[1] ? "DIALSTATUS=" : ""}${name} ${status.says}`;
  return unknownAnswer(base, note, suggestions);
}
