// Slash commands.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { SLASH_COMMAND } from "../../surface.js";
import { sipcodeCommand } from "./sipcode.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, sipcodeCommand(deps));
}
