// The Webex Calling SDK's error object (`{"statusCode":403,"body":{…,"errorCode":118}}`) is the
// Mobius answer it restates or that "Status code: ->403" restates: one answer, counted once,
// whatever prefix the app's logger gives the SDK's lines.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const scan = scanText(catalog(), log);
  const a = analyze(catalog(), scan);
  return {
    findings: scan.findings.map((f) => [f.line, f.namespace, f.code, f.subcode]),
    failing: a.timeline.filter((r) => r.failure).map((r) => r.label),
  };
}

const OBJECT =
  '{"statusCode":403,"body":{"device":{"deviceId":"abcd-1234"},"errorCode":118,"message":"Caller ID not allowed"}}';

describe("the Webex SDK's error object", () => {
  it("under a console's failed request is that request's answer, not another HTTP 403", () => {
    const { findings, failing } = scanned(
      [
        "2024-03-05T03:25:14.003Z POST https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web/devices/abcd-1234/call 403 (Forbidden)",
        OBJECT,
      ].join("\n"),
    );
    expect(findings).toEqual([[1, "mobius", 403, 118]]);
    expect(failing).toHaveLength(1);
  });

  it("gives the console's request its mobius-error when the request line had none", () => {
    const { findings } = scanned(
      [
        "2024-03-05T03:25:14.003Z POST https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web/devices/abcd-1234/call 403 (Forbidden)",
        "2024-03-05T03:25:14.004Z something else happened",
        `2024-03-05T03:25:14.005Z [ERROR] call: request failed ${OBJECT}`,
      ].join("\n"),
    );
    expect(findings).toEqual([[1, "mobius", 403, 118]]);
  });

  it("and the SDK's Status code line below it are one Mobius 403 with its mobius-error, whatever the prefix", () => {
    const { findings, failing } = scanned(
      [
        `2024-03-05T03:25:14.004Z [ERROR] call: request failed ${OBJECT}`,
        "2024-03-05T03:25:14.005Z [INFO] call: Status code: ->403",
      ].join("\n"),
    );
    expect(findings).toEqual([[1, "mobius", 403, 118]]);
    expect(failing).toEqual(["Mobius 403 · mobius-error 118 Not Acceptable"]);
  });

  it("pasted on its own, with no prefix naming the SDK, is the Mobius answer its body gives", () => {
    const { findings, failing } = scanned(OBJECT);
    expect(findings).toEqual([[1, "mobius", 403, 118]]);
    expect(failing).toEqual(["Mobius 403 · mobius-error 118 Not Acceptable"]);
  });

  it("logged twice is two attempts, each refused with its mobius-error", () => {
    const scan = scanText(catalog(), `${OBJECT}\n${OBJECT}\n`);
    expect(scan.findings.map((f) => [f.line, f.namespace, f.code, f.subcode])).toEqual([
      [1, "mobius", 403, 118],
      [2, "mobius", 403, 118],
    ]);
  });

  it("after the SDK's request failed behind another app's logger prefix, is the Mobius answer its body gives", () => {
    const { findings, failing } = scanned(
      '2024-05-01 10:00:01.123 [main] ERROR app.Calls - request failed {"statusCode":403,"headers":{"trackingid":"WEBCALLING_1"},"body":{"errorCode":118,"message":"Caller ID not allowed"}}',
    );
    expect(findings).toEqual([[1, "mobius", 403, 118]]);
    expect(failing).toEqual(["Mobius 403 · mobius-error 118 Not Acceptable"]);
  });

  it("after request failed behind a prefix, stays HTTP when its errorCode is no mobius-error the catalog knows", () => {
    const { findings } = scanned(
      '2024-05-01 10:00:01.123 [main] ERROR app.Calls - request failed {"statusCode":403,"body":{"errorCode":199,"message":"nope"}}',
    );
    expect(findings).toEqual([[1, "http", 403, null]]);
  });

  it("stays an HTTP status when its body's errorCode is no mobius-error the catalog knows", () => {
    const { findings } = scanned('{"statusCode":403,"body":{"errorCode":199,"message":"nope"}}');
    expect(findings).toEqual([[1, "http", 403, null]]);
  });

  it("keeps a body with another mobius-error as a second answer", () => {
    const { findings } = scanned(
      [
        "2024-03-05T03:25:14.003Z POST https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web/devices/abcd-1234/call 403 (Forbidden)",
        '{"errorCode":118,"message":"Caller ID not allowed"}',
        '2024-03-05T03:25:15.003Z call: request failed {"statusCode":403,"body":{"errorCode":115,"message":"User Busy"}}',
      ].join("\n"),
    );
    expect(findings.length).toBe(2);
  });
});
