// A small loopback HTTP server that records requests and answers them with a handler: stands in
// for the Slack Web API (via SLACK_API_URL) or the Bot Connector (via an activity's serviceUrl)
// when the bot under test runs in another process, where nock cannot reach.
import { createServer, type IncomingMessage, type Server } from "node:http";

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

export type FakeHandler = (
  r: Recorded,
) => Promise<{ status?: number; body: unknown }> | { status?: number; body: unknown };

export interface FakeHttp {
  url: string;
  requests: Recorded[];
  server: Server;
  close(): Promise<void>;
  /** Waits until `count` recorded requests match. */
  waitFor(match: (r: Recorded) => boolean, count?: number, ms?: number): Promise<Recorded[]>;
}

export async function startFakeHttp(handler: FakeHandler): Promise<FakeHttp> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const r: Recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      requests.push(r);
      const out = await handler(r);
      res.writeHead(out.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const a = server.address();
  const port = typeof a === "object" && a ? a.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    waitFor: async (match, count = 1, ms = 10_000) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const hits = requests.filter(match);
        if (hits.length >= count) return hits;
        await new Promise((r) => setTimeout(r, 25));
      }
      return requests.filter(match);
    },
  };
}

/** The form fields of a Slack Web API call (the WebClient posts form-encoded bodies). */
export function slackArgs(r: Recorded): Record<string, string> {
  if ((r.headers["content-type"] ?? "").includes("json")) return JSON.parse(r.body) as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(r.body));
}
