// Timer references and calculators: RFC 3261 transaction timers derived from T1/T2/T4 (RFC 3261
// §17 and Table 4, RFC 6026 for L/M, 3GPP TS 24.229 values for IMS), RFC 4028 session timers and
// the Webex Calling "2 AM guide" timers, with the arithmetic for the values in front of you.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";

export interface TimerRow {
  entry: Entry;
  /** Value on UDP for the chosen T1/T2/T4, or null when it does not apply. */
  udpMs: number | null;
  /** Value on a reliable transport (TCP/TLS). */
  tcpMs: number | null;
}

export interface TimersResult {
  profile: "rfc3261" | "ims";
  base: { t1: number; t2: number; t4: number };
  transaction: TimerRow[];
  session: Entry[];
  webex: Entry[];
  calculations: string[];
  /** Moments worth a reminder, in seconds from now (a registration refresh, a session refresh). */
  due: Array<{ label: string; afterSeconds: number }>;
  errors: string[];
}

type Base = { t1: number; t2: number; t4: number };
/** How each transaction timer derives from the base timers: [UDP, TCP] in ms. */
const DERIVE: Record<string, (b: Base) => [number | null, number | null]> = {
  "timer/t1": (b) => [b.t1, b.t1],
  "timer/t2": (b) => [b.t2, b.t2],
  "timer/t4": (b) => [b.t4, b.t4],
  "timer/a": (b) => [b.t1, null],
  "timer/b": (b) => [64 * b.t1, 64 * b.t1],
  "timer/c": () => [180_000, 180_000],
  "timer/d": (b) => [Math.max(32_000, 64 * b.t1), 0],
  "timer/e": (b) => [b.t1, null],
  "timer/f": (b) => [64 * b.t1, 64 * b.t1],
  "timer/g": (b) => [b.t1, null],
  "timer/h": (b) => [64 * b.t1, 64 * b.t1],
  "timer/i": (b) => [b.t4, 0],
  "timer/j": (b) => [64 * b.t1, 0],
  "timer/k": (b) => [b.t4, 0],
  "timer/l": (b) => [64 * b.t1, 64 * b.t1],
  "timer/m": (b) => [64 * b.t1, 64 * b.t1],
};
const SESSION_IDS = ["timer/session-expires", "timer/min-se", "timer/session-refresh"];
export const RFC3261: Base = { t1: 500, t2: 4000, t4: 5000 };
export const IMS: Base = { t1: 2000, t2: 16_000, t4: 17_000 };
const MAX_MS = 7 * 24 * 3600 * 1000;

/** Below this, a bare T1/T2/T4 number is read as seconds: no SIP network runs T1 under 50 ms. */
const BARE_MS_FLOOR = 50;

/** "1s", "500ms", "1.5s", "2m", "1h"; a bare number uses `bareUnit` (ms for T1/T2/T4, s for headers). */
export function parseDuration(value: string, bareUnit: "ms" | "s"): number | string {
  const example = bareUnit === "s" ? "3600, 90s, 30m or 1h" : "500ms, 1s or 2s";
  const text = value.trim();
  if (/^-\s*\d/.test(text)) return `"${value}" must be greater than zero.`;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h)?$/i.exec(text);
  if (!m) return `"${value}" is not a duration; write it like ${example}.`;
  const n = Number(m[1]);
  const unit = (m[2] ?? bareUnit).toLowerCase();
  const ms =
    unit === "ms" ? n : unit === "m" || unit === "min" ? n * 60_000 : unit === "h" ? n * 3_600_000 : n * 1000;
  if (ms <= 0) return `"${value}" must be greater than zero.`;
  if (ms > MAX_MS) return `"${value}" is more than a week; no SIP timer runs that long.`;
  return ms;
}

