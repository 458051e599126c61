// Web API calls that never crash a listener and never drop a reply silently: refused blocks fall
// back to plain text, and anything else becomes a sentence for the user. 5xx are retried a bounded
// number of times by the WebClient (SLACK_RETRY_POLICY in app.ts); a 429 rejects at once, and a
// thread reply waits out a short Retry-After here (channel-pause.ts), without holding its slot.
import { ErrorCode as BoltErrorCode } from "@slack/bolt";
import { type ChatPostMessageArguments, ErrorCode, type WebClient } from "@slack/web-api";
import type { Logger } from "../../log.js";
import { metrics } from "../../metrics/index.js";
import type { ShutdownDeadline } from "../../shutdown-deadline.js";
import { ChannelPauses, type Place } from "./channel-pause.js";

/** Where a post logs, and the shutdown (if any) whose deadline a rate-limit wait must not outlast. */
export interface Sender {
  logger: Logger;
  shutdown?: ShutdownDeadline;
}

export interface SendOutcome {
  ok: boolean;
  ts?: string;
  /** A sentence to show the user privately when the post failed. */
  problem?: string;
  /** Slack's error code when the post failed, for a caller that knows better what it means. */
  code?: string;
}

const BLOCK_ERRORS = new Set([
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_blocks_too_long",
  "invalid_attachments",
]);

