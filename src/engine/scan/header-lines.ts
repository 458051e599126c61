// Whether a log line is a header line of a SIP message, and which header: read past any chat quote
// marker, never taking a status line (its "SIP/2.0 486" holds no header) for one.
import { unquoted } from "./text-lines.js";

/** "Name:" at the start of a line (past any chat quote marker); "Content-Length:0" has no space. */
const HEADER_NAME = /^\s*([A-Za-z][\w-]*)\s*:(?!\/\/)/;
const STATUS = /SIP\/2\.0 [1-6]\d\d/;

/**
 * Whether `line` may be a header line of a SIP message ("CSeq: 7 INVITE", "> Reason: Q.850;cause=42"),
 * not a status line.
 */
export function isHeaderLine(line: string): boolean {
  return HEADER_NAME.test(unquoted(line)) && !STATUS.test(line);
}

/** The name of the header `line` may be ("Reason"), or undefined. */
export function headerName(line: string): string | undefined {
  return isHeaderLine(line) ? HEADER_NAME.exec(unquoted(line))?.[1] : undefined;
}
