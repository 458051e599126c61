// Typed questions: short national phone numbers are masked when echoed, a dropped call lists the
// media timeout among its meanings, a drop at 6-27 s names its candidates in order, and a bare
// code/subcode pair with subcode 0 opens ACS's general entry.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);

describe("a short national phone number is echoed masked", () => {
  it.each([
    ["030 901820", "030 ••••20"],
    ["01 23 45 67 89", "01 2• •• •• 89"],
    ["030-901820", "030-••••20"],
  ])("%s is shown as %s", (typed, masked) => {
    const r = ask(typed);
    expect(r.query).toBe(masked);
    expect(r.note).toContain("phone number");
    expect(JSON.stringify(r)).not.toContain(typed);
  });

  it("is masked in a sentence too, and the code after it is still read", () => {
    const r = ask("calling 01 23 45 67 89 gives 486");
    expect(r.query).toBe("calling 01 2• •• •• 89 gives 486");
    expect(r.results[0]?.id).toBe("sip/486");
    expect(JSON.stringify(ask("call to 030 901820 failed"))).not.toContain("901820");
  });

  it("leaves versions and times as typed", () => {
    expect(ask("asterisk 18.20.1 486").query).toBe("asterisk 18.20.1 486");
    expect(ask("2024-03-05T14:22:31Z 486").query).toBe("2024-03-05T14:22:31Z 486");
  });
});

describe("a dropped call", () => {
  it.each(["call dropped", "calls dropping", "dropped calls"])(
    "%s lists the media timeout after the other drops and before the vendor entries",
    (q) => {
      const found = ids(q);
      const media = found.indexOf("symptom/audio-drops-after-answer");
      expect(media).toBeGreaterThan(found.indexOf("symptom/call-drops-at-session-refresh"));
      expect(media).toBeGreaterThan(found.indexOf("symptom/call-drops-after-32-seconds"));
      expect(media).toBeLessThan(found.indexOf("acs/410-3101"));
    },
  );
});

describe("a call that drops 6-27 s after answer", () => {
  it("names a BYE first, then a short media timeout, then the missing ACK, and what tells them apart", () => {
    const r = ask("call drops after 10 seconds");
    expect(r.note).toMatch(/fits no usual timer clearly/);
    const note = (r.note ?? "").split("In order of likelihood")[1] ?? "";
    const bye = note.indexOf("a BYE one side sent");
    const media = note.indexOf("media (no-RTP) timeout");
    const ack = note.indexOf("the missing ACK");
    expect(bye).toBeGreaterThan(-1);
    expect(bye).toBeLessThan(media);
    expect(media).toBeLessThan(ack);
    expect(note).toMatch(/who sent it and its Reason header/);
    expect(note).toMatch(/whether the ACK for the 200 OK arrived/);
    expect(note).toMatch(/20-60 s/);
    expect(note.indexOf("the missing ACK")).toBeGreaterThan(-1);
    // The cards follow the same order: Q.850 16, what such a BYE carries, first.
    expect(r.results.map((e) => e.id)).toEqual([
      "q850/16",
      "symptom/audio-drops-after-answer",
      "symptom/call-drops-after-32-seconds",
    ]);
  });

  it("puts a media timeout first from 20 s, the low end of its usual setting", () => {
    const note = (ask("calls drop after 25 s").note ?? "").split("In order of likelihood")[1] ?? "";
    expect(note.indexOf("media (no-RTP) timeout")).toBeLessThan(note.indexOf("a BYE one side sent"));
  });

  it("keeps the other bands", () => {
    expect(ask("call drops after 3 seconds").note).toMatch(/BYE, not a timer/);
    expect(ids("call drops after 32 seconds")).toEqual(["symptom/call-drops-after-32-seconds"]);
    expect(ask("call drops after 45 seconds").note).toMatch(/most often a media timeout/);
  });
});

describe("a code/subcode pair with subcode 0 and no family named", () => {
  it.each(["500/0", "503/0"])("%s opens ACS's general entry, as with acs before it", (q) => {
    const r = ask(q);
    const code = q.split("/")[0];
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual([`acs/${code}`]);
    expect(r.note).toMatch(/general ACS/);
    expect(ask(`acs ${q}`).results.map((e) => e.id)).toEqual([`acs/${code}`]);
  });

  it("keeps a pair ACS lists as its own row", () => {
    expect(ids("487/0")).toEqual(["acs/487-0"]);
  });
});
