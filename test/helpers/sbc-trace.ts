// An Oracle SBC's sipmsg.log as the B2BUA tests write it: each message under its "On [x:y]… received
// from / sent to …" line, between dashed rules, and an INVITE's copies retransmitted at T1 doubling.

export const block = (stamp: string, where: string, first: string, callId: string) =>
  [
    `Mar  5 03:${stamp} On ${where}`,
    first,
    "Via: SIP/2.0/UDP 198.51.100.5:5060;branch=z9hG4bK-1",
    "From: <sip:2001@pbx.example.net>;tag=a1",
    "To: <sip:2002@carrier.example.net>",
    `Call-ID: ${callId}`,
    "CSeq: 1 INVITE",
    "Content-Length: 0",
    "",
    "----------------------------------------",
  ].join("\n");

export const FROM_CALLER = (caller: string) => `[1:0]198.51.100.5:5060 received from ${caller}:5060`;
export const TO_CALLER = (caller: string) => `[1:0]198.51.100.5:5060 sent to ${caller}:5060`;
export const TO_CARRIER = (carrier: string) => `[0:0]203.0.113.50:5060 sent to ${carrier}:5060`;
export const FROM_CARRIER = (carrier: string) => `[0:0]203.0.113.50:5060 received from ${carrier}:5060`;

/** Copies of one INVITE at T1 doubling from `start` (seconds past 03:20:00). */
export function copies(start: number, count: number, carrier: string, callId: string): string[] {
  const out: string[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    out.push(block(stamp(at), TO_CARRIER(carrier), `INVITE sip:2002@${carrier}:5060 SIP/2.0`, callId));
    at += 0.5 * 2 ** i;
  }
  return out;
}

export const stamp = (s: number) => `20:${s.toFixed(3).padStart(6, "0")}`;
