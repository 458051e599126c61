// Each side of a dialog numbers its own CSeq (RFC 3261 §12.2.1.1): the called phone's first
// re-INVITE may carry CSeq 1 INVITE, the very number of the caller's INVITE. Its answers travel
// the other way, so they still answer a re-INVITE, while a retransmitted 200 or a proxy's relay
// of the caller's answer stays the INVITE that set up the call.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { capture } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const CALLER = "10.0.0.5:5060";
const CALLEE = "10.0.0.9:5060";
const PROXY = "10.0.0.7:5060";
const packet = capture("2024/03/05", ["Call-ID: own-cseq-1@10.0.0.5"]);
const via = (who: string, branch: string) => `Via: SIP/2.0/UDP ${who};branch=z9hG4bK${branch}`;

const answered = [
  packet("03:20:02.000000", CALLEE, CALLER, "SIP/2.0 200 OK", [via(CALLER, "a1"), "CSeq: 1 INVITE"]),
  packet("03:20:02.010000", CALLER, CALLEE, `ACK sip:1002@${CALLEE} SIP/2.0`, [
    via(CALLER, "a2"),
    "CSeq: 1 ACK",
  ]),
];
const hangUp = [
  packet("03:21:30.000000", CALLER, CALLEE, `BYE sip:1002@${CALLEE} SIP/2.0`, [
    via(CALLER, "c1"),
    "CSeq: 2 BYE",
  ]),
  packet("03:21:30.010000", CALLEE, CALLER, "SIP/2.0 200 OK", [via(CALLER, "c1"), "CSeq: 2 BYE"]),
];

describe("a re-INVITE from the called side that numbers its CSeq from 1", () => {
  const refused = (cseq: number) =>
    [
      ...answered,
      packet("03:20:30.000000", CALLEE, CALLER, `INVITE sip:1001@${CALLER} SIP/2.0`, [
        via(CALLEE, "b1"),
        `CSeq: ${cseq} INVITE`,
      ]),
      packet("03:20:30.050000", CALLER, CALLEE, "SIP/2.0 488 Not Acceptable Here", [
        via(CALLEE, "b1"),
        "Reason: Q.850;cause=88",
        `CSeq: ${cseq} INVITE`,
      ]),
      ...hangUp,
    ].join("\n");

  it("is a refused re-INVITE the call survived, as with a CSeq of its own", () => {
    for (const cseq of [1, 102]) {
      const a = run(refused(cseq));
      expect(a.firstFailure).toMatchObject({ code: 488, method: "re-INVITE" });
      expect(a.summary).toMatch(/The call survived it/);
    }
  });
});

describe("answers to the caller's own INVITE after the 200", () => {
  it("keep a retransmitted 200 as the INVITE", () => {
    const log = [
      ...answered,
      packet("03:20:02.500000", CALLEE, CALLER, "SIP/2.0 200 OK", [via(CALLER, "a1"), "CSeq: 1 INVITE"]),
      ...hangUp,
    ].join("\n");
    const f = scanText(catalog(), log).findings.filter((x) => x.code === 200 && x.cseq === 1);
    expect(f.map((x) => x.method)).toEqual(["INVITE", "INVITE"]);
  });

  it("keep a proxy's relay of the callee's 200 one hop up as the INVITE", () => {
    const log = [
      packet("03:20:02.000000", CALLEE, PROXY, "SIP/2.0 200 OK", [
        via(PROXY, "p1"),
        via(CALLER, "a1"),
        "CSeq: 1 INVITE",
      ]),
      packet("03:20:02.001000", PROXY, CALLER, "SIP/2.0 200 OK", [via(CALLER, "a1"), "CSeq: 1 INVITE"]),
    ].join("\n");
    const f = scanText(catalog(), log).findings.filter((x) => x.code === 200);
    expect(f.map((x) => x.method)).toEqual(["INVITE", "INVITE"]);
  });
});
