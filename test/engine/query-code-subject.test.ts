// A failure code typed among a few words is the subject of the question: its meanings come first,
// and an entry the words name elsewhere follows them rather than replacing them.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);
const text = (q: string) => cardsToText(explainCards(ask(q)));

describe("a code with a few words", () => {
  it.each([
    ["registration failed 403", "sip/403"],
    ["trunk registration failed 403", "sip/403"],
    ["hold failed 491", "sip/491"],
    ["transfer failed 405", "sip/405"],
    ["re-invite failed 488", "sip/488"],
    ["options ping 503", "sip/503"],
    ["registration failed 429", "sip/429"],
  ])("%s leads with %s", (q, id) => {
    expect(ids(q)[0]).toBe(id);
    expect(text(q).split("\n")[0]).toMatch(/^SIP \d{3} /);
  });

  it("keeps every meaning of the code before the entries the words name", () => {
    const all = ids("403");
    const got = ids("CPAPI timeout 403");
    expect(got.slice(0, all.length).sort()).toEqual([...all].sort());
    expect(got.slice(all.length)).toEqual(["mobius/503-registration"]);
    const r = ask("CPAPI timeout 403");
    expect(r.note).toContain('"cpapi timeout" also names Webex Calling (Mobius) 503');
    // The "same number also means" list stays about 403, not about the 503 the words named.
    expect(r.others.every((e) => e.code === 403)).toBe(true);
  });

  it("lists what the words name as other meanings", () => {
    expect(ids("re-invite failed 488")).toContain("symptom/call-drops-at-session-refresh");
    expect(ids("options ping 503")).toContain("timer/sip-options-ping");
    expect(ids("hold failed 491")).toContain("mobius/403-121");
    expect(text("hold failed 491")).toMatch(/Other meanings[\s\S]*Mid Call Request Rejected/);
  });

  it("keeps an unknown code the subject, the words' entries suggested", () => {
    const r = ask("registration failed 475");
    expect(r.kind).toBe("unknown");
    expect(r.note).toMatch(/^SIP 475 is not a registered response code/);
    expect(r.suggestions.map((e) => e.id)).toContain("sip/401");
    expect(ask("CPAPI timeout 475").suggestions.map((e) => e.id)).toContain("mobius/503-registration");
  });

  it.each([
    ["register 403", "sip/403"],
    ["403 on registration", "sip/403"],
    ["why do I get 488 on re-invite", "sip/488"],
    ["call failed 480", "sip/480"],
    ["exotel trunk 403", "sip/403"],
    ["teams direct routing 488", "sip/488"],
    ["ms teams 480", "acs/480"],
    ["call drops after 30 min", "symptom/call-drops-at-session-refresh"],
    ["one way audio after 200 ok", "symptom/one-way-audio"],
    ["audio drops after 180 seconds", "symptom/audio-drops-after-answer"],
  ])("%s still answers %s first", (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });
});
