// The request a proxy's own log line says a response answers, in words the line reader leaves to
// the proxy: Kamailio dispatcher's "OPTIONS-Request was finished with code 408" and an xlog's
// "cseq=10 INVITE" (the admin's $cs $rm). Read once per finding, after the scan, so lines with no
// code pay nothing.
import type { Finding } from "./finding.js";

const METHODS =
  "INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|SUBSCRIBE|NOTIFY|REFER|UPDATE|PRACK|INFO|MESSAGE|PUBLISH";
/** "OPTIONS-Request" (dispatcher.c ds_options_callback). */
const METHOD_REQUEST = new RegExp(`\\b(${METHODS})-Request\\b`);
/** "cseq=10 INVITE", "cseq: 10 CANCEL", "[cseq 10 INVITE]": the CSeq header's number and method. */
const CSEQ_WORDS = new RegExp(`\\bcseq[=:]?\\s{0,2}(\\d{1,10})\\s(${METHODS})\\b`, "i");

/** Gives SIP findings with no method the method (and CSeq number) their line states in words. */
export function fillStatedRequest(f: Finding): void {
  if (f.namespace !== "sip" || f.method !== undefined) return;
  const text = f.text;
  if (text.includes("-Request")) {
    const m = METHOD_REQUEST.exec(text);
    if (m?.[1]) f.method = m[1];
    return;
  }
  if (!text.includes("seq")) return;
  const c = CSEQ_WORDS.exec(text);
  if (!c?.[1] || !c[2]) return;
  f.method = c[2].toUpperCase();
  if (f.cseq === undefined) f.cseq = Number(c[1]);
}
