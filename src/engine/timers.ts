// Timer references and calculators: RFC 3261 transaction timers derived from T1/T2/T4 (RFC 3261
// §17 and Table 4, RFC 6026 for L/M, 3GPP TS 24.229 values for IMS), RFC 4028 session timers and
// the Webex Calling "2 AM guide" timers, with the arithmetic for the values in front of you.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { baseTimer, isZeroDuration, LABEL, parseDuration, parseTimerArgs } from "./timer-args.js";
import { type Base, IMS, RFC3261, seconds } from "./timer-base.js";
import { around } from "./timer-lookup.js";
import { rowsFor } from "./timer-rows.js";
import { byeAt, DEFAULT_SE, MIN_SE_FLOOR, type SessionValues, sessionEntries } from "./timer-session.js";

export { parseDuration } from "./timer-args.js";
export { IMS, RFC3261 } from "./timer-base.js";
export { WORDING } from "./timer-wording.js";

export interface TimerRow {
  entry: Entry;
  /** Value on UDP for the chosen T1/T2/T4, or null when it does not apply. */
  udpMs: number | null;
  /** Value on a reliable transport (TCP/TLS). */
  tcpMs: number | null;
  /** The entry's formula, with any number in it worked out for the chosen T1/T2/T4. */
  formula?: string;
  /** The entry's "when it fires" sentence, with its numbers worked out for the chosen T1/T2/T4. */
  firesWhen?: string;
}

export interface TimersResult {
  profile: "rfc3261" | "ims";
  base: { t1: number; t2: number; t4: number };
  transaction: TimerRow[];
  /** The RFC 4028 entries, with their values for the Session-Expires and Min-SE in use. */
  session: Entry[];
  sessionValues: SessionValues;
  webex: Entry[];
  calculations: string[];
  /** Moments worth a reminder, in seconds from now (a registration refresh, a session refresh). */
  due: Array<{ label: string; afterSeconds: number }>;
  errors: string[];
}

const SESSION_IDS = ["timer/session-expires", "timer/min-se", "timer/session-refresh"];
/** Expires 0 asks for nothing to be timed: it is a removal, and people paste it to ask why. */
const EXPIRES_ZERO = [
  "Expires 0 is a de-registration: a REGISTER with Expires 0 removes that Contact's binding at once, or every binding of the address of record with Contact: * (RFC 3261 §10.2.2, §10.3). The registrar's 200 OK no longer lists that Contact, and calls to the user stop reaching that device.",
  "Normal when a phone logs out or shuts down; if it should still be registered, find which device or proxy sent it. In a SUBSCRIBE, Expires 0 ends the subscription (RFC 6665 §4.1.2.3).",
];

