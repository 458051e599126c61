// Polls the store for due reminders and hands each to its platform's deliverer. Every replica runs
// one; the store's lease gives each due reminder to one replica, and an unfinished lease (a replica
// that died mid-send) expires so another replica delivers it after all.
import type { Logger } from "../log.js";
import { metrics } from "../metrics/index.js";
import type { Reminder, Store } from "./store.js";

export type Deliver = (reminder: Reminder) => Promise<void>;

/** Thrown by a deliverer when trying again cannot help (the bot was removed, the payload is bad). */
export class PermanentDeliveryError extends Error {
  override readonly name = "PermanentDeliveryError";
}

export interface ReminderLoopOptions {
  intervalMs?: number;
  /** How long a leased reminder stays with one replica before another may take it. */
  leaseMs?: number;
  maxAttempts?: number;
  now?: () => number;
}

export class ReminderLoop {
  private readonly deliverers = new Map<string, Deliver>();
  private timer: NodeJS.Timeout | null = null;
  /** Set once stop() is called: a retry kept only in this process's memory will never run. */
  private stopping = false;
  private running: Promise<void> | null = null;
  private readonly intervalMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    o: ReminderLoopOptions = {},
  ) {
    this.intervalMs = o.intervalMs ?? 1_000;
    this.leaseMs = o.leaseMs ?? 60_000;
    this.maxAttempts = o.maxAttempts ?? 5;
    this.now = o.now ?? Date.now;
  }

  register(platform: string, deliver: Deliver): void {
    this.deliverers.set(platform, deliver);
  }

  async schedule(reminder: Omit<Reminder, "attempts">): Promise<void> {
    await this.store.schedule({ ...reminder, attempts: 0 });
    metrics.reminders.inc({ platform: reminder.platform, outcome: "scheduled" });
  }

  start(): void {
    if (this.timer || this.deliverers.size === 0) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
    void this.poll();
  }

  /** Stops polling and waits for a delivery in progress. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over every platform; overlapping passes are skipped. */
  poll(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      for (const [platform, deliver] of this.deliverers) {
        const due = await this.store.lease(platform, this.now(), this.leaseMs, 20);
        for (const r of due) await this.deliverOne(r, deliver);
      }
      metrics.remindersPending.set(await this.store.pending());
    } catch (err) {
      metrics.storeErrors.inc({ op: "reminders" });
      this.logger.warn("reminder poll failed", { err });
    }
  }

  private async deliverOne(r: Reminder, deliver: Deliver): Promise<void> {
    try {
      await deliver(r);
      await this.store.complete(r);
      metrics.reminders.inc({ platform: r.platform, outcome: "delivered" });
      this.logger.info("reminder delivered", { id: r.id, platform: r.platform, attempts: r.attempts + 1 });
    } catch (err) {
      if (err instanceof PermanentDeliveryError || r.attempts + 1 >= this.maxAttempts) {
        await this.store.complete(r);
        metrics.reminders.inc({ platform: r.platform, outcome: "failed" });
        this.logger.error("reminder dropped after repeated failures", { id: r.id, err });
        return;
      }
      // 30 s, 1 min, 2 min…: long enough for a throttled or briefly unreachable API to recover.
      const at = this.now() + 30_000 * 2 ** r.attempts;
      await this.store.retry(r, at);
      metrics.reminders.inc({ platform: r.platform, outcome: "retried" });
      // The in-process store ends with the process: a retry planned while stopping never runs.
      if (this.stopping && this.store.kind === "memory")
        this.logger.warn(
          "reminder lost: delivery failed while stopping, and the in-process store keeps nothing",
          {
            id: r.id,
            err,
          },
        );
      else
        this.logger.warn("reminder delivery failed; will retry", {
          id: r.id,
          retryAt: new Date(at).toISOString(),
          ...(this.store.kind === "redis" ? { by: "this or another replica" } : {}),
          err,
        });
    }
  }
}
