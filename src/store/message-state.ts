// The latest state of one interactive message (a checklist), kept in the Store so that a click made
// on a stale copy of the message still keeps everyone else's changes. The stored state is only a
// help: every write merges it with what the clicked message showed (and what this process last
// sent), so a store that is stale (another replica's memory, or a copy from before a Redis outage)
// can add to the message but never take from it. Changes are compare-and-set in the Store; the
// message edits that follow are sent one at a time per message in this process, each carrying the
// newest state, and an edit that another replica's newer edit may have overtaken is sent again.
import type { Store } from "./store.js";

/** A state with a counter that grows on every change, so "newer" needs no clock. */
export interface Versioned<T> {
  v: number;
  state: T;
}

export interface MessageStateOptions<T> {
  /** How long a message's state is kept after its last change. */
  ttlMs: number;
  /** Called when the Store cannot be used; the click then falls back to the clicker's copy. */
  onStoreError?: (err: unknown) => void;
  /**
   * Both copies combined, the first one (the stored state) winning ties. Without it the stored state
   * replaces the other copy, which is only right when every copy passes through the Store.
   */
  merge?: (stored: T, other: T) => T;
}

/** Edits of one message sent again at most this often when other replicas keep changing it. */
const MAX_RESENDS = 3;

/** A JSON text that does not depend on the order keys were added in, to compare two states. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export class MessageState<T> {
  /** Per message: the tail of this process's queue of changes, and of edits. */
  private readonly changes = new Map<string, Promise<unknown>>();
  private readonly edits = new Map<string, Promise<unknown>>();
  /** Per message with edits queued: the newest version this process has sent. */
  private readonly sent = new Map<string, number>();
  /** Per message with edits queued: the state this process last sent. */
  private readonly shown = new Map<string, string>();
  private readonly merge: (stored: T, other: T) => T;

  constructor(
    private readonly store: Store,
    private readonly o: MessageStateOptions<T>,
  ) {
    this.merge = o.merge ?? ((stored) => stored);
  }

  /**
   * Applies `change` to the stored state merged with `seen()` (the message as the clicker saw it;
   * alone when the Store has none, e.g. the first click or after the time to live) and stores the
   * result. Changes of one message run one at a time here, and the Store's compare-and-set keeps
   * other replicas from writing in between. When the Store cannot be reached the change is applied
   * to the clicker's copy alone (version 0); publishing it writes it back once the Store answers.
   */
  change(key: string, seen: () => T, change: (latest: T) => T): Promise<Versioned<T>> {
    return this.queue(this.changes, key, async () => {
      try {
        return await this.store.updateJson<Versioned<T>>(
          key,
          (cur) => ({ v: (cur?.v ?? 0) + 1, state: change(cur ? this.merge(cur.state, seen()) : seen()) }),
          this.o.ttlMs,
        );
      } catch (err) {
        this.o.onStoreError?.(err);
        return { v: 0, state: change(seen()) };
      }
    });
  }

  /**
   * Sends an edit of the message showing `mine` merged with anything newer. Rejects when this call's
   * own edit failed; resolves at once when an earlier queued edit already showed this version.
   */
  publish(key: string, mine: Versioned<T>, send: (state: T) => Promise<void>): Promise<void> {
    return this.queue(this.edits, key, async () => {
      let target = await this.newest(key, mine);
      for (let i = 0; i <= MAX_RESENDS; i++) {
        if ((this.sent.get(key) ?? -1) >= target.v && target.v > 0) return;
        const text = canonical(target.state);
        // Nothing new to show (e.g. the Store only caught up with what this process already sent).
        if (this.shown.get(key) !== text) await send(target.state);
        this.sent.set(key, target.v);
        this.shown.set(key, text);
        // A newer change made by another replica while this edit was on its way: its own edit may
        // have landed before this one, so show the newest once more.
        const after = await this.newest(key, target);
        if (after.v <= target.v) return;
        target = after;
      }
    });
  }

  /**
   * `mine` merged with the stored state when that is newer. Never the stored state alone: what this
   * process sent may be missing from it (a change made while the Store was unreachable), in which
   * case the merged state is written back so the Store catches up.
   */
  private async newest(key: string, mine: Versioned<T>): Promise<Versioned<T>> {
    const stored = await this.read(key);
    if (!stored) return mine;
    if (stored.v <= mine.v && mine.v > 0) return mine;
    const merged = this.merge(stored.state, mine.state);
    if (canonical(merged) === canonical(stored.state)) return { v: stored.v, state: merged };
    try {
      return await this.store.updateJson<Versioned<T>>(
        key,
        (cur) => ({ v: (cur?.v ?? 0) + 1, state: cur ? this.merge(cur.state, mine.state) : mine.state }),
        this.o.ttlMs,
      );
    } catch (err) {
      this.o.onStoreError?.(err);
      return { v: stored.v, state: merged };
    }
  }

  private async read(key: string): Promise<Versioned<T> | undefined> {
    try {
      return await this.store.getJson<Versioned<T>>(key);
    } catch (err) {
      this.o.onStoreError?.(err);
      return undefined;
    }
  }

  /** Runs `job` after the jobs already queued for `key`, forgetting the key when its queue empties. */
  private queue<R>(tails: Map<string, Promise<unknown>>, key: string, job: () => Promise<R>): Promise<R> {
    // Queued tails never reject (see below), so the job runs whatever happened before it.
    const run = (tails.get(key) ?? Promise.resolve()).then(job);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) !== tail) return;
      tails.delete(key);
      if (tails !== this.edits) return;
      this.sent.delete(key);
      this.shown.delete(key);
    });
    return run;
  }
}
