// Code/subcode pairs the catalog has no row for, outside ACS (which explain-acs-pair.ts answers).
// Exotel API errors and HTTP statuses have no subcodes at all, so the number after the slash is no
// part of the code and the code alone is answered. Mobius pairs an HTTP status with a mobius-error:
// an unlisted pair names only the asked status's own entries, or, when the first number is really
// a mobius-error, the status it is listed with.
import type { Catalog } from "../catalog/indexes.js";
import type { Namespace } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { inNs, labelOf, namespaceLabel } from "./explain-common.js";
import { unknownAnswer } from "./explain-no-entry.js";
import type { ParsedQuery } from "./query.js";
import { microsoftSubcode } from "./query-subcode.js";
import { isActionSubcode } from "./scan/acs-records.js";

/** At most this many of the asked code's entries are suggested. */
const SUGGESTED = 6;

/** Families whose codes never carry a subcode, with how their codes are named in a note. */
const NO_SUBCODES: Partial<Record<Namespace, string>> = {
  exotel: "Exotel API errors",
  http: "HTTP statuses",
  sip: "SIP response codes",
  q850: "Q.850 causes",
};

type CodeQuery = ParsedQuery & { type: "code" };

/**
 * The answer for a pair no entry has, in a family other than ACS; null when no subcode was typed
 * or the family is not one answered here. `codeAlone` answers the code typed without a subcode.
 */
export function unknownPair(
  c: Catalog,
  query: string,
  parsed: CodeQuery,
  codeAlone: (p: CodeQuery) => ExplainResult,
): ExplainResult | null {
  const { namespace: ns, subcode } = parsed;
  if (subcode === null) return null;
  if (ns === null) return subcode === 0 ? zeroWithoutGeneral(c, query, parsed, codeAlone) : null;
  const family = NO_SUBCODES[ns];
  if (family) {
    const alone = withoutSubcode(query, parsed, family, codeAlone);
    return ns === "sip" ? withMicrosoftPair(c, alone, parsed.code, subcode) : alone;
  }
  if (ns === "mobius") return mobiusPair(c, query, parsed, subcode);
  return null;
}

/**
 * "exotel 1001/5", "http 404/2": the family has no subcodes, so the code is answered as if typed
 * alone ("exotel 1001"), with a note saying the second number was set aside.
 */
function withoutSubcode(
  query: string,
  parsed: CodeQuery,
  family: string,
  codeAlone: (p: CodeQuery) => ExplainResult,
): ExplainResult {
  const { code, subcode } = parsed;
  const alone = codeAlone({ ...parsed, subcode: null });
  const said = `${family} have no subcodes, so the ${subcode} in ${code}/${subcode} is not part of the code; ${code} is answered on its own.`;
  return { ...alone, query, parsed, note: alone.note ? `${said} ${alone.note}` : said };
}

/**
 * "sip 503/560503", "sip 400/8510": the number after the SIP code is a Microsoft subcode (Teams
 * call analytics and ACS callEndReason show "503 / 560503"), so the note says so and points at
 * the ACS pair, whose entry, when the catalog has one, leads the other meanings.
 */
function withMicrosoftPair(c: Catalog, alone: ExplainResult, code: number, subcode: number): ExplainResult {
  const action = isActionSubcode(subcode);
  if (!action && !microsoftSubcode(subcode, "acs")) return alone;
  const what = action
    ? `an ACS Call Automation action's result (85xx), not part of any call-end code`
    : "a Microsoft subcode (ACS or Teams Direct Routing), which comes paired with the SIP code";
  const entry = c.byId.get(`acs/${code}-${subcode}`);
  const see = entry ? `${labelOf(entry)}, listed below` : `ask \`acs ${code}/${subcode}\``;
  const said = `${subcode} reads as ${what}: for the pair, ${see}.`;
  const others = entry ? [entry, ...alone.others.filter((e) => e !== entry)] : alone.others;
  return { ...alone, others, note: alone.note ? `${alone.note} ${said}` : said };
}

/**
 * "486/0", "200/0": no family named, and ACS, whose callEndReason writes a 0 subcode, has no
 * general entry for the code (which explain-acs-pair.ts would answer). A 0 adds nothing, and SIP
 * codes have no subcodes, so the code is answered on its own (SIP 486 first); ACS's own pairs
 * with that code stay among its other meanings. Null when the code has no entry of its own.
 */
function zeroWithoutGeneral(
  c: Catalog,
  query: string,
  parsed: CodeQuery,
  codeAlone: (p: CodeQuery) => ExplainResult,
): ExplainResult | null {
  const { code } = parsed;
  if (!(c.byCode.get(code) ?? []).some((e) => e.subcode === null)) return null;
  const alone = codeAlone({ ...parsed, subcode: null });
  if (alone.results.length === 0) return null;
  // The family is the one answered ("16/0" is Q.850 cause 16), so the note names that family.
  const family = NO_SUBCODES[alone.results[0]?.namespace ?? "sip"] ?? "SIP response codes";
  const said = `No entry pairs ${code} with subcode 0, which adds nothing: ${family} have no subcodes, so ${code} is answered on its own.`;
  return { ...alone, query, parsed, note: alone.note ? `${said} ${alone.note}` : said };
}

/**
 * "mobius 499/3", "mobius 403/999": no entry for the pair. The status's general entries and its
 * own mobius-errors, nearest the one typed, are suggested. "mobius 112/5": 112 is no status but a
 * mobius-error, so the entries that carry it are.
 */
function mobiusPair(c: Catalog, query: string, parsed: CodeQuery, subcode: number): ExplainResult {
  const { code } = parsed;
  const head = `No ${namespaceLabel("mobius")} entry for ${code}/${subcode}.`;
  const known = inNs(c.byCode.get(code), "mobius");
  if (known.length === 0) {
    const asError = inNs(c.bySubcode.get(code), "mobius");
    if (asError.length === 0)
      return unknownAnswer(
        { query, parsed },
        `${head} The catalog has no Mobius HTTP status ${code} and no mobius-error ${code}.`,
      );
    const statuses = asError.map((e) => `${e.code} (${e.title})`).join(" or ");
    return unknownAnswer(
      { query, parsed },
      `${head} ${code} is not an HTTP status Mobius answers with but a mobius-error, which comes with status ${statuses}, shown below.`,
      asError.slice(0, SUGGESTED),
    );
  }
  const general = known.filter((e) => e.subcode === null);
  const subs = known
    .filter((e) => e.subcode !== null)
    .sort((a, b) => Math.abs((a.subcode ?? 0) - subcode) - Math.abs((b.subcode ?? 0) - subcode));
  const listed = subs
    .map((e) => e.subcode ?? 0)
    .sort((a, b) => a - b)
    .join(", ");
  const errors = `mobius-error${subs.length === 1 ? "" : "s"} ${listed}`;
  const entry = general.length === 1 ? "entry" : "entries";
  const which =
    general.length > 0 && subs.length > 0
      ? `The general ${code} ${entry} and ${code}'s ${errors} are shown below.`
      : general.length > 0
        ? `The catalog lists no mobius-error under ${code}; its general ${entry} ${general.length === 1 ? "is" : "are"} shown below.`
        : `The catalog lists ${code} only with ${errors}, shown below.`;
  return unknownAnswer({ query, parsed }, `${head} ${which}`, [...general, ...subs].slice(0, SUGGESTED));
}
