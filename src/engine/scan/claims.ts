// Vendor pairs own their numbers: an ACS "code=410 subcode=3112" or a Mobius "Error code: 403 …
// mobius-error: 112" reads the 403 and 410 itself, so a SIP or HTTP code that a looser detector
// guessed from the same characters is dropped.
import type { Namespace } from "../../catalog/schema.js";
import type { Hit } from "./hit.js";

/** Detectors that read a bare number and guess from the words around it whether it is SIP or HTTP. */
const GUESSED = new Set(["stack-statement", "keyword", "phrase", "failed-code"]);
const PAIRED = new Set<Namespace>(["mobius", "acs", "exotel"]);

/**
 * The numbers of a vendor pair (ACS "code=410 subcode=3112", Mobius "Error code: 403 : FORBIDDEN,
 * mobius-error: 112") are that pair's: a SIP or HTTP code guessed from the same words is dropped.
 */
export function withoutClaimed(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  let claims: Map<number, Claims> | undefined;
  for (const h of hits) {
    if (!PAIRED.has(h.namespace)) continue;
    claims ??= new Map();
    claim(claims, h.code, h);
    if (h.subcode !== null && h.subcode !== h.code) claim(claims, h.subcode, h);
  }
  if (!claims) return hits;
  for (const c of claims.values()) {
    c.spans.sort((a, b) => a.at - b.at);
    let reach = 0;
    for (const p of c.spans) {
      reach = Math.max(reach, p.at + p.len);
      c.reach.push(reach);
    }
  }
  let out: Hit[] | undefined;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (claimed(claims, h)) out ??= hits.slice(0, i);
    else out?.push(h);
  }
  return out ?? hits;
}

/** The vendor pairs that read one number, by position, and how far the first k of them reach. */
interface Claims {
  spans: Hit[];
  reach: number[];
}

function claim(claims: Map<number, Claims>, code: number, h: Hit): void {
  const c = claims.get(code);
  if (c) c.spans.push(h);
  else claims.set(code, { spans: [h], reach: [] });
}

/** Is `h` a guessed SIP/HTTP code whose number a vendor pair reads on the same words? */
function claimed(claims: Map<number, Claims>, h: Hit): boolean {
  if ((h.namespace !== "sip" && h.namespace !== "http") || !GUESSED.has(h.detector)) return false;
  const c = claims.get(h.code);
  if (!c) return false;
  // The pairs that start before h ends (a long line may hold thousands): does one reach into h?
  let lo = 0;
  let hi = c.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c.spans[mid] as Hit).at < h.at + h.len) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (c.reach[lo - 1] as number) > h.at;
}

/** A field line of tshark's tree: "            Cause: 18" and nothing else. */
const CAUSE_FIELD = /^\s+Cause: \d{1,3}\s*$/;
/** tshark puts a Reason header's fields ("Protocol:", "Cause:", "Text:") right under it. */
const FIELD_LINES = 3;

/**
 * Whether `h`, a cause read from the field line `line` (number lineNo), is the cause of the
 * Reason header `reason` found on line reasonLine just above: tshark's dissection of that header
 * ("Reason: Q.850;cause=18" then "Cause: 18"), one release, not a second one.
 */
export function restatesReason(
  h: Hit,
  line: string,
  lineNo: number,
  reason: Hit,
  reasonLine: number,
): boolean {
  return (
    reason.detector === "reason" &&
    reason.namespace === h.namespace &&
    reason.code === h.code &&
    lineNo > reasonLine &&
    lineNo - reasonLine <= FIELD_LINES &&
    CAUSE_FIELD.test(line)
  );
}

/**
 * The Webex Calling SDK logs one status twice: "…message:Keep-alive missed 1 times. Status -> 503"
 * and then, with the same stamp and method, "…message:Status code: -> 503". The second line is
 * the bare status, after the same prefix (stamp, file, method) the first line starts with, which
 * had words of its own before its status. One event, counted once.
 */
export class StatusEchoes {
  /** The last SDK status offered: its code, and its line up to the status. */
  private code = 0;
  private at = 0;
  private head = "";
  private lineNo = -1;

  /** Whether the SDK status `h` on `line` (number lineNo) repeats the one on the line before. */
  repeats(h: Hit, line: string, lineNo: number): boolean {
    const echo =
      this.lineNo === lineNo - 1 &&
      this.code === h.code &&
      h.subcode === null &&
      h.at > 0 &&
      this.at > h.at &&
      line.slice(h.at + h.len).trim() === "" &&
      this.head.startsWith(line.slice(0, h.at));
    if (echo) return true;
    this.code = h.code;
    this.at = h.at;
    this.head = line.slice(0, h.at);
    this.lineNo = lineNo;
    return false;
  }
}

/** axios's error line, and the `response: { status: N` line of the same error object below it. */
const AXIOS_ERROR = "Request failed with status code ";
const AXIOS_RESPONSE = /^\s*response:\s*\{\s*status:\s*\d{3}\b/;
/** How far below its error line an error object's response can be printed. */
const AXIOS_LINES = 40;

/**
 * Node prints an AxiosError as its message ("Request failed with status code 403"), its stack and
 * the object's fields, `response: { status: 403, … }` among them: one HTTP answer, read twice.
 */
export class AxiosDumps {
  private code = 0;
  private lineNo = -1;

  /** Whether the HTTP status `h` on `line` (number lineNo) is the response of the error above. */
  repeats(h: Hit, line: string, lineNo: number): boolean {
    if (line.includes(AXIOS_ERROR)) {
      this.code = h.code;
      this.lineNo = lineNo;
      return false;
    }
    return (
      this.code === h.code &&
      lineNo > this.lineNo &&
      lineNo - this.lineNo <= AXIOS_LINES &&
      AXIOS_RESPONSE.test(line)
    );
  }
}
