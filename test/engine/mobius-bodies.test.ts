// A Mobius error body belongs to the status right above it: never to an earlier 200 OK, it keeps
// the cluster the status line's URL names, and the SDK's own "Status code: ->403" after it is the
// same answer.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (...lines: string[]) => scanText(catalog(), lines.join("\n"));
const run = (...lines: string[]) => analyze(catalog(), scan(...lines));

const OK = "I/okhttp.OkHttpClient:";
const WEST = "https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web";
const EAST = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web";
const registered = `2025-03-11 09:14:04.390 ${OK} <-- 200 OK ${WEST}/device (290ms)`;
const callRequest = `2025-03-11 09:20:04.100 ${OK} --> POST ${WEST}/devices/6f0e2c9a/call`;
const busy = `2025-03-11 09:20:04.500 ${OK} <-- 403 Forbidden ${WEST}/devices/6f0e2c9a/call (400ms)`;
const busyBody = `2025-03-11 09:20:04.501 ${OK} {"errorCode":115,"message":"User Busy"}`;

describe("a Mobius error body under an HTTP client's status", () => {
  it("is not taken by a 200 OK a few lines above it", () => {
    const s = scan(registered, callRequest, busy, busyBody);
    expect(s.findings.map((f) => [f.namespace, f.code, f.subcode, f.line])).toEqual([
      ["http", 200, null, 1],
      ["mobius", 403, 115, 3],
    ]);
    expect(run(registered, callRequest, busy, busyBody).counts.failures).toBe(1);
  });

  it("keeps the registration failover to another cluster when a call fails later", () => {
    const a = run(
      `2025-03-11 09:14:03.480 ${OK} <-- 503 Service Unavailable ${EAST}/device (360ms)`,
      registered,
      callRequest,
      busy,
      busyBody,
    );
    expect(a.timeline.map((r) => [r.label, r.failure])).toEqual([
      ["Mobius 503 Service Unavailable (registration)", true],
      ["HTTP 200 OK", false],
      ["Mobius 403 · mobius-error 115 User Busy", true],
    ]);
    expect(a.firstFailure?.line).toBe(4);
  });

  it("belongs to the next exchange's status, not to a 403 above that exchange", () => {
    const s = scan(
      `2025-03-11 09:14:04.390 ${OK} <-- 403 Forbidden ${WEST}/devices/6f0e2c9a/call (290ms)`,
      callRequest,
      busy,
      busyBody,
    );
    expect(s.findings.map((f) => [f.code, f.subcode, f.line])).toEqual([
      [403, null, 1],
      [403, 115, 3],
    ]);
  });

  it("names the cluster the OkHttp status line's URL names", () => {
    const [f] = scan(busy, busyBody).findings;
    expect([f?.code, f?.subcode, f?.host]).toEqual([403, 115, "mobius-us-west-2.prod.infra.webex.com"]);
  });

  it("names the cluster of a browser console's failed request", () => {
    const [f] = scan(
      `POST ${WEST}/devices/6f0e2c9a/call 403 (Forbidden)`,
      '{"errorCode":115,"message":"User Busy"}',
    ).findings;
    expect([f?.code, f?.subcode, f?.host]).toEqual([403, 115, "mobius-us-west-2.prod.infra.webex.com"]);
    expect(
      run(`POST ${WEST}/devices/6f0e2c9a/call 403 (Forbidden)`, '{"errorCode":115}').failingComponent,
    ).toContain("mobius-us-west-2.prod.infra.webex.com");
  });
});

describe("the SDK's error body and its own status line after it", () => {
  const body =
    '2024-05-14T17:01:05.882Z [webex-calling] ERROR call: request failed {"statusCode":403,"body":{"device":{"deviceId":"d-1"},"errorCode":119,"message":"Call Rejected"}}';

  it.each([
    ["->403", "2024-05-14T17:01:05.883Z [webex-calling] WARN call: handleCallErrors: Status code: ->403"],
    ["-> 403", "2024-05-14T17:01:05.883Z [webex-calling] WARN call: handleCallErrors: Status code: -> 403"],
    [
      "the Logger's format",
      "webex-calling: Tue, 11 Mar 2025 09:20:02 GMT: [WARN]: file:call - method:handleCallErrors - message:Status code: ->403",
    ],
  ])("are one failure (%s)", (_form, status) => {
    const a = run(body, status);
    expect(a.counts.failures).toBe(1);
    expect(a.timeline.map((r) => r.label)).toEqual(["Mobius 403 · mobius-error 119 Call Rejected"]);
  });

  it("a different status below the body is its own failure", () => {
    const a = run(
      body,
      "2024-05-14T17:01:05.883Z [webex-calling] WARN call: handleCallErrors: Status code: -> 503",
    );
    expect(a.counts.failures).toBe(2);
  });
});
