// Call flows that look like failures but are normal SIP: a 420 Bad Extension that the caller
// answers by retrying without the extension (RFC 3261 §8.1.3.5), and a CANCEL that crossed the
// 200 OK and so matched no transaction (RFC 3261 §9.2).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

/** A response as `tshark -z follow,udp` prints it: no packet line, only the message. */
const response = (status: string, cseq: string, extra = "") => `SIP/2.0 ${status}
Via: SIP/2.0/UDP 10.0.0.20:5080;branch=z9hG4bK.${cseq.replace(" ", "")}
Call-ID: 7d1e0c55a2@10.0.0.20
CSeq: ${cseq}
${extra}Content-Length: 0
`;

describe("420 Bad Extension, then a retry without the extension", () => {
  const log = [
    response("420 Bad Extension", "1001 INVITE", "Unsupported: 100rel\n"),
    response("100 Trying", "1002 INVITE"),
    response("200 OK", "1002 INVITE"),
  ].join("\n");

  it("is normal traffic when the retry is answered", () => {
    const a = run(log);
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toMatch(
      /SIP 420 Bad Extension on line 1 \(INVITE\), then retried and answered with SIP 200 OK on line \d+: sent again without requiring the extension the server does not support/,
    );
  });

  it("stays the first failure when the request is never sent again", () => {
    const a = run(response("420 Bad Extension", "1001 INVITE", "Unsupported: 100rel\n"));
    expect(a.firstFailure?.code).toBe(420);
  });
});

describe("481 to a CANCEL that crossed the 200 OK", () => {
  const log = [
    response("180 Ringing", "102 INVITE"),
    response("200 OK", "102 INVITE"),
    response("481 Call/Transaction Does Not Exist", "102 CANCEL"),
    response("200 OK", "103 BYE"),
  ].join("\n");

  it("is normal traffic: the INVITE was already answered", () => {
    const a = run(log);
    expect(a.firstFailure).toBeNull();
    expect(a.failingComponent).toBeNull();
    expect(a.normal.join(" ")).toMatch(
      /SIP 481 Call\/Transaction Does Not Exist on line \d+ \(CANCEL\): the CANCEL crossed the SIP 200 OK on line \d+: the INVITE had already been answered/,
    );
  });

  it("stays a failure when the log shows no answer to the INVITE", () => {
    const a = run(
      [
        response("180 Ringing", "102 INVITE"),
        response("481 Call/Transaction Does Not Exist", "102 CANCEL"),
      ].join("\n"),
    );
    expect(a.firstFailure?.code).toBe(481);
  });
});
