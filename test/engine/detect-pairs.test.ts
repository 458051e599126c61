// Vendor pairs own their numbers: Mobius and ACS lines give one finding each, a pair never takes
// its code and subcode from two records, and a pjsip summary plus the message it logs is one 503.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

/** Every finding as "namespace code/subcode @line", in order. */
function found(text: string): string[] {
  return scanText(catalog(), text).findings.map((f) => `${f.namespace} ${f.code}/${f.subcode} @${f.line}`);
}

describe("Mobius lines", () => {
  it.each([
    ['{"errorCode":403,"mobius-error":118,"message":"Not Acceptable"}', "mobius 403/118 @1"],
    ["403 mobius-error: 112", "mobius 403/112 @1"],
    ["mobius-error: 112 Device is not registered", "mobius 403/112 @1"],
    ["Error code: 403 mobius-error: 119", "mobius 403/119 @1"],
    [
      "Call: Error code: 403 : FORBIDDEN, mobius-error: 112, due to Device not registered",
      "mobius 403/112 @1",
    ],
    ["Call: Error code: 503 :SERVICE UNAVAILABLE, mobius-error: 120, due to x", "mobius 503/120 @1"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it("reads a bare status on a Mobius line as the Mobius status of the phase it names", () => {
    const f = scanText(catalog(), "Mobius registration failed with 503 Service Unavailable").findings;
    expect(f.map((x) => [x.namespace, x.code, x.id])).toEqual([["mobius", 503, "mobius/503-registration"]]);
  });

  it("keeps SIP when the line names SIP or SSE", () => {
    expect(found("Mobius got a 503 Service Unavailable from SSE")).toEqual(["sip 503/null @1"]);
  });

  it("leaves a mobius-error the catalog does not know alone", () => {
    expect(found("mobius-error: 998 something new")).toEqual([]);
  });

  it("reads an OkHttp body errorCode as a mobius-error only when it is one (1xx)", () => {
    const url = "https://mobius-eu-central-1.prod.infra.webex.com/api/v1/calling/web/devices/7f6e/call";
    const withError = `I okhttp.OkHttpClient: <-- 403 Forbidden ${url} (132ms)\nI okhttp.OkHttpClient: {"errorCode":112}\n`;
    // One reply: the client's status line is the Mobius pair its body completes.
    expect(found(withError)).toEqual(["mobius 403/112 @1"]);
    const status = `I okhttp.OkHttpClient: <-- 503 Service Unavailable ${url} (783ms)\nI okhttp.OkHttpClient: {"errorCode":503,"message":"Mobius not ready"}\n`;
    const f = scanText(catalog(), status).findings;
    expect(f.map((x) => [x.namespace, x.code, x.subcode, x.id !== null])).toEqual([
      ["mobius", 503, null, true],
    ]);
  });

  it("keeps the JSON status next to the mobius-error", () => {
    expect(found('{"statusCode":503,"mobius-error":117}')).toContain("mobius 503/117 @1");
  });
});

describe("ACS pairs", () => {
  it("takes code and subcode from the same record", () => {
    const log = 'callEndReason code=410 subcode=3112\n{"callEndReason":{"code":0,"subcode":5000}}\n';
    expect(found(log)).toEqual(["acs 410/3112 @1", "acs 0/5000 @2"]);
  });

  it("does not pair across lines that do not continue an object", () => {
    expect(found("call 1 ended subcode=3112\ncall 2 ended code=0\n")).toEqual([]);
  });

  it("still reads a pretty-printed object", () => {
    expect(found('"callEndReason": {\n  "code": 410,\n  "subCode": 3112\n}\n')).toEqual(["acs 410/3112 @2"]);
  });

  it.each([
    ["call ended with code 487 subcode 10004", "acs 487/10004 @1"],
    ["CallEndReason: {code: 410, subCode: 3112}", "acs 410/3112 @1"],
    ["Call ended, call end reason={code=403, subCode=510403}", "acs 403/510403 @1"],
  ])("no SIP finding for %s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });
});

describe("long lines", () => {
  it("sorts out thousands of pairs and guessed codes on one line without comparing every two", () => {
    const line = '{"code": 410, "subCode": 3112} then got 410 Gone; '.repeat(40_000);
    expect(found(line)).toContain("acs 410/3112 @1");
  });
});

describe("pjsip summaries", () => {
  const summary = (dir: "RX" | "TX", code: number) =>
    `10:20:30.400   pjsua_core.c  .${dir} 512 bytes Response msg ${code}/INVITE/cseq=1 (rdata0x7f) ${dir === "RX" ? "from" : "to"} UDP 10.0.0.9:5060:\n`;
  const message = (code: number, phrase: string) =>
    `SIP/2.0 ${code} ${phrase}\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\nCall-ID: abc@h\nCSeq: 1 INVITE\nContent-Length: 0\n\n--end msg--\n`;

  it("counts a summary and the message it logs once, with the message's headers", () => {
    const out = scanText(catalog(), summary("RX", 503) + message(503, "Service Unavailable"));
    expect(out.findings.map((f) => [f.code, f.line, f.callId])).toEqual([[503, 2, "abc@h"]]);
    expect(out.findings[0]?.tsMs).toBeDefined();
  });

  it("does the same for a sent response", () => {
    expect(found(summary("TX", 486) + message(486, "Busy Here"))).toEqual(["sip 486/null @2"]);
  });

  it("keeps a summary whose message is not logged after it", () => {
    expect(found(`${summary("RX", 503)}10:20:31.000 pjsua_app.c  call 0 disconnected\n`)).toEqual([
      "sip 503/null @1",
    ]);
  });
});
