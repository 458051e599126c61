// ngrep-style packets for tests: "U 2025/03/14 20:00:00.000000 10.0.0.1:5060 -> 10.0.0.2:5060"
// followed by the SIP message's lines, as engineers paste them from a capture.

export interface Packet {
  /** "U" for UDP, "T" for TCP. */
  proto?: "U" | "T";
  date: string;
  time: string;
  from: string;
  to: string;
  lines: string[];
}

export function ngrepPacket(p: Packet): string {
  return `${p.proto ?? "U"} ${p.date} ${p.time} ${p.from} -> ${p.to}\n${p.lines.join("\n")}\n`;
}

/**
 * Packets of one capture: `capture("2024/03/05", ["Call-ID: x@h"])(time, from, to, first, headers)`
 * gives a packet whose message is the first line, the capture's common headers, its own headers
 * and a zero Content-Length.
 */
export function capture(date: string, common: string[] = []) {
  return (time: string, from: string, to: string, first: string, headers: string[] = []): string =>
    ngrepPacket({ date, time, from, to, lines: [first, ...common, ...headers, "Content-Length: 0"] });
}
