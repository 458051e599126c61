// Follow-up checks of entries that can meet in one analysis are merged into one checklist, where only
// exact duplicates (after normalizeText) are dropped. Two wordings of the same check would both show,
// so checks of entries that can meet must be worded identically or clearly differ.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/catalog/schema.js";
import { normalizeText } from "../../src/catalog/text.js";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

// ---- The measure: shared content words ----------------------------------------------------------

/** Function words and the verbs every check starts with ("check", "confirm", "look for" …). */
const STOP = new Set(
  (
    "a an the and or of to for on in at by from with into as is are was were be been it its this that these " +
    "those there their they them if when then than not no any all each every same other whether which what " +
    "who where how so check checks verify confirm make sure look see find read identify ensure do does did " +
    "has have had can may should would also only just still both either use used using"
  ).split(" "),
);

/** A crude stemmer: enough to match "types"/"type", "reachability"/"reachable", "generated"/"generate". */
function stem(w: string): string {
  if (w.length <= 3 || /^\d/.test(w)) return w;
  const s = w
    .replace(/ies$/, "y")
    .replace(/([^s])s$/, "$1")
    .replace(/(ability|able|ing|ed|ly)$/, "")
    .replace(/e$/, "");
  return s.length >= 2 ? s : w;
}

function contentWords(check: string): Set<string> {
  return new Set(
    normalizeText(check)
      .split(" ")
      .filter((w) => w.length > 1 && !STOP.has(w))
      .map(stem),
  );
}

function numbersIn(check: string): Set<string> {
  return new Set(
    normalizeText(check)
      .split(" ")
      .filter((w) => /^\d+$/.test(w)),
  );
}

/** At least this many content words shared … */
const MIN_SHARED = 3;
/** … making up at least this share of the shorter check's content words. */
const MIN_OVERLAP = 0.65;

/**
 * Subjects that checks name in many wordings (a header, a field, a setting): two checks on one
 * subject ask for the same thing, however few words they share ("Check Retry-After and whether
 * traffic fails over…" / "Check whether a retry succeeds and whether Retry-After was given").
 * Honouring Retry-After (an HTTP client's back-off) is not checking it in a trace.
 */
const SUBJECTS: readonly RegExp[] = [
  /\b(?:check|whether)\b.*\bRetry-After\b/i,
  /\bSession-Expires\b.*\bMin-SE\b|\bMin-SE\b.*\bSession-Expires\b/i,
  /\bDID\b.*\b(?:trunk|dial ?plan)\b/i,
  /\baccount status\b/i,
  /\ballow(?:ed)?[- ]lists?\b/i,
  /\bregistrations?\b.*\b(?:refresh|expir)/i,
];

/** True when two differently worded checks ask for the same thing: they name one of SUBJECTS, or
 *  share at least MIN_SHARED content words, which make up at least MIN_OVERLAP of the shorter one.
 *  Checks that each name a number the other does not (401 vs 407, cause 52 vs 54) are parallel
 *  checks for different codes. */
