// Answers for words: a cause name, a title or alias, a timer named among other words, a logged
// message, then title/alias matches, and only then the entries whose descriptions discuss the words.
import { type Catalog, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { CHAT_WORDS, FILLER_WORDS, normalizeText, tokenize } from "../catalog/text.js";
import { everydayStart } from "./everyday.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import { dialStatusResult } from "./explain-dialstatus.js";
import { acsDrop, dropAfter } from "./explain-drops.js";
import { familyHint } from "./explain-families.js";
import { causeNameOf, nameResult } from "./explain-names.js";
import { isNoneCause, noCauseResult } from "./explain-no-cause.js";
import { ringTimeout } from "./explain-ringing.js";
import { beforeVendors, describedFirst } from "./explain-standard-first.js";
import { suggestionsFor } from "./explain-unknown.js";
import { forNamedVendor } from "./explain-vendor-named.js";
import type { ParsedQuery } from "./query.js";
import { type Scored, searchText, vendorNotes } from "./search.js";
import { joinedCompounds } from "./search-compounds.js";
import { catalogWording } from "./search-forms.js";
import { logMessageMatches } from "./search-logs.js";
import { isVendorEntry } from "./search-rank.js";
import { respelled } from "./search-spelling.js";

/** Words that say a timer went off ("timer fired"): a timer's timeout, in the catalog's words. */
const FIRING_RE =
  /\b(?:fired|fires|firing|fire|expired|expires|expiring|expiry|popped|timed out|times out)\b/g;

/** Entries of `ns` first, then those with a note for its vendor, then the rest; stable. */
function preferNamespace<T>(
  list: readonly T[],
  entryOf: (x: T) => Entry,
  ns: Namespace | null,
  c: Catalog,
): T[] {
  if (!ns) return [...list];
  const noted = vendorNotes(c, ns);
  const tier = (x: T) => (entryOf(x).namespace === ns ? 0 : noted.has(entryOf(x)) ? 1 : 2);
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => tier(a.x) - tier(b.x) || a.i - b.i)
    .map(({ x }) => x);
}

/** Name matches carrying a meaningful word of `words` when it has any ("voicemail", not "not working"). */
function meaningfulMatches(list: readonly Scored[], words: readonly string[]): Scored[] {
  const meaningful = words.some((w) => !FILLER_WORDS.has(w));
  return meaningful ? list.filter((r) => r.named === undefined || r.named > 0) : [...list];
}

/** With no vendor named, standard entries before vendors' (stable otherwise). */
function vendorsLast(list: readonly Scored[], ns: Namespace | null): Scored[] {
  if (ns !== null) return [...list];
  return [...list.filter((r) => !isVendorEntry(r.entry)), ...list.filter((r) => isVendorEntry(r.entry))];
}

export function textResult(
  c: Catalog,
  query: string,
  typed: ParsedQuery & { type: "text" },
  /** Fall back to words of meanings, causes, checks and notes when no title or alias matches. */
  detail = true,
): ExplainResult {
  // "webex calls drop", "exotel calls fail": that vendor's entries, never another's.
  const result = textAnswer(c, query, typed, detail);
  return forNamedVendor(c, result, typed.namespace, typed.text, () =>
    textAnswer(c, typed.text, { ...typed, namespace: null }, detail),
  );
}

