// Interactive actions: share, post checklist, open a related entry, tick a checklist, remind.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { ACTIONS } from "../../surface.js";
import { openEntry, postChecklist, shareInChannel } from "./card.js";
import { checklistRemind, checklistTick, timerRemind } from "./checklist.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.share, shareInChannel(deps));
  app.action(ACTIONS.postChecklist, postChecklist(deps));
  app.action(ACTIONS.openEntry, openEntry(deps));
  app.action(ACTIONS.tick, checklistTick(deps));
  app.action(ACTIONS.remind, checklistRemind(deps));
  app.action(ACTIONS.timerRemind, timerRemind(deps));
}
