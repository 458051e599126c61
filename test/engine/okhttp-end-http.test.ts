// OkHttp's HttpLoggingInterceptor closes each response it logs with `<-- END HTTP (N-byte body)`:
// that line ends the body above it, so a run of replies keeps each body in order, and a reply
// logged with its headers, its body and its END line keeps the body however far below it lies.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const MOBIUS = "mobius-eu-central-1.prod.infra.webex.com";
const URL = `https://${MOBIUS}/api/v1/calling/web/devices/6f0e2c9a/call`;
const log = (text: string) =>
  `2025-05-14 02:13:20.120 12345-12391/com.cisco.webex.calling I/okhttp.OkHttpClient: ${text}`;
const reply = (ms: number) => log(`<-- 403 Forbidden ${URL} (${ms}ms)`);
const pretty = (code: number) => [
  log("{"),
  log(`  "errorCode": ${code},`),
  log('  "message": "refused"'),
  log("}"),
];
const oneLine = (code: number) => log(`{"errorCode":${code},"message":"refused"}`);
const end = (bytes: number) => log(`<-- END HTTP (${bytes}-byte body)`);
const headers = [
  log("content-type: application/json"),
  log("date: Wed, 14 May 2025 02:13:20 GMT"),
  log("trackingid: ROUTER_6823F1A0-1B2C-01BB-0042-AC1F6B2E0042"),
  log("server: Mobius"),
  log(""),
];

const found = (...lines: (string | string[])[]) =>
  scanText(catalog(), lines.flat().join("\n")).findings.map((f) => [f.line, f.namespace, f.code, f.subcode]);

describe("OkHttp reply runs whose bodies end with END HTTP", () => {
  it("give each reply its own pretty-printed body", () => {
    expect(found(reply(110), reply(111), pretty(115), end(48), pretty(119), end(52))).toEqual([
      [1, "mobius", 403, 115],
      [2, "mobius", 403, 119],
    ]);
  });

  it("give each reply its own one-line body, whatever the END line's wording", () => {
    const newer = log("<-- END HTTP (111ms, 52-byte body)");
    expect(found(reply(110), reply(111), oneLine(112), end(48), oneLine(118), newer)).toEqual([
      [1, "mobius", 403, 112],
      [2, "mobius", 403, 118],
    ]);
  });

  it("still give no reply a body when one body is missing", () => {
    expect(found(reply(110), reply(111), oneLine(112), end(48))).toEqual([
      [1, "http", 403, null],
      [2, "http", 403, null],
    ]);
  });
});

describe("OkHttp replies each logged with headers, body and END HTTP", () => {
  it("read each reply's body below its headers", () => {
    const request = [
      log(`--> POST ${URL}`),
      log("Content-Type: application/json"),
      log(""),
      log('{"callee":{"type":"uri"}}'),
      log("--> END POST (26-byte body)"),
    ];
    expect(
      found(
        request,
        reply(110),
        headers,
        pretty(115),
        end(48),
        request,
        reply(111),
        headers,
        oneLine(119),
        end(52),
      ),
    ).toEqual([
      [6, "mobius", 403, 115],
      [22, "mobius", 403, 119],
    ]);
  });

  it("leave a reply that logged no body without the next reply's", () => {
    expect(
      found(reply(110), headers, log("<-- END HTTP"), reply(111), headers, oneLine(119), end(52)),
    ).toEqual([
      [1, "http", 403, null],
      [8, "mobius", 403, 119],
    ]);
  });
});
