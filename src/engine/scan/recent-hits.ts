// The last four hits the finding store was offered, with their lines: two rules look back at them.
// A JSON pair read through the look-ahead is found again on its own subCode line, and a cause field
// under a Reason header just offered (tshark's tree) is that header's cause.
import { restatesReason } from "./claims.js";
import type { Hit } from "./hit.js";

export class RecentHits {
  private readonly hits: Array<Hit | undefined> = [undefined, undefined, undefined, undefined];
  private readonly lines = [0, 0, 0, 0];
  private next = 0;

  push(h: Hit, lineNo: number): void {
    this.hits[this.next] = h;
    this.lines[this.next] = lineNo;
    this.next = (this.next + 1) & 3;
  }

  /** The second sighting of a vendor JSON pair (ACS, Exotel, Mobius) offered up to 4 lines before. */
  isVendorPairRepeat(h: Hit, lineNo: number): boolean {
    if (h.namespace !== "acs" && h.namespace !== "exotel" && h.detector !== "mobius-json") return false;
    for (let k = 0; k < 4; k++) {
      const r = this.hits[k];
      if (
        r &&
        lineNo - (this.lines[k] as number) <= 4 &&
        r.namespace === h.namespace &&
        r.code === h.code &&
        r.subcode === h.subcode
      )
        return true;
    }
    return false;
  }

  /** Whether `h` on `line` restates the Reason header of the hit offered just before it. */
  restatesReason(h: Hit, lineNo: number, line: string): boolean {
    const k = (this.next + 3) & 3;
    const r = this.hits[k];
    return r !== undefined && restatesReason(h, line, lineNo, r, this.lines[k] as number);
  }
}
