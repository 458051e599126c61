// A FreeSWITCH gateway whose OPTIONS pings failed: the calls FreeSWITCH then refused through it are
// told, a gateway that came back and went down again is said to have flapped (never "recovered"),
// its checks are the gateway's, and another gateway found down at the same time is named.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-06-11 14:${time} [${level}] ${text}`;

const pingFailed = (time: string, gw: string, code: number) =>
  at(time, "WARNING", `sofia_reg.c:2911 Ping failed ${gw} with code ${code} - count 0/1/2, state DOWN`);
const pingOk = (time: string, gw: string) =>
  at(time, "INFO", `sofia_reg.c:2903 Ping succeeded ${gw} with code 200 - count 2/2/2, state UP`);
/** One bridge FreeSWITCH refused through a gateway marked DOWN: mod_sofia's line, the cause, the summary. */
const refused = (time: string, gw: string) => [
  at(time, "WARNING", `mod_sofia.c:5090 Gateway '${gw}' is down!`),
  at(
    time,
    "ERR",
    "switch_ivr_originate.c:2950 Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]",
  ),
  at(time, "INFO", "mod_dptools.c:3640 Originate Failed.  Cause: GATEWAY_DOWN"),
];

describe("a FreeSWITCH gateway whose OPTIONS ping failed", () => {
  it("says the calls refused through it, and leads the checks with the gateway's", () => {
    const a = run([pingFailed("05:00.100000", "trunk1", 408), ...refused("06:12.500000", "trunk1")]);
    expect(a.firstFailure).toMatchObject({ code: 408, line: 1, method: "OPTIONS" });
    expect(a.failingComponent).toMatch(
      /^FreeSWITCH gateway trunk1 \(its OPTIONS ping got 408 as the carrier never answered/,
    );
    // FreeSWITCH timed its own ping out: the usual sender of a 408 is no help here.
    expect(a.failingComponent).not.toMatch(/Timer B\/F/);
    expect(a.summary).toMatch(
      /A call through FreeSWITCH gateway trunk1 was refused .*line 2 at 2024-06-11 14:06:12\.5/,
    );
    expect(a.checklist[0]).toMatch(/sofia status gateway NAME/);
    const all = a.checklist.join("\n");
    expect(all).toMatch(/whether it answers OPTIONS/);
    expect(all).not.toMatch(/INVITEs are large|registration freshness/);
  });

  it("recovered when a ping succeeded and nothing showed it down after", () => {
    const a = run([
      pingFailed("05:00.100000", "trunk1", 503),
      ...refused("06:12.500000", "trunk1"),
      pingOk("07:00.100000", "trunk1"),
    ]);
    expect(a.failingComponent).toMatch(
      /it recovered: its ping on line 5 got 200 and the gateway was UP again$/,
    );
  });

  it("flapped, not recovered, when it was down again after the ping that succeeded", () => {
    for (const again of [503, 408]) {
      const a = run([
        pingFailed("05:00.100000", "trunk1", 408),
        ...refused("06:12.500000", "trunk1"),
        pingOk("07:00.100000", "trunk1"),
        pingFailed("15:00.100000", "trunk1", again),
        ...refused("16:30.700000", "trunk1"),
      ]);
      expect(a.failingComponent).not.toMatch(/recovered/);
      expect(a.failingComponent).toMatch(
        new RegExp(
          `it flapped: its ping on line 5 got 200 .*but it was DOWN again at line 6 \\(its ping got ${again}\\), and calls through it were refused \\(line 7 at`,
        ),
      );
      expect(a.summary).toMatch(
        /2 calls through FreeSWITCH gateway trunk1 were refused .*line 2 at .*line 7 at/,
      );
    }
  });

  it("flapped when a call was refused after the ping that succeeded, with no failed ping logged", () => {
    const a = run([
      pingFailed("05:00.100000", "trunk1", 408),
      pingOk("07:00.100000", "trunk1"),
      ...refused("16:30.700000", "trunk1"),
    ]);
    expect(a.failingComponent).toMatch(
      /it flapped: .*DOWN again at line 3 \(FreeSWITCH refused a call through it\)/,
    );
  });

  it("names another gateway FreeSWITCH refused as down in the same bridge", () => {
    const a = run([
      pingFailed("05:00.100000", "trunk1", 408),
      ...refused("06:12.500000", "trunk1"),
      ...refused("06:12.500100", "trunk2"),
    ]);
    expect(a.failingComponent).toMatch(/; the same failure also hit FreeSWITCH gateway trunk2$/);
    const rows = a.timeline.map((r) => r.label);
    expect(rows).toContainEqual(expect.stringMatching(/GATEWAY_DOWN\) via FreeSWITCH gateway trunk2$/));
    expect(rows).toContainEqual(expect.stringMatching(/GATEWAY_DOWN\) via FreeSWITCH gateway trunk1$/));
  });

  it("keeps a later failed ping apart from the calls refused through the gateway", () => {
    const a = run([
      pingFailed("05:00.100000", "trunk1", 408),
      ...refused("06:12.500000", "trunk1"),
      pingOk("07:00.100000", "trunk1"),
      pingFailed("15:00.100000", "trunk1", 503),
    ]);
    const refusals = a.timeline.find((r) => r.label.includes("GATEWAY_DOWN"));
    expect(refusals).toMatchObject({ count: 1, firstLine: 2 });
    expect(a.timeline.find((r) => r.firstLine === 6)?.methods).toEqual(["OPTIONS"]);
  });
});
