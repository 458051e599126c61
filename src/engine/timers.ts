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
  /** The entry's formula, with any number in it worked out for the chosen T1/T2/T4. */
  formula?: string;
  /** The entry's "when it fires" sentence, with its numbers worked out for the chosen T1/T2/T4. */
  firesWhen?: string;
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
/** Transaction timers worth 64×T1: what a timeout of N seconds points at when T1 is not 500 ms. */
const SIXTY_FOUR_T1 = new Set(["timer/b", "timer/d", "timer/f", "timer/h", "timer/j", "timer/l", "timer/m"]);
const SESSION_IDS = ["timer/session-expires", "timer/min-se", "timer/session-refresh"];
export const RFC3261: Base = { t1: 500, t2: 4000, t4: 5000 };
export const IMS: Base = { t1: 2000, t2: 16_000, t4: 17_000 };
const MAX_MS = 7 * 24 * 3600 * 1000;
/** RFC 4028's lowest session interval, and so the lowest Min-SE. */
const MIN_SE_FLOOR = 90_000;
/** T1 values tried when a duration matches no timer with the chosen ones: 250 ms to 4 s. */
const T1_STEPS = Array.from({ length: 16 }, (_, i) => (i + 1) * 250);

/**
 * A bare T1 below this is seconds (t1=2 is IMS's 2 s); from it on, milliseconds (t1=500), as
 * stacks configure it. T2 and T4 defaults are seconds (4 s, IMS 16 s), so theirs is higher.
 */
const BARE_MS_FROM = { t1: 10, t2: 50, t4: 50 } as const;

/**
 * The numbers in a transaction timer's catalog wording that derive from T1/T2/T4. The catalog writes
 * them for the RFC 3261 defaults; each `text` is replaced by its value for the chosen T1/T2/T4, so
 * the card's sentences agree with its numbers (and read as the catalog does with the defaults).
 */
export const WORDING: Readonly<
  Record<string, ReadonlyArray<{ field: "formula" | "firesWhen"; text: string; value: (b: Base) => string }>>
> = {
  "timer/a": [{ field: "firesWhen", text: "0.5, 1, 2, 4 s", value: (b) => doubling(b.t1) }],
  "timer/b": [{ field: "firesWhen", text: "about 32 s", value: (b) => `about ${seconds(64 * b.t1)}` }],
  "timer/d": [
    {
      field: "formula",
      text: "> 32 s for UDP",
      value: (b) =>
        64 * b.t1 > 32_000 ? `64*T1 = ${seconds(64 * b.t1)} for UDP (at least 32 s)` : "> 32 s for UDP",
    },
  ],
  "timer/e": [{ field: "firesWhen", text: "every 4 s", value: (b) => `every ${seconds(b.t2)}` }],
  "timer/f": [{ field: "firesWhen", text: "about 32 s", value: (b) => `about ${seconds(64 * b.t1)}` }],
  "timer/h": [{ field: "firesWhen", text: "~32 s", value: (b) => `~${seconds(64 * b.t1)}` }],
  "timer/l": [{ field: "firesWhen", text: "32 s after", value: (b) => `${seconds(64 * b.t1)} after` }],
  "timer/m": [{ field: "firesWhen", text: "32 s after", value: (b) => `${seconds(64 * b.t1)} after` }],
};

/** "0.5, 1, 2, 4 s": the first four intervals of a retransmission that starts at T1 and doubles. */
function doubling(t1: number): string {
  return `${[1, 2, 4, 8].map((k) => Number(((k * t1) / 1000).toFixed(3))).join(", ")} s`;
}

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

/**
 * A T1/T2/T4 value: a bare number is milliseconds (t1=500), or seconds when small (t1=2 is IMS's
 * 2 s; see BARE_MS_FROM). The note says how a bare number was read when another reading is plausible.
 */
function baseTimer(key: "t1" | "t2" | "t4", value: string): { ms: number; note?: string } | string {
  const text = value.trim();
  const bare = /^\d+(?:\.\d+)?$/.test(text);
  if (bare && Number(text) < BARE_MS_FROM[key]) {
    const ms = parseDuration(text, "s");
    if (typeof ms === "string") return ms;
    return { ms, note: `read as ${seconds(ms)}; write ${text}ms to mean milliseconds` };
  }
  const ms = parseDuration(text, "ms");
  if (typeof ms === "string") return ms;
  if (bare && ms < 100) return { ms, note: `read as ${seconds(ms)}; write ${text}s to mean seconds` };
  return { ms };
}

