// One Twilio alert of error 11205 printed one member a line (`curl … | jq .`, a logger's dump of
// the parsed Debugger payload) names its code twice, on two lines: the record's own error_code and
// its alert_text's `ErrorCode=11205` (the Debugger payload's more_info.ErrorCode). On one line the
// detector sees both and counts the record once (twilio-unreachable.ts); printed a member a line,
// the finding store reads the second of the two as the first one's record again.

/** A pretty-printed member line: `  "name": value`, the name quoted, alone at the line's start. */
const MEMBER_LINE = /^\s*"\w+"\s*:/;
/**
 * How far apart the two members of one record can be: alert_text to error_code is five lines in
 * the Alerts API's record (its members come sorted), error_code to more_info's ErrorCode a few in
 * the Debugger payload; the next record's first member is past its own request and response.
 */
const RECORD_SPAN = 12;

/** Which member of its record a line's error code is: the record's error_code, or the text's. */
function member(line: string): "code" | "text" {
  return line.includes("error_code") ? "code" : "text";
}

export class PrettyAlerts {
  /** The last alert's line and member, while its record's other member may still come. */
  private line = -1;
  private member: "code" | "text" = "code";

  /**
   * Whether the alert on `line` (number lineNo) restates the one kept just above it: both on
   * member lines of a pretty-printed record, close together, one the error_code and one the text.
   * A record has one of each, so the one after that starts a new record.
   */
  repeats(line: string, lineNo: number): boolean {
    if (!MEMBER_LINE.test(line)) {
      this.line = -1;
      return false;
    }
    const m = member(line);
    if (this.line >= 0 && lineNo > this.line && lineNo - this.line <= RECORD_SPAN && m !== this.member) {
      this.line = -1;
      return true;
    }
    this.line = lineNo;
    this.member = m;
    return false;
  }
}
