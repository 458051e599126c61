// OkHttp replies that carry no body (204 No Content, 304 Not Modified) keep no place among a run's
// bodies, and a reply logged with its headers and body but no `<-- END HTTP` still takes its body.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const URL = "https://mobius-eu-central-1.prod.infra.webex.com/api/v1/calling/web/devices/6f0e2c9a/call";
const log = (text: string) =>
  `2025-05-14 02:13:20.120 12345-12391/com.cisco.webex.calling I/okhttp.OkHttpClient: ${text}`;
const reply = (status: string) => log(`<-- ${status} ${URL} (110ms)`);
const body = (code: number) => log(`{"errorCode":${code},"message":"refused"}`);
const headers = [
  log("content-type: application/json"),
  log("date: Wed, 14 May 2025 02:13:20 GMT"),
  log("trackingid: ROUTER_6823F1A0-1B2C-01BB-0042-AC1F6B2E0042"),
  log("server: Mobius"),
  log(""),
];
const pretty = (code: number) => [
  log("{"),
  log(`  "errorCode": ${code},`),
  log('  "message": "refused"'),
  log("}"),
];

const found = (...lines: (string | string[])[]) =>
  scanText(catalog(), lines.flat().join("\n"))
    .findings.filter((f) => f.code !== 204 && f.code !== 304 && f.code !== 200)
    .map((f) => [f.line, f.namespace, f.code, f.subcode]);

describe("an OkHttp reply run with a reply that carries no body", () => {
  it("pairs each failure with its own body around a 204", () => {
    expect(
      found(reply("403 Forbidden"), reply("204 No Content"), reply("403 Forbidden"), body(112), body(118)),
    ).toEqual([
      [1, "mobius", 403, 112],
      [3, "mobius", 403, 118],
    ]);
  });

  it("pairs each failure with its own body after a 304", () => {
    expect(
      found(reply("304 Not Modified"), reply("403 Forbidden"), reply("403 Forbidden"), body(115), body(119)),
    ).toEqual([
      [2, "mobius", 403, 115],
      [3, "mobius", 403, 119],
    ]);
  });

  it("still gives no body when one is missing besides the 204", () => {
    expect(found(reply("403 Forbidden"), reply("204 No Content"), reply("403 Forbidden"), body(112))).toEqual(
      [
        [1, "http", 403, null],
        [3, "http", 403, null],
      ],
    );
  });
});

describe("a lone OkHttp reply logged with no END HTTP line", () => {
  it("takes the pretty-printed body below its headers", () => {
    expect(found(reply("403 Forbidden"), headers, pretty(115), log("call ended"))).toEqual([
      [1, "mobius", 403, 115],
    ]);
  });

  it("takes no body that comes after the next exchange", () => {
    expect(
      found(reply("403 Forbidden"), headers.slice(0, 4), log(`--> POST ${URL}`), log(""), pretty(115)),
    ).toEqual([[1, "http", 403, null]]);
  });
});
