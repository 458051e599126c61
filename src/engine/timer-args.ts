// The arguments of `sipcode timers …`: settings (t1=2s, expires=600), pasted headers
// ("Expires: 600", "Min-SE:90"), timer names ("timer B fired"), durations to look up (32s), ims
// and keepalive; and how durations are read.
import { seconds } from "./timer-base.js";

const MAX_MS = 7 * 24 * 3600 * 1000;
/** The largest T1, T2 or T4 taken: 64×T1 is then already an hour. */
const MAX_BASE_MS = 60_000;
/** What each base timer stands for (RFC 3261 §17.1.1.1, Table 4), for the sentence refusing one too large. */
const ROLE = {
  t1: "is the round-trip time estimate (500 ms by default, 2 s in IMS)",
  t2: "caps the retransmit interval of non-INVITE requests and INVITE responses (4 s by default, 16 s in IMS)",
  t4: "is how long a message may stay in the network (5 s by default, 17 s in IMS)",
} as const;

/**
 * A bare T1 below this is seconds (t1=2 is IMS's 2 s); from it on, milliseconds (t1=500), as
 * stacks configure it. T2 and T4 defaults are seconds (4 s, IMS 16 s), so theirs is higher.
 */
const BARE_MS_FROM = { t1: 10, t2: 50, t4: 50 } as const;

