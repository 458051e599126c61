// Lines that restate a code another line of the same log gave, or give it its meaning, read by the
// finding store as hits arrive: a Twilio error body's status line (twilio-rest.ts), Asterisk's
// several lines for one dial result (dial-outcomes.ts), FreeSWITCH's for one failed bridge
// (originate-outcomes.ts), mod_sofia's named refusal of a gateway leg above FreeSWITCH's cause
// line or after the gateway's failed ping (gateway-refusals.ts), FreeSWITCH's codec refusal and the
// refused channel's hang-up or its bridge's summary (codec-refusals.ts), and a proxy's or stack's
// several lines for one SIP reply (reply-restated.ts), and the variables of one FreeSWITCH channel
// dump that hold the same code (channel-dumps.ts). A JSON dialler's failure record naming no host
// is given the host its call dialled (dial-hosts.ts). An API's XML or pretty-printed JSON error body
// restates the HTTP status line printed just above it (`curl -i`, `curl -v`).
import { CHAN_UNAVAIL_REASON } from "./chan-unavail.js";
import { ChannelDumps, isDumpLine } from "./channel-dumps.js";
import { CodecRefusals, isCodecRefusal } from "./codec-refusals.js";
import { dialledHost } from "./dial-hosts.js";
import { DIAL_STATUS, DialOutcomes } from "./dial-outcomes.js";
import { isLoneStatus, isStatusLine, type RequestHost, requestHostAbove } from "./exotel-request-host.js";
import { API_XML_STATUS } from "./exotel-xml.js";
import type { Finding } from "./finding.js";
import { GATEWAY_REFUSAL, GatewayRefusals, isDownRefusal } from "./gateway-refusals.js";
import type { Hit } from "./hit.js";
import { isOriginateLine, OriginateOutcomes } from "./originate-outcomes.js";
import { OWN_CAUSE } from "./own-causes.js";
import { RestatedReplies } from "./reply-restated.js";
import { unquoted } from "./text-lines.js";
import { TwilioBodies } from "./twilio-rest.js";

/** What the store needs of the line being offered: its text, and its finding for a hit. */
interface Source {
  line: string;
  build(h: Hit): Finding;
  above(n: number): string[];
  below(n: number): string[];
}

/** A cause FreeSWITCH ends a failed bridge with: a Q.850 cause other than normal clearing (16), or
 *  the SIP failure one of its own causes stands for. */
function isBridgeFailure(h: Hit): boolean {
  return (h.namespace === "q850" && h.code !== 16) || (h.namespace === "sip" && h.code >= 300);
}

/** Whether `t`, an HTTP status, is one a request printed above its line got as its answer. */
function answersRequest(t: Hit, line: string): boolean {
  return (
    t.detector === API_XML_STATUS ||
    isLoneStatus(line) ||
    (t.detector === "http-status" && isStatusLine(line))
  );
}

/** How far below its status line a response's body may restate it: the headers in between. */
const BODY_LOOKBACK = 30;

export class Restatements {
  private readonly twilio = new TwilioBodies();
  private readonly dials = new DialOutcomes();
  private readonly refusals = new GatewayRefusals();
  private readonly originates = new OriginateOutcomes();
  private readonly replies = new RestatedReplies();
  private readonly codecs = new CodecRefusals();
  private readonly dumps = new ChannelDumps();
  /** The line of the last JSON failure with no host of its own, and the host its call dialled. */
  private dialledLine = -1;
  private dialled: string | undefined;
  /** The last HTTP status line (`curl -i`'s "HTTP/1.1 401 Unauthorized") and its code. */
  private httpLine = -1;
  private httpCode = 0;
  /** The line of the last lone HTTP status, and the host of the request printed above it. */
  private requestLine = -1;
  private request: RequestHost | undefined;

