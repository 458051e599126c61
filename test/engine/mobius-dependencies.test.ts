// A dependency's failure behind a Mobius error (CXAPI behind 120/121): the line that names the
// dependency as the side that answered makes it the failing component, linked to the Mobius error.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (text: string) => scanText(catalog(), text);
const summary = (text: string) => analyze(catalog(), scan(text));

const TRACK = "[trackingId=WEBCLIENT_8c0f6b2e_12]";

describe("a dependency's failure behind a Mobius error", () => {
  const cxapi504 = [
    `2025-03-12 09:12:48.124  WARN 1 --- c.c.w.m.cxapi.CxapiClient : ${TRACK} CXAPI responded 504 Gateway Timeout for hold request callId=b2f5d8e1`,
    `2025-03-12 09:12:48.127 ERROR 1 --- c.c.w.m.call.CallHandler : ${TRACK} Call: Error code: 503 :SERVICE UNAVAILABLE, mobius-error: 120, due to CXAPI error response`,
  ].join("\n");

  it("names CXAPI as the failing component and links its 504 to the 120 as one failure", () => {
    const a = summary(cxapi504);
    expect(a.failingComponent).toMatch(/^CXAPI/);
    expect(a.correlations[0]).toMatch(
      /HTTP 504 .*line 1.*Mobius 503 · mobius-error 120.*line 2.*one failure, caused by CXAPI/,
    );
    expect(scan(cxapi504).findings.map((f) => f.dependency)).toEqual(["CXAPI", "CXAPI"]);
  });

  it("puts the check that names CXAPI before the generic HTTP 504 checks", () => {
    const { checklist } = summary(cxapi504);
    expect(checklist[0]).toMatch(/CXAPI logs/);
    expect(checklist.some((c) => /upstream latency/.test(c))).toBe(true);
  });

  it("links a CXAPI 4xx to 121 and not to 120, which stands for CXAPI 5xx/6xx", () => {
    const refused = `2025-03-12 10:02:17.389 WARN CxapiClient : ${TRACK} CXAPI responded 409 Conflict for transfer request: call not in connected state`;
    const mid = `${refused}\n2025-03-12 10:02:17.391 ERROR CallHandler : ${TRACK} Call: Error code: 403 : FORBIDDEN, mobius-error: 121, due to Mid Call Request Rejected`;
    const a = summary(mid);
    expect(a.failingComponent).toMatch(/^CXAPI/);
    expect(a.correlations[0]).toMatch(/HTTP 409 Conflict.*mobius-error 121.*caused by CXAPI/);
    const wrongClass = `${refused}\n2025-03-12 10:02:17.391 ERROR CallHandler : ${TRACK} Call: Error code: 503 :SERVICE UNAVAILABLE, mobius-error: 120, due to x`;
    expect(summary(wrongClass).correlations.join(" ")).not.toMatch(/caused by CXAPI/);
  });

  it("names no dependency for a relayed SIP answer or a dependency's success", () => {
    const relayed =
      "2024-05-14T02:14:13.912Z mobius ERROR Call: Error code: 403 : FORBIDDEN, mobius-error: 118, due to error response from SSE";
    expect(scan(relayed).findings.map((f) => f.dependency)).toEqual([undefined]);
    expect(
      scan("2025-03-12 09:12:48.124 INFO CXAPI responded 200 OK for hold request").findings[0]?.dependency,
    ).toBe(undefined);
  });

  it("reads the dependency after 'from' as well as before it", () => {
    const line = (due: string) =>
      `2025-03-12 02:11:30.500 ERROR 1 --- [sip-app-1] c.c.w.m.call.CallHandler : [callId=9d8c] Call: Error code: 503 :SERVICE UNAVAILABLE, mobius-error: 120, due to ${due}`;
    expect(summary(line("error response from SSE")).failingComponent).toMatch(/^SSE/);
    expect(summary(line("SSE error response")).failingComponent).toMatch(/^SSE/);
    expect(summary(line("error response from CXAPI")).failingComponent).toMatch(/^CXAPI/);
    expect(summary(line("an exception from the CPAPI")).failingComponent).toMatch(/^CPAPI/);
  });
});
