// The "\n"s the scanner adds that are not line ends of the input: where an endless line was cut
// and where an escaped SIP message was opened (escaped.ts). Lines split by them keep one line
// number. Offsets are absolute (from the start of the input), added in increasing order.

export class Cuts {
  private at: number[] = [];

  get none(): boolean {
    return this.at.length === 0;
  }

  add(offset: number): void {
    this.at.push(offset);
  }

  /** How many cuts lie in [from, to). */
  countIn(from: number, to: number): number {
    if (this.at.length === 0) return 0;
    return this.lowerBound(to) - this.lowerBound(from);
  }

  /** Forgets the cuts before `offset` (text the scanner no longer holds). */
  dropBefore(offset: number): void {
    const k = this.lowerBound(offset);
    if (k > 0) this.at = this.at.slice(k);
  }

  /** Index of the first cut at or after `offset`. */
  private lowerBound(offset: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.at[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
