// Everyday words: a named vendor gets its own entries or the standard ones, never another
// vendor's; on-call phrases get where to start; typos of commands run the command.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { explain } from "../../src/engine/explain.js";
import { route } from "../../src/engine/route.js";

const catalog = loadCatalog();
const ids = (q: string) => explain(catalog, q).results.map((e) => e.id);

describe("a named vendor", () => {
  it("never answers Webex or Exotel words with another vendor's entry", () => {
    for (const q of [
      "webex calls drop",
      "mobius call dropped",
      "exotel calls dropping",
      "exotel calls fail",
    ]) {
      const found = ids(q);
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((id) => id.startsWith("acs/"))).toBe(false);
    }
    expect(ids("exotel calls fail").some((id) => id.startsWith("mobius/"))).toBe(false);
  });

  it("leads a Webex call drop with the Mobius call keepalive, then the standard drops", () => {
    const r = explain(catalog, "webex calls drop");
    expect(r.results[0]?.id).toBe("timer/mobius-call-keepalive");
    expect(r.results.slice(1).every((e) => e.namespace === "symptom")).toBe(true);
  });

  it("leads Webex phones not registering with Mobius registration errors", () => {
    expect(ids("webex phones not registering")[0]).toMatch(/^mobius\/.*regist/);
  });

  it("says Exotel has no entry of its own and gives the standard meanings", () => {
    const r = explain(catalog, "exotel calls fail");
    expect(r.note).toMatch(/^Exotel has no entry of its own/);
    expect(r.results[0]?.id).toBe("sip/403");
  });

  it("still opens the named vendor's own card", () => {
    expect(ids("mobius registration failed")).toEqual(["mobius/503-registration"]);
    expect(ids("webex device not registering")).toEqual(["mobius/403-112"]);
  });
});

describe("everyday phrases", () => {
  it.each([
    ["trunk down", "sip/503"],
    ["sip trunk down", "sip/503"],
    ["calls going straight to voicemail", "sip/480"],
    ["call goes to voicemail immediately", "sip/480"],
    ["calls ring forever", "q850/19"],
    ["firewall blocking rtp", "symptom/no-audio-both-ways"],
    ["tls handshake failed", "sip/503"],
    ["emergency calls failing", "sip/380"],
    ["ulaw", "symptom/codec-g711-alaw-required"],
    ["CANCEL", "sip/487"],
    ["no sound", "symptom/no-audio-both-ways"],
  ])("%s starts with %s", (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });

  it("never answers X not working with DTMF unless X is DTMF", () => {
    for (const q of ["voicemail not working", "video not working", "hold not working", "911 not working"])
      expect(ids(q)).not.toContain("symptom/dtmf-not-detected");
    expect(ids("dtmf not working")[0]).toBe("symptom/dtmf-not-detected");
  });

  it("puts standard codes before a vendor's when no vendor is named", () => {
    expect(ids("call rejected by user")[0]).toMatch(/^(sip|q850)\//);
    expect(ids("number not in service")[0]).toMatch(/^(sip|q850)\//);
  });
});

describe("dial status in any case", () => {
  it("reads dialstatus=busy as DIALSTATUS=BUSY", () => {
    expect(ids("dialstatus=busy")).toEqual(ids("DIALSTATUS=BUSY"));
    expect(ids("dialstatus=busy")).toEqual(["q850/17"]);
    expect(ids("Dialstatus: congestion")).toEqual(["q850/34"]);
    expect(ids("dialstatus=noanswer")).toEqual(["q850/19"]);
  });
});

describe("typos of help and scan", () => {
  it.each(["hepl", "hlep", "HLEP"])("%s is help", (q) => {
    expect(route(q).type).toBe("help");
  });

  it("scna and sacn scan what follows", () => {
    expect(route("scna trace.log")).toEqual({ type: "scan", text: "trace.log", asked: true });
    expect(route("sacn").type).toBe("scan");
  });

  it("keeps English words as questions", () => {
    for (const q of ["hell", "held", "scam calls", "span 100", "scar"]) expect(route(q).type).toBe("explain");
  });

  it("tells the CLI user which command a scan typo meant", () => {
    const r = explain(catalog, "scna trace.log");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("sipcode scan trace.log");
  });
});