function nearDuplicate(a: string, b: string): boolean {
  if (normalizeText(a) === normalizeText(b)) return false;
  const na = numbersIn(a);
  const nb = numbersIn(b);
  if ([...na].some((n) => !nb.has(n)) && [...nb].some((n) => !na.has(n))) return false;
  if (SUBJECTS.some((re) => re.test(a) && re.test(b))) return true;
  const wa = contentWords(a);
  const wb = contentWords(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared >= MIN_SHARED && shared / Math.min(wa.size, wb.size) >= MIN_OVERLAP;
}

// ---- Which entries can meet in one analysis -----------------------------------------------------

/** Pairs of entries whose checks can end up in one merged checklist:
 *  - `related` or `mappings` links, either way (mobius/403-118 → sip/488, q850/17 → sip/486);
 *  - the same code in any namespace (acs/410 and its subcodes, http/500 and sip/500);
 *  - an entry whose meaning or generatedBy names "SIP nnn" and sip/nnn (a Mobius error surfacing SIP 488);
 *  - a timer and the SIP codes its meaning or firesWhen names (timer/b: 408, timer/h: 200 OK);
 *  - every timer of one class and what any timer of that class links to (session timers and sip/422
 *    or symptom/call-drops-at-session-refresh, Webex keepalive timers and the Mobius unregistration
 *    entries);
 *  - entries mapped to one entry, and the entries one entry maps to (sip/500 and sip/503 both map to
 *    q850/41; q850/21 maps to sip/403 and sip/603);
 *  - codes that commonly come together in one log (CO_OCCUR). */
/** Codes that commonly come together in one log: a server error and the overload after it, the
 *  branches of a forked call (one unavailable, one declined). */
const CO_OCCUR: ReadonlyArray<readonly [string, string]> = [
  ["sip/500", "sip/503"],
  ["sip/480", "sip/603"],
];

function meetingPairs(entries: readonly Entry[]): Array<[Entry, Entry]> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const pairs = new Map<string, [Entry, Entry]>();
  const add = (a: Entry, id: string) => {
    const b = byId.get(id);
    if (!b || a === b) return;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    pairs.set(`${x.id}|${y.id}`, [x, y]);
  };
  const links = (e: Entry) => [...e.related, ...e.mappings.map((m) => m.to)];
  const byCode = new Map<number, Entry[]>();
  for (const e of entries) {
    if (e.code === null) continue;
    byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  }
  for (const e of entries) {
    for (const id of links(e)) add(e, id);
    if (e.code !== null) for (const o of byCode.get(e.code) ?? []) add(e, o.id);
    const text = [e.meaning, e.generatedBy ?? "", e.timer?.firesWhen ?? ""].join(" ");
    // A three-digit status, not a duration ("500 ms").
    for (const m of text.matchAll(/\b([1-6]\d\d)\b(?! ?m?s\b)/g)) {
      const named = e.namespace === "timer" || /\bSIP\s+$/.test(text.slice(0, m.index));
      if (named) add(e, `sip/${m[1]}`);
    }
  }
  const mappedFrom = new Map<string, Entry[]>();
  for (const e of entries) {
    const to = e.mappings.map((m) => m.to);
    for (const id of to) mappedFrom.set(id, [...(mappedFrom.get(id) ?? []), e]);
    for (const id of to) for (const other of to) add(byId.get(id) ?? e, other);
  }
  for (const from of mappedFrom.values()) for (const a of from) for (const b of from) add(a, b.id);
  for (const [a, b] of CO_OCCUR) {
    const x = byId.get(a);
    if (x) add(x, b);
  }
  const timerClasses = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.namespace === "timer") timerClasses.set(e.class, [...(timerClasses.get(e.class) ?? []), e]);
  }
  for (const timers of timerClasses.values()) {
    const explained = new Set(timers.flatMap(links).filter((id) => !id.startsWith("timer/")));
    for (const t of timers) for (const id of explained) add(t, id);
  }
  return [...pairs.values()];
}

