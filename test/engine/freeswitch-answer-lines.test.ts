// FreeSWITCH's core logs "Channel [sofia/…] has been answered" at NOTICE level, so a log kept
// without DEBUG lines has it where mod_sofia's "[completed][200]" state is missing. A leg answered
// only by that line is answered: its cause 31 at hang-up is normal clearing, whatever state it hung
// up in; another channel's answer, or the answer of an earlier call on the channel, is not its own.
import { describe, expect, it } from "vitest";
import { AnsweredLegs } from "../../src/engine/answered-legs.js";

const CHANNEL = "sofia/gateway/carrier_a/+14155550123";
const answer = (t: string, channel = CHANNEL) =>
  `2024-03-05 ${t} [NOTICE] switch_channel.c:3989 Channel [${channel}] has been answered`;
const hangup = (t: string, state: string, channel = CHANNEL) =>
  `2024-03-05 ${t} [NOTICE] switch_channel.c:1142 Hangup ${channel} [${state}] [NORMAL_UNSPECIFIED]`;

/** Whether each hang-up of `lines` ended an answered leg, the answer lines given up front. */
function verdicts(lines: string[]): (boolean | undefined)[] {
  const all = lines.map((text, i) => ({ line: i + 1, text }));
  const legs = new AnsweredLegs(all.filter((l) => l.text.includes("has been answered")));
  return all.filter((l) => l.text.includes("Hangup ")).map((l) => legs.answered(l));
}

describe("FreeSWITCH's own answer line", () => {
  it("answers the leg it names, hung up outside CS_EXCHANGE_MEDIA", () => {
    expect(verdicts([answer("03:20:01.123456"), hangup("03:20:41.123456", "CS_EXECUTE")])).toEqual([true]);
  });

  it("answers an inbound leg too (sofia/internal/1000@10.0.0.5)", () => {
    const inbound = "sofia/internal/1000@10.0.0.5";
    const lines = [answer("03:20:01.123456", inbound), hangup("03:20:41.123456", "CS_EXECUTE", inbound)];
    expect(verdicts(lines)).toEqual([true]);
  });

  it("does not answer another channel", () => {
    const other = "sofia/gateway/carrier_b/+442079460958";
    expect(
      verdicts([answer("03:20:01.123456", other), hangup("03:20:21.123456", "CS_CONSUME_MEDIA")]),
    ).toEqual([false]);
  });

  it("does not answer a leg hung up before it", () => {
    expect(verdicts([hangup("03:20:21.123456", "CS_CONSUME_MEDIA"), answer("03:20:31.123456")])).toEqual([
      false,
    ]);
  });

  it("answers only the call it belongs to: a later call on the same channel needs its own", () => {
    const lines = [
      answer("03:20:01.123456"),
      hangup("03:20:41.123456", "CS_EXECUTE"),
      hangup("03:21:10.123456", "CS_CONSUME_MEDIA"),
    ];
    expect(verdicts(lines)).toEqual([true, false]);
  });

  it("is told from other lines by its words", () => {
    const legs = new AnsweredLegs();
    expect(legs.seeLine(answer("03:20:01.123456"))).toBe(true);
    expect(legs.seeLine(hangup("03:20:41.123456", "CS_EXECUTE"))).toBe(false);
    expect(legs.answered({ line: 9, text: hangup("03:20:41.123456", "CS_EXECUTE") })).toBe(true);
  });
});
