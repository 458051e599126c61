// Teams conversation references in the shared Store, so any replica can post a proactive message
// (a reminder) into a conversation it never saw. Written from every turn, but only when the reference
// changed or was last written a day ago, and never in a way that can slow down or fail the turn.
import { type Activity, type ConversationReference, TurnContext } from "botbuilder";
import { LRUCache } from "lru-cache";
import type { Logger } from "../../log.js";
import { metrics } from "../../metrics/index.js";
import type { Store } from "../../store/store.js";

/** Conversations nobody has written in for this long are forgotten. */
export const CONVERSATION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Rewrites an unchanged reference this often, so an active conversation never reaches its TTL. */
const REWRITE_MS = 24 * 3600 * 1000;
/** In-process memory of what was written; only saves writes, so losing an entry costs one write. */
const REMEMBERED = 10_000;

/** A channel thread is `<channel id>;messageid=<root id>`: the reference is the same for all threads. */
export function baseConversationId(id: string): string {
  const cut = id.indexOf(";messageid=");
  return cut === -1 ? id : id.slice(0, cut);
}

export const conversationKey = (conversationId: string) => `teams:conv:${baseConversationId(conversationId)}`;

/**
 * The parts of a reference a proactive message needs. The user, locale and activity id change from
 * turn to turn; keeping them would turn every turn into a write.
 */
export function referenceOf(activity: Partial<Activity>): ConversationReference | null {
  const full = TurnContext.getConversationReference(activity);
  const c = full.conversation;
  if (!c?.id || !full.serviceUrl || !full.bot?.id) return null;
  return {
    channelId: full.channelId,
    serviceUrl: full.serviceUrl,
    bot: { id: full.bot.id, name: full.bot.name ?? "" },
    conversation: {
      id: baseConversationId(c.id),
      conversationType: c.conversationType,
      tenantId: c.tenantId,
      isGroup: c.isGroup,
      name: c.name ?? "",
    },
  } as ConversationReference;
}

export class ConversationRefs {
  private readonly written = new LRUCache<string, { json: string; write: Promise<boolean> }>({
    max: REMEMBERED,
    ttl: REWRITE_MS,
  });

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /**
   * Saves the activity's reference when it is new or changed. Resolves to whether it is stored; never
   * rejects, so callers on the hot path can drop the promise.
   */
  remember(activity: Partial<Activity>): Promise<boolean> {
    // Every turn comes through here: compare a cheap fingerprint of the fields the reference is built
    // from, and build the reference itself only for a new or changed conversation.
    const c = activity.conversation;
    const fingerprint = `${activity.serviceUrl}|${activity.channelId}|${activity.recipient?.id}|${activity.recipient?.name}|${c?.conversationType}|${c?.tenantId}|${c?.isGroup}|${c?.name}`;
    const known = c?.id ? this.written.get(conversationKey(c.id)) : undefined;
    if (known?.json === fingerprint) return known.write;
    const ref = referenceOf(activity);
    if (!ref) return Promise.resolve(false);
    const key = conversationKey(ref.conversation.id);
    const json = fingerprint;
    const entry = { json, write: Promise.resolve(true) };
    entry.write = this.store.setJson(key, ref, CONVERSATION_TTL_MS).then(
      () => true,
      (err: unknown) => {
        // Forget it so the next turn tries again.
        if (this.written.get(key) === entry) this.written.delete(key);
        metrics.storeErrors.inc({ op: "conversation" });
        this.logger.warn("could not store the conversation reference", { err });
        return false;
      },
    );
    this.written.set(key, entry);
    return entry.write;
  }

  /** The stored reference for a conversation or thread id, pointed at that exact id. */
  async load(conversationId: string): Promise<ConversationReference | undefined> {
    const ref = await this.store.getJson<ConversationReference>(conversationKey(conversationId));
    if (!ref?.conversation || !ref.serviceUrl) return undefined;
    return { ...ref, conversation: { ...ref.conversation, id: conversationId } };
  }
}
