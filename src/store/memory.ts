// The default Store: in-process lru-cache and a map of reminders. Right for one replica; with several,
// each would de-duplicate and remind on its own, so those set REDIS_URL instead.
import { LRUCache } from "lru-cache";
import type { Reminder, Store } from "./store.js";

export class MemoryStore implements Store {
  readonly kind = "memory" as const;
  private readonly values = new LRUCache<string, { json: string }>({ max: 50_000, ttlAutopurge: false });
  private readonly reminders = new Map<string, { reminder: Reminder; at: number }>();

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.values.has(key)) return false;
    this.values.set(key, { json: "true" }, { ttl: ttlMs });
    return true;
  }

  async getJson<T>(key: string): Promise<T | undefined> {
    const hit = this.values.get(key);
    return hit ? (JSON.parse(hit.json) as T) : undefined;
  }

  async setJson(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.values.set(key, { json: JSON.stringify(value) }, { ttl: ttlMs });
  }

  async updateJson<T>(key: string, change: (current: T | undefined) => T, ttlMs: number): Promise<T> {
    // Read, change and write in one synchronous step: nothing else in this process can run between.
    const hit = this.values.get(key);
    const next = change(hit ? (JSON.parse(hit.json) as T) : undefined);
    this.values.set(key, { json: JSON.stringify(next) }, { ttl: ttlMs });
    return next;
  }

  async schedule(reminder: Reminder): Promise<void> {
    this.reminders.set(reminder.id, { reminder: { ...reminder }, at: reminder.dueAt });
  }

  async lease(platform: string, now: number, leaseMs: number, limit: number): Promise<Reminder[]> {
    const due = [...this.reminders.values()]
      .filter((r) => r.reminder.platform === platform && r.at <= now)
      .sort((a, b) => a.at - b.at)
      .slice(0, limit);
    for (const r of due) r.at = now + leaseMs;
    return due.map((r) => ({ ...r.reminder }));
  }

  async complete(reminder: Reminder): Promise<void> {
    this.reminders.delete(reminder.id);
  }

  async retry(reminder: Reminder, retryAt: number): Promise<void> {
    this.reminders.set(reminder.id, {
      reminder: { ...reminder, attempts: reminder.attempts + 1 },
      at: retryAt,
    });
  }

  async pending(): Promise<number> {
    return this.reminders.size;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
