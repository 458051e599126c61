// A short pasted trace whose first failure is a 488 after a 100 Trying: what the chat tests paste.
export const PASTED_488 = [
  "SIP/2.0 100 Trying",
  "CSeq: 1 INVITE",
  "",
  "SIP/2.0 488 Not Acceptable Here",
  "CSeq: 1 INVITE",
].join("\n");

/** The INVITE, then PASTED_488: a whole trace as a Teams user pastes it. */
export const PASTED_INVITE_488 = [
  "INVITE sip:bob@pbx.example.com SIP/2.0",
  "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1",
  "CSeq: 1 INVITE",
  "",
  PASTED_488,
].join("\n");

/** Text as Teams' HTML carries it: &, < and > as entities. */
export const htmlEscaped = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
