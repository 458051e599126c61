// Reply bodies reuse the stored JSON of cached cards: the text sent must be exactly what
// JSON.stringify would give, with or without stored cards, and whatever the cards contain.
import { describe, expect, it } from "vitest";
import { storeJson, stringifyReply } from "../../../src/adapters/teams/serialized.js";

const card = (title: string) => ({
  type: "AdaptiveCard",
  version: "1.5",
  body: [{ type: "TextBlock", text: title, wrap: true }],
});
const reply = (...cards: object[]) => ({
  activities: cards.map((content, i) => ({
    type: "message",
    id: `a${i}`,
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content }],
  })),
});

describe("stringifyReply", () => {
  it("gives JSON.stringify's text for bodies with stored, unstored and no cards", () => {
    const stored = card('SIP 488 "Not Acceptable Here" \\ \u2028 ü');
    storeJson(stored);
    const fresh = card("ticked by Bob");
    for (const body of [
      reply(stored),
      reply(stored, fresh, stored),
      reply(fresh),
      { activities: [] },
      { status: 200 },
      null,
      { activities: [{ type: "typing" }, null, { attachments: "x" }] },
    ]) {
      expect(stringifyReply(body)).toBe(JSON.stringify(body));
    }
  });

  it("sends the stored JSON instead of serialising the card again", () => {
    const stored = card("SIP 503 Service Unavailable");
    storeJson(stored);
    // Cached cards are never changed; changing one here shows which text is sent.
    stored.body[0] = { type: "TextBlock", text: "changed after storing", wrap: true };
    const text = stringifyReply(reply(stored));
    expect(text).toContain("SIP 503 Service Unavailable");
    expect(text).not.toContain("changed after storing");
    expect(JSON.parse(text).activities[0].id).toBe("a0");
  });

  it("is not fooled by text that looks like a placeholder", () => {
    const stored = card("real card");
    storeJson(stored);
    const sneaky = card('"sipcode-card:0" sipcode-card:');
    const body = reply(sneaky, stored);
    expect(stringifyReply(body)).toBe(JSON.stringify(body));
  });
});
