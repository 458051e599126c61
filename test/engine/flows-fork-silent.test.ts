// A forked INVITE with a branch that never answered before the proxy sent the caller its 408: that
// branch's host failed, not the proxy that only timed it out.
import { describe, expect, it } from "vitest";
import { fork, PROXY, run } from "../helpers/fork-trace.js";

describe("a branch that never answered before the proxy's 408", () => {
  it("names the silent branch as the failing component, and checks it first", () => {
    const { a } = run(
      fork(
        [
          ["10.0.0.21:5060", "503 Service Unavailable"],
          ["10.0.0.22:5060", "-"],
        ],
        "408 Request Timeout",
      ),
    );
    expect(a.firstFailure).toMatchObject({ code: 408, host: PROXY });
    expect(a.failingComponent).toMatch(
      /^10\.0\.0\.22:5060, which never answered the INVITE on line 19 \(a branch of a forked call\); 10\.0\.0\.1:5060 made up the 408/,
    );
    expect(a.checklist[0]).toMatch(
      /^Check why 10\.0\.0\.22:5060 never answered the forked INVITE \(line 19\)/,
    );
  });
});