/** Checks that share many words but ask for different things, with the reason. */
const DISTINCT: Array<[string, string, string]> = [
  [
    "Check body-size limits on proxies and ingress controllers (for example client_max_body_size)",
    "Check header-size limits on proxies and ingress controllers",
    "body limit (413) vs header limit (431)",
  ],
  [
    "If a POST turns into a GET after the redirect, use the new URL directly (or expect a 308)",
    "Check a proxy or redirect has not turned a POST into a GET",
    "the fix after a 301 vs the cause of a 405",
  ],
  [
    "Check the call identity used when the call was suspended and when it was resumed",
    "Use a different call identity when suspending the call",
    "an identity that matches no suspended call (83) vs one already in use (84)",
  ],
  [
    "Find the REGISTER and its final response in SSE/SIP logs (same sipCallId or correlation ID)",
    "Look for a 486 from the SSE in the SIP logs",
    "device creation (REGISTER) vs a busy call",
  ],
  [
    "Check the health of its dependencies (Redis, SSE)",
    "State the failing dependency (SSE, CPAPI, Redis, OBP) and quote the log line",
    "checking the dependencies vs naming the one the log message names",
  ],
  [
    "If calls exist, find those calls for the device in the call logs",
    'If unregister was blocked with "Call/s exist for this device", check whether that call is still kept alive',
    "finding the calls vs checking their keepalives",
  ],
  [
    "Compare the request's Accept header with the body types the server can send",
    "Compare the request's Content-Type with the Accept header in the 415",
    "the response types a request accepts (406) vs the body type it sent (415)",
  ],
  [
    "Check IP allow-lists and regional or tenant restrictions on the API",
    "Confirm the public IP you send from is on the provider's allowed list",
    "the API's allow-list (HTTP 403) vs the SIP trunk's (SIP 403)",
  ],
];

const pairKey = (a: string, b: string) => [normalizeText(a), normalizeText(b)].sort().join("\n");
const distinct = new Set(DISTINCT.map(([a, b]) => pairKey(a, b)));

/** Near-duplicate checks across entries that can meet. A check the other entry also carries
 *  word for word sits next to its look-alike there already, so that pair is one entry's choice. */
function nearDuplicatesInCatalog(entries: readonly Entry[]): string[] {
  const out: string[] = [];
  for (const [a, b] of meetingPairs(entries)) {
    const inA = new Set(a.checks.map(normalizeText));
    const inB = new Set(b.checks.map(normalizeText));
    for (const ca of a.checks) {
      for (const cb of b.checks) {
        if (inA.has(normalizeText(cb)) || inB.has(normalizeText(ca))) continue;
        if (!nearDuplicate(ca, cb) || distinct.has(pairKey(ca, cb))) continue;
        out.push(`${a.id}: "${ca}"\n${b.id}: "${cb}"`);
      }
    }
  }
  return out;
}

// ---- Tests ----------------------------------------------------------------------------------------

describe("near-duplicate measure", () => {
  it.each([
    [
      "Check the pcap: was the 408 received on the wire, or generated locally after silence?",
      "Check that the 408 was generated locally (no matching response on the wire)",
    ],
    [
      "Check the next hop's IP, port and transport (UDP/TCP/TLS) and that firewalls permit it",
      "Verify reachability of the next hop on the SIP port and transport used",
    ],
    [
      "Make sure the SDK is current and the environment is supported",
      "Check the SDK is current and the environment supported",
    ],
    [
      "Compare Session-Expires in the request with Min-SE in the 422",
      "Compare Session-Expires in the INVITE with Min-SE in the 422",
    ],
    [
      "Open UDP 10000–40000 (or the trunk's RTP range) both ways on every firewall",
      "Open the RTP range inbound on the firewall (for Exotel, UDP 10000–40000)",
    ],
    // Former wordings of entries whose checklists merge (SIP codes and their Q.850 causes, codes
    // that come together in one log).
    [
      "Check the DID or number mapping on the trunk and the PBX dial plan",
      "Check the DID is active on the trunk and routed in the PBX dialplan",
    ],
    [
      "Check the account status (suspended, out of credit, wrong tenant)",
      "Check account status, balance and fraud blocks with the carrier",
    ],
    [
      "Confirm the public IP you send from is on the provider's allowed list",
      "On trunks, check IP allow-lists, digest authentication and the caller ID (From/PAI) the carrier accepts",
    ],
    ["Check Retry-After if present (600 and 603 may carry it)", "Check Retry-After if present"],
    [
      "Check Retry-After and whether traffic fails over to an alternate server",
      "Check whether a retry succeeds and whether Retry-After was given",
    ],
    [
      "Check whether the target has a current registration and when it last refreshed",
      "Check the called user's registrations (contacts and expiry) on the registrar",
    ],
    [
      "Compare Session-Expires in the request with Min-SE in the 422",
      "Raise the session-expires setting on the caller or SBC to at least Min-SE",
    ],
    [
      "Compare Session-Expires in the request with Min-SE in the 422",
      "Confirm the caller retries automatically with Session-Expires at least Min-SE",
    ],
    [
      "Raise the session-expires setting on the caller or SBC to at least Min-SE",
      "Confirm the caller retries automatically with Session-Expires at least Min-SE",
    ],
  ])("flags %j and %j", (a, b) => {
    expect(nearDuplicate(a, b)).toBe(true);
  });

  it.each([
    [
      "Check whether the resend carries an Authorization header; one 401 followed by success is normal",
      "Check the resend carries Proxy-Authorization; one 407 followed by success is normal",
    ],
    [
      "Check the firewall's UDP idle timeout against the longest silence or hold in the call",
      "Check the PBX/SBC RTP timeout setting and whether it fired",
    ],
  ])("leaves %j and %j apart", (a, b) => {
    expect(nearDuplicate(a, b)).toBe(false);
  });
});

