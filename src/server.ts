// One HTTP port for every platform: POST /slack/events (Bolt), POST /api/messages (Teams),
// GET /healthz (liveness) and GET /readyz (catalog loaded, platforms ready). Slack Socket Mode
// runs beside it when SLACK_APP_TOKEN is set.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Catalog } from "./catalog/indexes.js";
import { loadCatalog } from "./catalog/load.js";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** What a platform adapter gives the server: an HTTP route and/or a background connection. */
export interface PlatformPart {
  name: string;
  route?: { path: string; handle: RouteHandler };
  start?(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunningServer {
  server: Server;
  port: number;
  catalog: Catalog;
  close(): Promise<void>;
}

export interface ServerOptions {
  catalog?: Catalog;
  logger?: Logger;
  /** Install SIGTERM/SIGINT handlers (the real process does; tests don't). */
  handleSignals?: boolean;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function platformParts(config: Config, catalog: Catalog, logger: Logger): Promise<PlatformPart[]> {
  const parts: PlatformPart[] = [];
  if (config.slack) {
    const { createSlackPart } = await import("./adapters/slack/index.js");
    parts.push(
      await createSlackPart({
        config,
        slack: config.slack,
        catalog,
        logger: logger.child({ surface: "slack" }),
      }),
    );
  }
  // Teams: with credentials always; without them only outside production (Emulator-style, no auth).
  if (config.teams || !config.production) {
    const { createTeamsPart } = await import("./adapters/teams/index.js");
    parts.push(await createTeamsPart({ config, catalog, logger: logger.child({ surface: "teams" }) }));
  }
  return parts;
}

export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const catalog = opts.catalog ?? loadCatalog(config.catalogDir);
  const parts = await platformParts(config, catalog, logger);
  const routes = new Map(parts.flatMap((p) => (p.route ? [[p.route.path, p.route.handle] as const] : [])));
  let ready = false;
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method === "GET" && path === "/healthz") return json(res, 200, { status: "ok" });
    if (req.method === "GET" && path === "/readyz") {
      return json(res, ready ? 200 : 503, {
        status: ready ? "ready" : "starting",
        catalogEntries: catalog.entries.length,
        platforms: parts.map((p) => p.name),
      });
    }
    const handle = routes.get(path);
    if (!handle) return json(res, 404, { error: "not found" });
    if (req.method !== "POST") return json(res, 405, { error: "use POST" });
    Promise.resolve(handle(req, res)).catch((err: unknown) => {
      logger.error("request failed", { path, err });
      if (!res.headersSent) json(res, 500, { error: "internal error" });
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  for (const p of parts) await p.start?.();
  ready = true;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info("listening", { port, platforms: parts.map((p) => p.name), production: config.production });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      ready = false;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const p of parts)
        await p.stop().catch((err: unknown) => logger.warn("stop failed", { part: p.name, err }));
      // In-flight requests get a bounded time to finish; then the remaining sockets are cut.
      const timer = setTimeout(() => server.closeAllConnections(), 10_000);
      await stopped;
      clearTimeout(timer);
      logger.info("stopped");
    })();
    return closing;
  };
  if (opts.handleSignals) {
    for (const sig of ["SIGTERM", "SIGINT"] as const) {
      process.once(sig, () => {
        logger.info("shutting down", { signal: sig });
        void close().then(() => process.exit(0));
      });
    }
  }
  return { server, port, catalog, close };
}
