// An Asterisk PBX that forwards a call to a new number (a phone's 302, or a forward set on the PBX)
// logs "Now forwarding … to 'Local/<number>@…'" and dials that number on the outbound leg, often
// without a Diversion header. The carrier's failure on that leg, relayed to the caller, is still one
// failure: the forward target counts as the number the caller's leg dialled.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { forwardEvent } from "../../src/engine/scan/relay-forward.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const BOX = "10.10.10.1";
const CALLER = "198.51.100.10";
const DESK = "10.10.10.22";
const CARRIER = "203.0.113.60";
const DID = "+442079460958";
const MOBILE = "+447700900123";

/** One message as Asterisk's pjsip logger prints it. */
function pjsip(
  ms: string,
  sent: boolean,
  peer: string,
  first: string,
  callId: string,
  cseq: number,
  extra: string[] = [],
) {
  const response = first.startsWith("SIP/2.0");
  const how = `${sent ? "Transmitting" : "Received"} SIP ${response ? "response" : "request"} (812 bytes) ${sent ? "to" : "from"}`;
  return [
    `[2026-11-22 02:14:07.${ms}] VERBOSE[4411] res_pjsip_logger.c: <--- ${how} UDP:${peer}:5060 --->`,
    first,
    `Via: SIP/2.0/UDP ${sent === response ? peer : BOX}:5060;rport;branch=z9hG4bK${callId.slice(0, 4)}${cseq}`,
    `From: <sip:+14155550100@${CALLER}>;tag=f${callId.slice(0, 4)}`,
    `To: <sip:${DID}@${BOX}>`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} INVITE`,
    ...extra,
    "Content-Length:  0",
    "",
  ];
}
const verbose = (ms: string, text: string) =>
  `[2026-11-22 02:14:07.${ms}] VERBOSE[4412][C-00000012] app_dial.c: ${text}`;
const forwardTo = (target: string) =>
  verbose(
    "152",
    `Now forwarding PJSIP/carrier-in-00000024 to 'Local/${target}@from-internal' (thanks to PJSIP/2001-00000025)`,
  );

/** A carrier call to the DID rings desk phone 2001, which answers 302 to a mobile; `forward` is what
 *  the PBX logged then; it dials `dialled` at the carrier, which refuses with 503, relayed to the caller. */
const paste = (forward: string[], dialled = MOBILE) =>
  [
    ...pjsip("101", false, CALLER, `INVITE sip:${DID}@${BOX}:5060 SIP/2.0`, "in-7f3a21", 1),
    verbose("106", "Called PJSIP/2001"),
    ...pjsip("107", true, DESK, `INVITE sip:2001@${DESK}:5060 SIP/2.0`, "desk-55c1e0", 3001),
    ...pjsip("150", false, DESK, "SIP/2.0 302 Moved Temporarily", "desk-55c1e0", 3001, [
      `Contact: <sip:${MOBILE}@${BOX}>`,
    ]),
    ...forward,
    ...pjsip("160", true, CARRIER, `INVITE sip:${dialled}@${CARRIER}:5060 SIP/2.0`, "out-9b2d44", 102),
    ...pjsip("210", false, CARRIER, "SIP/2.0 503 Service Unavailable", "out-9b2d44", 102),
    ...pjsip("220", true, CALLER, "SIP/2.0 503 Service Unavailable", "in-7f3a21", 1),
  ].join("\n");

const read = (log: string) => {
  const a = analyze(catalog(), scanText(catalog(), log));
  return {
    correlations: a.correlations.join(" "),
    relayed: a.timeline.filter((r) => r.relays !== undefined).length,
  };
};

describe("a call the PBX forwarded to a new number", () => {
  it("links the carrier's failure on the forwarded leg to the response relayed to the caller", () => {
    const { correlations, relayed } = read(paste([forwardTo(MOBILE)]));
    expect(correlations).toContain("relayed across its legs, which started with the 503 on the outbound leg");
    expect(relayed).toBe(1);
  });

  it("keeps the legs apart without the forward line, when the numbers dialled differ", () => {
    const { correlations, relayed } = read(paste([]));
    expect(correlations).not.toContain("relayed across its legs");
    expect(relayed).toBe(0);
  });

  it("keeps them apart when the outbound leg dials a number other than the forward target", () => {
    const { correlations } = read(paste([forwardTo(MOBILE)], "+447700900999"));
    expect(correlations).not.toContain("relayed across its legs");
  });

  it("keeps them apart when the forward named only an extension", () => {
    const { correlations } = read(paste([forwardTo("2002")]));
    expect(correlations).not.toContain("relayed across its legs");
  });
});

describe("the forward line", () => {
  it("reads the number from Local, SIP and PJSIP dial strings", () => {
    const tail = (target: string) =>
      forwardEvent(`    -- Now forwarding SIP/trunk-0000001a to '${target}' (thanks to SIP/2001-0000001b)`)
        ?.dialled;
    expect(tail("Local/+447700900123@from-internal")).toBe("0900123");
    expect(tail("SIP/07700900123@carrier")).toBe("0900123");
    expect(tail("PJSIP/carrier/sip:+447700900123@203.0.113.60")).toBe("0900123");
    expect(tail("Local/2002@from-internal")).toBeUndefined();
  });
});
