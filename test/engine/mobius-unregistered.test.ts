// A call Mobius refuses as "Device is not registered" (112) after the device's registration failed:
// the registration failure is the cause, not something the device got past. In a Mobius server log
// only lines of the same device or trackingId are linked.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const summary = (text: string) => analyze(catalog(), scanText(catalog(), text));

const OKHTTP = "12345 12390 I okhttp.OkHttpClient:";
const MOBIUS = "https://mobius-eu-central-1.prod.infra.webex.com/api/v1/calling/web";
const DEVICE = "6f0e2c9a-1b7d-4e3f-a5c8-d91b0e4f7a23";
const client = (call: string) =>
  [
    `05-14 02:13:07.112 ${OKHTTP} --> POST ${MOBIUS}/device`,
    `05-14 02:13:07.540 ${OKHTTP} <-- 503 Service Unavailable ${MOBIUS}/device (427ms)`,
    `05-14 02:13:07.541 ${OKHTTP} <-- END HTTP (0-byte body)`,
    `05-14 02:13:20.010 ${OKHTTP} --> POST ${MOBIUS}/devices/${DEVICE}/call`,
    `05-14 02:13:20.120 ${OKHTTP} <-- 403 Forbidden ${MOBIUS}/devices/${DEVICE}/call (110ms)`,
    `05-14 02:13:20.121 ${OKHTTP} ${call}`,
    `05-14 02:13:20.121 ${OKHTTP} <-- END HTTP (54-byte body)`,
  ].join("\n");

describe("a call refused as unregistered after a failed registration", () => {
  it("keeps the registration failure first and says the call follows from it", () => {
    const a = summary(client('{"errorCode":112,"message":"Device is not registered"}'));
    expect(a.firstFailure?.id).toBe("mobius/503-registration");
    expect(a.summary).not.toMatch(/registered again|was recovered/);
    expect(a.correlations[0]).toMatch(
      /mobius-error 112 .*line 5.*follows from .*registration.*line 2.*still not registered/,
    );
  });

  it("still lets a call failing for another reason lead when the device got past registration", () => {
    const a = summary(client('{"errorCode":115,"message":"User Busy"}'));
    expect(a.firstFailure?.subcode).toBe(115);
    expect(a.summary).toMatch(/was recovered/);
  });
});

const server = (regTrack: string, callTrack: string) =>
  [
    `2025-03-12 02:10:09.110 ERROR 1 --- [nio-8080-exec-4] c.c.w.m.r.RegistrationHandler : [trackingId=WEBCLIENT_${regTrack}_7] Registration: Error code: 503 SERVICE UNAVAILABLE due to CPAPI timeout`,
    `2025-03-12 02:10:12.391 ERROR 1 --- [nio-8080-exec-2] c.c.w.m.call.CallHandler : ${callTrack} Call: Error code: 503 :SERVICE UNAVAILABLE, mobius-error: 120, due to null pointer exception`,
  ].join("\n");

describe("a Mobius server log serving many devices", () => {
  it("does not call one device's registration failure recovered by another's call", () => {
    const a = summary(server("1b2c3d4e", "[trackingId=WEBCLIENT_8c0f6b2e_12]"));
    expect(a.firstFailure?.id).toBe("mobius/503-registration");
    expect(a.summary).not.toMatch(/registered again|was recovered/);
    expect(a.failingComponent).toMatch(/^CPAPI/);
  });

  it("does not guess when the call line shows only its callId", () => {
    const a = summary(server("1b2c3d4e", "[callId=9d8c7b6a]"));
    expect(a.firstFailure?.id).toBe("mobius/503-registration");
    expect(a.summary).not.toMatch(/was recovered/);
  });

  it("treats the call as the same device's when it shares the registration's trackingId", () => {
    const a = summary(server("1b2c3d4e", "[trackingId=WEBCLIENT_1b2c3d4e_8]"));
    expect(a.firstFailure?.subcode).toBe(120);
    expect(a.summary).toMatch(/was recovered/);
  });

  it("links no 112 of another device to a registration failure", () => {
    const lines = [
      `2025-03-12 02:10:09.110 ERROR 1 --- RegistrationHandler : [trackingId=WEBCLIENT_1b2c3d4e_7] Registration: Error code: 503 SERVICE UNAVAILABLE due to error response from SSE`,
      `2025-03-12 02:10:12.391 ERROR 1 --- CallHandler : [trackingId=WEBCLIENT_8c0f6b2e_12] Call: Error code: 403 : FORBIDDEN, mobius-error: 112, due to Device is not registered`,
    ].join("\n");
    expect(summary(lines).correlations.join(" ")).not.toMatch(/mobius-error 112/);
  });
});
