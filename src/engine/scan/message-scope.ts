// Which SIP message a finding belongs to, as the finding store builds them in line order: a status
// line's finding opens its message (its header lines run to messageEnd), and a code found in one of
// those headers ("Reason: Q.850;cause=34") borrows the message's time and host. A request line read
// after the status line (a CANCEL's record after a 183's on one line of a JSON export) ends it.
import { requestLinesRead } from "./events.js";
import { borrowMessage, type Finding, messageEnd } from "./finding.js";
import { isHeaderLine } from "./header-lines.js";
import type { Hit } from "./hit.js";
import { borrowRequest } from "./request-header.js";

export class MessageScope {
  /** The last status line's finding built, the last line of its message's headers, and
   *  requestLinesRead() then. */
  private message: Finding | undefined;
  private end = 0;
  private requests = 0;

  /** Places `f`, just built for the hit `h` on `line`: it opens a message or borrows from one. */
  place(f: Finding, h: Hit, line: string): void {
    if (h.detector === "sip-status") {
      this.message = f;
      this.end = messageEnd(f) ?? f.line;
      this.requests = requestLinesRead();
      return;
    }
    const m = this.of(f.line, line);
    if (m) borrowMessage(f, m);
    else if (!f.host && this.requests !== requestLinesRead()) borrowRequest(f, line);
  }

  /** The status line's finding of the message whose header `line` (number lineNo) is, if kept. */
  of(lineNo: number, line: string): Finding | undefined {
    const m = this.message;
    // A header on the status line's own line number is a piece of it (an opened JSON message).
    if (!m || lineNo < m.line || lineNo > this.end) return undefined;
    // A request line read since began another message.
    if (requestLinesRead() !== this.requests) return undefined;
    return isHeaderLine(line.slice(0, 200)) ? m : undefined;
  }
}
