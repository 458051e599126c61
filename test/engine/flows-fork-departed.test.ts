// A proxy whose own final response to the caller is not the one RFC 3261 §16.7 picks from its
// branches: the caller got the proxy's response, and the summary names both instead of citing §16.7.
import { describe, expect, it } from "vitest";
import { fork, run } from "../helpers/fork-trace.js";

describe("a proxy whose final response to the caller does not follow from its branches", () => {
  it("does not claim a branch's 603 reached the caller when the log shows the proxy sent 480", () => {
    const { a } = run(
      fork(
        [
          ["10.0.0.21:5060", "486 Busy Here"],
          ["10.0.0.22:5060", "603 Decline"],
        ],
        "480 Temporarily Unavailable",
      ),
    );
    expect(a.summary).not.toMatch(/response the proxy forwards to the caller|forwarded it to the caller/);
    expect(a.summary).toMatch(
      /By RFC 3261 §16\.7 the proxy should have sent the caller the SIP 603 Decline from 10\.0\.0\.22:5060 \(a 6xx from any branch wins over 4xx\/5xx\), but it sent SIP 480 Temporarily Unavailable \(line \d+\): the proxy's choice does not follow from the branches/,
    );
    expect(a.firstFailure).toMatchObject({ code: 486, host: "10.0.0.21:5060" });
  });

  it("names the 486 that should have won when the proxy sent 500 after a 503 and a 486", () => {
    const { a } = run(
      fork(
        [
          ["10.0.0.21:5060", "503 Service Unavailable"],
          ["10.0.0.22:5060", "486 Busy Here"],
        ],
        "500 Server Internal Error",
      ),
    );
    expect(a.summary).toContain(
      "The INVITE was forked: 10.0.0.21:5060 answered SIP 503 Service Unavailable (line 28) and 10.0.0.22:5060 answered SIP 486 Busy Here (line 37).",
    );
    expect(a.summary).toContain("should have sent the caller the SIP 486 Busy Here from 10.0.0.22:5060");
    expect(a.summary).toContain("but it sent SIP 500 Server Internal Error (line 46)");
    expect(a.summary).not.toMatch(/every branch failed/);
  });

  it("still says the 6xx reached the caller when the proxy's response is that 6xx", () => {
    const { a } = run(
      fork(
        [
          ["10.0.0.21:5060", "486 Busy Here"],
          ["10.0.0.22:5060", "603 Decline"],
        ],
        "603 Decline",
      ),
    );
    expect(a.firstFailure).toMatchObject({ code: 603, host: "10.0.0.22:5060" });
    expect(a.summary).toMatch(/so the proxy forwarded it to the caller \(line 46\)\./);
    expect(a.summary).not.toMatch(/does not follow/);
  });
});
