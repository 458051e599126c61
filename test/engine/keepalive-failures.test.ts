// A keepalive line that reports a failure ("Keepalive failed with status 500", "5 keepalives
// missed") is no heartbeat: the missed-keepalives note measures from the last one that worked.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const at = (t: string, msg: string) => `index.js:2 [webex-calling] 2025-03-14T${t}Z ${msg}`;
const log = [
  at("16:01:02.120", "LOG registration: Keepalive response Status code: -> 200"),
  at("16:01:32.125", "WARN registration: Keepalive failed with status 500, count 1"),
  at("16:02:02.130", "WARN registration: Keepalive failed with status 500, count 2"),
  at("16:02:32.131", "WARN registration: keepalive timed out, count 3"),
  at("16:03:02.140", "WARN registration: keepalive not sent: socket error"),
  at("16:03:32.151", "ERROR registration: 5 keepalives missed, device unregistered"),
  at("16:04:11.201", "ERROR call: Call setup failed. Status code: -> 404"),
  at("16:04:11.202", "ERROR call: Error code found : 112"),
].join("\n");

describe("failed keepalives", () => {
  it("are not counted as heartbeats", () => {
    const a = analyze(catalog(), scanText(catalog(), log));
    const note = a.timers.find((t) => t.timer === "timer/mobius-unregister-after-missed-keepalives");
    expect(note?.text).toContain("the last keepalive/REGISTER (line 1)");
    expect(a.summary).toBeTruthy();
  });

  it("leave a working keepalive a heartbeat", () => {
    const events = scanText(catalog(), log).events.filter((e) => e.kind === "keepalive");
    expect(events.map((e) => e.line)).toEqual([1]);
  });
});
