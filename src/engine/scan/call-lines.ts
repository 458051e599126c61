// The last lines of the last few calls a PBX logged one result for, to tell a line that restates a
// result from a new one (dial-outcomes.ts, originate-outcomes.ts). Calls interleave on a busy
// system, so each call's latest line is kept, and a restating line takes its call's place.

/** How many calls' latest lines are remembered. */
const CALLS = 8;

export class CallLines<T> {
  private readonly calls: T[] = [];

  /** `restates(p, d)`: whether `d` restates `p`, an earlier line of the same call. */
  constructor(private readonly restates: (p: T, d: T) => boolean) {}

  /** Whether `d` restates a line seen before; either way it becomes its call's latest line. */
  repeats(d: T): boolean {
    for (let i = this.calls.length - 1; i >= 0; i--) {
      if (!this.restates(this.calls[i] as T, d)) continue;
      // The call's output moves on: its next line is compared with this one.
      this.calls.splice(i, 1);
      this.calls.push(d);
      return true;
    }
    this.calls.push(d);
    if (this.calls.length > CALLS) this.calls.shift();
    return false;
  }

  /** Whether a remembered latest line of a call matches `test`. */
  some(test: (p: T) => boolean): boolean {
    return this.calls.some(test);
  }
}
