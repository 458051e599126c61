// What free words, sentences and pasted lines answer: description matches only for specific words,
// partial matches never "found", timers by name, headers that are not codes, a namespace word in a
// sentence, words typed with a number, and unknown codes pointing across families.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { parseQuery } from "../../src/engine/query.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);

describe("ordinary words find nothing", () => {
  it.each([
    "hello",
    "Hello!",
    "hello there",
    "done",
    "go",
    "crash",
    "login",
    "three",
    "customer",
    "people",
    "making",
    "v2.0",
    "why",
    "how",
    "test",
    "down",
    "carrier",
    "pcap",
    "capture",
    "log",
    "trace",
    "incident",
    "where is the log",
    "thank you so much",
    "what can you do",
    "please help",
  ])("%s is unknown, with no description entries suggested", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.suggestions).toEqual([]);
  });

  it("never reads an e-mail address in the catalog as a topic", () => {
    expect(ids("hello")).not.toContain("exotel/support-ticket");
  });
});

describe("a word only descriptions use lists the entries that discuss it", () => {
  it.each([
    ["fax", ["sip/488", "q850/88"]],
    ["t38", ["sip/488"]],
    ["srtp", ["sip/488"]],
    ["sip alg", ["symptom/one-way-audio"]],
    ["nat", ["symptom/one-way-audio", "symptom/registration-flapping"]],
  ])("%s lists %j", (q, expected) => {
    const r = ask(q);
    expect(r.kind).toBe("ambiguous");
    expect(r.results.map((e) => e.id)).toEqual(expect.arrayContaining(expected));
    expect(r.note).toMatch(/^No entry is named ".*"; (this entry discusses|these entries discuss) it/);
  });

  it("puts the namespace's own entry first: exotel ports", () => {
    expect(ids("exotel ports")[0]).toBe("exotel/pre-support-checklist");
  });

  it.each(["t38", "srtp", "fax", "nat", "secret", "sleep", "voicemail", "outage"])(
    "%s is never a single confident answer",
    (q) => {
      expect(ask(q).kind).not.toBe("found");
    },
  );

  it("counts an entry named by one specific word and described by the others", () => {
    // "all" is filler and "busy" too common; "circuits" names Q.850 34 and is described by others.
    const r = ask("all circuits busy");
    expect(r.results[0]?.id).toBe("q850/34");
    expect(r.kind).toBe("ambiguous");
  });
});

describe("a partial match is offered, not found", () => {
  it.each([
    ["callers hear fast busy", "symptom/one-way-audio"],
    ["no dial tone", "symptom/no-ringback"],
    ["rtp not flowing", "symptom/ivr-audio-but-no-agent-audio"],
    ["sbc down", "acs/403-510403"],
    ["dial plan", "symptom/call-setup-slow"],
    ["srtp mismatch", "symptom/codec-mismatch"],
    ["RFC 3261", "symptom/dtmf-not-detected"],
  ])("%s → %s, ambiguous, with the note", (q, id) => {
    const r = ask(q);
    expect(r.kind).toBe("ambiguous");
    expect(r.results[0]?.id).toBe(id);
    if (r.results.length === 1) expect(r.note).toMatch(/not every word matched/);
  });

  it("still calls a match of every word found", () => {
    expect(ask("one way audio").kind).toBe("found");
    expect(ask("bussy here").kind).toBe("found");
  });
});

describe("a timer named among other words", () => {
  it.each([
    ["timer b fired on invite", "timer/b"],
    ["Timer B expired on INVITE to 10.0.0.5", "timer/b"],
    ["timer h fired after 200 ok", "timer/h"],
    ["timer c fired after 3 minutes", "timer/c"],
    ["why did timer b fire", "timer/b"],
    ["what is the timer for t1", "timer/t1"],
    ["t1 timer too short", "timer/t1"],
    ["session timer expired", "timer/session-expires"],
  ])("%s → %s", (q, id) => {
    const r = ask(q);
    expect(r.results[0]?.id).toBe(id);
    expect(r.kind).toBe("found");
  });

  it("reads the timer only when no number comes before it", () => {
    expect(ids("408 after timer b")[0]).toBe("sip/408");
    expect(parseQuery("timer c fired after 3 minutes")).toMatchObject({ type: "text", timer: "timer/c" });
  });

  it("keeps a whole alias that mentions a timer", () => {
    expect(ids("session timer drop")).toEqual(["symptom/call-drops-at-session-refresh"]);
  });

  it.each(["timer fired", "timer expired"])("%s lists timers first", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("ambiguous");
    expect(r.results[0]?.namespace).toBe("timer");
    expect(r.results.map((e) => e.id)).toEqual(expect.arrayContaining(["timer/b", "timer/f"]));
    expect(r.note).toMatch(/names no timer/);
  });
});

describe("typos only where a word is not a word of the catalog", () => {
  it("does not read 'fired' as 'fixed'", () => {
    expect(ids("timer fired")).not.toContain("symptom/call-drops-at-session-refresh");
    expect(ids("call drops at fixed interval")).toEqual(["symptom/call-drops-at-session-refresh"]);
  });

  it("swaps no letters in short words: lots is not lost", () => {
    expect(ids("lots of 408s")[0]).toBe("sip/408");
    expect(ask("pots").kind).toBe("unknown");
  });

  it("still finds a plural of a title word", () => {
    expect(ids("timeouts")).toContain("sip/408");
  });
});

describe("a namespace word prefers its own entries", () => {
  it("exotel not found: Exotel's own 'Not found' first, then SIP 404", () => {
    const r = ask("exotel not found");
    expect(r.results.map((e) => e.id)).toEqual(["exotel/1000", "sip/404"]);
  });
});

