// The Slack part of the server: HTTP route /slack/events, or a Socket Mode connection.
import type { Catalog } from "../../catalog/indexes.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import type { PlatformPart } from "../../server.js";
import { buildSlackApp } from "./app.js";
import { EventDedupe } from "./dedupe.js";
import type { SlackConfig } from "./deps.js";

export interface SlackPartOptions {
  config: Config;
  slack: SlackConfig;
  catalog: Catalog;
  logger: Logger;
}

export async function createSlackPart(opts: SlackPartOptions): Promise<PlatformPart> {
  const deps = { ...opts, dedupe: new EventDedupe() };
  const built = buildSlackApp(deps);
  if (built.socketMode) {
    return {
      name: "slack-socket-mode",
      start: async () => {
        await built.app.start();
      },
      stop: async () => {
        await built.app.stop();
      },
    };
  }
  const receiver = built.receiver;
  if (!receiver) throw new Error("HTTP receiver missing");
  return {
    name: "slack",
    route: { path: "/slack/events", handle: (req, res) => receiver.requestListener(req, res) },
    stop: async () => {},
  };
}
