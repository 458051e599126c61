// Events: @sipcode mentions, every message in the bot's own DM and, in opted-in channels,
// messages that carry codes.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { appMention } from "./app-mention.js";
import { autoExplain } from "./auto-explain.js";
import { directMessage } from "./direct-message.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event("app_mention", appMention(deps));
  app.message(autoExplain(deps));
  app.message(directMessage(deps));
}
