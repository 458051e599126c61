// The latest state of one interactive message (a checklist), kept in the Store so that a click is
// applied to what the message shows now rather than to the clicker's possibly stale copy of it.
// Changes are compare-and-set in the Store (Redis across replicas); the message edits that follow are
// sent one at a time per message in this process, each carrying the newest state, and an edit that
// another replica's newer edit may have overtaken is sent again, so the message ends on the latest.
import type { Store } from "./store.js";

/** A state with a counter that grows on every change, so "newer" needs no clock. */
export interface Versioned<T> {
  v: number;
  state: T;
}

export interface MessageStateOptions {
  /** How long a message's state is kept after its last change. */
  ttlMs: number;
  /** Called when the Store cannot be used; the click then falls back to the clicker's copy. */
  onStoreError?: (err: unknown) => void;
}

/** Edits of one message sent again at most this often when other replicas keep changing it. */
const MAX_RESENDS = 3;

export class MessageState<T> {
  /** Per message: the tail of this process's queue of changes, and of edits. */
  private readonly changes = new Map<string, Promise<unknown>>();
  private readonly edits = new Map<string, Promise<unknown>>();
  /** Per message with edits queued: the newest version this process has sent. */
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly o: MessageStateOptions,
  ) {}

  /**
   * Applies `change` to the latest state of the message (`initial()` when the Store has none, e.g.
   * the first click or after the time to live) and stores the result. Changes of one message run
   * one at a time here, and the Store's compare-and-set keeps other replicas from writing in between.
   */
  change(key: string, initial: () => T, change: (latest: T) => T): Promise<Versioned<T>> {
    return this.queue(this.changes, key, async () => {
      try {
        return await this.store.updateJson<Versioned<T>>(
          key,
          (cur) => ({ v: (cur?.v ?? 0) + 1, state: change(cur ? cur.state : initial()) }),
          this.o.ttlMs,
        );
      } catch (err) {
        this.o.onStoreError?.(err);
        return { v: 0, state: change(initial()) };
      }
    });
  }

  /**
   * Sends an edit of the message showing `mine` or anything newer. Rejects when this call's own edit
   * failed; resolves at once when an earlier queued edit already showed this version.
   */
  publish(key: string, mine: Versioned<T>, send: (state: T) => Promise<void>): Promise<void> {
    return this.queue(this.edits, key, async () => {
      let target = mine;
      for (let i = 0; i <= MAX_RESENDS; i++) {
        const latest = (await this.read(key)) ?? target;
        if (latest.v > target.v) target = latest;
        if ((this.sent.get(key) ?? -1) >= target.v && target.v > 0) return;
        await send(target.state);
        this.sent.set(key, target.v);
        // A newer change made by another replica while this edit was on its way: its own edit may
        // have landed before this one, so show the newest once more.
        const after = await this.read(key);
        if (!after || after.v <= target.v) return;
        target = after;
      }
    });
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
      if (tails === this.edits) this.sent.delete(key);
    });
    return run;
  }
}
