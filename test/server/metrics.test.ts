// GET /metrics and /readyz on the real server: answers, explanations by namespace, scans, request
// counts and latency histograms in Prometheus text format; readiness reports the store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { metrics } from "../../src/metrics/index.js";
import { cardsToText } from "../../src/render/text.js";
import { respond } from "../../src/respond.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { RedisStore } from "../../src/store/redis.js";
import { eventBody, postSigned, slashCommand, startSlackServer } from "../adapters/slack/harness.js";
import { catalog } from "../helpers/catalog.js";

let server: RunningServer;

beforeAll(async () => {
  server = await startSlackServer();
});
afterAll(async () => {
  await server.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one series, or 0 when it does not exist yet. */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("/metrics", () => {
  it("counts answers, namespaces and HTTP requests as they happen", async () => {
    const before = await scrape();
    const slack200 = 'sipcode_http_requests_total{status="200",surface="slack"}';
    const mobius = 'sipcode_explanations_total{namespace="mobius"}';
    // A distinct query each run, so no cache hides the answer from the counters.
    const res = await postSigned(server, slashCommand("mobius 118"), "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    await res.text();
    const after = await scrape();
    expect(value(after, slack200)).toBe(value(before, slack200) + 1);
    expect(value(after, mobius)).toBeGreaterThan(value(before, mobius));
    expect(after).toMatch(/^sipcode_answers_total\{kind="found",surface="slack"\} \d+$/m);
  });

  it("records scans with their size and duration", async () => {
    const body = eventBody({
      type: "app_mention",
      channel: "C1",
      user: "U1",
      ts: "1700000300.000100",
      text: "<@UBOT> SIP/2.0 488 Not Acceptable Here\nCSeq: 2 INVITE",
    });
    // The Web API is unreachable here: the reply fails and is logged, the scan is still counted.
    await (await postSigned(server, body, "application/json")).text();
    let text = "";
    for (let i = 0; i < 50 && !/sipcode_scan_bytes_count\{surface="slack"\} [1-9]/.test(text); i++) {
      await new Promise((r) => setTimeout(r, 50));
      text = await scrape();
    }
    expect(text).toMatch(/^sipcode_scan_bytes_count\{surface="slack"\} [1-9]\d*$/m);
    expect(text).toMatch(/^sipcode_scan_duration_seconds_bucket\{surface="slack",le="\+Inf"\} [1-9]\d*$/m);
    expect(value(text, 'sipcode_scan_findings_total{namespace="sip"}')).toBeGreaterThan(0);
    // The reply could not be posted (no Web API here): that failure is counted by its code.
    for (
      let i = 0;
      i < 100 && !/^sipcode_platform_api_errors_total\{code="[^"]+",platform="slack"\} [1-9]/m.test(text);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
      text = await scrape();
    }
    expect(text).toMatch(/^sipcode_platform_api_errors_total\{code="[^"]+",platform="slack"\} [1-9]\d*$/m);
  });

  it("counts every code of a big paste, including the repeats folded past the findings cap", async () => {
    const before = metrics.findings.value({ namespace: "sip" });
    const paste = Array.from({ length: 3000 }, () => "SIP/2.0 486 Busy Here").join("\n");
    const reply = respond(catalog(), `scan ${paste}`, "cli");
    expect(cardsToText(reply.cards)).toMatch(/Codes found\s+3000/);
    expect(metrics.findings.value({ namespace: "sip" }) - before).toBe(3000);
  });

  it("renders histograms with cumulative buckets, a sum and a count", async () => {
    const text = await scrape();
    const buckets = [
      ...text.matchAll(
        /^sipcode_http_request_duration_seconds_bucket\{surface="slack",le="([^"]+)"\} (\d+)$/gm,
      ),
    ];
    expect(buckets.length).toBeGreaterThan(5);
    const counts = buckets.map((m) => Number(m[2]));
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(buckets.at(-1)?.[1]).toBe("+Inf");
    expect(value(text, 'sipcode_http_request_duration_seconds_count{surface="slack"}')).toBe(counts.at(-1));
    expect(text).toContain("# TYPE sipcode_http_request_duration_seconds histogram");
    expect(value(text, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
  });
});

describe("/readyz and /healthz", () => {
  it("reports ready with the in-process store and the loaded catalog", async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "ready",
      store: { kind: "memory", up: true },
      platforms: ["slack"],
    });
    expect(body.catalogEntries).toBeGreaterThan(300);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });

  it("answers HEAD probes with the same status and no body", async () => {
    for (const path of ["/healthz", "/readyz"]) {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method: "HEAD" });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("");
    }
  });

  it("answers 503 while the shared store is unreachable, and stays alive", async () => {
    // Nothing listens on port 1: the store never connects.
    const store = new RedisStore({ url: "redis://127.0.0.1:1" });
    const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
    const other = await startServer(config, { catalog: catalog(), logger: createLogger("silent"), store });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: "store unreachable",
        store: { kind: "redis", up: false },
      });
      expect((await fetch(`http://127.0.0.1:${other.port}/healthz`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