export function computeTimers(catalog: Catalog, args: readonly string[]): TimersResult {
  const { profile, settings, lookups, named, keepalive, errors, notes } = parseTimerArgs(args);
  const calculations: string[] = [];
  const due: TimersResult["due"] = [];
  const base: Base = { ...RFC3261 };
  const set: Partial<Base> = {};
  let minSe: number | undefined;
  /** The Session-Expires given and accepted (not answered with a 422), and the Expires given. */
  let sessionExpires: number | undefined;
  let expires: number | undefined;
  const minSeValue = settings.get("min-se");
  if (minSeValue !== undefined) {
    const d = parseDuration(minSeValue.split(";")[0] ?? "", "s");
    if (typeof d === "string") errors.push(`Min-SE: ${d}`);
    else if (d < MIN_SE_FLOOR)
      errors.push(`Min-SE ${seconds(d)} is below the 90 s RFC 4028 allows as the smallest session interval.`);
    else minSe = d;
  }
  for (const [key, value] of settings) {
    if (key === "t1" || key === "t2" || key === "t4") {
      const d = baseTimer(key, value);
      if (typeof d === "string") errors.push(`${LABEL[key]}: ${d}`);
      else {
        set[key] = d.ms;
        if (d.note) calculations.push(`${LABEL[key]}=${value.trim()} ${d.note}.`);
      }
    } else if (key === "expires") {
      const interval = value.split(";")[0] ?? "";
      const d = parseDuration(interval, "s");
      if (isZeroDuration(interval)) calculations.push(...EXPIRES_ZERO);
      else if (typeof d === "string") errors.push(`Expires: ${d}`);
      else {
        expires = d;
        // 3/4 of Expires is Webex Calling's refresh point (Mobius's SIP app toward the SSE), not
        // a SIP rule: RFC 3261 §10.2.4 only asks for a refresh before the granted Expires runs out.
        // The reminder keeps that point, and the sentence says whose it is.
        due.push({ label: "registration refresh", afterSeconds: Math.round((d * 0.75) / 1000) });
        calculations.push(
          `Expires ${seconds(d)}: Webex Calling (Mobius's SIP app toward the SSE) refreshes the registration at 3/4 of it, ${seconds(d * 0.75)} after the REGISTER; other SIP stacks refresh at their own point, before the Expires the registrar's 200 OK returned. The binding lapses at that Expires (${seconds(d)} if the 200 OK kept it) unless a refresh succeeds.`,
        );
      }
    } else if (key === "min-se") {
      if (minSe !== undefined)
        calculations.push(
          `Min-SE ${seconds(minSe)}: a Session-Expires below it is refused with 422 Session Interval Too Small, which carries Min-SE: ${Math.round(minSe / 1000)}.`,
        );
    } else {
      const [interval = "", ...params] = value.split(";");
      const refresher = params.map((p) => /^refresher=(uac|uas)$/.exec(p.trim())?.[1]).find(Boolean);
      const d = parseDuration(interval, "s");
      // A Session-Expires below Min-SE is a question with an answer (the 422 that comes back), not
      // input that could not be read, so it goes with the other results.
      if (typeof d === "string") errors.push(`Session-Expires: ${d}`);
      else if (minSe !== undefined && d < minSe)
        calculations.push(
          `Session-Expires ${seconds(d)} is below Min-SE ${seconds(minSe)}; expect 422 Session Interval Too Small with Min-SE: ${Math.round(minSe / 1000)}, after which the request may be retried with a Session-Expires of at least ${seconds(minSe)}.`,
        );
      else if (d < MIN_SE_FLOOR)
        calculations.push(
          `Session-Expires ${seconds(d)} is below the 90 s Min-SE floor; expect 422 Session Interval Too Small with Min-SE: 90 or more, after which the request may be retried with a Session-Expires at least that large.`,
        );
      else {
        sessionExpires = d;
        const bye = byeAt(d);
        due.push({ label: "session refresh", afterSeconds: Math.round(d / 2 / 1000) });
        const [who, other] =
          refresher === "uac"
            ? [`the caller (refresher=uac)`, "the callee"]
            : refresher === "uas"
              ? [`the callee (refresher=uas)`, "the caller"]
              : ["the refresher", "the other side"];
        calculations.push(
          `Session-Expires ${seconds(d)}: ${who} sends a re-INVITE or UPDATE at ${seconds(d / 2)}; if none arrives, ${other} sends BYE at about ${seconds(bye)} and the session is dead at ${seconds(d)}.`,
        );
      }
    }
  }
  if (keepalive)
    calculations.push(
      "Webex registration keepalive every 30 s; after 5 missed keepalives Mobius unregisters the device, so about 150 s of silence ends the registration. A call keepalive stays valid for 15 min.",
    );
  Object.assign(base, profile === "ims" ? IMS : RFC3261, set);
  if (base.t2 < base.t1) {
    if (set.t2 === undefined) {
      // Only T1 was given: T2 is the cap on retransmit intervals and cannot sit below it.
      calculations.push(`T2 taken as ${seconds(base.t1)}: it cannot be smaller than T1.`);
      base.t2 = base.t1;
    } else {
      errors.push(
        `T2 (${seconds(base.t2)}) should not be smaller than T1 (${seconds(base.t1)}); both kept at their defaults.`,
      );
      Object.assign(base, profile === "ims" ? IMS : RFC3261);
      delete set.t1;
      delete set.t2;
    }
  }
  const transaction = rowsFor(catalog, base, profile);
  if (set.t1 !== undefined) {
    calculations.push(
      `With T1 = ${seconds(base.t1)}: Timer B, F, H, J, L and M = 64×T1 = ${seconds(64 * base.t1)}; Timer A, E and G start at ${seconds(base.t1)}.`,
    );
  }
  const asked: string[] = [];
  for (const r of transaction) {
    if (!named.has(r.entry.id)) continue;
    const formula = r.formula ? ` [${r.formula}]` : "";
    const v = (ms: number | null) => (ms === null ? "n/a" : seconds(ms));
    asked.push(
      `${r.entry.title}: UDP ${v(r.udpMs)}, TCP ${v(r.tcpMs)}${formula} — ${r.firesWhen ?? r.entry.meaning}`,
    );
  }
  // A session is negotiated at Min-SE at least, so a Min-SE above the default raises the interval.
  const sessionValues: SessionValues = {
    sessionExpiresMs: sessionExpires ?? Math.max(DEFAULT_SE, minSe ?? 0),
    minSeMs: minSe ?? MIN_SE_FLOOR,
    given: sessionExpires !== undefined || minSe !== undefined,
  };
  const near = { session: sessionValues, expiresMs: expires, seGiven: sessionExpires !== undefined };
  for (const ms of lookups) calculations.push(around(catalog, transaction, ms, profile, base, near));
  const pick = (ids: string[]) => ids.map((id) => catalog.byId.get(id)).filter((e): e is Entry => Boolean(e));
  const webex = (catalog.byNamespace.get("timer") ?? []).filter(
    (e) => e.id.startsWith("timer/mobius-") || e.id.startsWith("timer/sip-"),
  );
  return {
    profile,
    base,
    transaction,
    session: sessionEntries(pick(SESSION_IDS), sessionValues),
    sessionValues,
    webex,
    calculations: [...asked, ...notes, ...calculations],
    due,
    errors,
  };
}
