// The timer analysis answers from indexed events exactly as a walk over every event would, and
// stays fast on a trace with thousands of calls.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding, TimingEvent } from "../../src/engine/scan/scanner.js";
import { timerFindings } from "../../src/engine/timing.js";
import { catalog } from "../helpers/catalog.js";

// The straightforward definitions: for every finding, walk every event.
const SECOND = 1000;
const WINDOWS = [32 * SECOND, 128 * SECOND];
const near = (ms: number) => WINDOWS.some((w) => Math.abs(ms - w) <= Math.max(3 * SECOND, w * 0.1));
const sameCall = (a?: string, b?: string) => !a || !b || a === b;

/** What each timer rule matched, as [timer, evidence lines]. */
function reference(findings: Finding[], events: TimingEvent[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (f.namespace !== "sip" || f.code !== 408 || f.tsMs === undefined) continue;
    const ts = f.tsMs;
    const req = [...events]
      .reverse()
      .find(
        (e) =>
          e.kind === "request" &&
          e.tsMs <= ts &&
          e.method !== "ACK" &&
          sameCall(e.callId, f.callId) &&
          (!f.method || f.method === e.method),
      );
    if (req && near(ts - req.tsMs))
      out.push(`${req.method === "INVITE" ? "timer/b" : "timer/f"} ${req.line},${f.line}`);
  }
  // One Timer H note per BYE, from the first 200 OK that meets it.
  const byes = new Set<number>();
  for (const ok of findings) {
    if (ok.namespace !== "sip" || ok.code !== 200 || ok.method !== "INVITE" || ok.tsMs === undefined)
      continue;
    const t0 = ok.tsMs;
    const bye = events.find(
      (e) => e.kind === "request" && e.method === "BYE" && e.tsMs > t0 && sameCall(e.callId, ok.callId),
    );
    if (!bye || !near(bye.tsMs - t0)) continue;
    const acked = events.some(
      (e) => e.method === "ACK" && e.tsMs >= t0 && e.tsMs <= bye.tsMs && sameCall(e.callId, ok.callId),
    );
    if (!acked && !byes.has(bye.line)) out.push(`timer/h ${ok.line},${bye.line}`);
    if (!acked) byes.add(bye.line);
  }
  for (const bye of events) {
    if (bye.method !== "BYE" || !/session[ -]?(timer|expir|refresh)/i.test(bye.note ?? "")) continue;
    const refresh = [...events]
      .reverse()
      .find(
        (e) =>
          e.tsMs < bye.tsMs &&
          (e.method === "INVITE" || e.method === "UPDATE") &&
          sameCall(e.callId, bye.callId),
      );
    out.push(`timer/session-refresh ${refresh ? `${refresh.line},` : ""}${bye.line}`);
  }
  return out;
}

const analysed = (findings: Finding[], events: TimingEvent[]) =>
  timerFindings(catalog(), findings, events)
    .filter((t) => t.timer !== "timer/mobius-unregister-after-missed-keepalives")
    .map((t) => `${t.timer} ${t.evidence.join(",")}`);

const calls = ["a@h", "b@h", "", undefined];
const methods = ["INVITE", "ACK", "BYE", "REGISTER", "UPDATE", "OPTIONS"];
// Few distinct times, 32 s and 128 s apart and equal, so ties and window edges come up often;
// the order of times in a trace is random, as in merged logs.
const time = fc.constantFrom(0, 1, 32, 33, 64, 96, 128, 129, 160).map((s) => s * SECOND);

const event = fc.record({
  kind: fc.constantFrom<"request" | "keepalive">("request", "request", "request", "keepalive"),
  method: fc.constantFrom(...methods),
  tsMs: time,
  callId: fc.constantFrom(...calls),
  note: fc.constantFrom(undefined, 'Reason: SIP;text="Session timer expired"'),
});

const finding = fc.record({
  code: fc.constantFrom(200, 200, 408, 486),
  method: fc.constantFrom("INVITE", "INVITE", "REGISTER", "ACK", "", undefined),
  tsMs: fc.option(time, { nil: undefined }),
  callId: fc.constantFrom(...calls),
});

type Value<A> = A extends fc.Arbitrary<infer T> ? T : never;

function build(evs: Value<typeof event>[], fs: Value<typeof finding>[]) {
  const events: TimingEvent[] = evs.map((e, i) => {
    const ev: TimingEvent = { kind: e.kind, line: i * 2 + 1, tsMs: e.tsMs };
    if (e.kind === "request") ev.method = e.method;
    if (e.callId !== undefined) ev.callId = e.callId;
    if (e.note && e.method === "BYE") ev.note = e.note;
    return ev;
  });
  const findings: Finding[] = fs.map((f, i) => {
    const out: Finding = {
      namespace: "sip",
      code: f.code,
      subcode: null,
      id: `sip/${f.code}`,
      line: i * 2 + 2,
      text: "",
      confidence: 1,
      detector: "sip-status",
    };
    if (f.method !== undefined) out.method = f.method;
    if (f.tsMs !== undefined) out.tsMs = f.tsMs;
    if (f.callId !== undefined) out.callId = f.callId;
    return out;
  });
  return { events, findings };
}

describe("timer analysis over indexed events", () => {
  it("matches the walk over every event on random traces", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.array(finding, { maxLength: 12 }), (evs, fs) => {
        const { events, findings } = build(evs, fs);
        // timerFindings keeps the first ten; the reference is cut the same way.
        expect(analysed(findings, events)).toEqual(reference(findings, events).slice(0, 10));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads 5,000 events against 5,000 answered INVITEs in well under a second", () => {
    const events: TimingEvent[] = [];
    const findings: Finding[] = [];
    for (let i = 0; i < 2500; i++) {
      const callId = `${i}@pc33`;
      const t = i * 100;
      events.push({ kind: "request", method: "INVITE", line: i * 10, tsMs: t, callId });
      events.push({ kind: "request", method: "ACK", line: i * 10 + 2, tsMs: t + 50, callId });
      for (const code of [200, 408])
        findings.push({
          namespace: "sip",
          code,
          subcode: null,
          id: `sip/${code}`,
          line: i * 10 + 1,
          text: "",
          method: "INVITE",
          callId,
          tsMs: t + 10,
          confidence: 1,
          detector: "sip-status",
        });
    }
    const started = performance.now();
    expect(timerFindings(catalog(), findings, events)).toEqual([]);
    // The walk over every event took seconds here; indexed, it is a few milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
