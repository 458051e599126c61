// A gateway is in the state its latest ping left it in: when ping-min needs more than one failed
// ping, the first failure leaves it UP and a later one takes it DOWN, which is an outage from there.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-05-14 02:${time} [${level}] ${text}`;
const ping = (time: string, ok: boolean, code: number, count: string, state: string) =>
  at(
    time,
    ok ? "DEBUG" : "WARNING",
    `sofia.c:1234 Ping ${ok ? "succeeded" : "failed"} carrier_a with code ${code} - count ${count}, state ${state}`,
  );
const upThenDown = [
  ping("09:31.118542", true, 200, "2/-1/2", "UP"),
  ping("10:01.120001", false, 408, "1/-1/2", "UP"),
  ping("10:31.121345", false, 408, "0/-1/2", "DOWN"),
];

describe("a failed ping that left the gateway UP, then one that took it DOWN", () => {
  it("is an outage from the ping that took it DOWN, never 'no outage'", () => {
    const a = run(upThenDown);
    expect(a.failingComponent).toMatch(/its next failed ping on line 3 \(408\) took it DOWN/);
    expect(a.failingComponent).not.toMatch(/stayed UP/);
    expect(a.summary).not.toMatch(/no outage/);
    expect(a.summary).toMatch(/FreeSWITCH gateway carrier_a went DOWN on line 3 at 2024-05-14 02:10:31/);
    expect(a.summary).toMatch(/refuses every call through it itself \(GATEWAY_DOWN/);
    const all = a.checklist.join("\n");
    expect(all).toMatch(/sofia status gateway carrier_a/);
    expect(all).not.toMatch(/still in service/);
  });

  it("with a GATEWAY_DOWN refusal after it, tells the refused call and leads with the GATEWAY_DOWN checks", () => {
    const a = run([
      ...upThenDown,
      at("10:45.000000", "WARNING", "mod_sofia.c:5090 Gateway 'carrier_a' is down!"),
      at(
        "10:45.000100",
        "ERR",
        "switch_ivr_originate.c:2950 Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]",
      ),
    ]);
    expect(a.failingComponent).not.toMatch(/stayed UP/);
    expect(a.summary).toMatch(/A call through FreeSWITCH gateway carrier_a was refused .* line 4/);
    expect(a.checklist[0]).toMatch(/sofia status gateway/);
    expect(a.checklist.join("\n")).not.toMatch(
      /Find who sent it|licence channel limits|Retry-After if present/,
    );
  });

  it("still says no outage when every failed ping left it UP", () => {
    const a = run([
      upThenDown[0] as string,
      upThenDown[1] as string,
      ping("10:31.121345", false, 408, "1/-1/2", "UP"),
    ]);
    expect(a.summary).toMatch(/This was no outage/);
  });

  it("a failed ping that left it UP and a successful one after it is no outage, even if a later ping fails", () => {
    const a = run([
      ping("10:01.120001", false, 408, "1/-1/2", "UP"),
      ping("10:31.120001", true, 200, "2/-1/2", "UP"),
      ping("11:01.121345", false, 408, "0/-1/2", "DOWN"),
    ]);
    expect(a.failingComponent).toMatch(/stayed UP.*but at line 3 its ping got 408/);
  });
});
