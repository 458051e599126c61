// The summary's opening sentences: how many codes (and symptoms) a scan found, in how many
// lines, and how many repeats were folded into the counts; then what failed first.
import { hostRole } from "./scan/hosts.js";
import type { Finding } from "./scan/scanner.js";
import type { RequestNoted } from "./timing.js";

/** For a problem no code shows (audio): where to look instead. */
export const AUDIO_HINT = "If the problem is audio with no code, try a symptom such as `one way audio`.";

/** What a scan counted: findings counted once, distinct codes, symptoms, registrations. */
export interface FoundCounts {
  total: number;
  distinct: number;
  media: number;
  registered: number;
}

export function foundSentence(found: FoundCounts, lines: number, omitted: number): string {
  const { total, distinct, media, registered } = found;
  const folded =
    omitted > 0
      ? `; ${omitted} repeat${omitted === 1 ? " is" : "s are"} folded into the counts, the first of each kept`
      : "";
  const codes = total - media - registered;
  // Symptoms (RTP that stopped, a webhook Twilio could not reach) and registrations a client logged
  // in words carry no code: named apart.
  const others = [
    ...(media > 0 ? [`${media} symptom${media === 1 ? "" : "s"}`] : []),
    ...(registered > 0 ? [`${registered} Mobius registration${registered === 1 ? "" : "s"}`] : []),
  ];
  const what =
    others.length === 0
      ? `${total} code${total === 1 ? "" : "s"} (${distinct} distinct)`
      : `${codes === 0 ? "no codes" : `${codes} code${codes === 1 ? "" : "s"}`} and ${others.join(" and ")}`;
  return `Found ${what} in ${lines} line${lines === 1 ? "" : "s"}${folded}.`;
}

export interface Headline {
  /** The hang-up's own sentence when the first failure is a BYE's or CANCEL's Reason. */
  hungUp?: string;
  first: Finding | null;
  firstLabel: string | null;
  /** A request nothing answered before the first failure. */
  before?: RequestNoted;
  /** With no failing code: the request nothing answered. */
  quiet?: RequestNoted;
  anyFindings: boolean;
}

/** "The first failure is SIP 503 … on line 9 (INVITE, 10:00:01, from 10.0.0.9)", or why none. */
export function headlineSentence(h: Headline): string | undefined {
  const { before, first, firstLabel, quiet } = h;
  const earlier = before
    ? `${before.to ?? "the next hop"} did not answer the ${before.method} on line ${before.line}: that silence is the earlier failure`
    : undefined;
  if (h.hungUp) return earlier ? `${h.hungUp} Before it, ${earlier}.` : h.hungUp;
  if (first && firstLabel) {
    const sentBy =
      first.host &&
      first.direction !== "local" &&
      hostRole(first.text, first.host, first.direction) !== "receiver";
    const where = [first.method, first.timestamp, sentBy ? `from ${first.host}` : undefined]
      .filter(Boolean)
      .join(", ");
    return `The first failure is ${firstLabel} on line ${first.line}${where ? ` (${where})` : ""}${earlier ? `, after ${earlier}` : ""}.`;
  }
  if (quiet) {
    const rest = h.anyFindings ? "; every code found is normal traffic" : "";
    return `The first failure is a request that got no answer: the ${quiet.method} on line ${quiet.line}${quiet.to ? ` to ${quiet.to}` : ""}${rest}.`;
  }
  if (h.anyFindings)
    return `No failure: everything found is normal call or registration traffic. ${AUDIO_HINT}`;
  return undefined;
}
