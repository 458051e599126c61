// A family keyword typed alone ("sip", "webex", "cause"): no entry is meant, so the answer says how
// to ask about that family instead of picking an arbitrary entry or saying nothing matches.
import type { Catalog } from "../catalog/indexes.js";
import type { Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import type { ExplainResult } from "./explain.js";
import { namespaceLabel } from "./explain-common.js";
import { unknownAnswer } from "./explain-no-entry.js";
import { NAMESPACE_WORDS, type ParsedQuery } from "./query.js";
import { MICROSOFT_TEAMS_RE } from "./query-forms.js";

/** How to ask about each family, with examples that answer. */
const HOW_TO_ASK: Readonly<Record<Namespace, string>> = {
  sip: "add a response code or its reason phrase, e.g. `sip 488` or `busy here`",
  q850: "add the cause value, e.g. `q850 16`, `cause 34` or `isdn 17`",
  mobius: "add the HTTP status or the mobius-error, e.g. `mobius 503` or `webex 118`",
  acs: "add the code and subcode, e.g. `acs 410/3112`, `teams 487` or `azure 3112`",
  exotel: "add an API error or a SIP response from the trunk, e.g. `exotel 1008` or `exotel 403`",
  http: "add the status, e.g. `http 429`",
  symptom: "describe what happens, e.g. `one way audio` or `call drops after 30 min`",
  timer: "name the timer, e.g. `timer b`, or give a value to the calculator, e.g. `timers 32s`",
};

/** Words typed alone that name a family but are no entry's name ("sip", "webex", "http"). */
export function familyHint(
  _c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "text" },
): ExplainResult | null {
  // "ms teams" and "Microsoft Teams" are "teams".
  const typed = query.trim().replace(MICROSOFT_TEAMS_RE, "");
  const word = normalizeText(typed).replace(/ /g, ".");
  const ns = NAMESPACE_WORDS[word] ?? NAMESPACE_WORDS[typed.toLowerCase()];
  if (!ns || parsed.namespace !== ns) return null;
  const note = `"${query.trim()}" names a family (${namespaceLabel(ns)}), not one code: ${HOW_TO_ASK[ns]}.`;
  return unknownAnswer({ query, parsed }, note);
}
