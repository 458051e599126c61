// A 487 to an INVITE the caller cancelled (a CANCEL for the same Call-ID before it) is how a
// cancelled call ends: normal traffic, not the first failure, and nobody's fault.
import { describe, expect, it } from "vitest";
import { scanFileJson } from "../../src/adapters/cli/json.js";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const scan = scanText(catalog(), log);
  const a = analyze(catalog(), scan);
  return { text: cardToText(scanCard(a), { full: true }), json: scanFileJson("-", scan, a).summary };
}

const TRACE = (
  cancel = "Max-Forwards: 70",
  callId = "77aa88bb@10.10.10.2",
  after = "",
) => `U 2024/05/14 03:01:00.300000 10.10.10.9:5060 -> 10.10.10.2:5060
SIP/2.0 180 Ringing
Call-ID: 77aa88bb@10.10.10.2
CSeq: 20 INVITE
Server: Asterisk PBX 20.5.0

U 2024/05/14 03:01:08.500000 10.10.10.2:5060 -> 10.10.10.9:5060
CANCEL sip:3004@10.10.10.9 SIP/2.0
Call-ID: ${callId}
CSeq: 20 CANCEL
${cancel}

U 2024/05/14 03:01:08.511000 10.10.10.9:5060 -> 10.10.10.2:5060
SIP/2.0 487 Request Terminated
Call-ID: 77aa88bb@10.10.10.2
CSeq: 20 INVITE
Server: Asterisk PBX 20.5.0
${after}`;

describe("a 487 after a CANCEL", () => {
  it("is normal traffic when the call was answered elsewhere", () => {
    const { text, json } = scanned(TRACE('Reason: SIP;cause=200;text="Call completed elsewhere"'));
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain("✓ SIP 487 Request Terminated (INVITE) from 10.10.10.9:5060 — line 14");
    expect(text).toContain(
      "SIP 487 Request Terminated on line 14 (INVITE): the call was answered elsewhere, so this branch was cancelled (CANCEL on line 8",
    );
    expect(text).toContain('Reason: SIP;cause=200;text="Call completed elsewhere"');
    expect(text).not.toContain("Likely failing component");
    expect(text).not.toContain("Check next");
    expect(json.firstFailure).toBeNull();
    expect(json.failingComponent).toBeNull();
    expect(json.counts.failures).toBe(0);
  });

  it("says the caller cancelled when the CANCEL gives no reason", () => {
    const { text } = scanned(TRACE());
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain("on line 14 (INVITE): cancelled by the caller (CANCEL on line 8); not a failure.");
    expect(text).not.toContain("answered elsewhere");
  });

  it("does not take the Reason header of the next message for the CANCEL's", () => {
    const { text } = scanned(TRACE(undefined, undefined, 'Reason: Q.850;cause=16;text="Normal Clearing"\n'));
    expect(text).toContain("cancelled by the caller (CANCEL on line 8); not a failure.");
  });

  it("stays the first failure when the CANCEL was for another call", () => {
    const { text, json } = scanned(TRACE(undefined, "other@10.10.10.2"));
    expect(text).toMatch(/^First failure: SIP 487 Request Terminated/);
    expect(json.firstFailure).toMatchObject({ code: 487, line: 14 });
  });

  it("stays the first failure with no CANCEL in the log", () => {
    const log = TRACE().replace(/U [^\n]*\nCANCEL[\s\S]*?Max-Forwards: 70\n\n/, "");
    const { text } = scanned(log);
    expect(log).not.toContain("CANCEL");
    expect(text).toMatch(/^First failure: SIP 487 Request Terminated/);
    expect(text).toContain("received the CANCEL");
  });
});
