// Twilio's Debugger webhook posts its event as a form (AccountSid, Sid, Timestamp, Level,
// PayloadType, Payload), Payload a JSON string. An event with no `webhook` member keeps the status
// in more_info's httpResponse and the webhook URL in more_info's url; apps log the form as posted,
// or as their web framework prints the parsed body (Express's req.body, Flask's ImmutableMultiDict).
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const found = (log: string) =>
  scanText(catalog(), log).findings.map((f) => `${f.namespace} ${f.code ?? ""}@${f.line}`.trim());

/** One event as Twilio posts it; its SIDs hold digit runs that are no codes. */
const event = (errorCode: string, moreInfo: Record<string, string>) => ({
  AccountSid: "AC4861b2c3d4e5f6071a503b5c6d7e8f9a",
  Level: "Error",
  Payload: JSON.stringify({
    resource_sid: "CA0f1e2d3c480a697f8796a5b4c3d2e1f0",
    service_sid: "PN603abcdef0123456789abcdef4870a1",
    error_code: errorCode,
    more_info: moreInfo,
  }),
  PayloadType: "application/json",
  Sid: "NO404a5b6c7d8e9f0a1b2c3d4e5f6a7b8c",
  Timestamp: "2023-11-21T10:01:02.345Z",
});
const badGateway = event("11200", {
  Msg: "Bad Gateway",
  sourceComponent: "14100",
  ErrorCode: "11200",
  EmailNotification: "false",
  httpResponse: "502",
  LogLevel: "ERROR",
  url: "https://hooks.example.com/voice",
});
const unreachable = event("11205", {
  sourceComponent: "14100",
  ErrorCode: "11205",
  url: "https://app.example.net/voice",
});
const form = (e: Record<string, string>) => new URLSearchParams(e).toString();

describe("a Debugger event posted as a form, its payload without a webhook member", () => {
  it("finds the status more_info records, from the webhook's host, at the event's Timestamp", () => {
    const a = analysed(`${form(badGateway)}\n`);
    expect(a.firstFailure).toMatchObject({
      namespace: "http",
      code: 502,
      host: "hooks.example.com",
      timestamp: "2023-11-21T10:01:02.345Z",
    });
    expect(a.failingComponent).toMatch(/^hooks\.example\.com \(your webhook/);
    expect(a.checklist.join("\n")).toMatch(/webhook URL Twilio requested/);
  });

  it("takes no digits of its SIDs or Timestamp for codes", () => {
    expect(found(`${form(badGateway)}\n`)).toEqual(["http 502@1"]);
  });

  it("names the host of a webhook Twilio could not connect to (11205) from more_info's url", () => {
    const a = analysed(`${form(unreachable)}\n`);
    expect(found(`${form(unreachable)}\n`)).toEqual(["symptom 0@1"]);
    expect(a.firstFailure).toMatchObject({ namespace: "symptom", timestamp: "2023-11-21T10:01:02.345Z" });
    expect(a.failingComponent).toContain("app.example.net (your webhook, which Twilio could not connect to");
  });

  it("counts the webhook's own response status_code as the same answer", () => {
    const payload = JSON.parse(badGateway.Payload);
    payload.webhook = {
      type: "application/json",
      request: { url: "https://hooks.example.com/voice", method: "POST", headers: {}, parameters: {} },
      response: { status_code: 502, headers: {}, body: "" },
    };
    const log = `${form({ ...badGateway, Payload: JSON.stringify(payload) })}\n`;
    expect(found(log)).toEqual(["http 502@1"]);
    expect(analysed(log).firstFailure?.host).toBe("hooks.example.com");
  });

  it("keeps a signature logged with the form out of the excerpt", () => {
    const out = scanText(
      catalog(),
      `POST /twilio/debugger X-Twilio-Signature: 0Xm5mzmXNkC4m6e8zIS9WNKtHqY= ${form(badGateway)}\n`,
    );
    expect(JSON.stringify(out)).not.toContain("0Xm5mzmXNkC4m6e8zIS9WNKtHqY");
  });
});

describe("a Debugger event as a web framework logs the parsed form", () => {
  it("reads Express's req.body on one line, the log line's own stamp first", () => {
    const a = analysed(
      `2023-11-21T10:01:03.000Z debugger ${inspect(badGateway, { breakLength: Infinity })}\n`,
    );
    expect(a.firstFailure).toMatchObject({
      code: 502,
      host: "hooks.example.com",
      timestamp: "2023-11-21T10:01:03.000Z",
    });
  });

  it("dates Express's req.body printed one parameter a line by its Timestamp", () => {
    const log = `debugger body ${inspect(badGateway)}\n`;
    expect(log.split("\n").length).toBeGreaterThan(4);
    const a = analysed(log);
    expect(a.firstFailure).toMatchObject({
      code: 502,
      host: "hooks.example.com",
      timestamp: "2023-11-21T10:01:02.345Z",
    });
  });

  it("reads Flask's ImmutableMultiDict, dated by its Timestamp", () => {
    const pairs = Object.entries(badGateway).map(([k, v]) => `('${k}', '${v}')`);
    const a = analysed(`INFO:app:debugger ImmutableMultiDict([${pairs.join(", ")}])\n`);
    expect(a.firstFailure).toMatchObject({
      code: 502,
      host: "hooks.example.com",
      timestamp: "2023-11-21T10:01:02.345Z",
    });
    expect(a.failingComponent).toMatch(/^hooks\.example\.com \(your webhook/);
  });
});
