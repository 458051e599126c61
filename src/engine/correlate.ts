// Which failures belong together: findings of one call (same Call-ID, close in time or in one
// record) and the catalog's links between their entries.
import type { Entry } from "../catalog/schema.js";
import { requestMethod } from "./challenge.js";
import { comparableTimes } from "./chronology.js";
import { entryLabel, findingEntryLabel } from "./labels.js";
import { otherDevices, unregisteredCallNotes } from "./mobius-device.js";
import type { Finding } from "./scan/scanner.js";

/** Findings this close in time, or on lines this close when a time is missing, are one call. */
const SAME_CALL_MS = 5000;
const SAME_RECORD_LINES = 12;
/** Failing findings per entry kept for pairing: a code repeated thousands of times is one code. */
export const MAX_PAIRED = 50;
const TEXT_TIME = /\b(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,3}))?/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** A time written inside a record ("timestamp":"2024-05-14T16:12:00.000Z") the scanner did not
 *  take as the line's stamp, in ms (UTC). */
function textTime(text: string): number | undefined {
  const m = TEXT_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, ms] = m;
  return Date.UTC(
    +(y as string),
    +(mo as string) - 1,
    +(d as string),
    +(h as string),
    +(mi as string),
    +(sec as string),
    +(ms ?? "0").padEnd(3, "0"),
  );
}

/** Kamailio's script log prefix "<script>: [callid@host]" names the call the line is about. */
const SCRIPT_CALL = /<script>:\s*\[([^\]\s]{4,200})\]/;

function scriptCall(text: string): string | undefined {
  return text.includes("<script>") ? SCRIPT_CALL.exec(text)?.[1] : undefined;
}

/**
 * Whether two findings belong to one call: the same Call-ID (or Kamailio script call tag) when both
 * name one; without, stamps
 * at most SAME_CALL_MS apart; without stamps, lines of one record (a few lines apart, and not two
 * one-line records with their own times or ids).
 */
export function sameCall(a: Finding, b: Finding): boolean {
  if (a.callId && b.callId) return a.callId === b.callId;
  const sa = scriptCall(a.text);
  const sb = sa === undefined ? undefined : scriptCall(b.text);
  if (sa !== undefined && sb !== undefined) return sa === sb;
  if (a.tsMs !== undefined && b.tsMs !== undefined) {
    const [ta, tb] = comparableTimes(a, b);
    return Math.abs(ta - tb) <= SAME_CALL_MS;
  }
  if (Math.abs(a.line - b.line) > SAME_RECORD_LINES) return false;
  if (a.line === b.line) return true;
  const ta = textTime(a.text);
  const tb = ta === undefined ? undefined : textTime(b.text);
  if (ta !== undefined && tb !== undefined) return Math.abs(ta - tb) <= SAME_CALL_MS;
  const ua = UUID.exec(a.text)?.[0];
  const ub = ua ? UUID.exec(b.text)?.[0] : undefined;
  return !ua || !ub || ua.toLowerCase() === ub.toLowerCase();
}

