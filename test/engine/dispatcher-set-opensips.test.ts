// OpenSIPS's dispatcher probes are logged as Kamailio's are, but OpenSIPS has no kamcmd: its probe
// checks name its own MI command. When every probe of a set failed and the proxy then answered a
// call's 503 itself, the failing component says the whole set was down.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const probe = (product: string, time: string, code: number, host: string) =>
  `Mar  5 03:20:${time} sbc1 /usr/sbin/${product}[3310]: DBG:dispatcher:ds_options_callback: OPTIONS-Request was finished with code ${code} (to sip:${host}:5060, group 1)`;
const REPLY =
  "Mar  5 03:21:01 sbc1 /usr/sbin/opensips[3321]: [ci=7f3e9a2b@203.0.113.50] replying 503 Service Unavailable (no gateways) to 203.0.113.50:5060";

describe("an OpenSIPS dispatcher set whose probes failed", () => {
  it("gives OpenSIPS's ds_list check, not Kamailio's kamcmd", () => {
    const a = run([probe("opensips", "41", 408, "10.0.0.21"), probe("opensips", "51", 503, "10.0.0.22")]);
    expect(a.checklist[0]).toContain("opensips-cli -x mi ds_list");
    expect(a.checklist.some((c) => c.includes("kamcmd"))).toBe(false);
  });

  it("keeps Kamailio's kamcmd check for Kamailio's probes", () => {
    const a = run([probe("kamailio", "41", 408, "10.0.0.21")]);
    expect(a.checklist.some((c) => c.includes("kamcmd dispatcher.list"))).toBe(true);
    expect(a.checklist.some((c) => c.includes("opensips-cli"))).toBe(false);
  });

  it("says every probed destination of the set failed before the proxy's own 503", () => {
    const a = run([
      probe("opensips", "41", 408, "10.0.0.21"),
      probe("opensips", "51", 503, "10.0.0.22"),
      REPLY,
    ]);
    expect(a.failingComponent).toMatch(/^10\.0\.0\.21:5060, which never answered the OPTIONS/);
    expect(a.failingComponent).toContain(
      "every destination of dispatcher set 1 the log shows probed failed its probe (10.0.0.21:5060 timed out, 10.0.0.22:5060 answered 503), so the proxy had none left and answered the call's 503 itself (line 3)",
    );
  });

  it("says nothing of the set when no 503 of the proxy's own follows", () => {
    const a = run([probe("opensips", "41", 408, "10.0.0.21"), probe("opensips", "51", 503, "10.0.0.22")]);
    expect(a.failingComponent).not.toContain("dispatcher set");
  });
});
