// One HTTP port for every platform: POST /slack/events (Bolt), POST /api/messages (Teams),
// GET /healthz (liveness), GET /readyz (catalog, store and platforms ready) and GET /metrics
// (Prometheus). Slack Socket Mode runs beside it when SLACK_APP_TOKEN is set.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Catalog } from "./catalog/indexes.js";
import { loadCatalog } from "./catalog/load.js";
import type { Config } from "./config.js";
import { Connections } from "./connections.js";
import { ConfigError } from "./errors.js";
import { createLogger, type Logger } from "./log.js";
import { metrics, registry } from "./metrics/index.js";
import { openStore, type Store } from "./store/index.js";
import { ReminderLoop } from "./store/reminders.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** What a platform adapter gives the server: an HTTP route and/or a background connection. */
export interface PlatformPart {
  name: string;
  route?: { path: string; handle: RouteHandler };
  start?(): Promise<void>;
  /** Resolves false when work had to be abandoned (the final "stopped" line then says clean:false). */
  // biome-ignore lint/suspicious/noConfusingVoidType: parts that never abandon work return nothing.
  stop(): Promise<void | boolean>;
  /** Why the part cannot do its job (a token the platform refused); /readyz reports it. */
  problem?(): string | undefined;
}

/** What every platform part is built with. */
export interface PartContext {
  config: Config;
  catalog: Catalog;
  logger: Logger;
  store: Store;
  reminders: ReminderLoop;
}

export interface RunningServer {
  server: Server;
  port: number;
  catalog: Catalog;
  store: Store;
  close(): Promise<void>;
}

export interface ServerOptions {
  catalog?: Catalog;
  logger?: Logger;
  store?: Store;
  /** Install SIGTERM/SIGINT handlers (the real process does; tests don't). */
  handleSignals?: boolean;
  /** Upper bound on a graceful shutdown before remaining connections are cut. */
  shutdownMs?: number;
}

const ROUTE_LABELS: Record<string, string> = {
  "/slack/events": "slack",
  "/api/messages": "teams",
  "/healthz": "healthz",
  "/readyz": "readyz",
  "/metrics": "metrics",
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function platformParts(ctx: PartContext): Promise<PlatformPart[]> {
  const { config, logger } = ctx;
  const parts: PlatformPart[] = [];
  if (config.slack) {
    const { createSlackPart } = await import("./adapters/slack/index.js");
    parts.push(
      await createSlackPart({ ...ctx, slack: config.slack, logger: logger.child({ surface: "slack" }) }),
    );
  }
  // Teams: with credentials always; without them only outside production and when Slack is not
  // configured (Emulator-style, no auth), so a Slack install never opens an unauthenticated route.
  if (config.teams || (!config.production && !config.slack)) {
    const { createTeamsPart } = await import("./adapters/teams/index.js");
    parts.push(await createTeamsPart({ ...ctx, logger: logger.child({ surface: "teams" }) }));
  }
  return parts;
}

/** Listens, or fails with a sentence naming HOST or PORT (in use, unknown host, no permission). */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      const why =
        err.code === "EADDRINUSE"
          ? `PORT ${port} is already in use on ${host}`
          : err.code === "ENOTFOUND" || err.code === "EAI_AGAIN"
            ? `HOST ${host} does not resolve to an address of this machine`
            : err.code === "EADDRNOTAVAIL"
              ? `HOST ${host} is not an address of this machine`
              : err.code === "EACCES"
                ? `PORT ${port} needs more privileges than this process has`
                : `could not listen on ${where} (${err.code ?? err.message})`;
      reject(new ConfigError([why]));
    };
    server.once("error", failed);
    server.listen(port, host, () => {
      server.off("error", failed);
      resolve();
    });
  });
}

export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const catalog = opts.catalog ?? loadCatalog(config.catalogDir);
  const store = opts.store ?? (await openStore(config.redis, logger));
  const reminders = new ReminderLoop(store, logger.child({ part: "reminders" }));
  const parts = await platformParts({ config, catalog, logger, store, reminders });
  const routes = new Map(parts.flatMap((p) => (p.route ? [[p.route.path, p.route.handle] as const] : [])));
  let ready = false;

  const readiness = async (res: ServerResponse) => {
    const storeUp = await store.ping();
    const problem = parts.map((p) => p.problem?.()).find((p) => p !== undefined);
    const ok = ready && storeUp && !problem;
    json(res, ok ? 200 : 503, {
      status: ok ? "ready" : !ready ? "not ready" : !storeUp ? "store unreachable" : problem,
      catalogEntries: catalog.entries.length,
      store: { kind: store.kind, up: storeUp },
      platforms: parts.map((p) => p.name),
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, path: string): void | Promise<void> => {
    // Load balancers often probe with HEAD: the same status (Node sends no body for HEAD).
    const probe = req.method === "GET" || req.method === "HEAD";
    if (probe && path === "/healthz") return json(res, 200, { status: "ok" });
    if (probe && path === "/readyz") return readiness(res);
    if (req.method === "GET" && path === "/metrics") {
      res
        .writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" })
        .end(registry.render());
      return;
    }
    const route = routes.get(path);
    if (!route) return json(res, 404, { error: "not found" });
    if (req.method !== "POST") return json(res, 405, { error: "use POST" });
    return route(req, res);
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    connections.track(req, res, () => {
      const surface = ROUTE_LABELS[path] ?? "other";
      metrics.httpRequests.inc({ surface, status: String(res.statusCode) });
      metrics.httpDuration.observe({ surface }, (performance.now() - started) / 1000);
    });
    Promise.resolve(handle(req, res, path)).catch((err: unknown) => {
      logger.error("request failed", { path, err });
      if (!res.headersSent) json(res, 500, { error: "internal error" });
    });
  });
  // Outlive the 60 s idle timeout of common load balancers, so they never reuse a socket we closed.
  server.keepAliveTimeout = 65_000;
  const connections = new Connections(server);
  try {
    await listen(server, config.port, config.host);
    for (const p of parts) await p.start?.();
  } catch (err) {
    // Nothing half-started keeps the process alive: the caller reports the error and exits.
    server.close();
    for (const p of parts) await p.stop().catch(() => {});
    await store.close();
    throw err;
  }
  reminders.start();
  ready = true;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info("listening", {
    port,
    platforms: parts.map((p) => p.name),
    store: store.kind,
    production: config.production,
  });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      ready = false;
      // Stop accepting; requests already on open connections are answered (with Connection: close).
      const drained = connections.drain(opts.shutdownMs ?? 10_000);
      // All side by side, so each part's drain window (8 s) bounds the whole stop, Slack and Teams
      // both configured included. Stopping a part arms its API deadline, which also ends a
      // reminder delivery still waiting on that platform, so the reminder loop stops in time too.
      const [stopped] = await Promise.all([
        Promise.all(
          parts.map((p) =>
            p.stop().catch((err: unknown) => {
              logger.warn("stop failed", { part: p.name, err });
              return false;
            }),
          ),
        ),
        reminders.stop(),
      ]);
      const partsClean = !stopped.includes(false);
      const clean = (await drained) && partsClean;
      await store.close();
      logger.info("stopped", { clean });
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
  return { server, port, catalog, store, close };
}