export type Key = "t1" | "t2" | "t4" | "expires" | "session-expires" | "min-se";
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
export const LABEL: Readonly<Record<Key, string>> = {
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

export interface TimerArgs {
  profile: "rfc3261" | "ims";
  /** The last value given for each setting, as written. */
  settings: Map<Key, string>;
  /** Durations to look up, in ms ("32s"). */
  lookups: Set<number>;
  /** Timers asked about by name, as catalog ids ("timer/b"). */
  named: Set<string>;
  keepalive: boolean;
  errors: string[];
  notes: string[];
}

/** A number and its optional unit, as parseDuration reads them. */
const DURATION =
  /^(\d+(?:\.\d+)?)\s*(ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)?$/i;

/** "0", "0s", "0.0": a duration of nothing, which no timer takes but Expires does (a removal). */
export function isZeroDuration(value: string): boolean {
  const m = DURATION.exec(value.trim());
  return m !== null && Number(m[1]) === 0;
}

/** "1s", "500ms", "1.5s", "2m", "1h"; a bare number uses `bareUnit` (ms for T1/T2/T4, s for headers). */
export function parseDuration(value: string, bareUnit: "ms" | "s"): number | string {
  const example = bareUnit === "s" ? "3600, 90s, 30m or 1h" : "500ms, 1s or 2s";
  const text = value.trim();
  if (/^-\s*\d/.test(text)) return `"${value}" must be greater than zero.`;
  const m = DURATION.exec(text);
  if (!m) return `"${value}" is not a duration; write it like ${example}.`;
  const n = Number(m[1]);
  // "ms", "msec", "milliseconds" → m…s; "min", "minutes" → mi…; "m" alone; "h", "hr", "hours" → h….
  const unit = (m[2] ?? bareUnit).toLowerCase();
  const ms =
    unit === "ms" || unit.startsWith("mil") || unit.startsWith("msec")
      ? n
      : unit === "m" || unit.startsWith("min")
        ? n * 60_000
        : unit.startsWith("h")
          ? n * 3_600_000
          : n * 1000;
  if (ms <= 0) return `"${value}" must be greater than zero.`;
  if (ms > MAX_MS) return `"${value}" is more than a week; no SIP timer runs that long.`;
  return ms;
}

/**
 * A T1/T2/T4 value: a bare number is milliseconds (t1=500), or seconds when small (t1=2 is IMS's
 * 2 s; see BARE_MS_FROM). The note says how a bare number was read when another reading is plausible.
 */
export function baseTimer(key: "t1" | "t2" | "t4", value: string): { ms: number; note?: string } | string {
  const read = baseValue(key, value);
  // A week's bound is for Expires; T1/T2/T4 estimate round trips and message lifetimes (500 ms,
  // 4 s, 5 s by default; 2 s, 16 s, 17 s in IMS), so a minute is already far past any stack's.
  if (typeof read !== "string" && read.ms > MAX_BASE_MS)
    return `"${value.trim()}" is more than a minute; ${key.toUpperCase()} ${ROLE[key]}, and no stack sets it that high.`;
  return read;
}

function baseValue(key: "t1" | "t2" | "t4", value: string): { ms: number; note?: string } | string {
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

/** The setting names as written before "=" or ":", to tell a new setting from a header parameter. */
const KEY_NAMES = Object.keys(KEYS).join("|");
/** A ";" that starts another setting ("1800; t1=1s") separates; it is no header parameter. */
const SEMI_BEFORE_SETTING = new RegExp(`\\s*;\\s*(?=(?:${KEY_NAMES})\\s*[:=])`, "gi");
/** Unit words that may stand apart from their number ("32 s", "2 min"); not "m" or "h", Timer M and H. */
const SPACED_UNIT =
  /(\d)\s+(ms|msecs?|milliseconds?|s|secs?|seconds?|mins?|minutes?|hrs?|hours?)(?=$|[\s;])/gi;

/**
 * The arguments as words, with pasted headers ("Expires: 600", "Min-SE:90"), header parameters
 * ("1800; refresher=uas"), spaced settings ("t1 = 2s"), spaced units ("32 seconds") and timer names
 * ("timer h") each joined into one word.
 */
function words(args: readonly string[]): string[] {
  return (
    args
      .join(" ")
      .replace(SEMI_BEFORE_SETTING, " ")
      // RFC 3261 §25.1: SEMI = SWS ";" SWS, so a pasted header may have spaces around its ";".
      .replace(/\s*;\s*/g, ";")
      .replace(/([a-z][a-z0-9-]*)\s*[:=]\s*(?=\S)/gi, "$1=")
      .replace(SPACED_UNIT, "$1$2")
      .replace(/(^|\s)timers?\s+([a-m]|t[124])(?=$|\s)/gi, "$1timer-$2")
      // "expires 3600", "session-expires 1800": a header name and its value with only a space
      // between, as people write them; T1/T2/T4 stay timer names ("t1 2s" asks about T1 and 2 s).
      .replace(/(^|\s)(expires|session-expires|min-se)\s+(?=\d)/gi, "$1$2=")
      .split(/\s+/)
      .filter((w) => w !== "")
  );
}

/** Sorts the arguments into settings, lookups and named timers; values are checked later. */
export function parseTimerArgs(args: readonly string[]): TimerArgs {
  const errors: string[] = [];
  const notes: string[] = [];
  let profile: "rfc3261" | "ims" = "rfc3261";
  const settings = new Map<Key, string>();
  const lookups = new Set<number>();
  const named = new Set<string>();
  const unknown: string[] = [];
  let keepalive = false;
  let refresher: "uac" | "uas" | undefined;
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
    if (word === "refresher") {
      // Session-Expires's own parameter written as a setting: attached to it below.
      if (value === "uac" || value === "uas") refresher = value;
      else errors.push(`refresher=${value}: the refresher is uac (the caller) or uas (the callee).`);
      continue;
    }
    const key = KEYS[word];
    if (!key) {
      errors.push(
        `Unknown setting "${word}". Known: t1, t2, t4, expires, session-expires (with refresher=uac or uas), min-se.`,
      );
      continue;
    }
    if (settings.has(key))
      notes.push(`${LABEL[key]} given more than once; using the last, ${word}=${value}.`);
    settings.set(key, value);
  }
  if (refresher) {
    const se = settings.get("session-expires");
    if (se === undefined)
      errors.push(
        `refresher=${refresher} goes with a Session-Expires; try session-expires=1800 refresher=${refresher}.`,
      );
    else if (!/;\s*refresher=/i.test(se)) settings.set("session-expires", `${se};refresher=${refresher}`);
  }
  // "timer B fired": the words around a timer's name are not settings.
  for (const raw of unknown) {
    if (named.size > 0 && TIMER_WORDS.has(raw.toLowerCase())) continue;
    errors.push(
      `I don't understand "${raw}". Try expires=3600, t1=1s, session-expires=1800, min-se=90, keepalive, ims or 32s.`,
    );
  }
  return { profile, settings, lookups, named, keepalive, errors, notes };
}
