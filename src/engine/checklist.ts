// The merged follow-up checklist of a scan: the checks of the failures' catalog entries in the
// order that matters (the failure most calls share, the headline failure, then the rest and the
// timers that fired), each check once, a failed request's method picking its own checks and the
// headline failure's own line (its PBX or proxy, whether the call came in, a stack's own cause)
// the checks that fit it.
import type { Entry } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { callFacts, fitChecks } from "./call-facts.js";
import { pingLeftDown } from "./gateway-pings.js";
import type { Finding } from "./scan/scanner.js";
import { ordinaryAnswer } from "./sipp.js";
import { PJSIP_TRANSPORT_ERROR, pjsipTransportError } from "./transport-error.js";

export const MAX_CHECKLIST = 10;

export interface ChecklistParts {
  /** Failure entries in the order their findings came. */
  entries: Entry[];
  /** Entries that go first, most important first (undefined: none). */
  leading: Array<Entry | undefined>;
  /** The timers' entries, after the failures'. */
  timers: Entry[];
  /** The request each entry's failure answered: a REGISTER's 403 has checks of its own. */
  methods: ReadonlyMap<Entry, string>;
  /** A check of the log's own to put before an entry's (an unlisted PSTN subcode's SBC check). */
  extra: ReadonlyMap<Entry, string>;
  /** Checks the failure's own line gives that replace an entry's (an unavailable trunk's). */
  replaced?: ReadonlyMap<Entry, readonly string[]>;
  /** Dependencies the failures' log messages name (CXAPI, Redis): checks naming one go first. */
  dependencies?: readonly string[];
  /** The headline failure: an Asterisk step has no place in a FreeSWITCH log. */
  first?: Finding | null;
  /** SIPp aborted its test call on the headline failure: the scenario's checks (see sipp.ts). */
  scenario?: Entry | undefined;
}

/**
 * A check for one of FreeSWITCH's own causes an entry stands for ("For FreeSWITCH's own GATEWAY_DOWN,
 * …"), or for pjsip's own transport-error 503: it fits only a failure the stack reported that way.
 */
const OWN_CAUSE_CHECK =
  /^For (?:FreeSWITCH's own ([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b|(pjsip's own transport error)\b)/;

/** FreeSWITCH's cause for the calls through a gateway its failed OPTIONS pings left DOWN. */
const GATEWAY_DOWN = "GATEWAY_DOWN";

/** The stack's own cause the headline failure stands for, as its checks name it. */
function ownCause(first: Finding | null | undefined): string | undefined {
  if (!first) return undefined;
  if (pjsipTransportError(first)) return PJSIP_TRANSPORT_ERROR;
  // A gateway's failed ping is why FreeSWITCH refuses calls through it: GATEWAY_DOWN's checks fit.
  if (pingLeftDown(first)) return GATEWAY_DOWN;
  return first.direction === "local" ? first.reason : undefined;
}

/** Checks named for a cause ("For FreeSWITCH's own GATEWAY_DOWN, …"), or undefined for others. */
function namedCause(c: string): string | undefined {
  const m = OWN_CAUSE_CHECK.exec(c);
  return m?.[1] ?? m?.[2];
}

/**
 * The checks of entry `e` for this scan. A check for another FreeSWITCH cause is left out. When the
 * headline failure is FreeSWITCH's own cause and `e` has checks for it, those are its checks: the
 * entry's others are about the code the name stands for (who sent a 503, a number's format), while
 * FreeSWITCH refused the leg itself.
 */
function checksFor(e: Entry, own: readonly string[], first: Finding | null | undefined): string[] {
  const cause = ownCause(first);
  const fitting = own.filter((c) => {
    const n = namedCause(c);
    return n === undefined || n === cause;
  });
  // After a gateway's failed ping, the refusals' 503 is FreeSWITCH's own too, not the headline's entry.
  const headline = first?.id === e.id || (cause === GATEWAY_DOWN && pingLeftDown(first));
  if (!cause || !headline) return fitting;
  const forCause = fitting.filter((c) => namedCause(c) === cause);
  return forCause.length > 0 ? forCause : fitting;
}

/** Whether a check names one of the dependencies as a word ("Check CXAPI logs …"). */
function namesOne(check: string, dependencies: readonly string[]): boolean {
  return dependencies.some((d) => new RegExp(`(?<![\\w-])${d.replace(/\W/g, "\\$&")}(?![\\w-])`).test(check));
}

/** The entries whose checks a scan merges, in order. When SIPp aborted its call on an ordinary
 *  answer (a 183), the scenario's checks lead and the answer's own (early media) are left out; on a
 *  refusal they come after the refusal's. */
function checkOrder(p: ChecklistParts): Entry[] {
  const ordinary = p.scenario && p.first && ordinaryAnswer(p.first) ? p.first.id : undefined;
  const first = ordinary ? [p.scenario] : [];
  const last = p.scenario && !ordinary ? [p.scenario] : [];
  const order: Entry[] = [];
  for (const e of [...first, ...p.leading, ...p.entries, ...last, ...p.timers])
    if (e && e.id !== ordinary && !order.includes(e)) order.push(e);
  return order;
}

export function mergeChecklist(p: ChecklistParts): string[] {
  const order = checkOrder(p);
  const checklist: string[] = [];
  const seen = new Set<string>();
  for (const e of order) {
    const method = p.methods.get(e);
    const own = p.replaced?.get(e) ?? checksFor(e, (method && e.methodChecks?.[method]) || e.checks, p.first);
    const extra = p.extra.get(e);
    for (const c of extra ? [extra, ...own] : own) {
      const k = normalizeText(c);
      if (seen.has(k)) continue;
      seen.add(k);
      checklist.push(c);
    }
  }
  // A gateway's failed ping: the checks of the calls it refused (sofia status gateway …) lead.
  if (ownCause(p.first) === GATEWAY_DOWN) {
    const down = checklist.filter((c) => namedCause(c) === GATEWAY_DOWN);
    checklist.splice(0, checklist.length, ...down, ...checklist.filter((c) => !down.includes(c)));
  }
  const facts = callFacts(p.first);
  // A Webex Calling log (a Mobius error among the failures) has no PBX of its own in the path.
  if (!facts.product && order.some((e) => e.namespace === "mobius")) facts.product = "Webex Calling";
  const fitting = fitChecks(checklist, facts);
  // A log message that names the failing dependency makes its checks the most specific ones.
  const deps = p.dependencies ?? [];
  if (deps.length === 0) return fitting.slice(0, MAX_CHECKLIST);
  const named = fitting.filter((c) => namesOne(c, deps));
  return [...named, ...fitting.filter((c) => !named.includes(c))].slice(0, MAX_CHECKLIST);
}
