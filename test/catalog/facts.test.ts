// Facts the catalog states about itself and links between entries that must follow their sources.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultCatalogDir } from "../../src/catalog/load.js";
import { catalog } from "../helpers/catalog.js";

describe("catalog facts", () => {
  it("does not send a Mobius ROAP timeout (117) to SIP Timer B", () => {
    // ROAP is the client's offer/answer exchange with Mobius over HTTP, not a SIP INVITE
    // client transaction: Timer B has nothing to do with it.
    const related = catalog().byId.get("mobius/503-117")?.related ?? [];
    expect(related).not.toContain("timer/b");
    expect(related).toContain("symptom/call-setup-slow");
  });

  it("names in catalog/README.md every SIP code sip.json holds outside the IANA registry", () => {
    const readme = readFileSync(`${defaultCatalogDir()}/README.md`, "utf8");
    const row = readme.split("\n").find((l) => l.startsWith("| `sip.json`")) ?? "";
    const outside = (catalog().byNamespace.get("sip") ?? [])
      .filter((e) => e.code !== null && !e.iana)
      .map((e) => String(e.code));
    expect(outside.length).toBeGreaterThan(0);
    for (const code of outside) expect(row).toContain(code);
    expect(row).toMatch(/not registered SIP codes/);
  });
});
