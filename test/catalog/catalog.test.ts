// Pedantic data tests: schema, ids, order, references, seed coverage and the IANA registry.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CATALOG_FILES,
  checkInvariants,
  compareEntries,
  defaultCatalogDir,
  parseCatalogFile,
} from "../../src/catalog/load.js";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const IANA = [
  100, 180, 181, 182, 183, 199, 200, 202, 204, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405, 406,
  407, 408, 410, 412, 413, 414, 415, 416, 417, 420, 421, 422, 423, 424, 425, 428, 429, 430, 433, 436, 437,
  438, 439, 440, 469, 470, 480, 481, 482, 483, 484, 485, 486, 487, 488, 489, 491, 493, 494, 500, 501, 502,
  503, 504, 505, 513, 555, 580, 600, 603, 604, 606, 607, 608,
];

interface SeedCode {
  seed: string;
  namespace: string;
  code: number;
  subcode: number | null;
  query: string;
}
const seedCodes: SeedCode[] = JSON.parse(readFileSync("test/fixtures/seed-codes.json", "utf8")).codes;

describe("catalog files", () => {
  const dir = defaultCatalogDir();
  const files = CATALOG_FILES.map((name) => {
    const parsed = parseCatalogFile(name, readFileSync(`${dir}/${name}`, "utf8"));
    return { name, parsed };
  });

  it.each(files.map((f) => [f.name, f.parsed] as const))(
    "%s is valid against the schema",
    (_name, parsed) => {
      expect(parsed.problems).toEqual([]);
    },
  );

  it("has unique ids, sorted files and resolvable related ids", () => {
    const ok = files.flatMap((f) => (f.parsed.file ? [{ name: f.name, file: f.parsed.file }] : []));
    expect(checkInvariants(ok)).toEqual([]);
    for (const { file } of ok) {
      const sorted = [...file.entries].sort(compareEntries).map((e) => e.id);
      expect(file.entries.map((e) => e.id)).toEqual(sorted);
    }
  });

  it("refuses to boot on invalid data", () => {
    const broken = parseCatalogFile(
      "x.json",
      JSON.stringify({ family: "x", description: "x", entries: [{ id: "sip/1" }] }),
    );
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(parseCatalogFile("x.json", "{not json").problems[0]).toMatch(/not valid JSON/);
  });

  it("cites a source on every entry", () => {
    for (const e of catalog().entries) expect(e.sources.length, e.id).toBeGreaterThan(0);
  });
});

describe("coverage", () => {
  it("holds the complete IANA SIP response-code registry (75 codes) with the defining RFC", () => {
    const iana = catalog()
      .entries.filter((e) => e.namespace === "sip" && e.iana)
      .map((e) => e.code);
    expect(iana).toEqual(IANA);
    expect(IANA).toHaveLength(75);
    for (const code of IANA)
      expect(catalog().byId.get(`sip/${code}`)?.definedBy, `sip/${code}`).toMatch(/^RFC \d+/);
  });

  it("uses the current registry names and keeps former names as aliases", () => {
    const e436 = catalog().byId.get("sip/436");
    const e437 = catalog().byId.get("sip/437");
    expect(e436?.title).toBe("Bad Identity Info");
    expect(e437?.title).toBe("Unsupported Credential");
    expect(e437?.aliases).toContain("Unsupported Certificate");
  });

  it("answers every seed code with its own entry", () => {
    expect(seedCodes.length).toBeGreaterThan(200);
    const missing: string[] = [];
    for (const s of seedCodes) {
      const r = explain(catalog(), s.query);
      const hit = r.results.some(
        (e) => e.namespace === s.namespace && e.code === s.code && e.subcode === s.subcode,
      );
      if (!hit) missing.push(`${s.query} (${s.seed})`);
    }
    expect(missing).toEqual([]);
  });

  it("covers all 77 SIP codes named in the seeds, including 402, 409 and 411", () => {
    const sip = new Set(seedCodes.filter((s) => s.namespace === "sip").map((s) => s.code));
    expect(sip.size).toBe(77);
    for (const c of [402, 409, 411]) expect(sip.has(c)).toBe(true);
  });

  it("keeps the exact Mobius log messages and the dependency each names", () => {
    const reg = catalog().byId.get("mobius/503-registration");
    const deps = new Map(reg?.logMessages.map((m) => [m.text, m.dependency]));
    expect(deps.get("Failed to add device: {} in sorted set")).toBe("Redis");
    expect(deps.get("OBP resolution failed")).toBe("OBP");
    expect(
      deps.get("Received Client Exception from Provisioning Client while querying Browser Client Id."),
    ).toBe("CPAPI");
    expect(deps.get("No more retries left, failed to setup connection with all remote hosts")).toBe("SSE");
  });

  it("flags conflicting facts as unverified", () => {
    expect(catalog().byId.get("mobius/403-121")?.unverified).toMatch(/SDK/);
    expect(catalog().byId.get("acs/487-540487")?.unverified).toMatch(/497/);
    expect(catalog().byId.get("exotel/1010")?.unverified).toBeTruthy();
  });

  it("notes where FreeSWITCH and Asterisk map cause 21 differently", () => {
    const notes = catalog().byId.get("q850/21")?.notes ?? [];
    const fs = notes.find((n) => n.context === "FreeSWITCH")?.text ?? "";
    const ast = notes.find((n) => n.context === "Asterisk")?.text ?? "";
    expect(fs).toMatch(/603/);
    expect(ast).toMatch(/403/);
  });

  it("links the cross-namespace pairs on-call engineers look for", () => {
    const rel = (id: string) => catalog().byId.get(id)?.related ?? [];
    expect(rel("mobius/403-118")).toContain("sip/488");
    expect(rel("mobius/403-115")).toContain("sip/486");
    expect(rel("mobius/403-119")).toEqual(expect.arrayContaining(["sip/403", "sip/603"]));
    expect(rel("acs/487-10004")).toContain("sip/487");
  });
});

describe("catalog/schema.json", () => {
  it("matches the zod schema it is generated from (npm run schema)", async () => {
    const { z } = await import("zod");
    const { CatalogFile } = await import("../../src/catalog/schema.js");
    const expected = {
      ...z.toJSONSchema(CatalogFile, { io: "input", target: "draft-2020-12" }),
      title: "sipcode catalog file",
    };
    expect(JSON.parse(readFileSync("catalog/schema.json", "utf8"))).toEqual(expected);
  });
});
