// The call and the request a one-line record names by key: Kamailio acc's "call_id=…;method=INVITE",
// "callid=…", JSON's "call_id":"…" / "callId":"…", and a script log's "[callid@host]" prefix. A
// one-line record has no Call-ID header below it, and without its own Call-ID two calls a second
// apart would look like one.

/**
 * call_id=, callid=, call-id=, "call_id":"…", "callId":"…", Twilio's "sipCallId" (and the
 * "DialSipCallId" of a <Dial><Sip> action callback: the dialled leg's), Telnyx's
 * "call_control_id" (one per call leg, in every webhook of it), and Kamailio's xlog idiom ci=$ci (a
 * SIP header line is read elsewhere).
 */
const CALL_KEY =
  /\b(?:(?:Dial)?sip_?)?call[-_]?(?:control_)?id"?\s*[=:]\s*"?([^\s";,&]{3,200})|(?<![\w.-])ci=([^\s";,&]{3,200})/i;
/**
 * Kamailio/OpenSIPS script logs put the Call-ID in brackets ("<script>: [ab12cd@10.0.0.8] …"). The
 * host part of a Call-ID has no ":" (which rules out AudioCodes' "[Time:01-03@20:20:00.150]").
 */
const BRACKETED = /\[([\w.+~!%*-]{3,120}@[\w.-]+)\]/;
/** Kamailio acc's method=INVITE, JSON's "method":"INVITE". */
const METHOD_KEY =
  /\bmethod"?\s*[=:]\s*"?(INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|UPDATE|PRACK|SUBSCRIBE|NOTIFY|REFER|INFO|MESSAGE|PUBLISH)\b/;

/**
 * The id without the "]" that closes a bracketed prefix ("[ci=ab12@10.0.0.8] INVITE …"). A "]" is
 * allowed in a Call-ID, but one with no "[" before it in the id (an IPv6 host's) closes the prefix.
 */
function unbracketed(id: string): string {
  return id.endsWith("]") && !id.includes("[") ? id.slice(0, -1) : id;
}

/** The Call-ID a one-line record names, or undefined. */
export function lineCallId(line: string): string | undefined {
  // Cheap literal checks first: most lines name no call.
  if ((line.includes("all") && /call[-_]?(?:control_)?id/i.test(line)) || line.includes("ci=")) {
    const m = CALL_KEY.exec(line);
    const id = m?.[1] ?? m?.[2];
    if (id) return unbracketed(id);
  }
  if (line.includes("@") && line.includes("[")) return BRACKETED.exec(line)?.[1];
  return undefined;
}

/** FreeSWITCH's gateway ping (sofia.c): "Ping failed carrier1 with code 503 - count 1/1/1, state
 *  DOWN", "Ping succeeded carrier1 with code 200 …". The code answers the gateway's OPTIONS. */
const GATEWAY_PING = /\bPing (?:failed|succeeded) [\w.-]+ with code \d{3}\b/;

const METHODS =
  "INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|SUBSCRIBE|NOTIFY|REFER|UPDATE|PRACK|INFO|MESSAGE|PUBLISH";
/** Kamailio dispatcher's probe, "OPTIONS-Request was finished with code 408" (ds_options_callback). */
const METHOD_REQUEST = new RegExp(`\\b(${METHODS})-Request\\b`);
/** An xlog's "cseq=10 INVITE", "cseq: 10 CANCEL", "[cseq 10 INVITE]" (the admin's $cs $rm): the CSeq
 *  header's number and method. */
const CSEQ_WORDS = new RegExp(`\\bcseq[=:]?\\s{0,2}(\\d{1,10})\\s(${METHODS})\\b`, "i");

/** The request a one-line record names: its method and, when stated, its CSeq number. */
export interface LineRequest {
  method: string;
  cseq?: number;
}

/**
 * The SIP request a one-line record names by key (acc's method=CANCEL), by what it logs (a gateway
 * ping, a dispatcher probe) or in a proxy script's words (cseq=10 INVITE), or undefined.
 */
export function lineRequest(line: string): LineRequest | undefined {
  const keyed = line.includes("ethod") ? METHOD_KEY.exec(line)?.[1] : undefined;
  if (keyed) return { method: keyed };
  if (line.includes("Ping ") && GATEWAY_PING.test(line)) return { method: "OPTIONS" };
  if (line.includes("-Request")) {
    const m = METHOD_REQUEST.exec(line)?.[1];
    if (m) return { method: m };
  }
  // "seq" in any case: "cseq=", "CSeq:" (a header line is read elsewhere, before this).
  if (!line.includes("seq") && !line.includes("Seq") && !line.includes("SEQ")) return undefined;
  const c = CSEQ_WORDS.exec(line);
  if (!c?.[1] || !c[2]) return undefined;
  return { method: c[2].toUpperCase(), cseq: Number(c[1]) };
}
