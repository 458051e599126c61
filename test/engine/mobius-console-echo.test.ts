// A browser console prints a failed Mobius request, and the Webex Calling SDK then logs the same
// answer in its own words: one failure, from the cluster the URL names, with the SDK's mobius-error.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const SDK = (time: string, file: string, method: string, message: string) =>
  `webex-calling: Tue, 11 Mar 2025 10:01:${time} GMT: [WARN]: file:${file} - method:${method} - message:${message}`;
const CLUSTER = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("a Mobius reply the SDK restates", () => {
  it("reads the console's 403 on a call path and the SDK's error code below it as one Mobius 403/115", () => {
    const a = analysed(
      [
        `POST ${CLUSTER}/devices/6f0e2c9a-1b7d-4e3f-a5c8-d91b0e4f7a23/call 403 (Forbidden)`,
        SDK("03", "call", "handleOutgoingCallSetup", "Status code: -> 403"),
        SDK("03", "call", "handleOutgoingCallSetup", "Error code found : 115"),
        SDK("03", "call", "handleOutgoingCallSetup", "User is busy, destination: +14155550123"),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ namespace: "mobius", code: 403, subcode: 115, line: 1 });
    expect(a.counts.failures).toBe(1);
    expect(a.firstFailureLabel).toMatch(/User Busy/);
    expect(a.failingComponent).not.toMatch(/WAF/);
  });

  it("counts a registration 503 once and names the cluster that answered it", () => {
    const a = analysed(
      [
        `POST ${CLUSTER}/device 503 (Service Unavailable)`,
        SDK("03", "register", "attemptRegistrationWithServers", "Status code: -> 503"),
      ].join("\n"),
    );
    expect(a.timeline).toHaveLength(1);
    expect(a.timeline[0]?.count).toBe(1);
    expect(a.firstFailure?.host).toBe("mobius-us-east-1.prod.infra.webex.com");
    expect(a.failingComponent).toMatch(/^mobius-us-east-1\.prod\.infra\.webex\.com/);
  });

  it("keeps an SDK status that comes well after the console's line", () => {
    const filler = Array.from({ length: 6 }, (_, i) => SDK(`0${i}`, "call", "poll", "waiting"));
    const a = analysed(
      [
        `POST ${CLUSTER}/device 503 (Service Unavailable)`,
        ...filler,
        SDK("09", "register", "attemptRegistrationWithServers", "Status code: -> 503"),
      ].join("\n"),
    );
    expect(a.counts.findings).toBe(2);
  });
});
