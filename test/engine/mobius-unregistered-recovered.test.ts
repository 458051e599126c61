// A call Mobius refuses as "Device is not registered" (112) is put down to an earlier registration
// failure only while that failure was still the device's state: once the client registered again,
// or long after, the 112 means the registration was lost later, and the old failure is not its cause.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const summary = (text: string) => analyze(catalog(), scanText(catalog(), text));

const sdk = (time: string, method: string, message: string) =>
  `webex-calling: Tue, 11 Mar 2025 ${time} GMT: [WARN]: file:register - method:${method} - message:${message}`;
const URL = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/";
const failed = [
  sdk("09:14:03", "attemptRegistrationWithServers", "Status code: -> 503"),
  sdk("09:14:03", "attemptRegistrationWithServers", "503 Service Unavailable"),
];
const registered = [
  sdk("09:14:10", "setActiveMobiusUrl", `ActiveMobiusUrl: ${URL}`),
  sdk("09:14:10", "attemptRegistrationWithServers", "Registration successful"),
];
const refused = (time: string) => [
  sdk(time, "handleOutgoingCallSetup", "Status code: ->403"),
  sdk(time, "handleOutgoingCallSetup", "Error code found : 112"),
];

describe("a 112 after the device registered again", () => {
  it("is not said to follow from the registration failure the client recovered from", () => {
    const a = summary([...failed, ...registered, ...refused("09:14:30")].join("\n"));
    expect(a.correlations.join("\n")).not.toMatch(/still not registered|follows from/);
  });

  it("is not tied to a registration failure long before it", () => {
    const a = summary([...failed, ...refused("10:20:12")].join("\n"));
    expect(a.correlations.join("\n")).not.toMatch(/still not registered|follows from/);
  });

  it("still follows from a registration failure just before it with no registration since", () => {
    const a = summary([...failed, ...refused("09:14:30")].join("\n"));
    expect(a.correlations.join("\n")).toMatch(/follows from .*registration.*still not registered/);
  });
});
