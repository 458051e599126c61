// A Dial() that rang a phone and a trunk together ("PJSIP/1001&PJSIP/num@carrier") and found every
// leg unavailable failed on both: the trunk and the phone are named, with the trunk's checks and
// the phone's registration checks, each once.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { targetTrunks } from "../../src/engine/scan/dial-targets.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const ast = (text: string) => `[Mar  5 03:10:12] VERBOSE[4521][C-00000021] ${text}`;
const unavailDial = (targets: string, legs: number) =>
  analyze(
    catalog(),
    scanText(
      catalog(),
      [
        ast(
          `pbx.c: Executing [914155550100@from-internal:1] Dial("PJSIP/1000-00000021", "${targets},30") in new stack`,
        ),
        ast(`app_dial.c: Everyone is busy/congested at this time (${legs}:0/0/${legs})`),
        ast("pbx.c: Auto fallthrough, channel 'PJSIP/1000-00000021' status is 'CHANUNAVAIL'"),
      ].join("\n"),
    ),
  );

describe("a CHANUNAVAIL Dial() to a phone and a trunk", () => {
  it("names the trunk and the phone endpoint", () => {
    const a = unavailDial("PJSIP/1001&PJSIP/+14155550100@carrier", 2);
    expect(a.failingComponent).toMatch(/^This Asterisk's PJSIP trunk carrier and its phone endpoint 1001: /);
    expect(a.failingComponent).toMatch(/nothing was sent to the carrier/);
    expect(a.failingComponent).toMatch(/phone did not ring/);
    expect(JSON.stringify(a)).not.toContain("4155550100");
  });

  it("keeps the trunk's checks and adds the phone's registration check, none twice", () => {
    const a = unavailDial("PJSIP/1001&PJSIP/+14155550100@carrier", 2);
    const checks = a.checklist.join("\n");
    expect(checks).toMatch(/pjsip show endpoint carrier/);
    expect(checks).toMatch(/pjsip show aor carrier/);
    expect(checks).toMatch(/pjsip show registrations/);
    expect(checks).toMatch(/phone endpoint 1001 has a registered contact: pjsip show aor 1001/);
    expect(checks).toMatch(/phone itself is online/);
    expect(new Set(a.checklist).size).toBe(a.checklist.length);
    // The callee-registrar checks of a lone phone are replaced by these.
    expect(checks).not.toMatch(/called user's registrations on the registrar/);
  });

  it("with two trunks and a chan_sip phone names all three, the phone's check among the leads", () => {
    const a = unavailDial("SIP/alice&SIP/14155550100@carrier-a&SIP/14155550100@carrier-b", 3);
    expect(a.failingComponent).toMatch(
      /^This Asterisk's SIP trunks carrier-a and carrier-b and its phone endpoint alice: /,
    );
    expect(a.failingComponent).toMatch(/own network/);
    expect(a.checklist.join("\n")).toMatch(/sip show peer alice/);
  });

  it("a phone alone keeps the callee's registration checks", () => {
    const a = unavailDial("PJSIP/1001", 1);
    expect(a.failingComponent).not.toMatch(/trunk/);
    expect(a.checklist.join("\n")).toMatch(/called user's registrations/);
  });

  it("never names an endpoint that looks like a phone number", () => {
    expect(targetTrunks("PJSIP/4155550100&PJSIP/1@carrier")).toBe("PJSIP/carrier");
    expect(targetTrunks("PJSIP/1001&PJSIP/1001&PJSIP/1@carrier")).toBe("PJSIP/carrier&PJSIP/1001 (phone)");
  });
});