/** "500 ms", "1250 ms", "1.5 s", "60.7 s", "1768 s": one decimal at most. */
function seconds(ms: number): string {
  const whole = Math.round(ms);
  if (whole < 1000 || (whole < 10_000 && whole % 100 !== 0)) return `${whole} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}

function rowsFor(catalog: Catalog, base: Base): TimerRow[] {
  const rows: TimerRow[] = [];
  for (const [id, derive] of Object.entries(DERIVE)) {
    const entry = catalog.byId.get(id);
    if (!entry) continue;
    const [udpMs, tcpMs] = derive(base);
    const row: TimerRow = { entry, udpMs, tcpMs };
    for (const field of ["formula", "firesWhen"] as const) {
      let text = entry.timer?.[field];
      if (text === undefined) continue;
      for (const w of WORDING[id] ?? []) if (w.field === field) text = text.split(w.text).join(w.value(base));
      row[field] = text;
    }
    rows.push(row);
  }
  return rows;
}

/** Within 5 % of the target (at least 100 ms): 31–33 s is "about 32 s", 30 s and 35 s are not. */
function near(v: number | null, targetMs: number): v is number {
  return v !== null && v > 0 && Math.abs(v - targetMs) <= Math.max(100, targetMs * 0.05);
}

/** "Timer B, Timer F at 64 s" for the rows near the target, or "" when none is. */
function hitList(rows: TimerRow[], targetMs: number): { text: string; distance: number } {
  const names: string[] = [];
  const values = new Set<number>();
  let distance = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    const v = [r.udpMs, r.tcpMs].find((x) => near(x, targetMs));
    if (v === undefined || v === null) continue;
    names.push(r.entry.title);
    values.add(v);
    distance = Math.min(distance, Math.abs(v - targetMs));
  }
  if (names.length === 0) return { text: "", distance };
  return { text: `${names.join(", ")} at ${[...values].map(seconds).join(" and ")}`, distance };
}

/**
 * Which timers fire at about `targetMs` with the chosen values; when none does, which would with
 * the other profile's values or with another T1 (as 64×T1), and under which setting.
 */
function around(catalog: Catalog, rows: TimerRow[], targetMs: number, profile: string, base: Base): string {
  const hits = rows
    .filter((r) => near(r.udpMs, targetMs) || near(r.tcpMs, targetMs))
    .map((r) => r.entry.title);
  for (const e of catalog.byNamespace.get("timer") ?? []) {
    if (!DERIVE[e.id] && e.timer?.defaultMs && near(e.timer.defaultMs, targetMs)) hits.push(e.title);
  }
  if (hits.length > 0) return `At about ${seconds(targetMs)}: ${[...new Set(hits)].join(", ")}.`;
  const here = `${profile === "ims" ? "IMS " : ""}T1 = ${seconds(base.t1)}`;
  const parts = [`No standard timer fires at about ${seconds(targetMs)} with ${here}.`];
  const other = profile === "ims" ? RFC3261 : IMS;
  const tried = new Set([base.t1]);
  const changed = (r: TimerRow, i: number) => r.udpMs !== rows[i]?.udpMs || r.tcpMs !== rows[i]?.tcpMs;
  const inOther = hitList(
    rowsFor(catalog, other).filter((r, i) => changed(r, i)),
    targetMs,
  );
  if (inOther.text !== "") {
    parts.push(
      profile === "ims"
        ? `With the RFC 3261 defaults (T1 = 500 ms): ${inOther.text}.`
        : `With IMS T1 = 2 s (timers ims): ${inOther.text}.`,
    );
    tried.add(other.t1);
  }
  let best: { t1: number; text: string; distance: number } | undefined;
  for (const t1 of T1_STEPS) {
    if (tried.has(t1)) continue;
    const b = { ...base, t1, t2: Math.max(base.t2, t1) };
    const hit = hitList(
      rowsFor(catalog, b).filter(
        (r, i) => SIXTY_FOUR_T1.has(r.entry.id) && r.udpMs === 64 * t1 && changed(r, i),
      ),
      targetMs,
    );
    if (hit.text !== "" && (!best || hit.distance < best.distance)) best = { t1, ...hit };
  }
  if (best) parts.push(`With T1 = ${seconds(best.t1)}: ${best.text} (64×T1).`);
  if (parts.length === 1) {
    parts[0] = `No standard timer fires at about ${seconds(targetMs)} (checked with ${here}, the ${profile === "ims" ? "RFC 3261 defaults" : "IMS profile"} and 64×T1 for T1 up to 4 s).`;
  }
  return parts.join(" ");
}

type Key = "t1" | "t2" | "t4" | "expires" | "session-expires" | "min-se";
const KEYS: Readonly<Record<string, Key>> = {
  t1: "t1",
  t2: "t2",
  t4: "t4",
  expires: "expires",
  "session-expires": "session-expires",
  se: "session-expires",
  x: "session-expires",
  "min-se": "min-se",
};
const LABEL: Readonly<Record<Key, string>> = {
  t1: "T1",
  t2: "T2",
  t4: "T4",
  expires: "Expires",
  "session-expires": "Session-Expires",
  "min-se": "Min-SE",
};
/** A timer named on its own ("b", "timer-b", "t1"), as in "timer B fired". */
const TIMER_NAME_RE = /^(?:timer-?)?([a-m]|t[124])$/;
/** Words that may follow a timer's name and add nothing: "timer B fired", "Timer F expired". */
const TIMER_WORDS = new Set([
  "fired",
  "fires",
  "firing",
  "expired",
  "expiring",
  "expiry",
  "popped",
  "timeout",
]);

/**
 * The arguments as words, with pasted headers ("Expires: 600", "Min-SE:90") and spaced settings
 * ("t1 = 2s") joined into key=value.
 */
function words(args: readonly string[]): string[] {
  return args
    .join(" ")
    .replace(/([a-z][a-z0-9-]*)\s*[:=]\s*(?=\S)/gi, "$1=")
    .split(/\s+/)
    .filter((w) => w !== "");
}

export function computeTimers(catalog: Catalog, args: readonly string[]): TimersResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const calculations: string[] = [];
  const due: TimersResult["due"] = [];
  let profile: "rfc3261" | "ims" = "rfc3261";
  const base: Base = { ...RFC3261 };
  const set: Partial<Base> = {};
  const settings = new Map<Key, string>();
  const lookups = new Set<number>();
  const named = new Set<string>();
  const unknown: string[] = [];
  let keepalive = false;
  for (const raw of words(args)) {
    const arg = raw.toLowerCase();
    if (arg === "ims" || arg === "profile=ims") {
      profile = "ims";
      continue;
    }
    if (arg === "keepalive" || arg === "keepalives") {
      keepalive = true;
      continue;
    }
    const name = TIMER_NAME_RE.exec(arg)?.[1];
    if (name) {
      named.add(`timer/${name}`);
      continue;
    }
    const kv = /^([a-z0-9-]+)=(.+)$/.exec(arg);
    if (!kv) {
      const d = parseDuration(arg, "s");
      if (typeof d === "number") lookups.add(d);
      else if (/^-?\s*\d/.test(arg)) errors.push(d);
      else unknown.push(raw);
      continue;
    }
    const [, word = "", value = ""] = kv;
    const key = KEYS[word];
    if (!key) {
      errors.push(`Unknown setting "${word}". Known: t1, t2, t4, expires, session-expires, min-se.`);
      continue;
    }
    if (settings.has(key))
      notes.push(`${LABEL[key]} given more than once; using the last, ${word}=${value}.`);
    settings.set(key, value);
  }
  // "timer B fired": the words around a timer's name are not settings.
  for (const raw of unknown) {
    if (named.size > 0 && TIMER_WORDS.has(raw.toLowerCase())) continue;
    errors.push(
      `I don't understand "${raw}". Try expires=3600, t1=1s, session-expires=1800, min-se=90, keepalive, ims or 32s.`,
    );
  }

  let minSe: number | undefined;
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
      const d = parseDuration(value.split(";")[0] ?? "", "s");
      if (typeof d === "string") errors.push(`Expires: ${d}`);
      else {
        due.push({ label: "registration refresh", afterSeconds: Math.round((d * 0.75) / 1000) });
        calculations.push(
          `Expires ${seconds(d)}: the registration is refreshed at 3/4 of it, ${seconds(d * 0.75)} after the REGISTER; it lapses at ${seconds(d)} if no refresh succeeds.`,
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
      if (typeof d === "string") errors.push(`Session-Expires: ${d}`);
      else if (minSe !== undefined && d < minSe)
        errors.push(
          `Session-Expires ${seconds(d)} is below Min-SE ${seconds(minSe)}; expect 422 Session Interval Too Small with Min-SE: ${Math.round(minSe / 1000)}.`,
        );
      else if (d < MIN_SE_FLOOR)
        errors.push(
          `Session-Expires ${seconds(d)} is below the 90 s Min-SE floor; expect 422 Session Interval Too Small.`,
        );
      else {
        const bye = d - Math.min(32_000, d / 3);
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
  const transaction = rowsFor(catalog, base);
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
  for (const ms of lookups) calculations.push(around(catalog, transaction, ms, profile, base));
  const pick = (ids: string[]) => ids.map((id) => catalog.byId.get(id)).filter((e): e is Entry => Boolean(e));
  const webex = (catalog.byNamespace.get("timer") ?? []).filter(
    (e) => e.id.startsWith("timer/mobius-") || e.id.startsWith("timer/sip-"),
  );
  return {
    profile,
    base,
    transaction,
    session: pick(SESSION_IDS),
    webex,
    calculations: [...asked, ...notes, ...calculations],
    due,
    errors,
  };
}
