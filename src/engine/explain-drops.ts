// "The call drops after N": the time a call lasts before it ends says which timer ended it. About
// 32 s is Timer H/64*T1 (the ACK never arrived); a fixed time of minutes is the session timer.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";

/** A call ending: "call drops", "calls drop every", "call disconnects after", "call is cut at". */
const CALL_ENDS_RE =
  /\bcalls?\b.*\b(?:drops?|dropped|dropping|disconnects?|disconnected|disconnecting|ends?|ended|cut|cuts|terminates?|terminated|hangs?\s+up|hung\s+up)\b/;
/** Words that say the media, not the call, stops: those are the media symptoms' to answer. */
const MEDIA_RE = /\b(?:audio|media|rtp|voice|sound|silent|silence)\b/;
/** "30 min", "1800 seconds", "2 hours", "15m". */
const DURATION_RE = /\b(\d{1,5}(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };

/** The duration the words name, in seconds, else null. */
export function spokenSeconds(text: string): number | null {
  if (/\bhalf\s+(?:an\s+)?hour\b/.test(text)) return 1800;
  if (/\bquarter\s+(?:of\s+)?(?:an\s+)?hour\b/.test(text)) return 900;
  if (/\b(?:an|one)\s+hour\b/.test(text)) return 3600;
  const m = DURATION_RE.exec(text);
  if (!m?.[1] || !m[2]) return null;
  return Number(m[1]) * (UNIT_SECONDS[m[2][0] ?? "s"] ?? 1);
}

/** RFC 4028's smallest session interval (Min-SE): no session timer fires sooner. */
const MIN_SE = 90;

/**
 * The symptom a call ending after a stated time points at, with the reason, or null when the
 * words are not about a call ending at a time, or the time fits neither.
 */
export function dropAfter(c: Catalog, text: string): { entry: Entry; note: string | null } | null {
  if (!CALL_ENDS_RE.test(text) || MEDIA_RE.test(text)) return null;
  const seconds = spokenSeconds(text);
  if (seconds === null) return null;
  if (seconds >= 28 && seconds <= 40) {
    const entry = c.byId.get("symptom/call-drops-after-32-seconds");
    return entry ? { entry, note: null } : null;
  }
  if (seconds < MIN_SE) return null;
  const entry = c.byId.get("symptom/call-drops-at-session-refresh");
  const minutes = seconds % 60 === 0 ? ` (${seconds / 60} min)` : "";
  const note =
    `A call that ends after the same ${seconds} s${minutes} each time is most often the session timer ` +
    "(RFC 4028): its refresh failed or never came, so one side ended the call as the session expired. " +
    "1800 s (30 min) is the recommended Session-Expires.";
  return entry ? { entry, note } : null;
}
