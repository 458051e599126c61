// Cause 31 "Normal, unspecified" on a FreeSWITCH leg: normal clearing once that leg was answered,
// a failed call before an answer (gateways give 31 to a call they fail with no better cause).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (...lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));

const CHANNEL = "sofia/gateway/carrier_a/+14155550123";
const state200 = (t: string, channel = CHANNEL) =>
  `2024-03-05 ${t} [DEBUG] sofia.c:7084 Channel ${channel} entering state [completed][200]`;
const answeredLine = (t: string) =>
  `2024-03-05 ${t} [NOTICE] switch_channel.c:3989 Channel [${CHANNEL}] has been answered`;
const hangup = (t: string, state: string, channel = CHANNEL) =>
  `2024-03-05 ${t} [NOTICE] switch_channel.c:1142 Hangup ${channel} [${state}] [NORMAL_UNSPECIFIED]`;

describe("cause 31 on a FreeSWITCH leg", () => {
  it("is normal when mod_sofia logged the leg's 200 before the hang-up", () => {
    const a = run(
      state200("03:20:01.103456"),
      answeredLine("03:20:01.123456"),
      hangup("03:20:41.123456", "CS_EXCHANGE_MEDIA"),
    );
    expect(a.firstFailure).toBeNull();
    expect(a.failingComponent ?? "").not.toMatch(/carrier_a/);
  });

  it("is normal on a leg hung up while exchanging media with the other leg (bridged after its answer)", () => {
    const a = run(answeredLine("03:20:01.123456"), hangup("03:20:41.123456", "CS_EXCHANGE_MEDIA"));
    expect(a.firstFailure).toBeNull();
  });

  it("is normal on an answered leg whatever state it hung up in", () => {
    const a = run(state200("03:20:01.103456"), hangup("03:20:41.123456", "CS_EXECUTE"));
    expect(a.firstFailure).toBeNull();
  });

  it("is normal on a leg the core logged as answered, whatever state it hung up in", () => {
    const a = run(answeredLine("03:20:01.123456"), hangup("03:20:41.123456", "CS_EXECUTE"));
    expect(a.firstFailure).toBeNull();
  });

  it("is not excused by the answer line of another channel", () => {
    const other = `2024-03-05 03:20:01.123456 [NOTICE] switch_channel.c:3989 Channel [sofia/gateway/carrier_b/+442079460958] has been answered`;
    const a = run(other, hangup("03:20:41.123456", "CS_EXECUTE"));
    expect(a.firstFailure?.code).toBe(31);
  });

  it("stays the failure on a leg that was never answered", () => {
    const a = run(
      `2024-03-05 03:20:01.103456 [DEBUG] sofia.c:7084 Channel ${CHANNEL} entering state [proceeding][180]`,
      hangup("03:20:21.123456", "CS_CONSUME_MEDIA"),
    );
    expect(a.firstFailure?.code).toBe(31);
    expect(a.failingComponent).toMatch(/gateway carrier_a/);
  });

  it("is not excused by another channel's answer", () => {
    const other = "sofia/gateway/carrier_b/+442079460958";
    const a = run(state200("03:20:01.103456", other), hangup("03:20:21.123456", "CS_CONSUME_MEDIA"));
    expect(a.firstFailure?.code).toBe(31);
  });

  it("needs a new answer for a later call on the same channel name", () => {
    const a = run(
      state200("03:20:01.103456"),
      hangup("03:20:41.123456", "CS_EXCHANGE_MEDIA"),
      hangup("03:21:10.123456", "CS_CONSUME_MEDIA"),
    );
    expect(a.firstFailure?.line).toBe(3);
  });

  it("keeps apart two legs on one channel name by the UUIDs their lines start with", () => {
    // Lines long enough that the hang-up's excerpt cuts the UUID it starts with.
    const first = "2f0c3a52-7d1e-4b8a-9c11-0a1b2c3d4e01";
    const second = "9a8b7c6d-e5f4-4a3b-8c2d-1e0f9a8b7c6d";
    const ch = "sofia/internal/1001@10.10.10.1";
    const a = run(
      `${first} 2024-03-04 02:14:03.910000 [NOTICE] switch_channel.c:3993 Channel [${ch}] has been answered`,
      `${second} 2024-03-04 02:14:05.300000 [NOTICE] sofia.c:1094 Hangup ${ch} [CS_CONSUME_MEDIA] [NORMAL_UNSPECIFIED]`,
      `${first} 2024-03-04 02:14:40.000000 [NOTICE] sofia.c:1094 Hangup ${ch} [CS_EXCHANGE_MEDIA] [NORMAL_CLEARING]`,
    );
    expect(a.firstFailure).toMatchObject({ code: 31, line: 2 });
  });
});
