// Names Slack knows the app by. The manifest and the listeners both use these; a test keeps the
// manifest in step with what is registered.
export const SLASH_COMMAND = "/sipcode";
export const MESSAGE_SHORTCUT = "explain_error_codes";
export const EVENTS = ["app_mention", "message.channels", "message.groups", "message.im"] as const;
export const ACTIONS = {
  share: "share_in_channel",
  postChecklist: "post_checklist",
  openEntry: /^open_entry:/,
  tick: "checklist_tick",
  remind: "checklist_remind",
  timerRemind: /^timer_remind:/,
} as const;
/** Scopes the app needs, each for one reason (README lists them). */
export const BOT_SCOPES = [
  "app_mentions:read",
  "channels:history",
  "chat:write",
  "commands",
  "files:read",
  "groups:history",
  "im:history",
  "im:read",
] as const;
