// Screens a POST to /slack/events before Bolt sees it. Bolt parses the body in a detached promise,
// so a signed `null` body crashed the process, and a payload no listener handles was held for
// Bolt's 3-second unhandled-request timer before a 404. Such requests are answered at once here
// (401 unsigned or out of date, 400 malformed, 404 not ours); everything else goes to Bolt, already
// buffered. Bolt refuses only requests dated too far in the past; one dated ahead is refused here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { defaultBodyLimit, HTTPModuleFunctions, isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { ACTIONS, MESSAGE_SHORTCUT, SLASH_COMMAND } from "./surface.js";

export type Verdict = "ok" | "malformed" | "unhandled";

const FORM = "application/x-www-form-urlencoded";
/** Interactive payloads sipcode registers listeners for; anything else would wait for Bolt's timer. */
const ACTION_IDS = Object.values(ACTIONS);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Slack's replay window: a request dated further from now than this, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** How far the request's timestamp is from now, in seconds, or undefined when it is not a number. */
function skewSeconds(header: string | string[] | undefined, nowMs: number): number | undefined {
  const ts = Number(typeof header === "string" ? header : undefined);
  return Number.isFinite(ts) ? Math.round(ts - nowMs / 1000) : undefined;
}

function ourAction(id: unknown): boolean {
  return typeof id === "string" && ACTION_IDS.some((a) => (typeof a === "string" ? a === id : a.test(id)));
}

function interactive(payload: string): Verdict {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return "malformed";
  }
  if (!isObject(body)) return "malformed";
  if (body.type === "block_actions") {
    const actions = body.actions;
    return Array.isArray(actions) && actions.some((a) => isObject(a) && ourAction(a.action_id))
      ? "ok"
      : "unhandled";
  }
  if (body.type === "message_action") return body.callback_id === MESSAGE_SHORTCUT ? "ok" : "unhandled";
  return "unhandled";
}

/** What Bolt would make of this body, judged the way Bolt parses it (form only for that exact type). */
export function judge(raw: string, contentType: string | undefined): Verdict {
  if (contentType === FORM) {
    // The slash command is the hot path: look for the two parameters that matter, no full parse.
    const payload = /(?:^|&)payload=([^&]*)/.exec(raw)?.[1];
    if (payload !== undefined) return interactive(decodeForm(payload));
    const command = /(?:^|&)command=([^&]*)/.exec(raw)?.[1];
    if (command !== undefined) return decodeForm(command) === SLASH_COMMAND ? "ok" : "unhandled";
    return /(?:^|&)ssl_check=1(?:&|$)/.test(raw) ? "ok" : "unhandled";
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return "malformed";
  }
  if (!isObject(body)) return "malformed";
  if (body.type === "url_verification") return "ok";
  if (body.type === "event_callback") return isObject(body.event) ? "ok" : "malformed";
  return "unhandled";
}

function decodeForm(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return "";
  }
}

/**
 * Reads the body (Bolt reuses it: the request carries it as `rawBody`) and answers requests Bolt
 * would crash on or leave hanging. True when Bolt should handle the request.
 */
export async function screenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  logger: Logger,
): Promise<boolean> {
  let raw: string;
  try {
    raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit)).rawBody.toString();
  } catch (err) {
    const tooLarge = (err as { statusCode?: number }).statusCode === 413;
    logger.warn("unreadable Slack request body", { err, tooLarge });
    // The rest of an oversized body stays unread: the connection cannot carry another request.
    res.writeHead(tooLarge ? 413 : 400, tooLarge ? { connection: "close" } : {}).end();
    return false;
  }
  // A replayed request, or a clock (ours or the sender's) far off: the signature proves nothing new.
  const skew = skewSeconds(req.headers["x-slack-request-timestamp"], Date.now());
  if (skew === undefined || Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    logger.warn("Slack request timestamp outside the five-minute window", { skewSeconds: skew });
    res.writeHead(401).end();
    return false;
  }
  const verdict = judge(raw, req.headers["content-type"]);
  if (verdict === "ok") return true;
  const signed = isValidSlackRequest({
    signingSecret,
    body: raw,
    headers: {
      "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""),
      "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
    },
  });
  if (!signed) {
    res.writeHead(401).end();
    return false;
  }
  logger.warn(verdict === "malformed" ? "malformed Slack request" : "Slack request no listener handles", {
    contentType: req.headers["content-type"],
    bytes: raw.length,
  });
  const status = verdict === "malformed" ? 400 : 404;
  res
    .writeHead(status, { "content-type": "application/json" })
    .end(JSON.stringify({ error: verdict === "malformed" ? "malformed request body" : "not handled" }));
  return false;
}