  /** The hit to offer instead of `h`, found on line lineNo: `h`, what it means, or null to drop it. */
  take(h: Hit, lineNo: number, quoted: Source): Hit | null {
    // A log pasted as a chat quote ("> [2024-03-05 03:50:12] WARNING[4411]…") is read as it is plain:
    // these lines are told apart by their stamp, thread and call id at the line's start.
    const src = quoted.line.charCodeAt(0) === 62 ? { ...quoted, line: unquoted(quoted.line) } : quoted;
    const t =
      h.namespace === "http" || this.twilio.waiting ? this.twilio.take(h, src.line, lineNo, src.below) : h;
    if (t === null) return null;
    if (t.namespace === "http") {
      if (this.apiBodyRestates(t, lineNo, src.line)) return null;
      // A status alone on its line, an XML error body's, or curl's status line answered the request
      // printed above it (exotel-request-host.ts).
      if (lineNo !== this.requestLine && answersRequest(t, src.line)) {
        this.requestLine = lineNo;
        this.request = requestHostAbove(src.above);
      }
    }
    if (isDumpLine(src.line) && this.dumps.repeats(t, lineNo, src.above, src.below)) return null;
    if (isCodecRefusal(t)) this.codecs.offered(src.line, src.above);
    else if (this.codecs.waiting && this.codec(t, src, lineNo)) return null;
    if (t.detector === DIAL_STATUS)
      return this.dials.repeats(t, src.line, lineNo, t.reason === CHAN_UNAVAIL_REASON) ? null : t;
    // A HANGUPCAUSE of a call whose Dial() ended CHANUNAVAIL is that Dial()'s cause (dial-outcomes.ts).
    if (isBridgeFailure(t) && this.dials.noteCause(t, src.line, lineNo, () => src.build(t), src.above))
      return null;
    const again = this.refusals.repeats(t, src.line, lineNo);
    // A gateway's refused leg is a leg's end too: the originate's summary below restates it.
    if (isBridgeFailure(t) && (isOriginateLine(src.line) || isDownRefusal(t, src.line)))
      return this.originates.repeats(t, src.line, lineNo) || again ? null : t;
    if (again) return null;
    if (t.detector === GATEWAY_REFUSAL) {
      // Held until the cause line below gives it a code.
      this.refusals.hold(src.build(t));
      return null;
    }
    if (t.namespace === "sip" && t.code >= 300) {
      if (this.replies.repeats(t, src.line, lineNo)) return null;
      // A JSON dialler's failure record: the host its call dialled, given to the finding below.
      if (src.line.charCodeAt(0) === 123) {
        this.dialledLine = lineNo;
        this.dialled = dialledHost(src.line, src.above);
      }
    }
    return t;
  }

  /**
   * Whether `t`, an API's error body's status (an XML <Status>, or a pretty-printed JSON body's
   * `"status": 429,` alone on its line), restates the HTTP status line of the same response just
   * above it (`curl -i` or `curl -v` prints the status line, headers, then the body): one answer.
   * A status line is restated once, so a later response's body under no status line still counts.
   */
  private apiBodyRestates(t: Hit, lineNo: number, line: string): boolean {
    if (t.detector === "http-status") {
      this.httpLine = lineNo;
      this.httpCode = t.code;
      return false;
    }
    if (t.code !== this.httpCode || lineNo - this.httpLine > BODY_LOOKBACK) return false;
    if (t.detector !== API_XML_STATUS && !isLoneStatus(line)) return false;
    this.httpCode = 0;
    return true;
  }

  /**
   * Whether `t` restates a FreeSWITCH codec line above (codec-refusals.ts). The leg's hang-up that
   * takes its place is also that bridge's leg to the originate's summary below, and a summary
   * with no hang-up before it stands for the codec line's bridge: either way the summary and the
   * caller's own hang-up after it count no more.
   */
  private codec(t: Hit, src: Source, lineNo: number): boolean {
    const summary = this.codecs.summarises(t, src.line, lineNo);
    if (!summary && !this.codecs.restates(t, src.line, lineNo, () => src.build(t))) return false;
    if (isOriginateLine(src.line)) this.originates.repeats(t, src.line, lineNo);
    return true;
  }

  /** The finding to keep for `h`, whose own finding is `f`: a FreeSWITCH cause line right under
   *  mod_sofia's refusal of a gateway leg is that refusal, on mod_sofia's line. */
  finding(h: Hit, f: Finding): Finding {
    if (isCodecRefusal(h)) this.codecs.see(f, f.line);
    if (h.reason === CHAN_UNAVAIL_REASON) this.dials.see(f);
    this.dumps.see(h, f);
    if (f.line === this.requestLine && this.request && !f.host && h.namespace === "http") {
      f.host = this.request.host;
      f.direction ??= "in";
      if (this.request.api) f.agent ??= this.request.api;
    }
    if (f.line === this.dialledLine && this.dialled && !f.host && h.namespace === "sip") {
      f.host = this.dialled;
      f.direction ??= "in";
    }
    return h.detector === OWN_CAUSE ? (this.refusals.take(f) ?? f) : f;
  }
}
