// The failing component belongs to the first failure: a dependency another, unrelated failure's
// log message names (a webhook Twilio could not reach, media that stopped on another call) does
// not take it over, while dependencies that explain the first failure still name it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const summary = (text: string) => analyze(catalog(), scanText(catalog(), text));

/** A Twilio Alerts API record, with no date_created: dated by date_generated. */
function alert(code: number, at: string, host: string, extra: string): string {
  const url = `https%3A%2F%2F${host}%2Fvoice`;
  return JSON.stringify({
    account_sid: "AC00000000000000000000000000000001",
    alert_text: `Msg=${extra}&sourceComponent=12000&ErrorCode=${code}${code === 11200 ? "&httpResponse=502" : ""}&url=${url}&LogLevel=ERROR`,
    date_created: null,
    date_generated: at,
    error_code: `${code}`,
    log_level: "error",
    request_method: "POST",
    request_url: `https://${host}/voice`,
  });
}

const bad502 = alert(11200, "2024-06-02T08:30:00Z", "api.shop.example", "Bad+Gateway");
const unreachable = alert(11205, "2024-06-02T08:36:00Z", "ivr.shop.example", "Connection+timed+out");
const rtpAt = (stamp: string) =>
  `[${stamp}] NOTICE[2211][C-0000004a] chan_sip.c: Disconnecting call 'SIP/pstn-0000004a' for lack of RTP activity in 30 seconds`;

describe("a webhook Twilio could not reach, after another host's failure", () => {
  it("leaves the failing component with the earlier 502's host", () => {
    for (const log of [`${unreachable}\n${bad502}`, `${bad502}\n${unreachable}`]) {
      const a = summary(log);
      expect(a.firstFailure?.host).toBe("api.shop.example");
      expect(a.failingComponent).toMatch(/^api\.shop\.example/);
      expect(a.failingComponent).not.toContain("ivr.shop.example");
    }
  });

  it("names only its own host when it is the first failure, not media that stopped later", () => {
    const a = summary(`${rtpAt("2024-06-02 09:10:00")}\n${unreachable}`);
    expect(a.firstFailure?.id).toBe("symptom/twilio-webhook-unreachable");
    expect(a.failingComponent).toMatch(/^ivr\.shop\.example/);
    expect(a.failingComponent).not.toContain("RTP");
  });
});

describe("media that stopped as the first failure", () => {
  it("keeps the RTP path as its component, without a later Twilio alert's host", () => {
    const a = summary(`${rtpAt("2024-06-02 08:20:00")}\n${unreachable}`);
    expect(a.firstFailure?.id).toMatch(/^symptom\/audio-drops/);
    expect(a.failingComponent).toMatch(/^The RTP media path/);
    expect(a.failingComponent).not.toContain("ivr.shop.example");
  });
});

describe("dependencies one service's log names", () => {
  it("are all still named when the first failure names one", () => {
    const a = summary(
      [
        "2024-05-14 02:11:03.650 ERROR [mobius,7d1c0e2a] Received Client Exception from Provisioning Client while querying Browser Client Id.",
        "2024-05-14 02:12:00.100 ERROR [mobius,8e2d1f3b] Failed to add device: 4b1d77e0-1c9e-4a6a-9c1e-33f0b6e1d2aa in sorted set",
        "2024-05-14 02:13:00.000 ERROR [mobius,9a] OBP resolution failed",
      ].join("\n"),
    );
    expect(a.failingComponent).toMatch(/^CPAPI .*line 1.*Redis \(line 2\) and OBP \(line 3\)/);
  });
});
