// A refused re-INVITE whose own response carries a Reason header (FreeSWITCH adds
// `Reason: Q.850;cause=88` to the 488 it sends for a hold it cannot take): that header is part of
// the refusal, so the call still survived it when it went on and ended with a normal BYE.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { capture } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const PBX = "203.0.113.5:5080";
const PHONE = "198.51.100.20:5060";
const packet = capture("2024/03/05", ["Call-ID: hold-488-7@198.51.100.20"]);
const via = (who: string, branch: string) => `Via: SIP/2.0/UDP ${who};branch=z9hG4bK${branch}`;

const holdRefused = (refusal: string[], byeReason?: string) =>
  [
    packet("02:45:02.300100", PBX, PHONE, "SIP/2.0 200 OK", [via(PHONE, "a1"), "CSeq: 101 INVITE"]),
    packet("02:46:10.010100", PBX, PHONE, "SIP/2.0 488 Not Acceptable Here", [
      via(PHONE, "b2"),
      "CSeq: 102 INVITE",
      ...refusal,
    ]),
    packet("02:48:00.000100", PHONE, PBX, `BYE sip:8005559876@${PBX} SIP/2.0`, [
      via(PHONE, "c3"),
      "CSeq: 103 BYE",
      ...(byeReason ? [`Reason: ${byeReason}`] : []),
    ]),
    packet("02:48:00.001100", PBX, PHONE, "SIP/2.0 200 OK", [via(PHONE, "c3"), "CSeq: 103 BYE"]),
  ].join("\n");

describe("a Reason header on the refused re-INVITE's own response", () => {
  it("still says the call survived the refusal", () => {
    const a = run(holdRefused(['Reason: Q.850;cause=88;text="INCOMPATIBLE_DESTINATION"']));
    expect(a.firstFailure).toMatchObject({ code: 488, method: "re-INVITE" });
    expect(a.summary).toMatch(
      /The call survived it: .* stayed up for another 110 s and ended normally with a BYE/,
    );
  });

  it("says the same as for the response with no Reason", () => {
    const a = run(holdRefused([]));
    expect(a.summary).toMatch(/The call survived it/);
  });

  it("still gives no survival note when the BYE that ends the call gives an abnormal cause", () => {
    const a = run(holdRefused(["Reason: Q.850;cause=88"], "Q.850;cause=41"));
    expect(a.summary).not.toMatch(/survived/);
  });
});
