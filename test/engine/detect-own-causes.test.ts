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

  it("finds nothing for a leg that lost the race to another that answered", () => {
    expect(codesIn(`${HANGUP} [LOSE_RACE]`)).toEqual([]);
    expect(codesIn(`${HANGUP} [PICKED_OFF]`)).toEqual([]);
    expect(codesIn(`${HANGUP} [MANAGER_REQUEST]`)).toEqual([]);
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
