// Web API calls that never crash a listener and never drop a reply silently: refused blocks fall
// back to plain text, and anything else becomes a sentence for the user. 429s (after Retry-After)
// and 5xx are retried a bounded number of times by the WebClient (SLACK_RETRY_POLICY in app.ts).
import type { RespondFn } from "@slack/bolt";
import {
  type ChatPostMessageArguments,
  type ChatScheduleMessageArguments,
  ErrorCode,
  type WebClient,
} from "@slack/web-api";
import type { Logger } from "../../log.js";
import { metrics } from "../../metrics/index.js";

export interface SendOutcome {
  ok: boolean;
  ts?: string;
  /** A sentence to show the user privately when the post failed. */
  problem?: string;
}

const BLOCK_ERRORS = new Set([
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_blocks_too_long",
  "invalid_attachments",
]);

type WebError = {
  data?: { error?: string };
  code?: string;
  statusCode?: number;
  original?: { name?: string; message?: string };
};

/** A call the WebClient (or respond()) gave up on because its deadline passed (see app.ts). */
export function isTimeout(err: unknown): boolean {
  const e = err as WebError & { name?: string };
  return e?.name === "TimeoutError" || e?.original?.name === "TimeoutError";
}

/**
 * Still rate-limited after the WebClient's retries: it then rejects with a request error wrapping
 * its own "A rate limit was exceeded" (with rejectRateLimitedCalls, a rate-limited error).
 */
function isRateLimited(e: WebError): boolean {
  return (
    e.code === ErrorCode.RateLimitedError ||
    (e.code === ErrorCode.RequestError && /^A rate limit was exceeded/.test(e.original?.message ?? ""))
  );
}

/** The longest Retry-After a reply waits out before telling the user Slack is rate-limiting. */
const MAX_RATE_LIMIT_WAIT_MS = 5_000;

/** The Retry-After of a rate-limited call, in ms, or undefined for any other failure. */
function retryAfterMs(err: unknown): number | undefined {
  const e = err as WebError & { retryAfter?: number };
  return e?.code === ErrorCode.RateLimitedError && typeof e.retryAfter === "number"
    ? e.retryAfter * 1000
    : undefined;
}

/** The Slack error code of a failed Web API call; every call to this counts it in /metrics. */
export function slackError(err: unknown): { code: string; status?: number } {
  const e = (err ?? {}) as WebError;
  let code = e.data?.error ?? e.code ?? "unknown_error";
  if (isRateLimited(e)) code = "ratelimited";
  else if (isTimeout(e)) code = "timeout";
  else if (e.code === ErrorCode.HTTPError && e.statusCode) code = String(e.statusCode);
  metrics.apiErrors.inc({ platform: "slack", code });
  return { code, status: e.statusCode };
}

export function problemSentence(code: string): string {
  switch (code) {
    case "not_in_channel":
      return "I'm not a member of that channel, so I can't post there. Invite me with `/invite @sipcode` and try again.";
    case "channel_not_found":
      return "I can't see that channel (it may be private or a DM I'm not part of). Invite me and try again.";
    case "is_archived":
      return "That channel is archived, so I can't post in it.";
    case "ratelimited":
      return "Slack is rate-limiting me right now; try again in a minute.";
    case "timeout":
      return "Slack didn't answer in time, so I couldn't post my reply. Try again in a minute.";
    default:
      return "Slack refused my reply, so I couldn't post it. The details are in the bot's log.";
  }
}

export async function postMessage(
  client: WebClient,
  args: ChatPostMessageArguments,
  logger: Logger,
): Promise<SendOutcome> {
  let attempt = args;
  let waited = false;
  for (let tries = 0; tries < 3; tries++) {
    try {
      const res = await client.chat.postMessage(attempt);
      return { ok: true, ts: res.ts };
    } catch (err) {
      // A short Retry-After is waited out once, by this call alone; a long one is reported.
      const wait = retryAfterMs(err);
      if (wait !== undefined && wait <= MAX_RATE_LIMIT_WAIT_MS && !waited) {
        waited = true;
        logger.info("chat.postMessage rate-limited; retrying", { channel: args.channel, waitMs: wait });
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      const { code, status } = slackError(err);
      logger.warn("chat.postMessage failed", { code, status, channel: args.channel, tries });
      if (BLOCK_ERRORS.has(code) && "blocks" in attempt && attempt.blocks) {
        const { blocks: _dropped, ...textOnly } = attempt;
        attempt = textOnly as ChatPostMessageArguments;
        continue;
      }
      return { ok: false, problem: problemSentence(code) };
    }
  }
  return { ok: false, problem: problemSentence("unknown_error") };
}

/** A reply only the clicking user sees, leaving the message they clicked on as it is. */
export function privately(respond: RespondFn, text: string): Promise<unknown> {
  return respond({ response_type: "ephemeral", replace_original: false, text });
}

/** Logs a failed Web API call and tells the user, privately, what it means for them. */
export async function reportFailure(
  respond: RespondFn,
  logger: Logger,
  what: string,
  err: unknown,
): Promise<void> {
  logger.warn(`${what} failed`, { err });
  await privately(respond, problemSentence(slackError(err).code));
}

/** Schedules a reminder message and confirms it to the user; failures become a sentence too. */
export async function scheduleReminder(
  client: WebClient,
  respond: RespondFn,
  logger: Logger,
  args: ChatScheduleMessageArguments,
  confirmation: string,
): Promise<void> {
  try {
    await client.chat.scheduleMessage(args);
    await privately(respond, confirmation);
  } catch (err) {
    await reportFailure(respond, logger, "chat.scheduleMessage", err);
  }
}
