// A small keep-alive HTTP load generator for loopback benchmarks: N workers send requests for a
// fixed time and the run reports requests/s, status counts and latency percentiles.
import http from "node:http";

export async function load({ port, path, headers, body, connections = 10, seconds = 5, makeRequest }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const end = Date.now() + seconds * 1000;
  const latencies = [];
  const statuses = new Map();
  let errors = 0;
  const once = () =>
    new Promise((resolve) => {
      const r = makeRequest ? makeRequest() : { headers, body };
      const started = process.hrtime.bigint();
      const req = http.request(
        { host: "127.0.0.1", port, path, method: "POST", agent, headers: r.headers },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });
  const worker = async () => {
    while (Date.now() < end) await once();
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const non2xx = [...statuses].filter(([s]) => s < 200 || s >= 300).reduce((a, [, n]) => a + n, 0);
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsed),
    p50: Number(pct(50).toFixed(2)),
    p99: Number(pct(99).toFixed(2)),
    non2xx,
    errors,
  };
}
