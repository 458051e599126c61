// Tracks work that outlives its HTTP request (a Slack event is acked before the reply is posted),
// so a graceful shutdown can wait for it within a bound instead of cutting a reply in half.

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves when everything tracked has settled, or after `ms`; true when it all settled. */
  async drain(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const done = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true as const;
    })();
    const settled = await Promise.race([done, timeout]);
    clearTimeout(timer);
    return settled;
  }
}