function textAnswer(
  c: Catalog,
  query: string,
  typed: ParsedQuery & { type: "text" },
  detail: boolean,
): ExplainResult {
  const base = { query, parsed: typed, others: [], classEntry: null };
  // "calls dropped", "register failed": the catalog's wording of the same words answers them.
  // "unauthorised": the catalog's names are spelled "unauthorized".
  const spelled = respelled(typed.text);
  // "no ring back": the catalog's names say "no ringback".
  const joined = joinedCompounds(c, typed.text);
  const worded =
    catalogWording(c, typed.text) ??
    (spelled && c.byPhrase.has(spelled) ? spelled : spelled && catalogWording(c, spelled)) ??
    (joined && c.byPhrase.has(joined) ? joined : joined && catalogWording(c, joined));
  const parsed = worded ? { ...typed, text: worded } : typed;
  const dial = dialStatusResult(c, base, query);
  if (dial) return dial;
  // FreeSWITCH's "hangup_cause=NONE" is cause 0, no cause recorded; never a search for "none".
  if (isNoneCause(parsed.namespace, parsed.text)) return noCauseResult(base, "NONE");
  const name = causeNameOf(c, query, parsed.text);
  const named = name ? nameResult(c, base, name) : null;
  if (named) return named;
  const family = familyHint(c, query, parsed);
  if (family) return family;
  // "call stops ringing after 2 minutes": never answered, so a no-answer timer ended it.
  const rang = ringTimeout(c, normalizeText(query), parsed.namespace);
  if (rang) return { ...base, kind: "ambiguous", results: rang.entries, note: rang.note, suggestions: [] };
  // "call drops after 30 min": the time the call lasted names the timer that ended it; for Webex
  // Calling, 15 minutes is first the Mobius call keepalive.
  // "teams call drops": a connected ACS call that drops, most often on the client's network.
  const acs = parsed.namespace === "acs" ? acsDrop(c, normalizeText(query)) : null;
  if (acs) return { ...base, kind: "ambiguous", results: acs.entries, note: acs.note, suggestions: [] };
  const webex = parsed.namespace === "mobius";
  const timed =
    parsed.namespace === null || parsed.namespace === "sip" || parsed.namespace === "acs" || webex;
  const dropped = timed ? dropAfter(c, normalizeText(query), webex) : null;
  if (dropped) {
    const kind = dropped.entries.length === 1 ? "found" : "ambiguous";
    return { ...base, kind, results: dropped.entries, note: dropped.note, suggestions: [] };
  }
  // "phones not registering", "calls failing", "fax not working": no code, no vendor, so where to
  // start, never the vendor's card whose words they share in passing.
  const everyday =
    parsed.namespace === null || parsed.namespace === "sip" ? everydayStart(c, normalizeText(query)) : null;
  if (everyday) {
    return { ...base, kind: "ambiguous", results: everyday.entries, note: everyday.note, suggestions: [] };
  }
  const ns = parsed.namespace;
  const preferred = ns ? vendorNotes(c, ns) : null;
  // "timer b" or "busy here": the whole query may itself be a title or alias. After a namespace
  // word, only a title or alias of that namespace (or with a note for its vendor) counts, and
  // those come first ("exotel not found": Exotel's own "Not found", then SIP 404).
  // The other spelling names the same entries ("unauthorised" is HTTP's alias, "unauthorized" SIP's).
  const asked = normalizeText(query);
  const other = respelled(asked);
  const whole = [...new Set([...(c.byPhrase.get(asked) ?? []), ...((other && c.byPhrase.get(other)) || [])])];
  const rest = (c.byPhrase.get(parsed.text) ?? []).filter(
    (e) => !ns || e.namespace === ns || preferred?.has(e),
  );
  const phrase = preferNamespace(
    // With no vendor named, a standard code comes before a vendor's ("user busy": Q.850 17 first).
    (whole.length > 0 ? [...whole] : rest).sort(
      (a, b) =>
        (ns === null ? Number(isVendorEntry(a)) - Number(isVendorEntry(b)) : 0) ||
        NAMESPACE_PRIORITY[a.namespace] - NAMESPACE_PRIORITY[b.namespace],
    ),
    (e) => e,
    ns,
    c,
  );
  // "registration failed" is a Webex Calling alias, but any registrar's 401 fails a registration
  // too: the standard entries named lead, then the other standard ones that discuss the words.
  const vendors = ns === null ? phrase.filter(isVendorEntry) : [];
  const standardNamed = phrase.filter((e) => !vendors.includes(e));
  const listed = vendors.length > 0 ? beforeVendors(c, base, parsed.text, vendors, standardNamed) : null;
  if (listed) return listed;
  if (phrase.length > 0) {
    const kind = phrase.length === 1 ? "found" : "ambiguous";
    const note = kind === "ambiguous" ? `"${echo(parsed.text)}" names ${phrase.length} entries.` : null;
    return { ...base, kind, results: phrase, note, suggestions: [] };
  }
  // A timer named among other words ("timer B expired on INVITE to 10.0.0.5") is that timer.
  const timer = parsed.timer ? c.byId.get(parsed.timer) : undefined;
  if (timer) return { ...base, kind: "found", results: [timer], note: null, suggestions: [] };
  // A log message the catalog lists ("OBP resolution failed"): the entry it belongs to.
  const logged = logMessageMatches(c, query);
  const log = logged[0];
  if (log) {
    const results = logged.map((l) => l.entry);
    const note = `"${echo(log.message)}" is a logged message that points at ${log.dependency}.`;
    return { ...base, kind: results.length === 1 ? "found" : "ambiguous", results, note, suggestions: [] };
  }
  // A namespace word alone ("exotel") lists that namespace only.
  const alone = ns !== null && normalizeText(query) === parsed.text;
  let byName = searchText(c, parsed.text, ns, 8, { detail: false }).filter(
    (r) => !alone || r.entry.namespace === ns,
  );
  // "timer fired", "timer expired": no timer named, so the timers that time something out lead.
  if (ns === "timer" && !alone) {
    const firing = parsed.text.replace(FIRING_RE, "timeout");
    const timers = searchText(c, firing, ns, 8, { detail: false }).filter(
      (r) => r.entry.namespace === ns && r.coverage >= 0.5,
    );
    if (timers.length > 0) {
      const results = [
        ...new Set([...timers, ...byName.filter((r) => r.coverage >= 0.5)].map((r) => r.entry)),
      ];
      const note = `"${echo(query)}" names no timer; the timers it may mean come first. Name one (e.g. "timer b") to open it.`;
      return { ...base, kind: "ambiguous", results: results.slice(0, 5), note, suggestions: [] };
    }
    byName = preferNamespace(byName, (r) => r.entry, ns, c);
  }
  // A name that shares only filler with the words ("not working" in "DTMF not working") is no
  // answer to "voicemail not working"; and with no vendor named, a standard entry leads.
  byName = meaningfulMatches(byName, tokenize(parsed.text));
  const [top, second] = byName;
  if (top && top.coverage === 1 && (!second || top.score >= 1.5 * second.score)) {
    // "call dropped" is in ACS 410/3101's title, yet calls drop on every platform.
    const generic = ns === null && isVendorEntry(top.entry);
    const listed = generic
      ? (beforeVendors(c, base, parsed.text, [top.entry]) ??
        describedFirst(c, base, parsed.text, [top.entry]))
      : null;
    if (listed) return listed;
    return { ...base, kind: "found", results: [top.entry], note: null, suggestions: [] };
  }
  // Words of any chat message ("trunk", "down") match an alias in passing ("trunk not found"); when
  // they are all the query says, only a full match counts ("sip trunk down" is no Exotel 404).
  const said = tokenize(parsed.text).filter((w) => !FILLER_WORDS.has(w));
  const chatOnly = said.length > 0 && said.every((w) => CHAT_WORDS.has(w));
  // Entries that match every word leave out those that share one ("call" in SIP 181's title).
  const full = byName.some((r) => r.coverage === 1);
  const good = vendorsLast(
    byName.filter((r) => r.coverage >= (chatOnly || full ? 1 : 0.5)),
    ns,
  ).slice(0, 5);
  // With no vendor named, a vendor's entry that only its name matches never leads ("nat problem").
  // Words given with a code ("hold failed 491") only add other meanings to the code's, so stay as named.
  const vendorOnly =
    ns === null && !/\d/.test(parsed.text) && good.length > 0 && good.every((r) => isVendorEntry(r.entry));
  const first = vendorOnly
    ? describedFirst(
        c,
        base,
        parsed.text,
        good.map((r) => r.entry),
      )
    : null;
  if (first) return first;
  if (good.length > 0) {
    // One entry is "found" only when it matches every word; a partial match stays a suggestion.
    const one = good.length === 1 && good[0]?.coverage === 1;
    const note = one
      ? null
      : good.length === 1
        ? `The closest match for "${echo(parsed.text)}"; not every word matched.`
        : `Several entries match "${echo(parsed.text)}"; the closest come first.`;
    return {
      ...base,
      kind: one ? "found" : "ambiguous",
      results: good.map((r) => r.entry),
      note,
      suggestions: [],
    };
  }
  // No title or alias covers the words: entries that carry every specific word of the query in
  // their names, meaning, causes or notes ("all circuits busy": "circuits"), those named first.
  // Never one confident answer: a list of the entries that discuss it.
  const ranked = detail && !alone ? searchText(c, parsed.text, ns, 16, { specific: true }) : byName;
  const described = vendorsLast(
    ranked.filter((r) => r.specific === 1),
    ns,
  ).slice(0, 5);
  if (described.length > 0) {
    const which =
      described.length === 1 ? "this entry discusses it" : "these entries discuss it, the closest first";
    const note = `No entry is named "${echo(parsed.text)}"; ${which}.`;
    return { ...base, kind: "ambiguous", results: described.map((r) => r.entry), note, suggestions: [] };
  }
  const note =
    parsed.text === ""
      ? "I couldn't find a code or any words I know in that. Try a number like 488, or `help`."
      : `Nothing in the catalog matches "${echo(parsed.text)}".`;
  const suggestions = chatOnly ? [] : suggestionsFor(c, parsed.text, ns);
  return { ...base, kind: "unknown", results: [], note, suggestions };
}