describe("a bare small number is a Q.850 cause question", () => {
  it.each(["10", "11", "12", "13", "15", "48"])("%s suggests nearby Q.850 causes of its class", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.suggestions.length).toBeGreaterThan(0);
    for (const e of r.suggestions) {
      expect(e.namespace).toBe("q850");
      expect(Math.abs((e.code ?? 0) - Number(q))).toBeLessThanOrEqual(10);
    }
    expect(r.note).toContain(`Q.850 has no cause ${q}`);
    expect(r.note).toMatch(/Other causes of that class are listed below/);
  });

  it("claims closest codes only when they are close", () => {
    for (const q of ["999", "1234567", "exotel 407", "acs 9999999"]) {
      expect(ask(q).note ?? "", q).not.toMatch(/closest/);
    }
  });
});

describe("a namespace word inside a sentence", () => {
  it.each([
    ["what is sip 480", "sip/480"],
    ["what does sip 503 mean", "sip/503"],
    ["what is http 429", "http/429"],
    ["what is q850 16", "q850/16"],
    ["the hangup cause 16 came back", "q850/16"],
    ["what does mobius 118 mean", "mobius/403-118"],
    ["what is acs 3112", "acs/410-3112"],
  ])("%s → %s", (q, id) => {
    const r = ask(q);
    expect(r.results.map((e) => e.id)).toEqual([id]);
    expect(r.kind).toBe("found");
  });

  it("reads 'cause' before a SIP-sized number as the verb", () => {
    expect(ids("what can cause 488")).toEqual(["sip/488"]);
  });

  it("reads 'status 429' as the code, not Q.850 STATUS", () => {
    const r = ask("status 429");
    expect(r.results[0]?.id).toBe("sip/429");
    expect(r.results.map((e) => e.id)).toContain("http/429");
  });

  it("answers SIP/2.0 alone like a query with no code or known words", () => {
    const r = ask("SIP/2.0");
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.note).toMatch(/couldn't find a code or any words I know/);
  });
});

describe("a pasted header or SDP line is not a code", () => {
  it.each([
    ["Expires: 600", "Expires", /registration or subscription/],
    ["Retry-After: 300", "Retry-After", /wait before trying again/],
    ["Retry-After: 120", "Retry-After", /wait before trying again/],
    ["CSeq: 102 INVITE", "CSeq", /sequence number/],
    ["Content-Length: 481", "Content-Length", /body in bytes/],
    ["Max-Forwards: 70", "Max-Forwards", /hops/],
    ["Session-Expires: 1800", "Session-Expires", /session timer/],
    ["Min-SE: 90", "Min-SE", /shortest session timer/],
    ["m=audio 49170 RTP/AVP 0 8 101", "m=", /SDP media line/],
    ["c=IN IP4 10.0.0.1", "c=", /SDP connection line/],
  ])("%s says which header it is", (q, header, says) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.parsed).toMatchObject({ type: "header", header });
    expect(r.note).toMatch(says);
    expect(cardsToText(explainCards(r))).toMatch(says);
  });

  it("says what Expires means and points at the timers calculator", () => {
    const r = ask("Expires: 600");
    expect(r.note).toContain("is a SIP header, not a code");
    expect(r.note).toContain("10 minutes");
    expect(r.note).toContain("`timers expires=600`");
  });
});

describe("words typed with a number keep SIP first unless they name another meaning", () => {
  it.each([
    ["403 register", "sip/403", "mobius/403-103"],
    ["403 on register", "sip/403", "mobius/403-103"],
    ["487 cancelled", "sip/487", "acs/487-0"],
    ["603 declined", "sip/603", "acs/603-0"],
    ["401 unauthorised", "sip/401", "http/401"],
    ["480 not registered", "sip/480", "acs/480"],
  ])("%s → %s, then %s", (q, first, second) => {
    expect(ids(q).slice(0, 2)).toEqual([first, second]);
  });

  it("says the first one is the most likely when the words fit the next", () => {
    expect(ask("403 register").note).toBe(
      '403 has 16 meanings; the most likely comes first, then the one that fits "register".',
    );
  });

  it.each([
    ["registration 503", "mobius/503-registration"],
    ["CI 401", "mobius/401-registration"],
    ["480 Remote endpoint not registered", "acs/480"],
    ["403 mobius register", "mobius/403-103"],
  ])("%s: an entry's own title, alias or vendor still leads (%s)", (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });
});

describe("unknown codes point across families", () => {
  it.each([
    ["exotel 407", "sip/407"],
    ["exotel 487", "sip/487"],
    ["mobius 486", "sip/486"],
    ["acs 16", "q850/16"],
    ["http 16", "q850/16"],
  ])("%s → %s", (q, id) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.suggestions[0]?.id).toBe(id);
  });

  it.each(["user_busy", "User_Busy"])("%s is USER_BUSY", (q) => {
    const r = ask(q);
    const upper = ask("USER_BUSY");
    expect(r.results.map((e) => e.id)).toEqual(upper.results.map((e) => e.id));
    expect(r.results[0]?.id).toBe("q850/17");
  });

  it.each([
    ["sip/499", "sip 499"],
    ["sip/999", "sip 999"],
    ["q850/52", "q850 52"],
  ])("the missing id %s answers like %s", (id, q) => {
    const a = ask(id);
    const b = ask(q);
    expect(a.kind).toBe(b.kind);
    expect(a.results.map((e) => e.id)).toEqual(b.results.map((e) => e.id));
    expect(a.note).toBe(b.note);
    expect(a.classEntry?.id).toBe(b.classEntry?.id);
  });

  it("keeps the cause-52 pointer for q850/52", () => {
    expect(ask("q850/52").note).toMatch(/Q\.850 has no cause 52\..*OUTGOING_CALL_BARRED/);
  });
});
