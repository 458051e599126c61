// A failure in an SBC's or voice gateway's own trace (Cisco IOS, AudioCodes, Oracle) has no PBX of
// this system's behind it to look at, so a PBX's steps are left out; a response whose Server header
// names the software that sent it gets that software's steps and no other product's.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const checklist = (log: string) => analyze(catalog(), scanText(catalog(), log)).checklist;
const steps = (list: string[], product: string) => list.filter((c) => c.startsWith(`In ${product}`));

const response488 = (above: string, server = "") =>
  [
    above,
    "SIP/2.0 488 Not Acceptable Here",
    "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK2A1B3C",
    "Call-ID: 5A6B7C8D-D9E011EE@192.0.2.10",
    "CSeq: 101 INVITE",
    ...(server ? [`Server: ${server}`] : []),
    "Content-Length: 0",
    "",
  ].join("\n");

describe("a 488 in an SBC's trace", () => {
  it.each([
    [
      "Cisco IOS (debug ccsip messages)",
      "Mar  5 03:20:01.310: //123456/A1B2C3D4E5F6/SIP/Msg/ccsipDisplayMsg:\nReceived:",
    ],
    [
      "AudioCodes syslog",
      "Mar  5 03:20:01 10.1.1.5 local0.notice  [S=2345679] [SID=d4a2b8:12:98765] (N 71234568)  ---- Incoming SIP Message from 203.0.113.10:5060 to SIPInterface #1 (Carrier) UDP TAG=2 ----",
    ],
    ["Oracle sipmsg.log", "Mar  5 03:20:01.310 On [1:0]198.51.100.5:5060 received from 203.0.113.99:5060"],
  ])("leaves Asterisk's steps out of %s and keeps the codec and SBC checks", (_name, above) => {
    const list = checklist(response488(above));
    expect(steps(list, "Asterisk")).toEqual([]);
    expect(list.some((c) => c.includes("SBC codec policy"))).toBe(true);
    expect(list.some((c) => c.includes("m= lines and codecs"))).toBe(true);
  });

  it("still gives Asterisk's steps when the 488 says Asterisk sent it", () => {
    const list = checklist(
      response488(
        "Mar  5 03:20:01.310 On [1:0]198.51.100.5:5060 received from 10.20.30.50:5060",
        "Asterisk PBX 20.5.0",
      ),
    );
    expect(steps(list, "Asterisk").length).toBeGreaterThan(0);
  });
});

describe("a 488 in a plain SIP trace", () => {
  it("gives FreeSWITCH's steps, not Asterisk's, when its Server header names FreeSWITCH", () => {
    const list = checklist(response488("", "FreeSWITCH-mod_sofia/1.10.11-release~64bit"));
    expect(steps(list, "Asterisk")).toEqual([]);
  });

  it("keeps every product's steps when nothing names the sender", () => {
    const list = checklist(response488(""));
    expect(steps(list, "Asterisk").length).toBeGreaterThan(0);
  });
});
