// What a FreeSWITCH gateway's failed ping means when no refused call follows it (DOWN: calls through
// it are refused until a ping succeeds; UP: no outage), and a GATEWAY_DOWN refusal whose call went
// out through another gateway, perhaps to another number.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-06-11 14:${time} [${level}] ${text}`;
const ping = (code: number, count: string, state: string) =>
  at(
    "05:00.100000",
    "WARNING",
    `sofia_reg.c:2911 Ping failed trunk1 with code ${code} - count ${count}, state ${state}`,
  );

describe("a gateway's failed ping with no refused call after it", () => {
  it("that took it DOWN says the gateway went down and adds the gateway-down checks after the ping's", () => {
    const a = run([ping(408, "0/1/2", "DOWN")]);
    expect(a.summary).toMatch(
      /FreeSWITCH gateway trunk1 went DOWN on line 1 .*refuses every call through it itself \(GATEWAY_DOWN/,
    );
    const c = a.checklist;
    expect(c[0]).toMatch(/A 408 to an OPTIONS ping/);
    const down = c.findIndex((x) => /sofia status gateway trunk1/.test(x));
    expect(down).toBeGreaterThan(c.findIndex((x) => /answers OPTIONS from your address/.test(x)));
    expect(c.some((x) => /Until a ping to gateway trunk1 succeeds/.test(x))).toBe(true);
    // The ping's own reachability check is not asked twice.
    expect(c.filter((x) => /reachable/.test(x))).toHaveLength(1);
  });

  it("that left it UP says it was no outage and gives the keepalive's checks, not a 503's", () => {
    const a = run([ping(503, "1/1/3", "UP")]);
    expect(a.summary).toMatch(/This was no outage: .*left FreeSWITCH gateway trunk1 UP/);
    const all = a.checklist.join("\n");
    expect(all).toMatch(/answered gateway trunk1's OPTIONS keepalive with 503/);
    expect(all).toMatch(/still in service/);
    expect(all).toMatch(/Watch whether more pings fail/);
    expect(all).toMatch(/ping-min and ping-max/);
    expect(all).not.toMatch(/Find who sent it|licence channel limits|Retry-After if present/);
  });
});

describe("a GATEWAY_DOWN refusal whose call went out through another gateway", () => {
  const refused = [
    at("06:12.500000", "WARNING", "mod_sofia.c:5090 Gateway 'trunk1' is down!"),
    at(
      "06:12.500000",
      "ERR",
      "switch_ivr_originate.c:2950 Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]",
    ),
  ];
  it("names the gateway and number that took it, and asks to confirm it was the same destination", () => {
    const a = run([
      ...refused,
      at(
        "06:40.100000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/gateway/trunk2/+14155550123 [CS_EXCHANGE_MEDIA] [NORMAL_CLEARING]",
      ),
    ]);
    expect(a.failingComponent).toMatch(
      /went out through gateway trunk2 to \+141\S*23, whose leg cleared normally \(line 3\)/,
    );
    expect(a.failingComponent).not.toContain("4155550123");
    expect(a.checklist.join("\n")).toMatch(
      /Confirm the leg through gateway trunk2 \(line 3\) carried the refused call's destination/,
    );
  });

  it("says so when the refused leg and the failover leg were to different numbers", () => {
    const a = run([
      at(
        "06:12.500000",
        "DEBUG",
        "sofia.c:1065 Hangup sofia/gateway/trunk1/+14155550123 [CS_NEW] [GATEWAY_DOWN]",
      ),
      at(
        "06:40.100000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/gateway/trunk2/00442079460958 [CS_EXCHANGE_MEDIA] [NORMAL_CLEARING]",
      ),
    ]);
    expect(a.failingComponent).toMatch(
      /through gateway trunk2 to 00442\S*58, .*but to a different number than the refused leg's \+141\S*23/,
    );
  });
});
