// Tracks work that outlives its HTTP request (a Slack event is acked before the reply is posted),
// so a graceful shutdown can wait for it within a bound instead of cutting a reply in half, and can
// say whose work it abandoned when the bound runs out.

export class InFlight<Label = undefined> {
  private readonly running = new Map<Promise<unknown>, Label | undefined>();

  get size(): number {
    return this.running.size;
  }

  /** What each piece of work still running was labelled with (unlabelled work is left out). */
  labels(): Label[] {
    return [...this.running.values()].filter((l): l is Label => l !== undefined);
  }

  track<T>(work: Promise<T>, label?: Label): Promise<T> {
    this.running.set(work, label);
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
      while (this.running.size > 0) await Promise.allSettled([...this.running.keys()]);
      return true as const;
    })();
    const settled = await Promise.race([done, timeout]);
    clearTimeout(timer);
    return settled;
  }
}
