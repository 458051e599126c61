// A digest challenge whose request the log shows resent with credentials (the same call, the next
// CSeq) is normal traffic even when the paste ends before the resend's answer: the resend itself
// shows the client met the challenge. Only a resend refused again stays a failure.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const PHONE = "10.10.10.21";
/** One message as Asterisk's pjsip logger prints it, received from or sent to the phone. */
function pjsip(
  sec: string,
  sent: boolean,
  first: string,
  cseq: number,
  method: string,
  extra: string[] = [],
) {
  const kind = first.startsWith("SIP/2.0") ? "response" : "request";
  const how = sent ? `Transmitting SIP ${kind} (540 bytes) to` : `Received SIP ${kind} (912 bytes) from`;
  return [
    `[2026-11-22 02:14:${sec}] VERBOSE[4411] res_pjsip_logger.c: <--- ${how} UDP:${PHONE}:5060 --->`,
    first,
    `Via: SIP/2.0/UDP ${PHONE}:5060;rport;branch=z9hG4bK-${method.toLowerCase()}${cseq}`,
    `From: "1001" <sip:1001@10.10.10.1>;tag=a1b2c3`,
    `To: <sip:${method === "REGISTER" ? "1001" : "1002"}@10.10.10.1>`,
    "Call-ID: 5f1e2d3c4b5a@10.10.10.21",
    `CSeq: ${cseq} ${method}`,
    ...extra,
    "Content-Length:  0",
    "",
  ];
}
const INVITE = "INVITE sip:1002@10.10.10.1 SIP/2.0";
const challenge = (sec: string, cseq: number, stale = "") =>
  pjsip(sec, true, "SIP/2.0 401 Unauthorized", cseq, "INVITE", [
    `WWW-Authenticate: Digest realm="asterisk",nonce="1700000000/ab${cseq}",opaque="0123abcd",algorithm=md5,qop="auth"${stale}`,
  ]);
const resend = (sec: string, cseq: number) =>
  pjsip(sec, false, INVITE, cseq, "INVITE", [
    'Authorization: Digest username="1001",realm="asterisk",nonce="1700000000/abcdef",uri="sip:1002@10.10.10.1",response="9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",algorithm=md5',
  ]);
const challenged = [...pjsip("07", false, INVITE, 101, "INVITE"), ...challenge("07", 101)];
const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const marks = (lines: string[]) =>
  run(lines)
    .timeline.filter((r) => r.label.includes("401"))
    .map((r) => r.failure);

describe("a challenge followed by its request resent with credentials", () => {
  it("is normal traffic when the paste ends right after the resend", () => {
    const a = run([...challenged, ...resend("08", 102)]);
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join("\n")).toContain(
      "challenged the request, and the request was resent with credentials (the same call, a higher CSeq): normal digest authentication",
    );
    expect(a.normal.join("\n")).toContain("The log shows no answer to the resend");
  });

  it("stays a failure when nothing was resent", () => {
    expect(run(challenged).firstFailure?.code).toBe(401);
  });

  it("stays a failure when the resend was challenged again, and only the second challenge fails", () => {
    const a = run([...challenged, ...resend("08", 102), ...challenge("08", 102)]);
    expect(a.firstFailureLabel).toMatch(/sent again with credentials, so the server refused them/);
    expect(a.firstFailure?.cseq).toBe(102);
    expect(marks([...challenged, ...resend("08", 102), ...challenge("08", 102)])).toEqual([false, true]);
  });

  it("keeps the second challenge failing when the client sends the refused credentials once more", () => {
    const lines = [...challenged, ...resend("08", 102), ...challenge("08", 102), ...resend("09", 103)];
    expect(marks(lines)).toEqual([false, true]);
  });

  it("keeps a 403 to the resend as the failure", () => {
    const a = run([
      ...challenged,
      ...resend("08", 102),
      ...pjsip("08", true, "SIP/2.0 403 Forbidden", 102, "INVITE"),
    ]);
    expect(a.firstFailure?.code).toBe(403);
  });

  it("is normal for a stale=true challenge whose request was resent with the new nonce", () => {
    const a = run([
      ...challenged,
      ...resend("08", 102),
      ...challenge("08", 102, ",stale=true"),
      ...resend("09", 103),
    ]);
    expect(a.firstFailure).toBeNull();
  });
});
