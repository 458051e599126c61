// ACS/Teams subcodes with a PSTN prefix the catalog lacks: lookups and scans say the SBC or
// carrier answered, as the ms-diagnostics answer does.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("PSTN subcodes the catalog lacks", () => {
  it.each(["560487", "acs 487/560487", "ms-diagnostics: 560487"])("%s explains the 560 prefix", (q) => {
    const r = explain(catalog(), q);
    expect(r.note).toMatch(
      /560 prefix means the final answer came from the operator or your own SBC on an outbound call/,
    );
    expect(r.suggestions.map((e) => e.id)).toContain("sip/487");
  });

  it("says a 540 prefix is an inbound call", () => {
    expect(explain(catalog(), "540480").note).toMatch(/540 prefix .* inbound call/);
  });

  it("points a scanned 480/560480 at the SBC or carrier", () => {
    const a = analyze(
      catalog(),
      scanText(
        catalog(),
        "[2024-06-01T10:14:00.000Z] Call cc7f state: Disconnected, callEndReason: { code: 480, subCode: 560480 }\n",
      ),
    );
    expect(a.failingComponent).toMatch(/^The SBC or carrier on the outbound PSTN leg/);
    expect(a.checklist[0]).toMatch(/SBC or carrier logs for the SIP 480/);
    expect(a.checklist.join("\n")).not.toMatch(/remote endpoint is signed in/);
  });
});
