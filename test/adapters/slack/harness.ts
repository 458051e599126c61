// Starts the real server with Slack over HTTP and signs requests the way Slack does (v0 HMAC).
import { createHmac } from "node:crypto";
import type { SlackConfig } from "../../../src/adapters/slack/deps.js";
import { loadConfig } from "../../../src/config.js";
import { createLogger, type Logger } from "../../../src/log.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import type { Store } from "../../../src/store/store.js";
import { catalog } from "../../helpers/catalog.js";

/** A request body a fake Slack endpoint received. */
export type Body = Record<string, unknown>;
/** A nock body matcher that records each body it sees in `list` (and always matches). */
export const into = (list: Body[]) => (b: Body) => list.push(b) > 0;

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const SLACK_API = "http://slack.test";
export { PASTED_488 } from "../../helpers/pasted.js";

export interface SlackServerOptions {
  /** Slack settings to set directly, past the environment's bounds (a 200 ms apiTimeoutMs). */
  slack?: Partial<SlackConfig>;
  logger?: Logger;
  /** The server's Store (a replica's own memory, or Redis shared by replicas). */
  store?: Store;
}

export async function startSlackServer(
  env: Record<string, string> = {},
  opts: SlackServerOptions = {},
): Promise<RunningServer> {
  const loaded = loadConfig({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${SLACK_API}/api/`,
    ...env,
  });
  const config = loaded.slack ? { ...loaded, slack: { ...loaded.slack, ...opts.slack } } : loaded;
  const logger = opts.logger ?? createLogger("silent");
  return startServer(config, { catalog: catalog(), logger, ...(opts.store ? { store: opts.store } : {}) });
}

export function sign(
  body: string,
  ts = Math.floor(Date.now() / 1000),
  secret = SIGNING_SECRET,
): Record<string, string> {
  const sig = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": sig };
}

export async function postSigned(
  server: RunningServer,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
  headers?: Record<string, string>,
): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}/slack/events`, {
    method: "POST",
    headers: { "content-type": contentType, ...(headers ?? sign(body)), ...extra },
    body,
  });
}

/** The fields Slack sends with `/sipcode <text>` from channel C1. */
export function slashFields(text: string): Record<string, string> {
  return {
    token: "legacy",
    team_id: "T1",
    team_domain: "acme",
    channel_id: "C1",
    channel_name: "incident",
    user_id: "U1",
    user_name: "alice",
    command: "/sipcode",
    text,
    api_app_id: "A1",
    response_url: `${SLACK_API}/respond/1`,
    trigger_id: "1.2.3",
  };
}

/** `/sipcode <text>` as the form body Slack posts over HTTP. */
export function slashCommand(text: string): string {
  return new URLSearchParams(slashFields(text)).toString();
}

export function interaction(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The event_callback envelope Slack wraps an event in. */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${Math.random().toString(36).slice(2)}`,
): Record<string, unknown> {
  return {
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  };
}

/** An event as the JSON body Slack posts over HTTP. */
export function eventBody(event: Record<string, unknown>, eventId?: string): string {
  return JSON.stringify(eventEnvelope(event, eventId));
}

/** Waits until `done()` is true (nock scopes complete asynchronously after the ack). */
export async function until(done: () => boolean, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error("timed out waiting for the expected Slack API calls");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A block_actions interaction from channel C1, as Slack posts it when a button or checkbox is used. */
export function blockActions(payload: Record<string, unknown>): string {
  return interaction({
    type: "block_actions",
    team: { id: "T1" },
    api_app_id: "A1",
    channel: { id: "C1" },
    trigger_id: "1.0",
    ...payload,
  });
}

/**
 * bob clicks `action` on the checklist message 1700000000.000200, posted in thread
 * 1700000000.000100 of C1 with `blocks`; the answer goes to `/respond/<path>`.
 */
export function threadChecklistClick(
  path: string,
  blocks: unknown[],
  action: Record<string, unknown>,
): string {
  return blockActions({
    user: { id: "U7", name: "bob" },
    container: { type: "message", message_ts: "1700000000.000200", channel_id: "C1" },
    message: { ts: "1700000000.000200", thread_ts: "1700000000.000100", blocks },
    response_url: `${SLACK_API}/respond/${path}`,
    actions: [action],
  });
}

/** bob ticks `option` in the checklist message (see threadChecklistClick). */
export function checklistTick(path: string, blocks: unknown[], option: unknown): string {
  return threadChecklistClick(path, blocks, {
    type: "checkboxes",
    action_id: "checklist_tick",
    block_id: "sipcode_checklist:items",
    selected_options: [option],
    action_ts: "2",
  });
}

/** `user` ticks the checklist message `ts` (its blocks as that user saw them), leaving `selected`
 *  ticked: how each replica or each person's click arrives when several tick at once. */
export function tickAs(user: string, ts: string, blocks: unknown[], selected: unknown[]): string {
  return blockActions({
    user: { id: user },
    container: { type: "message", message_ts: ts, channel_id: "C1" },
    message: { ts, thread_ts: "1700000000.000100", blocks },
    actions: [
      {
        type: "checkboxes",
        action_id: "checklist_tick",
        block_id: "sipcode_checklist:items",
        selected_options: selected,
        action_ts: "2",
      },
    ],
  });
}

/** The "Explain error codes" message shortcut as alice runs it in #incident on `message`; its
 *  answers go to `/respond/<path>`. */
export function explainShortcut(path: string | number, message: Record<string, unknown>): string {
  return interaction({
    type: "message_action",
    callback_id: "explain_error_codes",
    trigger_id: `1.${path}`,
    team: { id: "T1" },
    user: { id: "U1", name: "alice" },
    channel: { id: "C1", name: "incident" },
    message,
    response_url: `${SLACK_API}/respond/${path}`,
  });
}

/** A button of a private (ephemeral) card clicked by U1; its answers go to `/respond/<path>`. */
export function ephemeralClick(
  path: string,
  button: { action_id: string; value?: string; block_id?: string; action_ts?: string },
): string {
  return blockActions({
    user: { id: "U1", name: "alice" },
    container: { type: "message", is_ephemeral: true },
    response_url: `${SLACK_API}/respond/${path}`,
    actions: [{ type: "button", block_id: "b", action_ts: "1", ...button }],
  });
}

/** The context notes of a posted message. */
export function notesOf(post: Body | undefined): string {
  const blocks = JSON.parse(String(post?.blocks ?? "[]")) as Array<{
    type: string;
    elements?: Array<{ text?: string }>;
  }>;
  return blocks
    .filter((b) => b.type === "context")
    .flatMap((b) => b.elements?.map((e) => e.text) ?? [])
    .join("\n");
}
