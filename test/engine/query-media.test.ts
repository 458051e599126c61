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

  it.each([
    ["mos 4.4", /^MOS 4\.4 is good: .*very satisfied, no sign of a media fault\./],
    ["mos 4.1", /^MOS 4\.1 is good: .*users satisfied/],
    ["mos 3.8", /^MOS 3\.8 is fair: .*some users dissatisfied/],
    ["mos 3.2", /^MOS 3\.2 is poor: .*many users dissatisfied/],
    ["mos 2.0", /^MOS 2\.0 is bad/],
    ["mos 45", /^MOS 45 is outside .*scale from 1 \(bad\) to 5/],
  ])("judges %s on ITU-T G.107's user-satisfaction bands before anything else", (q, verdict) => {
    expect(ask(q).note).toMatch(verdict);
  });

  it("says jitter under one packet interval and loss under 1 % are low, before the symptom's meaning", () => {
    expect(ask("jitter 2 ms").note).toMatch(
      /^Jitter of 2 ms is low: below one 20 ms packet interval.*no sign of a media fault/,
    );
    expect(ask("packet loss 0.1%").note).toMatch(
      /^Packet loss of 0\.1 % is low: .*one 20 ms packet every 20 s/,
    );
    // The symptom card stays, as context.
    expect(ask("jitter 2 ms").results[0]?.id).toBe("symptom/choppy-audio");
  });

  it("puts larger jitter and loss in packets instead of calling them healthy", () => {
    const jitter = ask("jitter 45 ms").note ?? "";
    expect(jitter).not.toMatch(/is low|no sign of a media fault/);
    expect(jitter).toMatch(
      /2\.3 packet intervals of 20 ms: the receiver's jitter buffer must hold at least that much/,
    );
    const loss = ask("packet loss 5 %").note ?? "";
    expect(loss).not.toMatch(/is low|no sign of a media fault/);
    expect(loss).toMatch(/one packet lost every 400 ms/);
  });

  it("reads a jitter buffer's size as a setting of the receiver, not as measured jitter", () => {
    const r = ask("jitter buffer 60 ms");
    expect(r.results[0]?.id).toBe("symptom/choppy-audio");
    expect(r.note).toMatch(/A jitter buffer of 60 ms is the receiver's buffer size, not measured jitter/);
    expect(r.note).not.toMatch(/Jitter of 60 ms/);
  });
});
