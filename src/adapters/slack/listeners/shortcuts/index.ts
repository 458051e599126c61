// Message shortcuts.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { MESSAGE_SHORTCUT } from "../../surface.js";
import { explainMessage } from "./explain-message.js";

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut(MESSAGE_SHORTCUT, explainMessage(deps));
}
