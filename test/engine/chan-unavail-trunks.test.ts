// A Dial() that ended CHANUNAVAIL names what its legs went through: every trunk of a Dial() to
// several, a DAHDI group or span (this Asterisk's PSTN line, no registrar), chan_sip and IAX2
// peers, and a Local channel as this Asterisk's own dialplan rather than a trunk.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { targetTrunk, targetTrunks } from "../../src/engine/scan/dial-targets.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const ast = (text: string) => `[Mar  5 03:10:12] VERBOSE[4521][C-00000021] ${text}`;
const unavailDial = (targets: string, legs = 1) =>
  analyze(
    catalog(),
    scanText(
      catalog(),
      [
        ast(
          `pbx.c: Executing [914155550123@from-internal:1] Dial("PJSIP/1000-00000021", "${targets},30") in new stack`,
        ),
        ast(`app_dial.c: Everyone is busy/congested at this time (${legs}:0/0/${legs})`),
        ast("pbx.c: Auto fallthrough, channel 'PJSIP/1000-00000021' status is 'CHANUNAVAIL'"),
      ].join("\n"),
    ),
  );

describe("the trunks of a Dial()'s targets", () => {
  it.each([
    ["PJSIP/14155550123@carrier-a", "PJSIP/carrier-a"],
    ["PJSIP/carrier/sip:14155550123@203.0.113.10:5060", "PJSIP/carrier"],
    ["SIP/carrier/14155550123", "SIP/carrier"],
    ["SIP/14155550123@carrier", "SIP/carrier"],
    ["IAX2/carrier/14155550123", "IAX2/carrier"],
    ["IAX2/user:secret@carrier:4569/14155550123@default", "IAX2/carrier"],
    ["DAHDI/g1/14155550123", "DAHDI/g1"],
    ["DAHDI/R2/14155550123", "DAHDI/g2"],
    ["DAHDI/i1/14155550123", "DAHDI/i1"],
    ["DAHDI/1/14155550123", "DAHDI/1"],
    ["Local/914155550123@from-internal", "Local/from-internal"],
    ["Local/2001@from-internal/n", "Local/from-internal"],
  ])("%s goes through %s", (target, trunk) => {
    expect(targetTrunk(target)).toBe(trunk);
  });

  it.each(["PJSIP/2001", "SIP/2001", "DAHDI/1", "IAX2/phone"])("%s is a phone", (target) => {
    expect(targetTrunk(target)).toBeUndefined();
  });

  it("names each trunk of several once, and at most three", () => {
    expect(targetTrunks("PJSIP/1@a&PJSIP/1@b&PJSIP/2@a&PJSIP/1@c&PJSIP/1@d")).toBe("PJSIP/a&PJSIP/b&PJSIP/c");
    expect(targetTrunks("PJSIP/2001&PJSIP/2002")).toBeUndefined();
  });
});

describe("a CHANUNAVAIL Dial()", () => {
  it("to two trunks that were both unavailable names both, with each one's checks", () => {
    const a = unavailDial("PJSIP/14155550123@carrier-a&PJSIP/14155550123@carrier-b", 2);
    expect(a.failingComponent).toMatch(/^This Asterisk's PJSIP trunks carrier-a and carrier-b: /);
    expect(a.failingComponent).toMatch(/own network/);
    const checks = a.checklist.join("\n");
    expect(checks).toMatch(/pjsip show endpoint carrier-a/);
    expect(checks).toMatch(/pjsip show endpoint carrier-b/);
    expect(checks).toMatch(/pjsip show aor carrier-b/);
    expect(JSON.stringify(a)).not.toContain("14155550123");
  });

  it("through a DAHDI group blames this Asterisk's PSTN line, with span and alarm checks", () => {
    const a = unavailDial("DAHDI/g1/14155550123");
    expect(a.failingComponent).toMatch(/^This Asterisk's DAHDI group 1 \(its PSTN line\)/);
    expect(a.failingComponent).not.toMatch(/registrar|called user/);
    const checks = a.checklist.join("\n");
    expect(checks).toMatch(/dahdi show status/);
    expect(checks).toMatch(/pri show spans/);
    expect(checks).toMatch(/dahdi show channels group 1/);
    expect(checks).not.toMatch(/registrations on the registrar|mobile numbers/);
  });

  it("through an IAX2 peer gives iax2 checks and never shows its secret", () => {
    const a = unavailDial("IAX2/user:s3cr3t@carrier/14155550123");
    expect(a.checklist[0]).toMatch(/iax2 show peer carrier/);
    expect(JSON.stringify(a)).not.toContain("s3cr3t");
  });

  it("into a Local channel says it is the dialplan, not a trunk, without the extension", () => {
    const a = unavailDial("Local/914155550123@from-internal");
    expect(a.failingComponent).toMatch(
      /own dialplan in context from-internal \(a Local channel, not a trunk\)/,
    );
    expect(a.checklist.join("\n")).toMatch(/dialplan show EXTEN@from-internal/);
    expect(JSON.stringify(a)).not.toContain("14155550123");
  });
});