describe("checks of entries that can meet in one analysis", () => {
  const entries = [...catalog().byId.values()];
  const pairs = new Set(meetingPairs(entries).map(([a, b]) => `${a.id}|${b.id}`));

  it.each([
    ["sip/408", "timer/b"],
    ["sip/408", "timer/f"],
    ["symptom/call-drops-after-32-seconds", "timer/h"],
    ["sip/200", "timer/h"],
    ["sip/422", "timer/session-refresh"],
    ["symptom/call-drops-at-session-refresh", "timer/session-expires"],
    ["mobius/404-unregistration", "timer/mobius-call-keepalive"],
    ["mobius/403-118", "sip/488"],
    ["q850/17", "sip/486"],
    ["acs/410", "acs/410-301005"],
    ["symptom/no-audio-both-ways", "symptom/one-way-audio"],
    ["q850/1", "sip/404"],
    ["q850/21", "sip/403"],
    ["q850/21", "sip/603"],
    ["sip/403", "sip/603"],
    ["q850/20", "sip/480"],
    ["sip/500", "sip/503"],
    ["sip/480", "sip/603"],
    ["sip/422", "timer/min-se"],
    ["sip/422", "timer/session-expires"],
  ])("pairs %s with %s", (a, b) => {
    expect(pairs.has(`${a}|${b}`)).toBe(true);
  });

  it("are worded identically or clearly differ", () => {
    const found = nearDuplicatesInCatalog(entries);
    expect(found, `near-duplicate checks:\n\n${found.join("\n\n")}`).toEqual([]);
  });

  it("list as distinct only pairs that are still in the catalog and still look alike", () => {
    const all = new Set(entries.flatMap((e) => e.checks.map(normalizeText)));
    for (const [a, b] of DISTINCT) {
      expect(all.has(normalizeText(a)), a).toBe(true);
      expect(all.has(normalizeText(b)), b).toBe(true);
      expect(nearDuplicate(a, b), `${a} / ${b}`).toBe(true);
    }
  });
});

describe("merged checklist", () => {
  it("of a Timer B log holds no two near-duplicate items", () => {
    const log = readFileSync("test/fixtures/logs/timers/timer-b-invite-408.log", "utf8");
    const analysis = analyze(catalog(), scanText(catalog(), log));
    expect(analysis.timers.map((t) => t.timer)).toContain("timer/b");
    const items = analysis.checklist;
    expect(items.filter((c) => /\bpcap\b/i.test(c))).toHaveLength(1);
    const near = items.flatMap((a, i) =>
      items
        .slice(i + 1)
        .filter((b) => nearDuplicate(a, b))
        .map((b) => `${a} / ${b}`),
    );
    expect(near, near.join("\n")).toEqual([]);
  });
});
