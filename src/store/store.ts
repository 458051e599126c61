// Shared state for one or many replicas: "first one wins" claims (event de-duplication), small JSON
// values (Teams conversation references, checklist state per message) and due-time reminders that each replica polls.

/** A reminder waiting to be delivered; `payload` is whatever the owning platform needs to send it. */
export interface Reminder {
  id: string;
  /** Which platform delivers it (the replica's deliverer for that platform picks it up). */
  platform: string;
  /** Epoch milliseconds. */
  dueAt: number;
  payload: Record<string, unknown>;
  /** Delivery attempts made so far (0 for a fresh reminder). */
  attempts: number;
}

export interface Store {
  readonly kind: "memory" | "redis";
  /** Records `key` for `ttlMs`. True when this call recorded it first, false when it was already there. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  getJson<T>(key: string): Promise<T | undefined>;
  setJson(key: string, value: unknown, ttlMs: number): Promise<void>;
  /**
   * Replaces the value at `key` with `change(current)` atomically (compare-and-set, retried when
   * another caller wrote in between, so `change` may run more than once) and returns what was stored.
   */
  updateJson<T>(key: string, change: (current: T | undefined) => T, ttlMs: number): Promise<T>;
  /** Stores a reminder (replacing one with the same id). */
  schedule(reminder: Reminder): Promise<void>;
  /**
   * Leases up to `limit` reminders due at `now`: each is handed to exactly one caller, and comes due
   * again after `leaseMs` unless completed first (so a replica that dies mid-delivery loses nothing).
   */
  lease(platform: string, now: number, leaseMs: number, limit: number): Promise<Reminder[]>;
  /** Delivered (or given up): forget it. */
  complete(reminder: Reminder): Promise<void>;
  /** Delivery failed: try again at `retryAt` with the attempt counted. */
  retry(reminder: Reminder, retryAt: number): Promise<void>;
  /** Reminders still waiting (for /metrics and tests). */
  pending(): Promise<number>;
  /** Whether the backing service answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
