// Kamailio tm's own timeout of a call names no host; the dispatcher's OPTIONS probes that timed out
// in the same log name the destination that went silent. The two are different requests: each keeps
// its own timeline row, and the call's timeout is blamed on the destination the probes found dead.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const kam = (time: string, pid: number, text: string) =>
  `Mar  5 03:20:${time} proxy1 /usr/sbin/kamailio[${pid}]: ${text}`;
const TM = kam(
  "33",
  2199,
  "DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=100, new_code=408",
);
const probe = (time: string, host: string) =>
  kam(
    time,
    2190,
    `WARNING: dispatcher [dispatch.c:3139]: ds_options_callback(): OPTIONS-Request was finished with code 408 (to sip:${host}:5060, group 1)`,
  );

describe("a call's timeout and the dispatcher's probe timeouts", () => {
  it("keeps the call's 408 apart from the probes' row, which names the silent destination", () => {
    const a = run([TM, probe("41", "10.0.0.21"), probe("51", "10.0.0.21")]);
    const rows = a.timeline.filter((r) => r.id === "sip/408");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ firstLine: 1, count: 1 });
    expect(rows[0]?.methods).not.toContain("OPTIONS");
    expect(rows[1]).toMatchObject({ firstLine: 2, count: 2, methods: ["OPTIONS"] });
    expect(rows[1]?.label).toContain("no answer from 10.0.0.21:5060");
  });

  it("names the probed destination in the failing component and leads the checks with it", () => {
    const a = run([TM, probe("41", "10.0.0.21")]);
    expect(a.firstFailure).toMatchObject({ code: 408, line: 1 });
    expect(a.failingComponent).toMatch(
      /^10\.0\.0\.21:5060, which never answered this system's OPTIONS probes \(line 2\)/,
    );
    expect(a.failingComponent).not.toContain("A downstream proxy");
    expect(a.checklist[0]).toMatch(
      /^Check 10\.0\.0\.21:5060: this system's OPTIONS probes to it timed out too/,
    );
    expect(a.checklist.some((c) => c.includes("kamcmd dispatcher.list"))).toBe(true);
  });

  it("says nothing of probes when none timed out", () => {
    const a = run([TM]);
    expect(a.failingComponent).not.toContain("probes");
    expect(a.checklist.some((c) => c.includes("dispatcher.list"))).toBe(false);
  });
});
