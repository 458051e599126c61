// Shared parts of the load and soak runs: the real server as its own process (from dist/), a
// loopback stand-in for the Slack Web API, signed Slack requests, Teams activities, and keep-alive
// client loops that record latency and every error. Loopback only; everything stops by itself.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";

/** A numeric `--name value` from the command line, or the default. */
export function option(name, dflt) {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
}

export const SECRET = "bench-signing-secret-0123456789";
const BIN = fileURLToPath(new URL("../bin/sipcode.js", import.meta.url));

export const PASTE = [
  "2024-05-01T10:00:00.120Z INVITE sip:+14155550123@carrier.example.net SIP/2.0",
  "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds",
  "Call-ID: a84b4c76e66710@pc33.example.com",
  "CSeq: 314159 INVITE",
  "Content-Type: application/sdp",
  "Content-Length: 142",
  "",
  "2024-05-01T10:00:00.180Z SIP/2.0 100 Trying",
  "CSeq: 314159 INVITE",
  "2024-05-01T10:00:00.410Z SIP/2.0 488 Not Acceptable Here",
  "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds",
  "Server: sbc-edge-02",
  "CSeq: 314159 INVITE",
  'Reason: Q.850;cause=88;text="Incompatible destination"',
  "2024-05-01T10:00:00.433Z ERROR c.c.w.m.call.CallHandler : Call: Error code: 403 : FORBIDDEN, mobius-error: 118, due to Not Acceptable",
  '2024-05-01T10:00:01.002Z WARN  callEndReason {"code": 410, "subCode": 3112}',
]
  .join("\n")
  .repeat(4);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `sipcode serve` with Slack over HTTP (Web API on `apiUrl`) and Teams in development mode. */
export async function startServer(apiUrl, extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "bench",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${apiUrl}/api/`,
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => {
    log += d.toString();
    if (log.length > 1_000_000) log = log.slice(-100_000);
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    logs: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

/** The Slack Web API on loopback: answers every method ok and counts thread replies by thread. */
export async function startFakeSlack() {
  const replies = new Map();
  let calls = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      calls++;
      const method = (req.url ?? "").split("/").pop();
      if (method === "chat.postMessage") {
        const args = req.headers["content-type"]?.includes("json")
          ? JSON.parse(body)
          : Object.fromEntries(new URLSearchParams(body));
        const r = replies.get(args.thread_ts) ?? { count: 0, firstAt: 0 };
        r.count++;
        r.firstAt ||= performance.now();
        replies.set(args.thread_ts, r);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, ts: "1700000000.000100", channel: "C1" }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    replies,
    calls: () => calls,
    close: () => new Promise((r) => server.close(r) && server.closeAllConnections()),
  };
}

function signed(contentType, body) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": sig,
    },
    body,
  };
}

export function slashCommand(text) {
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: "C1",
    user_id: "U1",
    user_name: "oncall",
    command: "/sipcode",
    text,
    api_app_id: "A1",
    response_url: "https://hooks.slack.invalid/commands/1",
    trigger_id: "1.2.3",
  }).toString();
  return { path: "/slack/events", ...signed("application/x-www-form-urlencoded", body) };
}

let seq = 0;
/** An @sipcode mention carrying a pasted log, in its own thread (unique ts and event id). */
export function threadPaste() {
  seq++;
  const ts = `${1_700_000_000 + seq}.${String(seq % 1_000_000).padStart(6, "0")}`;
  const body = JSON.stringify({
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `EvBench${process.pid}x${seq}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: "app_mention", channel: "C1", user: "U1", ts, text: `<@UBOT> ${PASTE}` },
  });
  return { path: "/slack/events", threadTs: ts, ...signed("application/json", body) };
}

/** "@sipcode <text>" in a personal chat, answered in the HTTP response (expectReplies). */
export function teamsActivity(text, id) {
  return {
    type: "message",
    id,
    channelId: "msteams",
    // Replies come back in the HTTP response (expectReplies); without credentials only a local
    // serviceUrl is accepted, as a Bot Framework Emulator on this machine sends.
    serviceUrl: "http://localhost:3978/",
    deliveryMode: "expectReplies",
    from: { id: "29:bench", name: "On-call" },
    recipient: { id: "28:bot", name: "sipcode" },
    conversation: { id: "a:bench", conversationType: "personal", tenantId: "t" },
    text: `<at>sipcode</at> ${text}`,
    entities: [{ type: "mention", mentioned: { id: "28:bot", name: "sipcode" }, text: "<at>sipcode</at>" }],
  };
}

export function teamsMessage(text) {
  const body = JSON.stringify(teamsActivity(text, String(++seq)));
  return { path: "/api/messages", headers: { "content-type": "application/json" }, body };
}

/** One request on a keep-alive agent; resolves with status and latency, or the error code. */
export function send(agent, port, r) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(
      { host: "127.0.0.1", port, path: r.path, method: "POST", agent, headers: r.headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - started }));
      },
    );
    req.on("error", (err) => resolve({ error: err.code ?? String(err), ms: performance.now() - started }));
    req.end(r.body);
  });
}

/** Runs `connections` loops for `seconds`, each sending `next()`; tallies per request kind. */
export async function drive({ port, connections, seconds, next, onResult }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const r = next();
      // A request may name its own server (the soak's Teams messages go to a Teams-only one).
      onResult(r, await send(agent, r.port ?? port, r));
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
}

export class Tally {
  constructor() {
    this.latencies = [];
    this.statuses = new Map();
    this.errors = new Map();
  }
  add(result) {
    if (result.error) this.errors.set(result.error, (this.errors.get(result.error) ?? 0) + 1);
    else this.statuses.set(result.status, (this.statuses.get(result.status) ?? 0) + 1);
    this.latencies.push(result.ms);
  }
  summary(seconds) {
    const l = Float64Array.from(this.latencies).sort();
    const pct = (p) => Number((l[Math.min(l.length - 1, Math.floor((p / 100) * l.length))] ?? 0).toFixed(2));
    const non2xx = [...this.statuses].filter(([s]) => s < 200 || s >= 300).reduce((a, [, n]) => a + n, 0);
    return {
      requests: l.length,
      rps: Math.round(l.length / seconds),
      p50ms: pct(50),
      p99ms: pct(99),
      maxms: pct(100),
      non2xx,
      errors: Object.fromEntries(this.errors),
    };
  }
}

export async function metric(url, name) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(" ")[1]) : Number.NaN;
}
