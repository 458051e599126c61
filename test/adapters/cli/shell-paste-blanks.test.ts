// Empty lines inside a paste. Asterisk's `pjsip set logger on` prints two empty lines after every
// message without a body, so on a terminal a paste that arrives in one burst stays one paste
// whatever empty lines it holds; an empty line followed by a pause, or two typed by hand, ends it.
import { describe, expect, it } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";
import { shellOnTerminal } from "../../helpers/terminal.js";

const terminal = async (chunks: [string, number][]) => (await shellOnTerminal(chunks)).out;

/** A trunk call as Asterisk's pjsip logger shows it: bodyless messages end with two empty lines. */
const trying = [
  "<--- Received SIP response (340 bytes) from UDP:198.51.100.20:5060 --->",
  "SIP/2.0 100 Trying",
  "Via: SIP/2.0/UDP 10.1.1.5:5060;rport;branch=z9hG4bKPj0a1b2c",
  "Call-ID: 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
  "CSeq: 4410 INVITE",
  "Content-Length:  0",
  "",
  "",
];
const refused = [
  "<--- Received SIP response (470 bytes) from UDP:198.51.100.20:5060 --->",
  "SIP/2.0 503 Service Unavailable",
  "Via: SIP/2.0/UDP 10.1.1.5:5060;rport;branch=z9hG4bKPj0a1b2c",
  "Call-ID: 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
  "CSeq: 4410 INVITE",
  "Server: TrunkSBC 7",
  "Content-Length:  0",
  "",
  "",
];
const ack = [
  "<--- Transmitting SIP request (390 bytes) to UDP:198.51.100.20:5060 --->",
  "ACK sip:+14155550199@198.51.100.20:5060 SIP/2.0",
  "CSeq: 4410 ACK",
  "Content-Length:  0",
  "",
  "",
];
const logger = [...trying, ...refused, ...ack].join("\n");

describe("a pasted pjsip logger trace on a terminal", () => {
  it("is one paste: the 503 after the 100 Trying's two empty lines is its first failure", async () => {
    const out = await terminal([
      [`${logger}\n`, 700],
      ["quit\n", 100],
    ]);
    expect(out.match(/First failure:|No failures|No error codes found/g)).toEqual(["First failure:"]);
    expect(out).toMatch(/First failure: SIP 503 Service Unavailable/);
    // Line numbers count the paste's empty lines, as `sipcode scan` of the same text does.
    expect(out).toMatch(/SIP 503 Service Unavailable on line 10\b/);
    expect(out).toMatch(/Likely failing component +198\.51\.100\.20:5060/);
  });

  it("stays one paste when the terminal delivers it in pieces cut at the empty lines", async () => {
    const out = await terminal([
      [`${trying.join("\n")}\n`, 20],
      [`${refused.join("\n")}\n`, 20],
      [`${ack.join("\n")}\n`, 700],
      ["quit\n", 100],
    ]);
    expect(out.match(/First failure:|No failures|No error codes found/g)).toEqual(["First failure:"]);
    expect(out).toMatch(/First failure: SIP 503 Service Unavailable/);
  });

  it("two pastes with a pause between them get two answers", async () => {
    const out = await terminal([
      [`${trying.join("\n")}\n`, 700],
      [`${refused.join("\n")}\n`, 700],
      ["quit\n", 100],
    ]);
    expect(out.match(/First failure:|No failures/g)).toEqual(["No failures", "First failure:"]);
  });
});

describe("empty lines typed by hand", () => {
  it("two Enters after a paste end it at once, and the next line is asked on its own", async () => {
    const out = await terminal([
      ["SIP/2.0 486 Busy Here\nCSeq: 7 INVITE\n", 200],
      ["\n", 200],
      ["\n", 200],
      ["488\n", 500],
      ["quit\n", 100],
    ]);
    expect(out.match(/First failure:/g)).toHaveLength(1);
    expect(out).toMatch(/First failure: SIP 486 Busy Here/);
    expect(out).toMatch(/^SIP 488 Not Acceptable Here$/m);
  });
});

describe("over a pipe", () => {
  it("two empty lines still end a paste", async () => {
    const io = memoryIo(
      `${["SIP/2.0 486 Busy Here", "CSeq: 7 INVITE", "", "", "SIP/2.0 503 Service Unavailable", "CSeq: 8 INVITE", "", "quit"].join("\n")}\n`,
    );
    await main(["shell"], io);
    expect(io.out().match(/First failure: SIP \d+/g)).toEqual([
      "First failure: SIP 486",
      "First failure: SIP 503",
    ]);
  });
});
