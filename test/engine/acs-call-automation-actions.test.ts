// Call Automation posts how each of the app's actions ended (RecognizeFailed, PlayFailed …) with a
// resultInformation code and subcode. An 85xx subcode says how a media action went, not why the
// call ended: it is named by its event and Microsoft's message, and the action is the component.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const event = (type: string, code: number, subCode: number, message: string) =>
  JSON.stringify({
    id: "c1",
    source: "calling/callConnections/411f",
    type: `Microsoft.Communication.${type}`,
    data: {
      operationContext: "menu",
      resultInformation: { code, subCode, message },
      callConnectionId: "411f",
    },
    time: "2023-11-21T10:01:12.1234567+00:00",
  });

describe("Call Automation action results", () => {
  const log = [
    event("RecognizeFailed", 400, 8510, "Action failed, initial silence timeout reached."),
    event("PlayFailed", 400, 8535, "Action failed, file format is invalid."),
  ].join("\n");

  it("are named by their event and Microsoft's message", () => {
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailureLabel).toBe(
      "RecognizeFailed 400/8510: Action failed, initial silence timeout reached.",
    );
    expect(JSON.stringify(a)).not.toContain("infrastructure error");
  });

  it("blame the app's action, not the ACS infrastructure", () => {
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.failingComponent).toContain("Call Automation action (RecognizeFailed)");
    expect(a.failingComponent).toContain("not the ACS infrastructure");
  });

  it("never open the general ACS 500 entry", () => {
    const text = event(
      "RecognizeFailed",
      500,
      8511,
      "Action failed, encountered failure while trying to play the prompt.",
    );
    const [f] = scanText(catalog(), text).findings;
    expect(f?.id).toBeNull();
  });
});
