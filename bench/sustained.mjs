// Sustained load on the real server process (loopback, bounded): 50 keep-alive connections for
// 60 s at signed `/sipcode 488`, then 60 s of @sipcode thread pastes whose replies are counted at
// the Slack Web API stand-in. Reports req/s, p50/p99 and every error; exits 1 on any error.
// Usage: node bench/sustained.mjs [--seconds 60] [--connections 50]   (after npm run build)
import {
  drive,
  metric,
  option,
  PASTE,
  slashCommand,
  startFakeSlack,
  startServer,
  Tally,
  threadPaste,
} from "./traffic.mjs";

const SECONDS = option("seconds", 60);
const CONNECTIONS = option("connections", 50);
/** Each answered paste is two thread posts: the findings, then the follow-up checklist. */
const POSTS_PER_ANSWER = 2;

const slack = await startFakeSlack();
const server = await startServer(slack.url);
const results = {};
let failed = false;
try {
  // Warm-up, not counted.
  await drive({
    port: server.port,
    connections: 10,
    seconds: 3,
    next: () => slashCommand("488"),
    onResult: () => {},
  });

  const commands = new Tally();
  await drive({
    port: server.port,
    connections: CONNECTIONS,
    seconds: SECONDS,
    next: () => slashCommand("488"),
    onResult: (_r, res) => commands.add(res),
  });
  results.slashCommand488 = commands.summary(SECONDS);

  const acks = new Tally();
  const sentAt = new Map();
  await drive({
    port: server.port,
    connections: CONNECTIONS,
    seconds: SECONDS,
    next: () => {
      const r = threadPaste();
      sentAt.set(r.threadTs, performance.now());
      return r;
    },
    onResult: (_r, res) => acks.add(res),
  });
  // Replies are posted after the ack: wait (bounded) until every paste has its two posts.
  const deadline = performance.now() + 30_000;
  const answered = () =>
    [...sentAt.keys()].filter((ts) => (slack.replies.get(ts)?.count ?? 0) >= POSTS_PER_ANSWER).length;
  while (answered() < sentAt.size && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const replyMs = [...sentAt]
    .map(([ts, at]) => (slack.replies.get(ts)?.firstAt ?? Number.NaN) - at)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const pct = (p) =>
    Number((replyMs[Math.min(replyMs.length - 1, Math.floor((p / 100) * replyMs.length))] ?? 0).toFixed(2));
  results.threadPaste = {
    ack: acks.summary(SECONDS),
    pastes: sentAt.size,
    pasteChars: PASTE.length,
    unanswered: sentAt.size - answered(),
    replyP50ms: pct(50),
    replyP99ms: pct(99),
  };
  results.serverRssMB = Math.round((await metric(server.url, "process_resident_memory_bytes")) / 1e6);
  const bad = (s) => s.non2xx > 0 || Object.keys(s.errors).length > 0;
  failed = bad(results.slashCommand488) || bad(results.threadPaste.ack) || results.threadPaste.unanswered > 0;
} finally {
  const code = await server.stop();
  results.serverExit = code;
  await slack.close();
}
console.log(JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, ...results }, null, 2));
if (failed) {
  console.error("sustained load: errors or unanswered pastes (see above)");
  process.exitCode = 1;
}
