// Runs at most `max` jobs at once and queues the rest in arrival order. Slack events are acked
// before their reply is built; without a bound, a burst of pastes would start hundreds of replies
// at once and every new request (acks included) would wait behind all of their steps. `room()`
// lets a caller hold new work back while the queue is long, so a flood cannot grow it without end.
// A job that has to sit out a wait it does not control (Slack's Retry-After) calls `withoutSlot`,
// which lends its slot to the next job meanwhile: one rate-limited channel cannot stall the rest.
import { AsyncLocalStorage } from "node:async_hooks";

/** The job the current code runs in, found by `withoutSlot` however deep the call. */
interface Job {
  limiter: Limiter;
  /** How many `withoutSlot` waits of this job are under way; the slot is lent while any is. */
  away: number;
}

const currentJob = new AsyncLocalStorage<Job>();

export class Limiter {
  private active = 0;
  /** Jobs started that lent their slot out while they wait. */
  private resting = 0;
  private readonly waiting: Array<() => void> = [];
  /** Started jobs coming back from a wait: they take a slot before any job not yet started. */
  private readonly returning: Array<() => void> = [];
  private readonly roomWaiters: Array<{ below: number; resolve: () => void }> = [];

  constructor(private readonly max: number) {}

  /** Jobs started and not finished (resting ones included), plus jobs waiting for a slot. */
  get load(): number {
    return this.active + this.resting + this.waiting.length + this.returning.length;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    await this.acquire(this.waiting);
    try {
      return await currentJob.run({ limiter: this, away: 0 }, job);
    } finally {
      this.release();
    }
  }

  /** Resolves once fewer than `below` jobs are running or waiting (at once when already so). */
  room(below: number): Promise<void> {
    if (this.load < below) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push({ below, resolve }));
  }

  /** Lends the slot out while `wait` runs, then takes one again ahead of jobs not yet started. */
  async lendWhile<T>(job: Job, wait: () => Promise<T>): Promise<T> {
    if (job.away++ === 0) {
      this.resting++;
      this.release();
    }
    try {
      return await wait();
    } finally {
      if (--job.away === 0) {
        this.resting--;
        await this.acquire(this.returning);
      }
    }
  }

  private acquire(queue: Array<() => void>): Promise<void> | undefined {
    if (this.active < this.max) {
      this.active++;
      return undefined;
    }
    return new Promise<void>((resolve) => queue.push(resolve));
  }

  private release(): void {
    // A freed slot passes straight to the next job, so a caller arriving meanwhile cannot take it.
    const next = this.returning.shift() ?? this.waiting.shift();
    if (next) next();
    else this.active--;
    this.wakeRoomWaiters();
  }

  private wakeRoomWaiters(): void {
    // One at a time, in arrival order: each woken caller adds a job before the next is let in.
    const first = this.roomWaiters[0];
    if (first && this.load < first.below) {
      this.roomWaiters.shift();
      first.resolve();
    }
  }
}

/**
 * Runs `wait` with the calling job's slot lent to the next job, and takes a slot again before
 * returning. Outside a Limiter job (a button click, a test) it just runs `wait`.
 */
export function withoutSlot<T>(wait: () => Promise<T>): Promise<T> {
  const job = currentJob.getStore();
  return job ? job.limiter.lendWhile(job, wait) : wait();
}
