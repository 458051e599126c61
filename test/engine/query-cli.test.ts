// The query path as a terminal user meets it: search with and without words, and echoed input.
import { describe, expect, it } from "vitest";
import { main } from "../../src/adapters/cli/main.js";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { catalog } from "../helpers/catalog.js";
import { memoryIo } from "../helpers/io.js";

async function run(args: string[]) {
  const io = memoryIo("");
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("sipcode search", () => {
  it("is a usage error without words, with a sentence saying what to type", async () => {
    for (const args of [["search"], ["search", ""], ["search", "  "], ["search", "--json"]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^sipcode: search needs .*sipcode search/);
      expect(r.out).toBe("");
    }
  });

  it("lists the entry that carries a number as its code", async () => {
    const r = await run(["search", "488"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toMatch(/^sip\/488 +SIP 488 Not Acceptable Here$/);
    const json = JSON.parse((await run(["search", "488", "--json"])).out) as {
      query: string;
      kind: string;
      results: Array<{ id: string; namespace: string; code: number; subcode: number | null; score: number }>;
    };
    expect(json).toMatchObject({ query: "488", kind: "search" });
    expect(json.results.map((x) => x.id)).toContain("sip/488");
    const hit = json.results.find((x) => x.id === "sip/488");
    expect(hit).toMatchObject({ namespace: "sip", code: 488, subcode: null });
    // Scores are rounded for reading, not printed with every float digit.
    for (const r of json.results) expect(String(r.score)).toMatch(/^\d+(?:\.\d{1,3})?$/);
  });
});

describe("sipcode search beyond titles and aliases", () => {
  it.each([
    ["fax", "sip/488"],
    ["t38", "sip/488"],
    ["srtp", "sip/488"],
    ["nat", "symptom/one-way-audio"],
    ["sip alg", "symptom/one-way-audio"],
    ["firewall", "symptom/one-way-audio"],
    ["exotel ports", "exotel/pre-support-checklist"],
  ])("%s lists %s among entries that discuss it", async (words, id) => {
    const r = await run(["search", ...words.split(" ")]);
    expect(r.code).toBe(0);
    const listed = r.out.split("\n").map((l) => l.split(/\s+/)[0]);
    expect(listed).toContain(id);
    expect(listed.length).toBeGreaterThan(1);
  });

  it("lists title and alias matches before description matches", async () => {
    const r = await run(["search", "codec"]);
    const listed = r.out.split("\n").map((l) => l.split(/\s+/)[0]);
    expect(listed[0]).toBe("symptom/codec-mismatch");
    expect(listed).toContain("symptom/codec-g711-alaw-required");
    expect(listed).toContain("sip/488");
  });
});

describe("echoed queries", () => {
  it.each([
    ["\u001b[31mfoo", "foo"],
    ["\u001b]0;title\u0007foo", "foo"],
    ["fo\u0000o\u0007", "fo o"],
    ["abc\u202edcba", "abc dcba"],
  ])("%j is echoed without control characters", async (q, shown) => {
    const r = await run([q]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(CONTROL);
    expect(r.out).toContain(`No entry for "${shown}"`);
    const json = JSON.parse((await run([q, "--json"])).out) as { query: string };
    expect(json.query).toBe(shown);
  });

  it("keeps card titles clean for every surface", () => {
    const [card] = explainCards(explain(catalog(), "\u001b[2J\u001b[Hwhat\u0008 is this"));
    expect(card?.title).not.toMatch(CONTROL);
  });
});