/** A T1/T2/T4 value: a bare number is milliseconds (t1=500), or seconds when small (t1=2 is IMS's 2 s). */
function baseTimer(value: string): { ms: number; note?: string } | string {
  const bare = /^\d+(?:\.\d+)?$/.test(value.trim());
  if (bare && Number(value) < BARE_MS_FLOOR) {
    const ms = parseDuration(value, "s");
    if (typeof ms === "string") return ms;
    return { ms, note: `read as ${seconds(ms)}; write ${value.trim()}ms to mean milliseconds` };
  }
  const ms = parseDuration(value, "ms");
  return typeof ms === "string" ? ms : { ms };
}

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(3))} s`;
}

function around(rows: TimerRow[], catalog: Catalog, targetMs: number): string {
  const near = (v: number | null) =>
    v !== null && v > 0 && Math.abs(v - targetMs) <= Math.max(2000, targetMs * 0.1);
  const hits = rows.filter((r) => near(r.udpMs) || near(r.tcpMs)).map((r) => r.entry.title);
  for (const e of catalog.byNamespace.get("timer") ?? []) {
    if (!DERIVE[e.id] && e.timer?.defaultMs && near(e.timer.defaultMs)) hits.push(e.title);
  }
  return hits.length > 0
    ? `At about ${seconds(targetMs)}: ${[...new Set(hits)].join(", ")}.`
    : `No standard timer fires at about ${seconds(targetMs)}.`;
}

export function computeTimers(catalog: Catalog, args: readonly string[]): TimersResult {
  const errors: string[] = [];
  const calculations: string[] = [];
  const due: TimersResult["due"] = [];
  let profile: "rfc3261" | "ims" = "rfc3261";
  const base: Base = { ...RFC3261 };
  const set: Partial<Base> = {};
  const later: Array<(rows: TimerRow[]) => void> = [];
  for (const raw of args) {
    const arg = raw.trim().toLowerCase();
    if (arg === "") continue;
    if (arg === "ims" || arg === "profile=ims") {
      profile = "ims";
      continue;
    }
    if (arg === "keepalive" || arg === "keepalives") {
      calculations.push(
        "Webex registration keepalive every 30 s; after 5 missed keepalives Mobius unregisters the device, so about 150 s of silence ends the registration. A call keepalive stays valid for 15 min.",
      );
      continue;
    }
    const kv = /^([a-z0-9-]+)\s*=\s*(.+)$/.exec(arg);
    if (!kv) {
      const d = parseDuration(arg, "s");
      if (typeof d === "number") later.push((rows) => calculations.push(around(rows, catalog, d)));
      else if (/^-?\s*\d/.test(arg)) errors.push(d);
      else
        errors.push(
          `I don't understand "${raw}". Try expires=3600, t1=1s, session-expires=1800, keepalive, ims or 32s.`,
        );
      continue;
    }
    const [, key = "", value = ""] = kv;
    if (key === "t1" || key === "t2" || key === "t4") {
      const d = baseTimer(value);
      if (typeof d === "string") errors.push(`${key.toUpperCase()}: ${d}`);
      else {
        set[key] = d.ms;
        if (d.note) calculations.push(`${key.toUpperCase()}=${value.trim()} ${d.note}.`);
      }
    } else if (key === "expires") {
      const d = parseDuration(value, "s");
      if (typeof d === "string") errors.push(`Expires: ${d}`);
      else {
        due.push({ label: "registration refresh", afterSeconds: Math.round((d * 0.75) / 1000) });
        calculations.push(
          `Expires ${seconds(d)}: the registration is refreshed at 3/4 of it, ${seconds(d * 0.75)} after the REGISTER; it lapses at ${seconds(d)} if no refresh succeeds.`,
        );
      }
    } else if (key === "session-expires" || key === "se") {
      const d = parseDuration(value, "s");
      if (typeof d === "string") errors.push(`Session-Expires: ${d}`);
      else if (d < 90_000)
        errors.push(
          `Session-Expires ${seconds(d)} is below the 90 s Min-SE floor; expect 422 Session Interval Too Small.`,
        );
      else {
        const bye = d - Math.min(32_000, d / 3);
        due.push({ label: "session refresh", afterSeconds: Math.round(d / 2 / 1000) });
        calculations.push(
          `Session-Expires ${seconds(d)}: the refresher sends a re-INVITE or UPDATE at ${seconds(d / 2)}; if none arrives, the other side sends BYE at about ${seconds(bye)} and the session is dead at ${seconds(d)}.`,
        );
      }
    } else {
      errors.push(`Unknown setting "${key}". Known: t1, t2, t4, expires, session-expires.`);
    }
  }
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
  const transaction: TimerRow[] = [];
  for (const [id, derive] of Object.entries(DERIVE)) {
    const entry = catalog.byId.get(id);
    if (!entry) continue;
    const [udpMs, tcpMs] = derive(base);
    transaction.push({ entry, udpMs, tcpMs });
  }
  if (set.t1 !== undefined) {
    calculations.push(
      `With T1 = ${seconds(base.t1)}: Timer B, F, H, J, L and M = 64×T1 = ${seconds(64 * base.t1)}; Timer A, E and G start at ${seconds(base.t1)}.`,
    );
  }
  for (const fn of later) fn(transaction);
  const pick = (ids: string[]) => ids.map((id) => catalog.byId.get(id)).filter((e): e is Entry => Boolean(e));
  const webex = (catalog.byNamespace.get("timer") ?? []).filter(
    (e) => e.id.startsWith("timer/mobius-") || e.id.startsWith("timer/sip-"),
  );
  return { profile, base, transaction, session: pick(SESSION_IDS), webex, calculations, due, errors };
}
