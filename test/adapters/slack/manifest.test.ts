// The Slack manifest declares exactly what the app registers: command, shortcut, events, scopes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOT_SCOPES, EVENTS, MESSAGE_SHORTCUT, SLASH_COMMAND } from "../../../src/adapters/slack/surface.js";

const manifest = JSON.parse(readFileSync("manifests/slack/manifest.json", "utf8"));

describe("manifests/slack/manifest.json", () => {
  it("declares the slash command and the message shortcut the listeners handle", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      SLASH_COMMAND,
    ]);
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id)).toEqual([
      MESSAGE_SHORTCUT,
    ]);
  });

  it("subscribes to the events the listeners handle and asks for the minimal scopes", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...EVENTS].sort());
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it("hears messages in the bot's own DM, which its Messages tab invites people to send", () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain("message.im");
    expect(manifest.oauth_config.scopes.bot).toContain("im:history");
  });

  it("points commands, events and interactivity at the one /slack/events route", () => {
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const u of urls) expect(new URL(u).pathname).toBe("/slack/events");
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("registers a listener for every declared surface", () => {
    const src = (p: string) => readFileSync(`src/adapters/slack/listeners/${p}`, "utf8");
    expect(src("commands/index.ts")).toMatch(/app\.command\(SLASH_COMMAND/);
    expect(src("shortcuts/index.ts")).toMatch(/app\.shortcut\(MESSAGE_SHORTCUT/);
    expect(src("events/index.ts")).toMatch(/app\.event\("app_mention"/);
    expect(src("events/index.ts")).toMatch(/app\.message\(/);
  });
});
