// One Slack server for a whole test file, behind nock. Kept apart from harness.ts on purpose:
// importing nock hooks Node's HTTP client in the importing process, which tests that drive a
// server process with real keep-alive connections (shutdown, load) must not get.
import nock from "nock";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type SlackServerOptions, startSlackServer } from "./harness.js";

/**
 * One server for a whole test file, with the network shut except loopback: every Slack Web API
 * call must be answered by a nock scope, and scopes left over by one test are cleared after it.
 */
export function serverPerFile(use: (server: RunningServer) => void, opts?: SlackServerOptions): void {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
    server = await startSlackServer({}, opts);
    use(server);
  });
  afterAll(async () => {
    await server?.close();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());
}
