// Big logs: thousands of normal responses before the failure must not hide it. The scanner keeps
// every finding up to a cap and then the first few of each code and host, folding the repeats
// into counts, so memory stays bounded while the analysis still sees every distinct failure.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import {
  FIRST_PER_KEY,
  MAX_FINDINGS,
  MAX_STORED_FINDINGS,
  Scanner,
  type ScanOutput,
  scanText,
} from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

/** A proxy log built line by line, remembering where the interesting lines are. */
class Log {
  readonly lines: string[] = [];
  private second = 0;

  private stamp(): string {
    const s = this.second++;
    const hh = String(10 + Math.floor(s / 3600)).padStart(2, "0");
    const mm = String(Math.floor(s / 60) % 60).padStart(2, "0");
    const ss = String(s % 60).padStart(2, "0");
    return `2024-05-01T${hh}:${mm}:${ss}.000Z`;
  }

  /** A received SIP response as a proxy traces it; returns the status line's number. */
  response(status: string, call: number, extra: string[] = [], cseq = 1): number {
    this.lines.push(`${this.stamp()} RX 412 bytes from 10.0.0.5:5060`);
    const at = this.lines.push(`SIP/2.0 ${status}`);
    this.lines.push(
      `Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK${call}`,
      `Call-ID: ${call}-a84b4c76e66710@pc33`,
      `CSeq: ${cseq} INVITE`,
      ...extra,
      "Content-Length: 0",
      "",
    );
    return at;
  }

  /** A pjsip one-line response from a host; returns its line number. */
  pjsip(code: number, host: string, call: number): number {
    return this.lines.push(
      `${this.stamp()} pjsua_core.c  .RX 512 bytes Response msg ${code}/INVITE/cseq=${call} (rdata0x7f) from UDP ${host}:5060:`,
    );
  }

  normalCall(call: number): void {
    for (const s of ["100 Trying", "180 Ringing", "200 OK"]) this.response(s, call);
  }

  get text(): string {
    return `${this.lines.join("\n")}\n`;
  }
}

/** 12,000 normal codes, then a 486 with a Q.850 cause, then 503s from two hosts among more calls. */
function proxyLog() {
  const log = new Log();
  let call = 0;
  for (; call < 4000; call++) {
    log.normalCall(call);
    if (call % 4 === 0) log.pjsip(180, `10.1.2.${call % 50}`, call);
  }
  const busy = log.response("486 Busy Here", call++, ['Reason: Q.850;cause=17;text="USER_BUSY"']);
  const cause = busy + 4;
  const unavailable: number[] = [];
  for (let k = 0; k < 5; k++) {
    log.normalCall(call++);
    unavailable.push(log.pjsip(503, k < 3 ? "10.0.0.5" : "10.0.0.6", call++));
  }
  return { text: log.text, busy, cause, unavailable, oks: call - 1 - 5 };
}

function streamed(text: string, chunk: number): ScanOutput {
  const s = new Scanner(catalog());
  for (let i = 0; i < text.length; i += chunk) s.push(text.slice(i, i + chunk));
  return s.end();
}

