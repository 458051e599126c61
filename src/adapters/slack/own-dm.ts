// Whether the bot can post a checklist thread where a card is shown. A channel: yes. A group DM: no.
// A direct message is either the bot's own (the app's Messages tab), where it can post, or one
// between people, where it cannot; only conversations.info with the bot token tells them apart.
import { LogLevel, WebClient, type Logger as WebLogger } from "@slack/web-api";
import { LRUCache } from "lru-cache";
import type { Logger } from "../../log.js";
import type { SlackDeps } from "./deps.js";
import { type Conversation, isDirectMessage } from "./direct.js";
import { slackError } from "./send.js";

/**
 * The longest a lookup may take. A slash command's card goes back in the ack, inside Slack's
 * 3-second window, so the first command in a DM waits at most this long; after that it is cached.
 */
export const DM_LOOKUP_MS = 800;
/** A DM never changes kind: Slack's answer is kept this long (bounded in number too). */
const ANSWER_TTL_MS = 60 * 60_000;
/** A failed lookup (429, 5xx, timeout) hides the button for a short while, then is asked again. */
const FAILED_TTL_MS = 30_000;
const CONVERSATIONS = 5_000;

/** A one-to-one DM (ids start with D), as opposed to a group DM ("mpdm-…") or a channel. */
function isOneToOne(c: Conversation): boolean {
  return (c.id ?? "").startsWith("D") && !(c.name ?? "").startsWith("mpdm-");
}

/** The WebClient logs through this; what matters is logged here, with the conversation id. */
function quiet(logger: Logger): WebLogger {
  const debug = (...m: unknown[]) => logger.enabled("debug") && logger.debug(m.map(String).join(" "));
  return {
    debug,
    info: debug,
    warn: debug,
    error: debug,
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

export class ChecklistPlaces {
  private readonly answers = new LRUCache<string, Promise<boolean>>({
    max: CONVERSATIONS,
    ttl: ANSWER_TTL_MS,
  });

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly boundMs = DM_LOOKUP_MS,
  ) {}

  /** Whether a card shown in `c` may offer "Post checklist in thread"; never throws. */
  async offered(c: Conversation | undefined): Promise<boolean> {
    if (!isDirectMessage(c)) return true;
    if (!c?.id || !isOneToOne(c)) return false;
    const id = c.id;
    let answer = this.answers.get(id);
    if (!answer) {
      // Cached as a promise, so the commands of a busy DM share the one lookup under way.
      const pending: Promise<boolean> = this.lookUp(id).then(({ offered, lasting }) => {
        // A failure is kept briefly, so a rate-limited Slack is not asked again on every command.
        if (!lasting && this.answers.peek(id) === pending)
          this.answers.set(id, pending, { ttl: FAILED_TTL_MS });
        return offered;
      });
      answer = pending;
      this.answers.set(id, answer);
    }
    // The WebClient's own timeout bounds the call; this also bounds its queue and parsing.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.boundMs + 200);
      timer.unref();
    });
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Slack's answer for DM `id`; `lasting` unless the call failed (429, 5xx, timeout, network). */
  private async lookUp(id: string): Promise<{ offered: boolean; lasting: boolean }> {
    try {
      const res = await this.client.conversations.info({ channel: id });
      const ch = res.channel as { is_im?: boolean; is_mpim?: boolean } | undefined;
      return { offered: ch?.is_im === true && ch.is_mpim !== true, lasting: true };
    } catch (err) {
      const refused = (err as { data?: { error?: string } }).data?.error;
      // The bot is no member of a DM between people: Slack says it cannot see it.
      if (refused === "channel_not_found") return { offered: false, lasting: true };
      const { code, needed } = slackError(err);
      if (code === "missing_scope") {
        // Not transient: the app must be reinstalled with the scope.
        this.logger.warn("cannot tell the bot's own DM from others without the im:read scope", {
          channel: id,
          needed,
        });
        return { offered: false, lasting: true };
      }
      this.logger.warn("conversations.info failed; the card offers no checklist there", {
        channel: id,
        code,
      });
      return { offered: false, lasting: false };
    }
  }
}

/** One set of answers per Slack app, shared by the slash command and the buttons. */
const perApp = new WeakMap<SlackDeps, ChecklistPlaces>();

export function checklistPlaces(deps: SlackDeps): ChecklistPlaces {
  let places = perApp.get(deps);
  if (!places) {
    // Its own client: no retries (a 5xx or 429 hides the button at once) and a short timeout,
    // where the app's client retries for seconds.
    const client = new WebClient(deps.slack.botToken, {
      slackApiUrl: deps.slack.apiUrl,
      logger: quiet(deps.logger),
      retryConfig: { retries: 0 },
      timeout: DM_LOOKUP_MS,
      rejectRateLimitedCalls: true,
    });
    places = new ChecklistPlaces(client, deps.logger);
    perApp.set(deps, places);
  }
  return places;
}
