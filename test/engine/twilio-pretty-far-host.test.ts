// A pretty-printed Twilio Debugger payload names its webhook in more_info (or webhook.request),
// often many lines below its error_code: the host is still read, within the same record only.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const component = (v: unknown) =>
  JSON.stringify(analyze(catalog(), scanText(catalog(), `${JSON.stringify(v, null, 2)}\n`)).failingComponent);

const payload = (extra: Record<string, unknown>) => ({
  resource_sid: "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
  service_sid: null,
  error_code: "11205",
  more_info: {
    Msg: "Connection refused",
    sourceComponent: "14100",
    ErrorCode: "11205",
    EmailNotification: "false",
    LogLevel: "ERROR",
    ...extra,
  },
  url: "https://monitor.twilio.com/v1/Alerts/NOcccccccccccccccccccccccccccccccc",
});

describe("a pretty-printed Twilio Debugger payload", () => {
  it("names the webhook's host from more_info's url, far below the error code", () => {
    expect(component(payload({ url: "https://hooks.example.com/voice" }))).toContain(
      "hooks.example.com (your webhook, which Twilio could not connect to",
    );
  });

  it("names the host of webhook.request's url after more_info closes", () => {
    const v = {
      ...payload({}),
      webhook: { type: "application/json", request: { method: "POST", url: "https://app.example.net/hook" } },
    };
    expect(component(v)).toContain("app.example.net");
  });

  it("never takes the alert's own monitor.twilio.com url", () => {
    expect(component(payload({}))).not.toContain("monitor.twilio.com");
  });
});