/** The host of a URL on the line (userinfo, redacted or not, skipped). */
const URL_HOST = /\bhttps?:\/\/(?:[^\s/"'<>]*@)?([A-Za-z0-9.-]+\.[A-Za-z]{2,})/;
/** API hosts of the services whose own codes the scanner reads, by the namespace of those codes. */
const VENDOR_HOSTS: Array<[RegExp, string]> = [
  [/(?:^|\.)(?:webex|wbx2|ciscospark)\.com$/i, "mobius"],
  [/(?:^|\.)exotel\.(?:com|in)$/i, "exotel"],
  [/(?:^|\.)(?:communication\.azure|azure)\.com$/i, "acs"],
];

/**
 * The service that answered an API finding: the host of the URL an HTTP line requested, or the
 * service a namespace's codes come from (a Mobius code is Webex's). SIP and Q.850 findings name
 * none: their hosts are hops of one call.
 */
function service(f: Finding): string | undefined {
  if (f.namespace === "mobius" || f.namespace === "exotel" || f.namespace === "acs") return f.namespace;
  if (f.namespace !== "http") return undefined;
  const host = URL_HOST.exec(f.text)?.[1]?.toLowerCase();
  if (!host) return undefined;
  return VENDOR_HOSTS.find(([re]) => re.test(host))?.[1] ?? host;
}

/** Two findings from different services (two API hosts, Webex and another API) are two failures,
 *  and so are a registration's and a call's: a REGISTER is no part of any call. */
function sameService(a: Finding, b: Finding): boolean {
  const sa = service(a);
  const sb = sa === undefined ? undefined : service(b);
  if (sa !== undefined && sb !== undefined && sa !== sb) return false;
  const ma = requestMethod(a);
  const mb = ma === undefined ? undefined : requestMethod(b);
  return ma === undefined || mb === undefined || (ma === "REGISTER") === (mb === "REGISTER");
}

/** A PBX channel a line names: Asterisk's "PJSIP/trunk-00000003", FreeSWITCH's
 *  "sofia/gateway/carrier_a/…" (never the "SIP/2.0" of a status line). */
const CHANNEL = /\b(?:PJSIP|SIP|IAX2|DAHDI|Local|sofia)\/(?!2\.0\b)[^\s'",()[\]]+/;

/** Two findings on lines naming different channels are results of different legs (a busy phone
 *  and a congested trunk of one Dial()): two failures, even in one call. */
function otherLegs(a: Finding, b: Finding): boolean {
  const ca = CHANNEL.exec(a.text)?.[0];
  const cb = ca === undefined ? undefined : CHANNEL.exec(b.text)?.[0];
  return cb !== undefined && ca !== cb;
}

/** A pair of findings, one of each list, that belong to one call: Call-IDs are matched through a
 *  map, and only findings without one are compared pair by pair, from the same service. */
function sameCallPair(as: Finding[], bs: Finding[]): [Finding, Finding] | undefined {
  const byCall = new Map<string, Finding>();
  for (const a of as) if (a.callId && !byCall.has(a.callId)) byCall.set(a.callId, a);
  for (const b of bs) {
    const a = b.callId ? byCall.get(b.callId) : undefined;
    if (a && !otherLegs(a, b)) return [a, b];
  }
  const bare = (fs: Finding[]) => fs.filter((f) => !f.callId);
  for (const [xs, ys] of [
    [bare(as), bs],
    [as, bare(bs)],
  ]) {
    for (const a of xs as Finding[])
      for (const b of ys as Finding[])
        if (sameService(a, b) && !otherLegs(a, b) && !otherDevices(a, b) && sameCall(a, b)) return [a, b];
  }
  return undefined;
}

/** "SIP 503 Service Unavailable (line 2)"; "ACS 503/560503 (the outbound SBC or carrier answered
 *  503; line 3)": an ACS pair is named as logged, one pair of brackets, not two in a row. */
function atLine(e: Entry, f: Finding): string {
  const name = findingEntryLabel(e, f);
  return name.endsWith(")") && name !== entryLabel(e)
    ? `${name.slice(0, -1)}; line ${f.line})`
    : `${name} (line ${f.line})`;
}

/** Failures the catalog links (a mapping or a related entry) that the log shows in one call;
 *  `linked` lists pairs of entry ids already explained together. */
export function relatedPairs(
  failed: Map<Entry, Finding[]>,
  linked: Set<string>,
  findings: readonly Finding[] = [],
): string[] {
  // A call refused as unregistered after the device's registration failed: the cause leads.
  const out = [...unregisteredCallNotes(failed, linked, findings), ...dependencyPairs(failed, linked)];
  const entries = [...failed.keys()];
  for (const a of entries) {
    for (const b of entries) {
      if (a === b || a.id > b.id || linked.has(`${a.id}|${b.id}`)) continue;
      const mapping = [...a.mappings, ...b.mappings].find((m) => m.to === a.id || m.to === b.id);
      const related = a.related.includes(b.id) || b.related.includes(a.id);
      if (!mapping && !related) continue;
      const pair = sameCallPair(failed.get(a) ?? [], failed.get(b) ?? []);
      if (!pair) continue;
      const why = mapping ? `mapped by ${mapping.standard}` : "the catalog links them";
      // In log order: the earlier line first.
      const [x, y] = pair[0].line <= pair[1].line ? [a, b] : [b, a];
      const [fx, fy] = pair[0].line <= pair[1].line ? pair : [pair[1], pair[0]];
      out.push(`${atLine(x, fx)} and ${atLine(y, fy)} point at the same failure (${why}).`);
    }
  }
  return out;
}

/**
 * A dependency's failure and the Mobius error that surfaces it, in one call: "CXAPI responded 504"
 * then "mobius-error: 120, due to CXAPI error response". The Mobius entry names the dependency
 * (120: "CXAPI returned 5xx/6xx"; 121: "CXAPI … answered with a 4xx"), and the status's class
 * must be one it names. One failure: the Mobius error is what the user got, the status its cause.
 */
function dependencyPairs(failed: Map<Entry, Finding[]>, linked: Set<string>): string[] {
  const out: string[] = [];
  for (const [a, as] of failed) {
    if (a.namespace !== "http" && a.namespace !== "sip") continue;
    const answered = as.filter((f) => f.dependency !== undefined);
    if (answered.length === 0) continue;
    for (const [b, bs] of failed) {
      if (b.namespace !== "mobius" || linked.has(`${a.id}|${b.id}`)) continue;
      for (const f of answered) {
        const dep = f.dependency as string;
        if (!surfaces(b, dep, f.code)) continue;
        const m = bs.find((g) => g.line >= f.line && sameCall(f, g));
        if (!m) continue;
        linked.add(`${a.id}|${b.id}`).add(`${b.id}|${a.id}`);
        out.push(
          `${dep} answered with ${entryLabel(a)} (line ${f.line}), which Mobius reports as ${entryLabel(b)} (line ${m.line}): one failure, caused by ${dep}.`,
        );
        break;
      }
    }
  }
  return out;
}

/** Status classes written after a name in an entry's text: "CXAPI returned 5xx/6xx" → 5, 6. */
const CLASSES = /\b([1-6])xx\b/g;

/**
 * Whether Mobius entry `e` says it surfaces `dep`'s failures, and a status of `code`'s class
 * among them (any class when its words name none).
 */
function surfaces(e: Entry, dep: string, code: number): boolean {
  const name = new RegExp(`\\b${dep}\\b[^.;]{0,60}`, "g");
  let named = false;
  const classes = new Set<number>();
  for (const text of [e.meaning, e.generatedBy ?? "", ...e.causes]) {
    for (const m of text.matchAll(name)) {
      named = true;
      for (const c of m[0].matchAll(CLASSES)) classes.add(Number(c[1]));
    }
  }
  return named && (classes.size === 0 || classes.has(Math.floor(code / 100)));
}