type WebError = {
  /** `needed`/`provided`: the scopes of a missing_scope answer. */
  data?: { error?: string; needed?: string; provided?: string };
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

/**
 * The Slack error code of a failed Web API or response_url call; every call to this counts it in
 * /metrics. Bolt's respond() only says the HTTP status (its message holds the rest).
 */
export function slackError(err: unknown): { code: string; status?: number; needed?: string } {
  const e = (err ?? {}) as WebError;
  let code = e.data?.error ?? e.code ?? "unknown_error";
  if (isRateLimited(e) || (e.code === BoltErrorCode.RespondError && e.statusCode === 429))
    code = "ratelimited";
  else if (isTimeout(e)) code = "timeout";
  else if ((e.code === ErrorCode.HTTPError || e.code === BoltErrorCode.RespondError) && e.statusCode)
    code = String(e.statusCode);
  metrics.apiErrors.inc({ platform: "slack", code });
  return { code, status: e.statusCode, needed: code === "missing_scope" ? e.data?.needed : undefined };
}

/** What the user is told when a Slack call failed with `code` (`needed`: a missing scope). */
export function problemSentence(code: string, needed?: string): string {
  switch (code) {
    case "missing_scope":
      return `The app is missing the Slack permission ${needed ? `\`${needed}\`` : "this needs"}, so I couldn't post my reply. Ask a Slack admin to add it to the app and reinstall it.`;
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

/** Channels Slack has asked to wait; every post in this process goes through it. */
const pauses = new ChannelPauses();

/** How much later than its own wait a post may get its turn, for the posts ahead of it in line. */
const LINE_LEEWAY_MS = 1_000;

/** A post that would have waited too long behind a channel's pause: the user hears why. */
function gaveUp(channel: string, logger: Logger): SendOutcome {
  metrics.apiErrors.inc({ platform: "slack", code: "ratelimited" });
  logger.warn("chat.postMessage given up: channel still rate-limited", { channel });
  return { ok: false, problem: problemSentence("ratelimited") };
}

/** A reply's standing in a channel's line, shared by its posts (see postTogether). */
interface Turn {
  /** Arrival order: in a paused channel's line, earlier replies go first. */
  seq: number;
  place?: Place;
  /** Set once the reply meets a pause: it waits out that one, and gives up on any later one. */
  deadline?: number;
}

/** Replies are numbered as they start posting: for thread replies, the order their events arrived. */
let replies = 0;

/**
 * Posts that belong together, in order: a thread reply's card, then its checklist (`post` may be
 * called again once the previous post is in). In a channel Slack has paused they keep one place in
 * its line, so no other reply comes between them, and the whole reply waits out one pause at most.
 */
export async function postTogether<T>(
  client: WebClient,
  sender: Sender,
  run: (post: (args: ChatPostMessageArguments) => Promise<SendOutcome>) => Promise<T>,
): Promise<T> {
  const turn: Turn = { seq: replies++ };
  try {
    return await run((args) => postInTurn(client, args, sender, turn));
  } finally {
    turn.place?.leave();
  }
}

/** One message on its own (see postTogether for several that belong together). */
export function postMessage(
  client: WebClient,
  args: ChatPostMessageArguments,
  sender: Sender,
): Promise<SendOutcome> {
  return postTogether(client, sender, (post) => post(args));
}

/** Whether a rate-limit wait that ends at `until` (epoch ms) would outlast the shutdown's deadline. */
function pastShutdown(until: number, shutdown: ShutdownDeadline | undefined): boolean {
  return shutdown !== undefined && until > Date.now() + shutdown.leftMs();
}

/**
 * A post whose rate-limit wait would end after the shutdown's deadline: its retry could never be
 * sent. It is held until the deadline rather than dropped at once, so the shutdown names its reply
 * with the others given up there (drain.ts) and reports the stop as not clean; then it fails as a
 * timeout, as any call the shutdown cuts does.
 */
async function cutByShutdown(
  channel: string,
  waitMs: number,
  logger: Logger,
  shutdown: ShutdownDeadline,
): Promise<SendOutcome> {
  const { signal } = shutdown;
  if (!signal.aborted) await new Promise((r) => signal.addEventListener("abort", r, { once: true }));
  metrics.apiErrors.inc({ platform: "slack", code: "timeout" });
  logger.warn("chat.postMessage failed", { code: "timeout", channel, cutByShutdown: true, waitMs });
  return { ok: false, code: "timeout", problem: problemSentence("timeout") };
}

async function postInTurn(
  client: WebClient,
  args: ChatPostMessageArguments,
  { logger, shutdown }: Sender,
  turn: Turn,
): Promise<SendOutcome> {
  let attempt = args;
  // Behind a reply Slack is making wait in this channel: queue after it rather than overtake it.
  turn.place ??= pauses.join(args.channel, turn.seq);
  if (turn.place && shutdown && pastShutdown(turn.place.pauseEnds, shutdown))
    return cutByShutdown(args.channel, turn.place.pauseEnds - Date.now(), logger, shutdown);
  if (turn.place) {
    // A pause still running is the one this reply waits out. A line whose pause is over is only
    // order (a reply ahead is finishing its posts): it leaves the reply its own Retry-After.
    const joined = Date.now();
    if (turn.place.pauseEnds > joined) turn.deadline ??= turn.place.pauseEnds + LINE_LEEWAY_MS;
    const deadline = turn.deadline ?? joined + MAX_RATE_LIMIT_WAIT_MS + LINE_LEEWAY_MS;
    if (!(await turn.place.turn(deadline))) return gaveUp(args.channel, logger);
    // The pause grew while it waited (a post ahead met a 429): that was its one pause after all.
    if (turn.place.pauseEnds > joined) turn.deadline ??= deadline;
  }
  for (let tries = 0; tries < 3; tries++) {
    try {
      const res = await client.chat.postMessage(attempt);
      return { ok: true, ts: res.ts };
    } catch (err) {
      // A short Retry-After is waited out once, outside the reply slot and without giving up
      // this reply's place in the channel; a long one is reported at once.
      const wait = retryAfterMs(err);
      if (wait !== undefined && wait <= MAX_RATE_LIMIT_WAIT_MS) {
        pauses.pause(args.channel, wait);
        if (turn.deadline === undefined) {
          if (shutdown && pastShutdown(Date.now() + wait, shutdown))
            return cutByShutdown(args.channel, wait, logger, shutdown);
          turn.deadline = Date.now() + wait + LINE_LEEWAY_MS;
          logger.info("chat.postMessage rate-limited; retrying", { channel: args.channel, waitMs: wait });
          turn.place ??= pauses.join(args.channel, turn.seq);
          if (turn.place && !(await turn.place.turn(turn.deadline))) return gaveUp(args.channel, logger);
          continue;
        }
      }
      const { code, status, needed } = slackError(err);
      logger.warn("chat.postMessage failed", { code, status, needed, channel: args.channel, tries });
      if (BLOCK_ERRORS.has(code) && "blocks" in attempt && attempt.blocks) {
        const { blocks: _dropped, ...textOnly } = attempt;
        attempt = textOnly as ChatPostMessageArguments;
        continue;
      }
      return { ok: false, code, problem: problemSentence(code, needed) };
    }
  }
  return { ok: false, problem: problemSentence("unknown_error") };
}
