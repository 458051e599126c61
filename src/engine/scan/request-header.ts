// A header of a request logged on the same input line as the request (the CANCEL of a Homer export
// whose records are all on one line): the code it carries is placed where the request came from, as
// a status line's header code is placed where its response came from.
import { lastRequestRead } from "./events.js";
import type { Finding } from "./finding.js";
import { isHeaderLine } from "./header-lines.js";
import { namedHost } from "./hosts.js";

/**
 * Gives `f`, found on header line `line`, the sender of the request line read last when that
 * request is on the same input line (pieces of one opened JSON line), and a request line came after
 * the last status line: its record's srcIp, or else the host its event names.
 */
export function borrowRequest(f: Finding, line: string): void {
  const r = lastRequestRead();
  if (!r || r.lineNo !== f.line || !isHeaderLine(line.slice(0, 200))) return;
  const named = namedHost(r.line.slice(0, 600));
  if (named?.role === "sender" || named?.role === "receiver") {
    f.host = named.host;
    f.direction = named.role === "sender" ? "in" : "out";
  } else if (r.from) {
    f.host = r.from;
    f.direction = "in";
  } else if (r.to) {
    f.host = r.to;
    f.direction = "out";
  }
}
