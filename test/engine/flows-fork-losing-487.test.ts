// A losing branch's 487 after another branch of the same INVITE transaction answered: the proxy
// cancelled it (RFC 3261 §16.7), normal traffic, whether or not the CANCEL is in the capture.
import { describe, expect, it } from "vitest";
import { fork, msg, PROXY, run } from "../helpers/fork-trace.js";

describe("a losing branch's 487 after another branch answered", () => {
  const answered = fork([
    ["10.0.0.21:5060", "200 OK"],
    ["10.0.0.22:5060", "487 Request Terminated"],
  ]);

  it("is normal traffic even when the proxy's CANCEL is not in the capture", () => {
    const { a, text } = run(answered);
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toContain(
      "SIP 487 Request Terminated on line 37 (INVITE): a losing branch of a forked call: another branch answered (SIP 200 OK on line 28), so the proxy cancelled this one (its CANCEL is not in the log; RFC 3261 §16.7); not a failure.",
    );
  });

  it("says the proxy cancelled it, not the caller, when the CANCEL carries no Reason", () => {
    const parts = answered.split("\n\n");
    const cancel = msg(
      "03.350000",
      PROXY,
      "10.0.0.22:5060",
      "CANCEL sip:1001@10.0.0.22:5060 SIP/2.0",
      1,
      "CANCEL",
    );
    const log = [...parts.slice(0, 4), cancel.trimEnd(), ...parts.slice(4)].join("\n\n");
    const { a, text } = run(log);
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).not.toContain("cancelled by the caller");
    expect(a.normal.join(" ")).toMatch(
      /so the proxy cancelled this one \(CANCEL on line \d+; RFC 3261 §16\.7\)/,
    );
  });

  it("stays the first failure when the 200 answered another CSeq of the call", () => {
    const { a } = run(answered.replace(/(SIP\/2\.0 200 OK\n(?:.*\n){3})CSeq: 314159/, "$1CSeq: 314160"));
    expect(a.firstFailure).toMatchObject({ code: 487, line: 37 });
  });
});
