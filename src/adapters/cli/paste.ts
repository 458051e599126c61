// How the shell and the one-shot command tell a pasted log from a question, line by line.

/**
 * A line that introduces a packet in a trace: ngrep's `U 10.0.0.9:5060 -> …` and `#` separator,
 * pjsip's `RX 512 bytes … from`, sofia-sip's `recv 512 bytes from`, Asterisk's
 * `<--- SIP read from …`, tcpdump's `IP 10.0.0.9.5060 > …`. It is never a question, and it names
 * the host that sent the message below it, so it must stay in the same paste.
 */
const PACKET_HEADER =
  /^(?:[UT] (?:\d{4}\/\d\d\/\d\d \S+ )?\S+ -> \S+|#+$|\.?[RT]X \d+ bytes\b|(?:recv|send) \d+ bytes (?:from|to)\b|<-{3}|IP6? \S+ > \S+:)/;

/** A line that starts a pasted log rather than a one-line question. */
const LOG_START =
  /^(?:SIP\/2\.0|INVITE|REGISTER|OPTIONS|BYE|ACK|CANCEL|UPDATE|PRACK|NOTIFY|SUBSCRIBE|REFER|INFO|MESSAGE|PUBLISH)\b|^\d{4}-\d\d-\d\d|^\d\d:\d\d:\d\d|^[A-Z][a-z]{2} +\d+ \d\d:|^\[|^<\d+>|^\{|^-{5,}|^(?:UDP|TCP|TLS|WSS?) message (?:received|sent)|^[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?\s*:\s*\S/;

/**
 * After an empty line inside a paste, a line like these continues the same log: the SDP after a
 * SIP message's blank line, a header, an indented or timestamped line, the next message.
 */
const LOG_CONTINUES = /^[a-z]=|^[A-Za-z][\w.-]*\s*:\s|^\s+\S|^[}\]]/;

export function isPacketHeader(line: string): boolean {
  return PACKET_HEADER.test(line.trim());
}

/** The first line of a log (a packet line, a SIP start line, a timestamped or header line). */
export function startsLog(line: string): boolean {
  const t = line.trim();
  return PACKET_HEADER.test(t) || LOG_START.test(t);
}

/** A line that carries on a log already being pasted. */
export function continuesLog(line: string): boolean {
  return LOG_CONTINUES.test(line) || startsLog(line);
}

/** A number alone on its line, as codes are copied one per line from an alert or a list. */
export function isBareCode(line: string): boolean {
  return /^\d{1,6}$/.test(line.trim());
}

/** Lines that hold nothing but bare codes (and empty lines): a list of codes, not a log. */
export function onlyCodes(lines: readonly string[]): boolean {
  const filled = lines.filter((l) => l.trim() !== "");
  return filled.length > 0 && filled.every(isBareCode);
}

/**
 * The questions a list of bare codes asks: SIP-range codes together ("486, 487", as `sipcode 486
 * 487` lists them, never read as a code and its subcode since each had its own line), any other
 * list (Q.850 causes, subcodes) one code at a time.
 */
export function codeQuestions(lines: readonly string[]): string[] {
  const codes = [...new Set(lines.map((l) => l.trim()).filter((l) => l !== ""))];
  return codes.length > 1 && codes.every((c) => /^[1-6]\d\d$/.test(c)) ? [codes.join(", ")] : codes;
}

/** Text of several lines of which at least one reads as a log line. */
export function readsAsLog(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length >= 2 && lines.some(startsLog);
}
