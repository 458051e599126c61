// Runs at most `max` jobs at once and queues the rest in arrival order. Slack events are acked
// before their reply is built; without a bound, a burst of pastes would start hundreds of replies
// at once and every new request (acks included) would wait behind all of their steps. `room()`
// lets a caller hold new work back while the queue is long, so a flood cannot grow it without end.

export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly roomWaiters: Array<{ below: number; resolve: () => void }> = [];

  constructor(private readonly max: number) {}

  /** Jobs started and not finished, plus jobs waiting for a slot. */
  get load(): number {
    return this.active + this.waiting.length;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await job();
    } finally {
      this.active--;
      this.waiting.shift()?.();
      this.wakeRoomWaiters();
    }
  }

  /** Resolves once fewer than `below` jobs are running or waiting (at once when already so). */
  room(below: number): Promise<void> {
    if (this.load < below) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push({ below, resolve }));
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
