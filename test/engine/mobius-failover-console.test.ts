// A browser console where one Mobius cluster refused the registration and the web SDK then set
// another cluster active and logged "Registration successful": the client failed over and
// registered, and the first cluster is the degraded one.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const SDK = (level: string, method: string, message: string) =>
  `webex-calling: Tue, 11 Mar 2025 09:14:04 GMT: [${level}]: file:register - method:${method} - message:${message}`;
const url = (cluster: string) => `https://${cluster}.prod.infra.webex.com/api/v1/calling/web/`;
const EAST = url("mobius-us-east-1");
const WEST = url("mobius-us-west-2");

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));

const failover = (next: string) => [
  SDK(
    "LOG",
    "attemptRegistrationWithServers",
    `[attemptRegistrationWithServers] : Mobius url to contact: ${EAST}`,
  ),
  `POST ${EAST}device 503 (Service Unavailable)`,
  SDK("WARN", "attemptRegistrationWithServers", "Status code: -> 503"),
  SDK("WARN", "attemptRegistrationWithServers", "503 Service Unavailable"),
  SDK(
    "LOG",
    "attemptRegistrationWithServers",
    `[attemptRegistrationWithServers] : Mobius url to contact: ${next}`,
  ),
  SDK("INFO", "setActiveMobiusUrl", `ActiveMobiusUrl: ${next}`),
  SDK("LOG", "register", "Registration successful for deviceId: beb3c025 userId: 8a67806f"),
];

describe("a console registration that failed over to another Mobius cluster", () => {
  it("says the client failed over and registered, and names the first cluster as degraded", () => {
    const a = analysed(failover(WEST).join("\n"));
    expect(a.firstFailure).toMatchObject({ namespace: "mobius", code: 503, line: 2 });
    expect(a.counts.failures).toBe(1);
    expect(a.summary).toContain(
      "the client failed over to mobius-us-west-2.prod.infra.webex.com and registered (line 6)",
    );
    expect(a.summary).toContain("mobius-us-east-1.prod.infra.webex.com is degraded, not the device.");
  });

  it("says nothing of a failover when the same cluster took the retry", () => {
    expect(analysed(failover(EAST).join("\n")).summary).not.toContain("failed over");
  });

  it("reads no success from an active URL the SDK sets before a new attempt", () => {
    const log = [
      SDK("INFO", "setActiveMobiusUrl", `ActiveMobiusUrl: ${WEST}`),
      SDK(
        "LOG",
        "attemptRegistrationWithServers",
        `[attemptRegistrationWithServers] : Mobius url to contact: ${WEST}`,
      ),
      SDK("INFO", "attemptRegistrationWithServers", "Registration restored successfully."),
    ].join("\n");
    expect(scanText(catalog(), log).findings).toHaveLength(0);
  });

  it("reads no success from an active URL alone", () => {
    const log = SDK("INFO", "setActiveMobiusUrl", `ActiveMobiusUrl: ${WEST}`);
    expect(scanText(catalog(), log).findings).toHaveLength(0);
  });
});
