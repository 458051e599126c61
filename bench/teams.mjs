#!/usr/bin/env node
// Teams throughput on loopback, in one run: "@sipcode 488" (deliveryMode expectReplies) through the
// real server built in dist/, against a do-nothing CloudAdapter bot from the same botbuilder that
// answers the same activity with a constant text. Budget: sipcode ≥ 90 % of the baseline's req/s.
// Each server runs in its own child process so the load generator's work is not billed to it.
// Usage: npm run build && node bench/teams.mjs [--seconds 5] [--concurrency 16]  (seconds per server)
import { fork } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { teamsActivity } from "./traffic.mjs";

const BUDGET = 0.9;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const SECONDS = opt("seconds", 5);
const CONCURRENCY = opt("concurrency", 16);

const ACTIVITY = teamsActivity("488", "1700000000001");
const PAYLOAD = Buffer.from(JSON.stringify(ACTIVITY));

/** The real server from dist/, as `npm start` would run it (no Teams credentials: Emulator mode). */
async function realServer() {
  const dist = new URL("../dist/", import.meta.url);
  const { startServer } = await import(new URL("server.js", dist).href);
  const { loadConfig } = await import(new URL("config.js", dist).href);
  const env = { NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" };
  const s = await startServer(loadConfig(env));
  return { port: s.port, close: () => s.close() };
}

/** The baseline: botbuilder's own CloudAdapter.process over node:http, replying with constant text. */
async function baselineServer() {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    let out = "";
    const shim = {
      socket: res.socket,
      status: (code) => {
        res.statusCode = code;
      },
      header: (name, value) => res.setHeader(name, value),
      send: (body) => {
        if (typeof body === "object") res.setHeader("content-type", "application/json");
        out = typeof body === "object" ? JSON.stringify(body) : String(body);
      },
      end: () => res.end(out),
    };
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    await adapter.process({ method: req.method, headers: req.headers, body }, shim, (ctx) =>
      ctx.sendActivity("ok"),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

function request(agent, port, keepBody = false) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/messages",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": PAYLOAD.length },
      },
      (res) => {
        // The load generator only counts answers; reading bodies into strings would bill it to the server.
        const chunks = [];
        res.on("data", (c) => keepBody && chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    req.end(PAYLOAD);
  });
}

/** N keep-alive workers posting back to back for a bounded time; counts 200s. */
async function measure(port, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let ok = 0;
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const r = await request(agent, port);
      if (r.status === 200) ok++;
      else failed++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return { rps: ok / elapsed, requests: ok, failed, seconds: elapsed };
}

/** Starts a server kind in a child process and returns its port and a stop function. */
function spawnServer(kind) {
  const child = fork(new URL(import.meta.url), ["--serve", kind], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${kind} server exited (${code})`)));
    child.once("message", (m) =>
      resolve({ port: m.port, close: () => new Promise((r) => child.once("exit", r) && child.send("stop")) }),
    );
  });
}

async function serve(kind) {
  const server = kind === "real" ? await realServer() : await baselineServer();
  process.send({ port: server.port });
  process.once("message", async () => {
    await server.close();
    process.exit(0);
  });
}

async function main() {
  const [real, base] = await Promise.all([spawnServer("real"), spawnServer("baseline")]);
  try {
    // Sanity: the real server answers with the card, the baseline with its constant text.
    const check = await request(undefined, real.port, true);
    const reply = JSON.parse(check.body).activities?.[0];
    if (reply?.attachments?.[0]?.contentType !== "application/vnd.microsoft.card.adaptive") {
      throw new Error(`sipcode did not answer with a card: ${check.status} ${check.body.slice(0, 200)}`);
    }
    if (!(await request(undefined, base.port, true)).body.includes('"ok"'))
      throw new Error("baseline did not answer");

    await measure(base.port, 1); // warm-up: JIT, sockets
    await measure(real.port, 1);
    // Interleaved half-second slices, so background load on the machine hits both servers alike; the
    // headline ratio is the median of the paired slices, which a burst of outside load cannot skew.
    const baseline = { requests: 0, failed: 0, seconds: 0 };
    const sipcode = { requests: 0, failed: 0, seconds: 0 };
    const pairs = [];
    for (let i = 0; i < SECONDS * 2; i++) {
      const b = await measure(base.port, 0.5);
      const s = await measure(real.port, 0.5);
      for (const [acc, r] of [
        [baseline, b],
        [sipcode, s],
      ]) {
        acc.requests += r.requests;
        acc.failed += r.failed;
        acc.seconds += r.seconds;
      }
      pairs.push(s.rps / b.rps);
    }
    baseline.rps = baseline.requests / baseline.seconds;
    sipcode.rps = sipcode.requests / sipcode.seconds;
    pairs.sort((x, y) => x - y);
    const ratio = (pairs[Math.floor((pairs.length - 1) / 2)] + pairs[Math.ceil((pairs.length - 1) / 2)]) / 2;
    const overall = sipcode.rps / baseline.rps;
    console.log(`baseline (do-nothing CloudAdapter bot): ${baseline.rps.toFixed(0)} req/s`);
    console.log(`sipcode  (@sipcode 488, card reply):    ${sipcode.rps.toFixed(0)} req/s`);
    console.log(
      `ratio: ${(ratio * 100).toFixed(1)} % median of ${pairs.length} paired slices, ${(overall * 100).toFixed(1)} % overall (budget ≥ ${BUDGET * 100} %)`,
    );
    console.log(
      JSON.stringify({
        bench: "teams",
        node: process.version,
        seconds: SECONDS,
        concurrency: CONCURRENCY,
        sipcode_rps: Math.round(sipcode.rps),
        baseline_rps: Math.round(baseline.rps),
        ratio: Number(ratio.toFixed(3)),
        ratio_overall: Number(overall.toFixed(3)),
        budget: BUDGET,
        pass: ratio >= BUDGET,
        failed: sipcode.failed + baseline.failed,
      }),
    );
    if (ratio < BUDGET) process.exitCode = 1;
  } finally {
    await Promise.all([base.close(), real.close()]);
  }
}

const serveIdx = args.indexOf("--serve");
if (serveIdx >= 0) await serve(args[serveIdx + 1]);
else await main();
