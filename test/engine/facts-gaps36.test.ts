// Who an ACS call end blames, how the 540 prefix reads in ACS and in Teams Direct Routing, and what
// FreeSWITCH's and Asterisk's barring causes (52, 54) mean.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const callEnd = (code: number, subCode: number) =>
  `2024-06-01T10:00:00.000Z Call ended. callEndReason: {"code":${code},"subCode":${subCode}}`;

const component = (code: number, subCode: number) =>
  analyze(catalog(), scanText(catalog(), callEnd(code, subCode))).failingComponent ?? "";

describe("an ACS call end the client or callee caused blames that side, not ACS", () => {
  it.each([
    [410, 301004, /participant's own network/, /firewall or VPN/],
    [410, 301005, /participant's client or network/, /network dropped|closed abruptly/],
    [408, 10057, /callee's endpoint/, /lost network|app was closed/],
    [408, 0, /user endpoint in the call/, /lost network|app was closed/],
  ])("ACS %i/%i", (code, subCode, side, why) => {
    const said = component(code, subCode);
    expect(said).toMatch(side);
    expect(said).toMatch(why);
    expect(said).not.toMatch(/^The ACS (media infrastructure|call controller)/);
  });
});

describe("the 540 prefix as ACS and Teams Direct Routing document it", () => {
  it.each(["acs 0/540000", "acs 487/540487"])("%s names both readings", (q) => {
    const text = cardsToText(explainCards(explain(catalog(), q)));
    expect(text).toMatch(/ACS documents that a subcode starting with 540 or 560/);
    expect(text).toMatch(/Teams Direct Routing.*only a 560 prefix means the SBC generated/);
  });
});

describe("FreeSWITCH and Asterisk call barring (52, 54)", () => {
  it.each([
    ["HANGUPCAUSE=52", /^Outgoing calls from the caller's line are barred/],
    ["hangup_cause=OUTGOING_CALL_BARRED", /^Outgoing calls from the caller's line are barred/],
    ["HANGUPCAUSE=54", /^Incoming calls to the called line are barred/],
  ])("%s leads with plain barring", (q, meaning) => {
    const e = explain(catalog(), q).results[0];
    expect(e?.meaning).toMatch(meaning);
    expect(e?.meaning).toMatch(/Q\.850 keeps 5[35] for the narrower case of barring within a CUG/);
    expect(e?.causes[0]).toMatch(/call barring/i);
  });
});

describe("an ACS result with subcode 0 is named by its code's general entry", () => {
  it("heads the scan with the entry's title, not the bare pair", () => {
    const a = analyze(catalog(), scanText(catalog(), callEnd(408, 0)));
    expect(a.firstFailureLabel).toBe("ACS 408/0 ACS call controller timed out");
  });
});

describe("an unknown 540xxx subcode names both readings of the prefix", () => {
  it("says Teams Direct Routing ties only 560 to the SBC", () => {
    const text = cardsToText(explainCards(explain(catalog(), "acs 540499")));
    expect(text).toMatch(/540 prefix marks an answer from the operator or your own SBC/);
    expect(text).toMatch(/Direct Routing call a 540xxx code comes from Microsoft/);
  });
});
