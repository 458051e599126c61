// Soak: 10 minutes (by default) of mixed traffic on the real server process over loopback —
// slash commands with varied and unique queries, thread pastes, Teams messages, metrics scrapes —
// sampling the server's RSS every 5 s. Reports growth after warm-up (budget ≤ 10 %) and every error;
// exits 1 on errors or growth over budget.
// Usage: node bench/soak.mjs [--seconds 600] [--connections 12]   (after npm run build)
import {
  drive,
  metric,
  option,
  slashCommand,
  startFakeSlack,
  startServer,
  Tally,
  teamsMessage,
  threadPaste,
} from "./traffic.mjs";

const SECONDS = option("seconds", 600);
const CONNECTIONS = option("connections", 12);
const WARMUP = Math.min(60, Math.round(SECONDS / 5));
const WINDOW = Math.min(60, Math.round(SECONDS / 5));
const BUDGET = 0.1;

const QUERIES = [
  "488",
  "sip 503",
  "q850 16",
  "cause 21",
  "mobius 118",
  "mobius 503",
  "acs 410/3112",
  "exotel 1008",
  "http 429",
  "one way audio",
  "busy here",
  "help",
  "timers",
  "timers expires=3600",
  "403",
];
let n = 0;
/** Mostly repeated questions, some never seen before (new codes, odd timer values) to exercise caches. */
function next() {
  n++;
  if (n % 10 === 0) return threadPaste();
  if (n % 5 === 0) return { ...teamsMessage(QUERIES[n % QUERIES.length]), port: teams.port };
  if (n % 7 === 0) return slashCommand(`timers expires=${60 + (n % 100_000)}`);
  if (n % 3 === 0) return slashCommand(String(100 + (n % 600)));
  return slashCommand(QUERIES[n % QUERIES.length]);
}

const slack = await startFakeSlack();
const server = await startServer(slack.url);
// Beside Slack, Teams without credentials is not served: its messages go to a Teams-only server
// (development mode, answering an Emulator on this machine), whose memory is watched too.
const teams = await startServer(slack.url, { SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "" });
const tally = new Tally();
const samples = [];
const started = performance.now();
const sampler = setInterval(async () => {
  const read = (s) => metric(s.url, "process_resident_memory_bytes").catch(() => Number.NaN);
  const [rss, teamsRss] = await Promise.all([read(server), read(teams)]);
  samples.push({ t: (performance.now() - started) / 1000, rss, teamsRss });
}, 5_000);
let result;
try {
  await drive({
    port: server.port,
    connections: CONNECTIONS,
    seconds: SECONDS,
    next,
    onResult: (_r, res) => tally.add(res),
  });
} finally {
  clearInterval(sampler);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const inRange = (a, b, key = "rss") =>
    samples.filter((s) => s.t >= a && s.t < b && Number.isFinite(s[key])).map((s) => s[key]);
  const baseline = median(inRange(WARMUP, WARMUP + WINDOW));
  const final = median(inRange(SECONDS - WINDOW, SECONDS + 1));
  const teamsBaseline = median(inRange(WARMUP, WARMUP + WINDOW, "teamsRss"));
  const teamsFinal = median(inRange(SECONDS - WINDOW, SECONDS + 1, "teamsRss"));
  const teamsGrowth = (teamsFinal - teamsBaseline) / teamsBaseline;
  const growth = Math.max((final - baseline) / baseline, teamsGrowth);
  const summary = tally.summary(SECONDS);
  result = {
    seconds: SECONDS,
    connections: CONNECTIONS,
    traffic: summary,
    rssAfterWarmupMB: Math.round(baseline / 1e6),
    rssAtEndMB: Math.round(final / 1e6),
    rssPeakMB: Math.round(Math.max(...samples.map((s) => s.rss).filter(Number.isFinite)) / 1e6),
    rssGrowthPercent: Number((((final - baseline) / baseline) * 100).toFixed(1)),
    teamsServerRssAfterWarmupMB: Math.round(teamsBaseline / 1e6),
    teamsServerRssGrowthPercent: Number((teamsGrowth * 100).toFixed(1)),
    budgetPercent: BUDGET * 100,
    slackApiCalls: slack.calls(),
  };
  result.serverExit = await server.stop();
  result.teamsServerExit = await teams.stop();
  await slack.close();
  console.log(JSON.stringify(result, null, 2));
  if (summary.non2xx > 0 || Object.keys(summary.errors).length > 0 || !(growth <= BUDGET)) {
    console.error("soak: errors or memory growth over budget (see above)");
    process.exitCode = 1;
  }
}
