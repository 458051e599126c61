// A Teams card offers each entry once: one that is both another meaning of the number and a
// related code, or a related code and one of the other meanings shown below it, gets one button,
// as the Slack card for the same question does.
import { describe, expect, it } from "vitest";
import { toAdaptiveCard } from "../../src/render/adaptive-card.js";
import type { Card } from "../../src/render/card.js";
import { respond } from "../../src/respond.js";
import { actionsOf, cardText } from "../adapters/teams/helpers.js";
import { catalog } from "../helpers/catalog.js";

const base: Card = {
  title: "ACS 500 General error",
  severity: "error",
  fields: [],
  sections: [{ heading: "What it means", text: "The service failed." }],
  checklist: [],
  links: [],
  others: [],
  entryId: "acs/500",
};

/** The entry ids the card's "open" buttons lead to, in the order they are shown. */
function opened(card: unknown): string[] {
  return actionsOf(card)
    .filter((a) => a.verb === "open")
    .map((a) => (a.data as { id: string }).id);
}

describe("a Teams card's open buttons", () => {
  it("show an entry listed as another meaning and as related once, under the other meanings", () => {
    const sip500 = { id: "sip/500", label: "SIP 500 Server Internal Error" };
    const card = toAdaptiveCard([
      {
        ...base,
        others: [sip500, { id: "http/500", label: "HTTP 500" }],
        links: [{ id: "acs/503", label: "ACS 503" }, sip500, { id: "acs/500", label: "itself" }],
      },
    ]);
    expect(opened(card)).toEqual(["sip/500", "http/500", "acs/503"]);
  });

  it("leave out the Related heading when every related code is already offered above", () => {
    const sip500 = { id: "sip/500", label: "SIP 500 Server Internal Error" };
    const card = toAdaptiveCard([{ ...base, others: [sip500], links: [sip500] }]);
    expect(opened(card)).toEqual(["sip/500"]);
    expect(cardText(card)).not.toContain("Related");
  });

  it("give a meaning below no bare Open button when a Related button already opens it", () => {
    const symptom = { id: "symptom/drop-32s", label: "Symptom: Call drops about 32 seconds after answer" };
    const other: Card = { ...base, title: symptom.label, compact: true, entryId: symptom.id };
    const fresh: Card = { ...base, title: "Another", compact: true, entryId: "symptom/other" };
    const card = toAdaptiveCard([{ ...base, links: [symptom] }, other, fresh]);
    const open = actionsOf(card).filter((a) => a.verb === "open");
    expect(open.map((a) => [(a.data as { id: string }).id, a.title])).toEqual([
      [symptom.id, symptom.label],
      ["symptom/other", "Open"],
    ]);
    expect(cardText(card)).toContain(symptom.label); // the meaning itself is still shown
  });

  it.each(["500/0", "acs 500", "call dropped after 10 seconds", "503", "486"])(
    "never repeat an entry for %j",
    (question) => {
      const ids = opened(toAdaptiveCard(respond(catalog(), question, "teams").cards));
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});

describe("a related code left out for room", () => {
  it("still gets its Open button on the meaning below", () => {
    const links = Array.from({ length: 6 }, (_, i) => ({ id: `sip/${480 + i}`, label: `SIP ${480 + i}` }));
    const sixth: Card = { ...base, title: "SIP 485", compact: true, entryId: "sip/485" };
    const ids = opened(toAdaptiveCard([{ ...base, links }, sixth]));
    expect(ids).toEqual(["sip/480", "sip/481", "sip/482", "sip/483", "sip/484", "sip/485"]);
  });
});