describe("a failure after thousands of normal codes", () => {
  const log = proxyLog();

  it.each([
    ["scanText (chat pastes)", () => scanText(catalog(), log.text)],
    ["the streaming Scanner (sipcode scan)", () => streamed(log.text, 7919)],
  ])("is the first failure, on its own line, through %s", (_name, scan) => {
    const out = scan();
    const a = analyze(catalog(), out);
    expect(out.omitted).toBeGreaterThan(0);
    expect(a.firstFailure?.code).toBe(486);
    expect(a.firstFailure?.line).toBe(log.busy);
    expect(a.firstFailureLabel).toBe("SIP 486 Busy Here");
    expect(a.summary).toContain(`The first failure is SIP 486 Busy Here on line ${log.busy}`);
    expect(a.summary).toMatch(/\d+ repeats are folded into the counts/);

    const group = (key: string) => a.timeline.find((t) => t.key === key);
    // The cause in the 486's Reason header, past the storage cap, still has the 486's sender and time.
    expect(group("q850:17:null:10.0.0.5:5060")).toMatchObject({
      firstLine: log.cause,
      failure: true,
      count: 1,
      hosts: ["10.0.0.5:5060"],
      timestamp: a.firstFailure?.timestamp,
    });
    expect(a.correlations.join(" ")).toMatch(/SIP 486 Busy Here \(line \d+\) and Q\.850 cause 17 /);
    // The repeats still count: "3× 503 from 10.0.0.5", and every 200 OK.
    expect(group("sip:503:null:10.0.0.5:5060")).toMatchObject({
      count: 3,
      firstLine: log.unavailable[0],
      failure: true,
    });
    expect(group("sip:503:null:10.0.0.6:5060")).toMatchObject({ count: 2, firstLine: log.unavailable[3] });
    // The packet line above each 200 OK names its sender: kept and folded repeats share that key.
    expect(group("sip:200:null:10.0.0.5:5060")?.count).toBe(log.oks);
    // Failing codes, not rows: Q.850 17, 486 and 503 (from two hosts).
    expect(a.counts.failures).toBe(3);
    expect(a.counts.findings).toBe(out.findings.length + out.omitted);
    expect(a.counts.findings).toBe(3 * log.oks + 1000 + 2 + 5);
    // Kept findings stay in line order, which the timeline's time inheritance relies on.
    const lines = out.findings.map((f) => f.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });

  it("gives the same analysis whichever way the text arrives", () => {
    const whole = analyze(catalog(), scanText(catalog(), log.text));
    for (const chunk of [1000, 65_536]) {
      const parts = analyze(catalog(), streamed(log.text, chunk));
      expect(parts.summary).toBe(whole.summary);
      expect(parts.timeline).toEqual(whole.timeline);
    }
  });
});

describe("bounded memory", () => {
  it("keeps a bounded number of findings for 1,000,000 repeats and still counts them all", () => {
    const s = new Scanner(catalog());
    const block = "SIP/2.0 503 Service Unavailable\n".repeat(1000);
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 1000; k++) s.push(block);
    const out = s.end();
    expect(out.findings.length).toBeLessThanOrEqual(MAX_STORED_FINDINGS + FIRST_PER_KEY);
    expect(out.findings.length + out.omitted).toBe(1_000_000);
    expect(out.folded).toEqual([expect.objectContaining({ key: "sip:503:null:", count: out.omitted })]);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    const a = analyze(catalog(), out);
    expect(a.timeline).toHaveLength(1);
    expect(a.timeline[0]?.count).toBe(1_000_000);
    expect(a.firstFailure?.line).toBe(1);
    expect(a.summary).toMatch(/^Found 1000000 codes \(1 distinct\) in 1000000 lines; \d+ repeats are folded/);
  });

  it("never holds more than MAX_FINDINGS, even with a new host on every line", () => {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++)
      lines.push(`got 503 Service Unavailable from 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    lines.push("got 486 Busy Here from 10.9.9.9");
    const out = scanText(catalog(), lines.join("\n"));
    expect(out.findings.length + out.omitted).toBe(40_001);
    expect(out.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    // A new code still gets through once every host key is taken.
    expect(out.findings.at(-1)).toMatchObject({ code: 486, line: 40_001, host: "10.9.9.9" });
  });
});

describe("digest challenges past the cap", () => {
  /** 3,000 normal codes first, so what follows is past the cap. */
  function afterTraffic(): Log {
    const log = new Log();
    for (let call = 0; call < 1000; call++) log.normalCall(call);
    return log;
  }

  it("calls a 401 answered by a 200 OK normal", () => {
    const log = afterTraffic();
    log.response("401 Unauthorized", 5000);
    // The INVITE sent again with credentials: the same call, the next CSeq.
    log.response("200 OK", 5000, [], 2);
    const a = analyze(catalog(), scanText(catalog(), log.text));
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toMatch(/401\/407 challenge was answered/);
  });

  it("calls a 423 answered by a 200 OK to the retried REGISTER normal", () => {
    const log = afterTraffic();
    const register = (status: string, cseq: number) =>
      log.lines.push(
        "RX 410 bytes from 10.0.0.5:5060",
        `SIP/2.0 ${status}`,
        "Call-ID: reg-1@10.0.0.7",
        `CSeq: ${cseq} REGISTER`,
        "",
      ) - 3;
    const brief = register("423 Interval Too Brief", 1);
    register("200 OK", 2);
    const a = analyze(catalog(), scanText(catalog(), log.text));
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toContain(
      `SIP 423 Interval Too Brief on line ${brief} (REGISTER), then retried`,
    );
  });

  it("names an unanswered 401 the first failure, even after many answered ones", () => {
    const log = afterTraffic();
    for (let call = 5000; call < 5010; call++) {
      log.response("401 Unauthorized", call);
      log.response("200 OK", call, [], 2);
    }
    const failing = log.response("401 Unauthorized", 6000);
    // Other calls go on: their successes answer their own INVITEs, not this one.
    for (let call = 7000; call < 7100; call++) log.normalCall(call);
    const a = analyze(catalog(), scanText(catalog(), log.text));
    expect(a.firstFailure?.code).toBe(401);
    expect(a.firstFailure?.line).toBe(failing);
  });

  it("keeps an HTTP 401 a failure when the 2xx after it is another API's", () => {
    const log = afterTraffic();
    const text = `${log.text}
2024-05-14T02:40:11.100Z ERROR AxiosError: Request failed with status code 401 (POST https://api.voip-provider.example/v2/calls)
2024-05-14T02:40:11.350Z INFO POST https://telemetry.voip-provider.example/v1/events -> HTTP/1.1 200 OK
`;
    const a = analyze(catalog(), scanText(catalog(), text));
    expect(a.firstFailure).toMatchObject({ namespace: "http", code: 401 });
  });

  it("keeps the 2xx that answers an HTTP 401 when another API's 2xx comes first", () => {
    const log = afterTraffic();
    const text = `${log.text}
2024-05-14T02:40:11.100Z ERROR AxiosError: Request failed with status code 401 (POST https://api.voip-provider.example/v2/calls)
2024-05-14T02:40:11.350Z INFO POST https://telemetry.voip-provider.example/v1/events -> HTTP/1.1 200 OK
2024-05-14T02:40:12.100Z INFO POST https://api.voip-provider.example/v2/calls -> HTTP/1.1 201 Created
`;
    const a = analyze(catalog(), scanText(catalog(), text));
    expect(a.firstFailure).toBeNull();
  });
});
