// Shared by the Teams tests that talk HTTP to /api/messages: config for the real server, a POST that
// returns the status and parsed JSON body, and a guard that fails a test whose bot reached for a real
// host instead of the nock-faked Bot Connector.
import nock from "nock";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";

/** Where the nock-faked Bot Connector answers: on localhost, like the Emulator or Agents Playground. */
export const CONNECTOR = "http://localhost:56150";

export const env = (extra: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...extra });

// biome-ignore lint/suspicious/noExplicitAny: the tests read nested reply JSON directly
type Body = Record<string, any>;

export async function post(port: number, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Body) : undefined,
  };
}

/** Installs the nock guard for the calling test file: loopback only, and nothing unmatched. */
export function guardNetwork(): void {
  const stray: string[] = [];
  const faked = new URL(CONNECTOR);
  const onNoMatch = (req: {
    method?: string;
    path?: string;
    host?: string;
    options?: { host?: string; port?: number | string };
  }) => {
    const host = req.host ?? req.options?.host ?? "";
    // The faked connector is on localhost too: a call to it that nothing expected is as stray.
    const toFake = host.startsWith(faked.hostname) && String(req.options?.port ?? "") === faked.port;
    if (toFake || !/^(127\.0\.0\.1|localhost)/.test(host))
      stray.push(`${req.method} ${host}${req.path ?? ""}`);
  };
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
    nock.emitter.on("no match", onNoMatch);
  });
  afterEach(() => {
    nock.cleanAll();
    expect(stray.splice(0)).toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    nock.enableNetConnect();
  });
}

/** One server (default Teams settings) for the calling test file, handed to `use` once it listens. */
export function teamsServerPerFile(use: (server: RunningServer) => void): void {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(env(), { catalog: catalog() });
    use(server);
  });
  afterAll(() => server?.close());
}
