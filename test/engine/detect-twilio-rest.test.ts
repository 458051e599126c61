// twilio-node's RestException printed by Node: its `status` is the HTTP answer of Twilio's REST
// API to the app's request, never a SIP response; a lone `status:` member still reads as before.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const codes = (log: string) => scanText(catalog(), log).findings.map((f) => `${f.namespace}/${f.code}`);

const dump = (status: number, code: number) =>
  [
    "2024-05-14T09:21:07.331Z ERROR [dialer] Twilio API error RestException [Error]: Unable to create record",
    "    at success (/app/node_modules/twilio/lib/base/Version.js:79:23)",
    `  status: ${status},`,
    `  code: ${code},`,
    `  moreInfo: 'https://www.twilio.com/docs/errors/${code}',`,
    "  details: undefined",
    "}",
  ].join("\n");

describe("twilio-node's RestException", () => {
  it("reads the dump's status as the HTTP 400 Twilio's API answered, with no SIP checks", () => {
    const a = analysed(dump(400, 21211));
    expect(a.firstFailure).toMatchObject({ namespace: "http", code: 400, line: 3 });
    expect(a.counts.findings).toBe(1);
    expect(a.firstFailureLabel).toMatch(/^HTTP 400/);
    expect(a.failingComponent).toMatch(/API server/);
    expect(a.failingComponent).not.toMatch(/SIP|SBC/);
  });

  it("never reads Twilio's own error code as a code", () => {
    expect(codes(dump(429, 20429))).toEqual(["http/429"]);
  });

  it("reads the one-line form the same way", () => {
    const line =
      "RestException [Error]: Authenticate { status: 401, code: 20003, moreInfo: 'https://www.twilio.com/docs/errors/20003', details: undefined }";
    expect(codes(line)).toEqual(["http/401"]);
  });

  it("leaves a status member with nothing of Twilio's around it as it was", () => {
    expect(codes("call ended\n  status: 486,\n  code: 21211,\n")).toEqual(["sip/486"]);
    expect(codes("call ended\n  status: 400,\n  reason: 'x'\n")).toEqual(["sip/400"]);
  });
});
