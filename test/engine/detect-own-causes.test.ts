// FreeSWITCH's own hangup causes, which carry no Q.850 value: a log whose call ended with one of
// them holds a failure, read as the catalog entry whose FreeSWITCH note explains the name.
import { describe, expect, it } from "vitest";
import { buildIndexes } from "../../src/catalog/indexes.js";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { codesIn } from "../helpers/found.js";

const HANGUP =
  "2024-05-01 10:00:00.300123 [NOTICE] switch_channel.c:4820 Hangup sofia/internal/1001@pbx.example.com [CS_EXECUTE]";

describe("FreeSWITCH's own hangup causes", () => {
  it.each([
    ["USER_NOT_REGISTERED", "q850 20"],
    ["GATEWAY_DOWN", "sip 503"],
    ["NOT_ACCEPTABLE", "sip 606"],
    ["PROGRESS_TIMEOUT", "q850 18"],
    ["ALLOTTED_TIMEOUT", "q850 19"],
    ["INVALID_GATEWAY", "q850 28"],
  ])("reads a hangup with %s as %s", (name, code) => {
    expect(codesIn(`${HANGUP} [${name}]`)).toEqual([code]);
  });

  it("names the cause the log gave, beside the entry that explains it", () => {
    const log = [
      "2024-05-01 10:00:00.200123 [INFO] mod_dptools.c:3628 Originate Failed.  Cause: USER_NOT_REGISTERED",
      `${HANGUP} [USER_NOT_REGISTERED]`,
    ].join("\n");
    const out = scanText(catalog(), log);
    const summary = analyze(catalog(), out);
    expect(summary.summary).toContain(
      "The first failure is Q.850 cause 20 Subscriber absent (FreeSWITCH USER_NOT_REGISTERED) on line 1",
    );
    expect(out.findings[0]?.direction).toBe("local");
  });

  it("reads a gateway that is down as a 503 FreeSWITCH made up itself", () => {
    const line =
      "2024-05-01 10:00:02.000001 [ERR] switch_core_session.c:539 Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]";
    const [f] = scanText(catalog(), line).findings;
    expect(f).toMatchObject({ namespace: "sip", code: 503, id: "sip/503", direction: "local" });
  });

  it("reads a leg that lost the race to another as the SIP 200 it ends with, and other causes as nothing", () => {
    expect(codesIn(`${HANGUP} [LOSE_RACE]`)).toEqual(["sip 200"]);
    expect(codesIn(`${HANGUP} [PICKED_OFF]`)).toEqual(["sip 200"]);
    expect(codesIn(`${HANGUP} [MANAGER_REQUEST]`)).toEqual([]);
  });

  it("reads the 487 of a leg FreeSWITCH cancelled itself as normal, whatever the log level", () => {
    const leg = "sofia/internal/1001@10.10.20.31:5060";
    const ring = (cause: string) =>
      [
        `2024-03-05 02:15:00.650000 [DEBUG] sofia.c:7084 Channel ${leg} entering state [early][180]`,
        `2024-03-05 02:15:07.520000 [DEBUG] sofia.c:7084 Channel ${leg} entering state [terminated][487]`,
        `2024-03-05 02:15:07.521000 [NOTICE] sofia.c:1065 Hangup ${leg} [CS_CONSUME_MEDIA] [${cause}]`,
      ].join("\n");
    const lost = analyze(catalog(), scanText(catalog(), ring("LOSE_RACE")));
    expect(lost.firstFailure).toBeNull();
    expect(lost.normal.join(" ")).toMatch(
      /answered elsewhere, so FreeSWITCH cancelled this leg \(LOSE_RACE on line 3/,
    );
    const unanswered = analyze(catalog(), scanText(catalog(), ring("NO_ANSWER")));
    expect(unanswered.firstFailureLabel).toMatch(/^Q\.850 cause 19/);
    expect(unanswered.normal.join(" ")).toMatch(/ring time ran out \(NO_ANSWER on line 3/);
  });

  it("reads the names only where a call ends, not as words elsewhere", () => {
    expect(codesIn("2024-05-01 10:00:00 [WARNING] config: INVALID_URL in dialstring template")).toEqual([]);
  });

  it("takes the names from the catalog's notes", () => {
    const stripped = buildIndexes(
      catalog().entries.map((e) =>
        e.id === "q850/20" ? { ...e, notes: e.notes.filter((n) => n.context !== "FreeSWITCH") } : e,
      ),
    );
    expect(scanText(stripped, `${HANGUP} [USER_NOT_REGISTERED]`).findings).toEqual([]);
  });
});
