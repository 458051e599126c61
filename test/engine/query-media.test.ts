// A media measurement with its value (jitter, latency, round trip, ptime, packet loss, MOS) is a
// media question: the answer is the media symptom and what the value means, never a SIP timer.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("a media measurement", () => {
  it.each([
    ["high jitter 480 ms", "symptom/choppy-audio"],
    ["jitter 40 ms", "symptom/choppy-audio"],
    ["rtt 486 ms", "symptom/audio-delay"],
    ["latency 503ms on the trunk", "symptom/audio-delay"],
    ["ptime 30ms", "symptom/choppy-audio"],
    ["ptime 20 ms", "symptom/choppy-audio"],
    ["packet loss 5 %", "symptom/choppy-audio"],
    ["mos 3.2", "symptom/choppy-audio"],
    ["one way delay 300 ms", "symptom/audio-delay"],
  ])("%s is answered with the media symptom it is heard as (%s), not a timer", (q, id) => {
    const r = ask(q);
    expect(r.results.map((e) => e.id)).toEqual([id]);
    expect(r.note).toMatch(/media measurement, not a code or a SIP timer/);
    expect(r.note).not.toMatch(/\bT1\b|Timer [A-M]\b/);
  });

  it("reads delay against ITU-T G.114's one-way limits", () => {
    expect(ask("one way delay 120 ms").note).toMatch(/within the 150 ms one-way delay ITU-T G\.114/);
    expect(ask("rtt 486 ms").note).toMatch(/about 243 ms each way.*above the 150 ms/);
    expect(ask("latency 503ms").note).toMatch(/400 ms one-way delay ITU-T G\.114 calls unacceptable/);
    expect(ask("latency 503ms").note).toMatch(/as a round trip .*about 252 ms each way/);
  });

  it("says 20 ms is the usual packetisation and another ptime must suit both sides", () => {
    expect(ask("ptime 20 ms").note).toMatch(/usual packetisation interval/);
    expect(ask("ptime 30ms").note).toMatch(/not the usual 20 ms.*488 Not Acceptable Here/);
  });

  it("reads a time typed without its unit as ms and says so", () => {
    const r = ask("jitter 40");
    expect(r.results[0]?.id).toBe("symptom/choppy-audio");
    expect(r.note).toMatch(/40 is read as ms/);
  });

  it("keeps durations of signalling and call setup for the timers and the setup symptom", () => {
    expect(ask("486 ms").results[0]?.id).toBe("timer/t1");
    expect(ask("INVITE retransmitted after 486 ms").results[0]?.id).toBe("timer/t1");
    expect(ask("post dial delay 16 s").results[0]?.id).toBe("symptom/call-setup-slow");
    expect(ask("delay 5 s").results[0]?.id).toBe("symptom/call-setup-slow");
  });
});
