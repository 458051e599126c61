// JSON-logging diallers: LiveKit SIP logs one failed INVITE on several lines ("SIP invite failed",
// then "SIP call failed", each wrapping "sip status: 486"), and a failure record that names no host
// takes the host its own call dialled a few lines before (LiveKit's toHost, jambonz's dial URI).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const failures = (log: string) =>
  analysed(log)
    .timeline.filter((r) => r.failure)
    .map((r) => [r.label, r.count]);

const lk = (ts: string, msg: string, callID: string, extra: string) =>
  `{"level":"info","ts":${ts},"logger":"sip","msg":"${msg}","callID":"${callID}",${extra}}`;

describe("LiveKit SIP's failed INVITE", () => {
  it("counts the invite failure and the error restating its status once", () => {
    const log = [
      lk("1709608801.1", "sending invite", "SCL_4fGh7JkLm9Np", '"toHost":"sip.telnyx.com"'),
      lk("1709608806.9012", "SIP invite failed", "SCL_4fGh7JkLm9Np", '"status":486,"reason":"Busy Here"'),
      lk(
        "1709608806.9020",
        "error creating SIP participant",
        "SCL_4fGh7JkLm9Np",
        '"error":"INVITE failed: sip status: 486: Busy Here (SIP 486)"',
      ),
    ].join("\n");
    expect(failures(log)).toEqual([["SIP 486 Busy Here", 1]]);
    const a = analysed(log);
    expect(a.firstFailure?.line).toBe(2);
    expect(a.failingComponent).toMatch(/^sip\.telnyx\.com/);
  });

  it("reads LiveKit's own wording: each layer wraps the same sip status", () => {
    const ctx = '"toHost":"sip.telnyx.com","toUser":"+442079460958"';
    const log = [
      lk("1709608806.90", "SIP invite failed", "SCL_a1", `${ctx},"error":"sip status: 486: Busy Here"`),
      lk("1709608806.91", "SIP call failed", "SCL_a1", `${ctx},"error":"sip status: 486: Busy Here"`),
    ].join("\n");
    expect(failures(log)).toEqual([["SIP 486 Busy Here", 1]]);
    expect(analysed(log).failingComponent).toMatch(/^sip\.telnyx\.com/);
  });

  it("counts two calls' failures twice", () => {
    const log = [
      lk("1709608806.90", "SIP invite failed", "SCL_a1", '"error":"sip status: 486: Busy Here"'),
      lk("1709608806.91", "SIP invite failed", "SCL_b2", '"error":"sip status: 486: Busy Here"'),
    ].join("\n");
    expect(failures(log)).toEqual([["SIP 486 Busy Here", 2]]);
  });
});

const jb = (ms: number, callSid: string, rest: string) =>
  `{"level":30,"time":${ms},"pid":17,"callSid":"${callSid}",${rest}}`;
const status503 =
  '"msg":"call status update","call_status":"failed","sip_status":503,"sip_reason":"Service Unavailable"';

describe("jambonz's call status after its dial", () => {
  it("names the carrier the same call dialled", () => {
    const log = [
      jb(
        1709608801456,
        "b1c2",
        '"msg":"TaskDial:_attemptCalls - trying to dial sip:+442079460958@sip.carrier.example.net:5060"',
      ),
      jb(1709608807890, "b1c2", status503),
    ].join("\n");
    const a = analysed(log);
    expect(a.failingComponent).toMatch(/^sip\.carrier\.example\.net:5060/);
    // Only the URI's host is carried: never the number dialled.
    expect(a.firstFailure?.host).toBe("sip.carrier.example.net:5060");
  });

  it("names no host another call dialled", () => {
    const log = [
      jb(
        1709608801456,
        "other",
        '"msg":"TaskDial:_attemptCalls - trying to dial sip:+442079460958@sip.carrier.example.net:5060"',
      ),
      jb(1709608807890, "b1c2", status503),
    ].join("\n");
    expect(analysed(log).failingComponent ?? "").not.toContain("carrier.example.net");
  });

  it("names no host dialled far above the failure", () => {
    const log = [
      jb(
        1709608801456,
        "b1c2",
        '"msg":"TaskDial:_attemptCalls - trying to dial sip:+442079460958@sip.carrier.example.net:5060"',
      ),
      ...Array.from({ length: 6 }, (_, i) => jb(1709608802000 + i, "b1c2", '"msg":"ringing"')),
      jb(1709608807890, "b1c2", status503),
    ].join("\n");
    expect(analysed(log).failingComponent ?? "").not.toContain("carrier.example.net");
  });
});
