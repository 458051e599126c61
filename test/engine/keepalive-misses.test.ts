// Missed Webex keepalives the client logs itself ("Keep-alive missed 3 times. Status -> 503"):
// five in a row, 30 s apart, are the point where Mobius unregisters the device.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const sdk = (t: string, method: string, msg: string) =>
  `webex-calling: Tue, 11 Mar 2025 ${t} GMT: [WARN]: file:register - method:${method} - message:${msg}`;

/** A miss as the SDK logs it: the count with its status, then the status twice more. */
const miss = (t: string, n: number) => [
  sdk(t, "startKeepaliveTimer", `Keep-alive missed ${n} times. Status -> 503 `),
  sdk(t, "startKeepaliveTimer", "Status code: -> 503"),
  sdk(t, "startKeepaliveTimer", "503 Service Unavailable"),
];

const times = ["09:30:33", "09:31:03", "09:31:33", "09:32:03", "09:32:33"];
const fiveMisses = [
  ...times.flatMap((t, i) => miss(t, i + 1)),
  sdk("09:32:34", "attemptRegistrationWithServers", "Status code: -> 503"),
  sdk("09:32:34", "attemptRegistrationWithServers", "503 Service Unavailable"),
].join("\n");

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("missed Webex keepalives", () => {
  it("five in a row get a note naming the unregister they cause", () => {
    const a = run(fiveMisses);
    const note = a.timers.find((t) => t.timer === "timer/mobius-unregister-after-missed-keepalives");
    expect(note?.text).toContain("5 missed keepalives in a row (lines 1–13, 30 s apart)");
    expect(note?.text).toContain("answered with 503");
    expect(note?.text).toContain("after 5 misses (about 150 s)");
    expect(note?.text).toContain("The failure on line 16, 1 s later");
    expect(a.summary).toContain("5 missed keepalives");
  });

  it("count each miss once, however many lines repeat its status", () => {
    const a = run(fiveMisses);
    expect(a.timeline.map((r) => [r.label, r.count])).toEqual([
      ["Mobius 503 Service Unavailable (registration)", 6],
    ]);
  });

  it("fewer than five leave the device registered", () => {
    const a = run([...miss("09:30:33", 1), ...miss("09:31:03", 2)].join("\n"));
    expect(a.timers.map((t) => t.timer)).toEqual(["timer/mobius-registration-keepalive"]);
    expect(a.timers[0]?.text).toContain("2 missed keepalives in a row");
    expect(a.timers[0]?.text).toContain("still registered");
  });

  it("a keepalive that worked ends the run", () => {
    const log = [
      ...miss("09:30:33", 1),
      ...miss("09:31:03", 2),
      sdk("09:31:33", "startKeepaliveTimer", "Sending keepalive"),
      ...miss("09:32:03", 1),
    ].join("\n");
    expect(run(log).timers[0]?.text).toContain("2 missed keepalives in a row (lines 1–4");
  });

  it("a SIP trunk's failed OPTIONS keepalive is no Webex keepalive", () => {
    const log = [
      "2025-03-12 09:00:00.000 WARNING peer trunk-b: OPTIONS keepalive got 408 Request Timeout",
      "2025-03-12 09:00:30.000 WARNING peer trunk-b: OPTIONS keepalive got 503 Service Unavailable",
    ].join("\n");
    expect(run(log).timers.filter((t) => t.timer.startsWith("timer/mobius"))).toEqual([]);
  });

  it("a status repeated on its own line by another method is a second event", () => {
    const log = [
      sdk("09:30:33", "startKeepaliveTimer", "Keep-alive missed 1 times. Status -> 503"),
      sdk("09:30:33", "attemptRegistrationWithServers", "Status code: -> 503"),
    ].join("\n");
    expect(run(log).timeline[0]?.count).toBe(2);
  });
});
