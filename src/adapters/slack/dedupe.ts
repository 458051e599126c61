// Slack retries events (X-Slack-Retry-Num) and delivers one message as both `app_mention` and
// `message` with different event ids: claim both the event id and (channel, ts) in the shared store,
// so across every replica only the first delivery is answered.
import type { Logger } from "../../log.js";
import { metrics } from "../../metrics/index.js";
import type { Store } from "../../store/index.js";

/** Slack gives up retrying after about an hour; remembering keys longer buys nothing. */
const REMEMBER_MS = 60 * 60 * 1000;

export class EventDedupe {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /** True when any key was claimed before (by this replica or another); claims all keys either way. */
  async seen(keys: Array<string | undefined>): Promise<boolean> {
    const present = keys.filter((k): k is string => Boolean(k));
    try {
      const claimed = await Promise.all(
        present.map((k) => this.store.claim(`slack:event:${k}`, REMEMBER_MS)),
      );
      const dup = claimed.some((first) => !first);
      if (dup) metrics.duplicates.inc({ platform: "slack" });
      return dup;
    } catch (err) {
      // Answering twice beats never answering while the store is unreachable.
      metrics.storeErrors.inc({ op: "claim" });
      this.logger.warn("event de-duplication unavailable; answering anyway", { err });
      return false;
    }
  }
}
