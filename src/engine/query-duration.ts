// Numbers that are durations or counts, never codes: "486 ms", "180 seconds", "3 minutes", "500ms",
// and a count after an RTP stats word ("packets lost 486"). A duration asked on its own is a timer
// question ("which timer runs 32 s?"), answered in explain-duration.ts.

/** Time units after a number. A lone "m" or "h" is left out: after a number it names Timer M or H. */
const UNIT = "(?:ms|msecs?|millisec(?:ond)?s?|s|secs?|seconds?|mins?|minutes?|hrs?|hours?)";
/** A number and its unit, anywhere: "486 ms", "4 s", "500ms", "1.5 seconds". */
const DURATION_RE = new RegExp(String.raw`(?<![\w.])(\d{1,7}(?:\.\d+)?)(\s*)(${UNIT})(?![\w-])`, "gi");
/** A duration asked about on its own, maybe after a word of time: "after 486 ms", "~32 s". */
const ALONE_RE = new RegExp(
  String.raw`^(?:(?:after|about|around|approx(?:imately)?|every|in|at|within|~)\s*)?(\d{1,7}(?:\.\d+)?)(\s*)(${UNIT})\??$`,
  "i",
);
/** A count after an RTP stats word ("packets lost 486", "jitter: 12"): never a code. */
const STATS_COUNT_RE =
  /\b(?:lost|loss|jitter|packets|pkts|octets|bytes|frames|discarded|rtt|latency|mos)\s*[:=]?\s*\d+(?:\.\d+)?/gi;

/**
 * "503s" is a plural ("getting 503s"), not 503 seconds: a SIP-range whole number with an "s"
 * written against it stays a code.
 */
function plural(n: string, space: string, unit: string): boolean {
  return space === "" && unit.toLowerCase() === "s" && /^[1-6]\d\d$/.test(n);
}

function toMs(n: string, unit: string): number {
  const u = unit.toLowerCase();
  const v = Number(n);
  if (u === "ms" || u.startsWith("msec") || u.startsWith("milli")) return v;
  if (u.startsWith("min")) return v * 60_000;
  if (u.startsWith("h")) return v * 3_600_000;
  return v * 1000;
}

/** The duration, in ms, when the query is only a duration ("486 ms", "3 minutes"), else null. */
export function durationAlone(text: string): number | null {
  const m = ALONE_RE.exec(text.trim());
  if (!m?.[1] || !m[3] || plural(m[1], m[2] ?? "", m[3])) return null;
  const ms = toMs(m[1], m[3]);
  return ms > 0 ? ms : null;
}

/** The first duration named among words ("INVITE retransmitted after 486 ms"), in ms, else null. */
export function durationIn(text: string): number | null {
  if (!/\d/.test(text)) return null;
  for (const m of text.matchAll(DURATION_RE)) {
    if (m[1] && m[3] && !plural(m[1], m[2] ?? "", m[3])) {
      const ms = toMs(m[1], m[3]);
      if (ms > 0) return ms;
    }
  }
  return null;
}

/** `text` with its durations and stats counts blanked, so the code rules never read them as codes. */
export function withoutQuantities(text: string): string {
  if (!/\d/.test(text)) return text;
  return text
    .replace(DURATION_RE, (all, n: string, space: string, unit: string) =>
      plural(n, space, unit) ? all : " ",
    )
    .replace(STATS_COUNT_RE, " ")
    .replace(/\s+/g, " ")
    .trim();
}
