// The dumps of the two legs of one FreeSWITCH bridge name each other somewhere: a B-leg's uuid_dump
// gives the event's Hangup-Cause before its Other-Leg-Unique-ID, and an A-leg's bridge_uuid may come
// after its causes. Read with the rest of the dump below the line, the link counts wherever the dump
// holds it; another call's dump after it lends nothing.
import { describe, expect, it } from "vitest";
import { BOTH_LEGS, ChannelDumps } from "../../src/engine/scan/channel-dumps.js";
import type { Finding } from "../../src/engine/scan/finding.js";
import type { Hit } from "../../src/engine/scan/hit.js";

const A = "6c1f0a52-3b8e-4f7a-9d2c-1a2b3c4d5e6f";
const B = "9a8b7c6d-5e4f-4a3b-8c2d-0e1f2a3b4c5d";

/** The cause 41 a dump line gives, as the scanner's detectors would. */
function causeOf(line: string): Hit | undefined {
  if (!/^(?:Hangup-Cause: |variable_(?:sip_term_cause|bridge_hangup_cause): )/.test(line)) return undefined;
  return {
    namespace: "q850",
    code: 41,
    subcode: null,
    at: 0,
    len: 2,
    confidence: 0.9,
    detector: "cause-name",
  };
}

/** The findings a store keeps for `lines`: the dumps drop a code one leg already gave. */
function kept(lines: string[], lookAhead = true): Finding[] {
  const dumps = new ChannelDumps();
  const out: Finding[] = [];
  lines.forEach((line, i) => {
    const h = causeOf(line);
    if (!h) return;
    const above = (n: number) => lines.slice(Math.max(0, i - n), i).reverse();
    const below = (n: number) => lines.slice(i + 1, i + 1 + n);
    if (dumps.repeats(h, i + 1, above, lookAhead ? below : undefined)) return;
    const f = {
      namespace: "q850",
      code: 41,
      subcode: null,
      id: "q850/41",
      line: i + 1,
      text: line,
    } as Finding;
    dumps.see(h, f);
    out.push(f);
  });
  return out;
}

/** uuid_dump's plain form of one hung-up leg: the event's cause, then `links`, then its variables. */
function dump(uuid: string, links: string[], tail: string[] = []): string[] {
  return [
    "Event-Name: CHANNEL_DATA",
    "Channel-State: CS_HANGUP",
    `Unique-ID: ${uuid}`,
    "Hangup-Cause: NORMAL_TEMPORARY_FAILURE",
    ...links,
    "variable_sip_term_cause: 41",
    "variable_read_codec: PCMU",
    ...tail,
  ];
}

describe("FreeSWITCH dumps of both legs of one bridge, linked below their codes", () => {
  it("count the shared cause once when the B-leg names the A-leg after its Hangup-Cause", () => {
    const found = kept([...dump(A, []), ...dump(B, [`Other-Leg-Unique-ID: ${A}`])]);
    expect(found.map((f) => f.line)).toEqual([4]);
    expect(found[0]?.legs).toBe(BOTH_LEGS);
  });

  it("count it once when the second dump names the first only after all its causes", () => {
    const found = kept([...dump(A, []), ...dump(B, [], [`variable_originating_leg_uuid: ${A}`])]);
    expect(found).toHaveLength(1);
  });

  it("keep two calls apart when the link below belongs to the next call's dump", () => {
    const C = "11111111-2222-4333-8444-555555555555";
    const found = kept([...dump(A, []), ...dump(B, []), ...dump(C, [`Other-Leg-Unique-ID: ${B}`])]);
    // The third dump is B's other leg: A's dump stays a call of its own.
    expect(found.map((f) => f.line)).toEqual([4, 10]);
    expect(found.map((f) => f.legs)).toEqual([undefined, BOTH_LEGS]);
  });

  it("keep two unrelated calls apart when neither dump names the other", () => {
    const found = kept([
      ...dump(A, ["Other-Leg-Unique-ID: 66666666-7777-4888-9999-000000000000"]),
      ...dump(B, []),
    ]);
    expect(found).toHaveLength(2);
    expect(found.some((f) => f.legs)).toBe(false);
  });

  it("read only the lines above when none below are given", () => {
    const found = kept([...dump(A, []), ...dump(B, [`Other-Leg-Unique-ID: ${A}`])], false);
    expect(found).toHaveLength(2);
  });
});
