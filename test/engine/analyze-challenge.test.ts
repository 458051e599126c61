// What a 401/407 challenge led to: the summary calls it answered only when the retried request got
// a final response, and claims success only when that response was a 2xx.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const CHALLENGE = (after: string) => `SIP/2.0 407 Proxy Authentication Required
CSeq: 1 INVITE
Call-ID: x1

INVITE sip:bob@example.com SIP/2.0
CSeq: 2 INVITE
Call-ID: x1

SIP/2.0 100 Trying
CSeq: 2 INVITE
Call-ID: x1

SIP/2.0 183 Session Progress
CSeq: 2 INVITE
Call-ID: x1
${after}`;

describe("a 401/407 challenge in the summary", () => {
  it("never claims success when the retry got provisional responses and then a 503", () => {
    const a = run(CHALLENGE("\nSIP/2.0 503 Service Unavailable\nCSeq: 2 INVITE\nCall-ID: x1\n"));
    expect(a.firstFailureLabel).toBe("SIP 503 Service Unavailable");
    const text = a.normal.join(" ");
    expect(text).not.toMatch(/success/i);
    expect(text).toContain("then failed with SIP 503 Service Unavailable");
  });

  it("says success when the retry got a 200", () => {
    const a = run(CHALLENGE("\nSIP/2.0 200 OK\nCSeq: 2 INVITE\nCall-ID: x1\n"));
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toContain("succeeded: normal digest authentication");
  });

  it("says the outcome is unknown when only provisional responses followed", () => {
    const a = run(CHALLENGE(""));
    const text = a.normal.join(" ");
    expect(text).not.toMatch(/then succeeded|followed by success|normal digest/i);
    expect(text).toContain("no final response");
  });

  it("calls a second challenge for the same request a failure", () => {
    const a = run(
      "SIP/2.0 401 Unauthorized\nCSeq: 1 REGISTER\n\nSIP/2.0 100 Trying\nCSeq: 2 REGISTER\n\nSIP/2.0 401 Unauthorized\nCSeq: 2 REGISTER\n",
    );
    expect(a.firstFailure?.line).toBe(1);
    expect(a.normal.join(" ")).not.toMatch(/challenge/);
  });
});
