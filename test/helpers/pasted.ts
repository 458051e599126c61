// A short pasted trace whose first failure is a 488 after a 100 Trying: what the chat tests paste.
export const PASTED_488 = [
  "SIP/2.0 100 Trying",
  "CSeq: 1 INVITE",
  "",
  "SIP/2.0 488 Not Acceptable Here",
  "CSeq: 1 INVITE",
].join("\n");
