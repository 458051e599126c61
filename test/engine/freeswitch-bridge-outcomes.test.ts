// FreeSWITCH logs one failed bridge on several lines: the leg's hang-up, switch_ivr_originate's
// "Originate Resulted in Error Cause: N [NAME]", mod_dptools' "Originate Failed.  Cause: NAME" and
// the caller's own hang-up. They are one result, counted once; the number FreeSWITCH prints with
// one of its own cause names is its own, never a SIP status.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-03-05 02:30:${time} [${level}] ${text}`;
/** "namespace/code" of a timeline row (its key is namespace:code:subcode:host). */
const codeOf = (key: string) => key.split(":").slice(0, 2).join("/");
const codes = (a: ReturnType<typeof run>) => a.timeline.map((t) => `${codeOf(t.key)}×${t.count}`);

describe("one failed FreeSWITCH bridge", () => {
  it("is one busy result, not four", () => {
    const a = run([
      at(
        "01.100000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/internal/1001@10.0.0.7 [CS_CONSUME_MEDIA] [USER_BUSY]",
      ),
      at(
        "01.120000",
        "DEBUG",
        "switch_ivr_originate.c:3941 Originate Resulted in Error Cause: 17 [USER_BUSY]",
      ),
      at("01.120000", "INFO", "mod_dptools.c:3577 Originate Failed.  Cause: USER_BUSY"),
      at("01.140000", "NOTICE", "sofia.c:1065 Hangup sofia/external/1000@10.0.0.5 [CS_EXECUTE] [USER_BUSY]"),
    ]);
    expect(a.firstFailure).toMatchObject({ namespace: "q850", code: 17, line: 1 });
    expect(codes(a)).toEqual(["q850/17×1"]);
  });

  it("still counts each ring-group member that did not answer", () => {
    const a = run([
      at(
        "30.131000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/internal/1001@10.0.0.31 [CS_CONSUME_MEDIA] [NO_ANSWER]",
      ),
      at(
        "30.136000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/internal/1002@10.0.0.32 [CS_CONSUME_MEDIA] [NO_ANSWER]",
      ),
      at("30.140000", "INFO", "mod_dptools.c:3745 Originate Failed.  Cause: NO_ANSWER"),
    ]);
    expect(codes(a)).toEqual(["q850/19×2"]);
  });

  it("counts two calls that failed a minute apart twice", () => {
    const call = (minute: string) => [
      `2024-03-05 02:${minute}:01.120000 [DEBUG] switch_ivr_originate.c:3941 Originate Resulted in Error Cause: 17 [USER_BUSY]`,
      `2024-03-05 02:${minute}:01.120000 [INFO] mod_dptools.c:3577 Originate Failed.  Cause: USER_BUSY`,
    ];
    const a = run([...call("30"), ...call("31")]);
    expect(codes(a)).toEqual(["q850/17×2"]);
  });
});

describe("FreeSWITCH's own cause numbers", () => {
  it("are never read as SIP statuses (609 GATEWAY_DOWN, 607 PROGRESS_TIMEOUT, 503 MANAGER_REQUEST)", () => {
    const a = run([
      at(
        "01.120000",
        "DEBUG",
        "switch_ivr_originate.c:3941 Originate Resulted in Error Cause: 609 [GATEWAY_DOWN]",
      ),
      at(
        "05.120000",
        "DEBUG",
        "switch_ivr_originate.c:3941 Originate Resulted in Error Cause: 607 [PROGRESS_TIMEOUT]",
      ),
      at(
        "09.120000",
        "DEBUG",
        "switch_ivr_originate.c:3941 Originate Resulted in Error Cause: 503 [MANAGER_REQUEST]",
      ),
    ]);
    const found = a.timeline.map((t) => codeOf(t.key));
    expect(found).not.toContain("sip/609");
    expect(found).not.toContain("sip/607");
    // GATEWAY_DOWN is the 503 FreeSWITCH answers with; PROGRESS_TIMEOUT its Q.850 18.
    expect(found).toEqual(expect.arrayContaining(["sip/503", "q850/18"]));
    expect(a.timeline.find((t) => codeOf(t.key) === "sip/503")?.count).toBe(1);
  });

  it("keeps a SIP status a stack prints as its cause", () => {
    const a = run(["call to 10.0.0.9 failed with cause 486"]);
    expect(a.firstFailure).toMatchObject({ namespace: "sip", code: 486 });
  });
});
