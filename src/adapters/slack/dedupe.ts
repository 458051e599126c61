// Slack retries events (X-Slack-Retry-Num) and delivers one message as both `app_mention` and
// `message` with different event ids: remember both the event id and (channel, ts).
import { LRUCache } from "lru-cache";

export class EventDedupe {
  private readonly seen = new LRUCache<string, true>({ max: 20_000, ttl: 60 * 60 * 1000 });

  /** True when any key was seen before; records all keys either way. */
  check(keys: Array<string | undefined>): boolean {
    const present = keys.filter((k): k is string => Boolean(k));
    const dup = present.some((k) => this.seen.has(k));
    for (const k of present) this.seen.set(k, true);
    return dup;
  }
}
