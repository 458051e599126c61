// Checklist state that lives in the message: refs that rebuild cards (queries, signed snapshots),
// and merging the toggles a client sends back with who ticked what and when.
import { describe, expect, it } from "vitest";
import { MAX_REF_CHARS, mergeTicks, RefCodec } from "../../../src/adapters/teams/cards.js";
import { RenderCache } from "../../../src/adapters/teams/render-cache.js";
import { route } from "../../../src/engine/route.js";
import type { Card } from "../../../src/render/card.js";
import { respond } from "../../../src/respond.js";
import { catalog } from "../../helpers/catalog.js";

const NOW = new Date("2025-03-01T02:10:00.456Z");
const card = (over: Partial<Card> = {}): Card => ({
  title: "First failure: SIP 488 Not Acceptable Here",
  severity: "error",
  fields: [],
  sections: [{ heading: "Timeline", items: ["✗ SIP 488 — line 3"] }],
  checklist: ["a", "b", "c"],
  links: [],
  others: [],
  ...over,
});

describe("mergeTicks", () => {
  it("stamps newly ticked items with who and when (no milliseconds)", () => {
    expect(mergeTicks(3, { "check-0": "true", "check-1": "false", "check-2": true }, "Bob", NOW)).toEqual({
      "0": { by: "Bob", at: "2025-03-01T02:10:00Z" },
      "2": { by: "Bob", at: "2025-03-01T02:10:00Z" },
    });
  });

  it("keeps earlier ticks as they were and clears unticked ones", () => {
    const ticks = {
      "0": { by: "Alice", at: "2025-02-28T23:00:00Z" },
      "1": { by: "Alice", at: "2025-02-28T23:00:00Z" },
    };
    expect(
      mergeTicks(3, { ticks, "check-0": "true", "check-1": "false", "check-2": "true" }, "Bob", NOW),
    ).toEqual({
      "0": { by: "Alice", at: "2025-02-28T23:00:00Z" },
      "2": { by: "Bob", at: "2025-03-01T02:10:00Z" },
    });
  });

  it("keeps the previous state for toggles the client did not send, and ignores items past the list", () => {
    const ticks = { "1": { by: "Alice", at: "2025-02-28T23:00:00Z" }, "7": { by: "Mallory", at: "x" } };
    expect(mergeTicks(2, { ticks, "check-5": "true" }, "Bob", NOW)).toEqual({ "1": ticks["1"] });
  });

  it("names an anonymous ticker and bounds long names", () => {
    expect(mergeTicks(1, { "check-0": "true" }, "  ", NOW)["0"]?.by).toBe("someone");
    expect(mergeTicks(1, { "check-0": "true" }, "x".repeat(500), NOW)["0"]?.by.length).toBeLessThanOrEqual(
      64,
    );
  });
});

describe("RefCodec", () => {
  const codec = new RefCodec("secret-1");
  const c = catalog();

  it("needs no ref for cards without a checklist", () => {
    expect(codec.encode([card({ checklist: [] })], "help")).toBeUndefined();
  });

  it("rebuilds query answers by running the query again", () => {
    const ref = codec.encode(respond(c, "488", "teams").cards, "488");
    expect(ref).toBe("q:488");
    expect(codec.decode(c, ref, {})?.[0]?.title).toBe("SIP 488 Not Acceptable Here");
  });

  it("never carries a phone number from the query: the cards travel as a snapshot", () => {
    const line =
      "2024-05-01 10:00:00 [NOTICE] Hangup sofia/external/4155550199@10.0.0.9 [CS_EXECUTE] [USER_BUSY]";
    const cards = respond(c, line, "teams").cards;
    const ref = codec.encode(cards, line) ?? "";
    expect(ref).not.toContain("4155550199");
    expect(ref).toMatch(/^z:/);
    expect(codec.decode(c, ref, {})?.[0]?.title).toBe(cards[0]?.title);
  });

  it("keeps a pasted log's card as a signed snapshot, without the paste", () => {
    const ref = codec.encode([card()], null) ?? "";
    expect(ref).toMatch(/^z:[\w-]{22}\./);
    expect(codec.decode(c, ref, {})).toEqual([card()]);
    expect(new RefCodec("another-secret").decode(c, ref, {})).toBeNull();
  });

  it("rejects malformed, unknown and oversized refs", () => {
    for (const bad of [undefined, 42, "", "x:1", "z:", "z:abc.def", `q:${"4".repeat(MAX_REF_CHARS)}`]) {
      expect(codec.decode(c, bad, {}), String(bad).slice(0, 20)).toBeNull();
    }
  });

  it("shrinks the snapshot of a huge card to stay under the ref limit", () => {
    const noisy = (n: number) =>
      Array.from({ length: n }, (_, i) => `${i} ${Math.random().toString(36).repeat(8)}`);
    const big = card({
      sections: Array.from({ length: 20 }, (_, i) => ({
        heading: `s${i}`,
        text: noisy(40).join(" "),
        items: noisy(40),
      })),
    });
    const ref = codec.encode([big], null);
    expect(ref?.length).toBeLessThanOrEqual(MAX_REF_CHARS);
    expect(codec.decode(c, ref, {})?.[0]?.checklist).toEqual(["a", "b", "c"]);
  });
});

describe("RenderCache", () => {
  const c = catalog();
  const cache = new RenderCache(c, new RefCodec("s"), {});

  it("renders an answer once per question, whatever the spacing of the command", () => {
    const a = cache.render(route("timers expires=3600"), "timers expires=3600");
    expect(cache.render(route("timers  expires=3600"), "timers  expires=3600")).toBe(a);
    expect(cache.render(route("488"), "488")).not.toBe(a);
  });

  it("renders pasted logs fresh every time (their text is never kept)", () => {
    const log = "SIP/2.0 488 Not Acceptable Here\nSIP/2.0 503 Service Unavailable";
    const a = cache.render(route(log), null);
    expect(a.cards[0]?.title).toMatch(/^First failure: SIP 488/);
    expect(cache.render(route(log), null)).not.toBe(a);
  });
});
