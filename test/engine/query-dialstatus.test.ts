// Asterisk Dial() statuses that carry no cause: said honestly, with where the cause is logged.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const VAR = (name: string) => `\${${name}}`;
const ask = (q: string) => explain(catalog(), q);
const text = (q: string) => cardsToText(explainCards(ask(q)));

describe("DIALSTATUS looked up", () => {
  it.each([
    "DIALSTATUS=CHANUNAVAIL",
    "dialstatus chanunavail",
    `${VAR("DIALSTATUS")}: CHANUNAVAIL`,
    "CHANUNAVAIL",
  ])("%s says the channel could not be created and where the cause is", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    const out = text(q);
    expect(out).not.toContain("Nothing in the catalog matches");
    expect(out).toContain("no dialled channel could be created or reached");
    expect(out).toContain(VAR("HANGUPCAUSE"));
    expect(out).toContain("Unable to create channel of type");
    expect(out).toContain("Related: Q.850 cause 20 Subscriber absent");
    // No code is invented for it.
    expect(r.note).not.toMatch(/cause \d/);
  });

  it("answers ANSWER and CANCEL without a code card", () => {
    expect(ask("DIALSTATUS=ANSWER").note).toMatch(/^DIALSTATUS=ANSWER means Dial\(\) succeeded/);
    const cancel = ask("DIALSTATUS=CANCEL");
    expect(cancel.note).toMatch(/caller hung up before the call was answered/);
    expect(cancel.suggestions.map((e) => e.id)).toEqual(["sip/487"]);
  });

  it("leaves the statuses that stand for one cause to the scanner", () => {
    expect(ask("DIALSTATUS=CONGESTION").results[0]?.id).toBe("q850/34");
    expect(ask("DIALSTATUS=BUSY").results[0]?.id).toBe("q850/17");
    expect(ask("cancel").results[0]?.id).toBe("sip/487");
  });
});
