// Two FreeSWITCH gateways: the one down at the end of the log is the failure to chase, not one that
// came back minutes earlier; calls through a second gateway that fail with their own cause name it;
// a refusal followed by a leg through another gateway that connected is a failover; and a failed ping
// that left its gateway UP was no outage.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-06-11 14:${time} [${level}] ${text}`;

const ping = (time: string, gw: string, code: number, state: "UP" | "DOWN", count = "0/1/2") =>
  at(
    time,
    code < 300 ? "INFO" : "WARNING",
    `sofia_reg.c:2911 Ping ${code < 300 ? "succeeded" : "failed"} ${gw} with code ${code} - count ${count}, state ${state}`,
  );
const refused = (time: string, gw: string) => [
  at(time, "WARNING", `mod_sofia.c:5090 Gateway '${gw}' is down!`),
  at(time, "INFO", "mod_dptools.c:3640 Originate Failed.  Cause: GATEWAY_DOWN"),
];
const leg = (time: string, end: string, gw: string, cause: string, state = "CS_CONSUME_MEDIA") => [
  at(
    time,
    "NOTICE",
    `switch_channel.c:1142 New Channel sofia/gateway/${gw}/+14155550123 [4c0b6b9e-0000-4000-8000-000000000001]`,
  ),
  at(end, "NOTICE", `sofia.c:1065 Hangup sofia/gateway/${gw}/+14155550123 [${state}] [${cause}]`),
];

describe("FreeSWITCH gateways, one after another", () => {
  it("names the gateway still down, and tells the one that recovered as an earlier outage", () => {
    const a = run([
      ping("20:01.100000", "carrier_a", 408, "DOWN"),
      ping("20:31.100000", "carrier_a", 200, "UP"),
      ping("25:01.100000", "carrier_b", 503, "DOWN"),
      ...refused("26:10.220000", "carrier_b"),
    ]);
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_b \(its OPTIONS ping got 503 on line 3/);
    expect(a.failingComponent).toMatch(/earlier, FreeSWITCH gateway carrier_a .* it recovered/);
    expect(a.failingComponent).not.toMatch(/same failure/);
    expect(a.summary).toMatch(
      /A call through FreeSWITCH gateway carrier_b was refused .*line 4 at 2024-06-11 14:26:10/,
    );
  });

  it("names the other gateway whose calls failed with their own cause while the first was down", () => {
    const a = run([
      ping("20:01.100000", "carrier_a", 408, "DOWN"),
      ...leg("21:10.100000", "21:10.400000", "carrier_b", "NORMAL_TEMPORARY_FAILURE"),
    ]);
    expect(a.failingComponent).toMatch(
      /^FreeSWITCH gateway carrier_a .*; calls through FreeSWITCH gateway carrier_b \(Q\.850 cause 41 [^)]*, line 3\) failed too$/,
    );
    expect(a.timeline.map((r) => r.label)).toContain(
      "Q.850 cause 41 Temporary failure via FreeSWITCH gateway carrier_b",
    );
  });

  it("calls a refusal followed by an answered leg through another gateway a failover", () => {
    const refusedThenB = [
      ...refused("21:10.220000", "carrier_a"),
      ...leg("21:10.221000", "22:12.300000", "carrier_b", "NORMAL_CLEARING", "CS_EXCHANGE_MEDIA"),
    ];
    for (const lines of [refusedThenB, [ping("20:01.100000", "carrier_a", 408, "DOWN"), ...refusedThenB]]) {
      const a = run(lines);
      expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a/);
      expect(a.failingComponent).toMatch(
        /degraded, .*gateway carrier_b(?: to \S+)?, whose leg cleared normally .*calls fail over to carrier_b$/,
      );
    }
  });

  it("does not call a failed ping that left the gateway UP a recovery", () => {
    const a = run([
      ping("20:01.100000", "carrier_a", 503, "UP", "2/1/3"),
      ping("20:31.100000", "carrier_a", 200, "UP", "3/1/3"),
    ]);
    expect(a.failingComponent).toMatch(/the gateway stayed UP/);
    expect(a.failingComponent).not.toMatch(/recovered|UP again/);
  });
});
