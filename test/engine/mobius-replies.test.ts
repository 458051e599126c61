// A Mobius reply logged by an HTTP client (OkHttp, a browser console) is the Mobius error: its
// status in the phase the URL's path names, and with the body's errorCode the Mobius pair.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (text: string) => scanText(catalog(), text);
const summary = (text: string) => analyze(catalog(), scan(text));
const codes = (text: string) =>
  scan(text).findings.map((f) => `${f.namespace} ${f.code}/${f.subcode}${f.id ? ` ${f.id}` : ""}`);

const MOBIUS = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web";
const OKHTTP = "2025-03-14 13:10:44.253  4821-4910  okhttp.OkHttpClient  com.example.softphone  I  ";

describe("a Mobius reply seen through an HTTP client", () => {
  it("reads OkHttp's status and the body's errorCode as one Mobius 403/112", () => {
    const log = [
      `${OKHTTP}<-- 403 Forbidden ${MOBIUS}/devices/6f0e2c9a/call (132ms)`,
      `${OKHTTP}Content-Type: application/json`,
      `${OKHTTP}{"errorCode":112,"errorMessage":"Device is not registered"}`,
      `${OKHTTP}<-- END HTTP (98-byte body)`,
    ].join("\n");
    expect(codes(log)).toEqual(["mobius 403/112 mobius/403-112"]);
    const a = summary(log);
    expect(a.firstFailure?.namespace).toBe("mobius");
    expect(a.counts.failures).toBe(1);
    expect(a.checklist[0]).toMatch(/registration/);
  });

  it("reads a browser console's failed request with its Response body as Mobius 403/102", () => {
    const log = `POST ${MOBIUS}/device 403 (Forbidden)\nResponse: {"userId":"c9f5cb96","errorCode":102,"devices":[]}\n`;
    expect(codes(log)).toEqual(["mobius 403/102 mobius/403-102"]);
    expect(summary(log).failingComponent).toMatch(/CPAPI/);
  });

  it("reads a 503 on the registration path as Mobius's registration 503", () => {
    const log = `${OKHTTP}<-- 503 Service Unavailable ${MOBIUS}/device (1203ms)\n${OKHTTP}Retry-After: 30\n`;
    expect(codes(log)).toEqual(["mobius 503/null mobius/503-registration"]);
  });

  it("keeps an HTTP status the Mobius catalog has no entry for in that phase", () => {
    // No body, and Mobius's 404 without a mobius-error is an unregistration's, not a call's.
    expect(codes(`${OKHTTP}<-- 404 Not Found ${MOBIUS}/devices/6f0e2c9a/call (80ms)\n`)).toEqual([
      "http 404/null http/404",
    ]);
    expect(codes(`${OKHTTP}<-- 403 Forbidden ${MOBIUS}/devices/6f0e2c9a/call (80ms)\n`)).toEqual([
      "http 403/null http/403",
    ]);
  });

  it("leaves other APIs' statuses alone", () => {
    expect(codes(`${OKHTTP}<-- 503 Service Unavailable https://api.example.com/v1/device (90ms)\n`)).toEqual([
      "http 503/null http/503",
    ]);
  });
});
