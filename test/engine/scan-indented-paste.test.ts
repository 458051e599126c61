// A log pasted indented (a 4-space Markdown or Jira code block, a mail client's indent), with
// spaces before its quote markers ("  > "), or a tshark one-line summary pasted as a quote, reads
// exactly as the same log does plain.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { PasteFilter } from "../../src/engine/scan/paste-prefix.js";
import { Scanner, scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { CUBE_403 } from "../helpers/cube-trace.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

/** `log` with `prefix` before each of its lines. */
const prefixed = (log: string, prefix: string) => log.replace(/^(?=.)/gm, prefix);

/** What a reader of the card sees, with each finding's excerpt left out. */
function seen(log: string) {
  const a = run(log);
  const f = a.firstFailure;
  return {
    first: f && { id: f.id, line: f.line, timestamp: f.timestamp, host: f.host, direction: f.direction },
    failing: a.failingComponent,
    summary: a.summary,
    timeline: a.timeline,
  };
}

const ASTERISK_DIAL = `[Mar  5 03:50:12] VERBOSE[4411][C-00000077] pbx.c: Executing [901144207946@from-internal:5] Dial("PJSIP/1001-00000031", "PJSIP/901144207946@carrier-a,60") in new stack
[Mar  5 03:50:12] WARNING[4411][C-00000077] chan_pjsip.c: Unable to create PJSIP channel with endpoint 'carrier-a'
[Mar  5 03:50:12] WARNING[4411][C-00000077] app_dial.c: Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)
[Mar  5 03:50:12] VERBOSE[4411][C-00000077] app_dial.c: Everyone is busy/congested at this time (1:0/0/1)
`;

const KAMAILIO = `Mar  5 02:50:01 proxy1 /usr/sbin/kamailio[4121]: INFO: <script>: [ci=5a2b3c4d5e6f@192.0.2.15] lookup failed for 1002 - rc=-1
Mar  5 02:50:01 proxy1 /usr/sbin/kamailio[4121]: INFO: <script>: [ci=5a2b3c4d5e6f@192.0.2.15] sending 404 Not Found to 192.0.2.15:5060
`;

const TSHARK_SUMMARY = `    1   0.000000  10.0.0.5 → 203.0.113.9  SIP/SDP 1034 Request: INVITE sip:+442079460958@203.0.113.9 |
    2   0.048211  203.0.113.9 → 10.0.0.5  SIP 412 Status: 100 Trying |
    3   0.481002  10.0.0.5 → 203.0.113.9  SIP 530 Request: INVITE sip:+442079460958@203.0.113.9 |
    4   2.910334  203.0.113.9 → 10.0.0.5  SIP 598 Status: 407 Proxy Authentication Required |
    5   2.910901  10.0.0.5 → 203.0.113.9  SIP 380 Request: ACK sip:+442079460958@203.0.113.9 |
    6   2.912113  10.0.0.5 → 203.0.113.9  SIP/SDP 1290 Request: INVITE sip:+442079460958@203.0.113.9 |
    7   3.020551  203.0.113.9 → 10.0.0.5  SIP 420 Status: 100 Trying |
    8   4.700012  203.0.113.9 → 10.0.0.5  SIP 560 Status: 486 Busy Here |
    9   4.700400  10.0.0.5 → 203.0.113.9  SIP 380 Request: ACK sip:+442079460958@203.0.113.9 |
`;

describe("logs pasted indented", () => {
  for (const [name, log] of Object.entries({ ASTERISK_DIAL, KAMAILIO, CUBE_403 }))
    for (const prefix of ["    ", "\t", "  > ", "    >  "])
      it(`${name} with ${JSON.stringify(prefix)} before each line reads as it does plain`, () => {
        expect(seen(prefixed(log, prefix))).toEqual(seen(log));
      });

  // What a reader checks first in a code block: the one failure of the Dial() (its cause, not a
  // second "no cause logged" one) and a syslog stamp that keeps its date.
  it.each([
    ["a failed Dial() stays one failure", ASTERISK_DIAL, { id: "q850/3", timestamp: "Mar  5 03:50:12" }],
    ["a syslog stamp keeps its date", KAMAILIO, { timestamp: "Mar  5 02:50:01" }],
  ])("in a code block, %s", (_name, log, want) => {
    const a = run(prefixed(log, "    "));
    expect(a.firstFailure).toMatchObject(want);
    expect(a.summary).not.toMatch(/no cause logged/);
  });

  it("keeps the indent of lines that are indented in the log itself", () => {
    // Asterisk's verbose lines and a folded header: only what every line shares is a paste's indent.
    const log = `[Mar  5 03:50:12] VERBOSE[4411] app_dial.c: Called PJSIP/carrier-a
    -- PJSIP/carrier-a-00000031 is circuit-busy
`;
    expect(seen(log)).toEqual(seen(prefixed(log, "  ")));
  });
});

describe("a tshark one-line summary pasted as a quote", () => {
  for (const marker of ["> ", ">", "> > ", "  > "])
    it(`with "${marker}" keeps its length column out of the codes`, () => {
      const plain = run(TSHARK_SUMMARY);
      expect(plain.firstFailure?.id).toBe("sip/486");
      expect(seen(prefixed(TSHARK_SUMMARY, marker))).toEqual(seen(TSHARK_SUMMARY));
    });
});

describe("the paste's prefix across chunks", () => {
  it("is found and taken off however the text is cut", () => {
    const text = prefixed(TSHARK_SUMMARY, "> ");
    const whole = new PasteFilter();
    const expected = whole.take(text) + whole.flush();
    expect(expected).toBe(TSHARK_SUMMARY.replace(/^ {4}/gm, ""));
    for (const size of [1, 3, 7, 40]) {
      const f = new PasteFilter();
      let out = "";
      for (let i = 0; i < text.length; i += size) out += f.take(text.slice(i, i + size));
      expect(out + f.flush()).toBe(expected);
    }
  });

  it("gives the same findings when the scanner is fed a line at a time", () => {
    const log = prefixed(ASTERISK_DIAL, "    ");
    const s = new Scanner(catalog());
    for (const line of log.split(/(?<=\n)/)) s.push(line);
    const byLine = s.end().findings.map((f) => [f.id, f.line, f.timestamp]);
    expect(byLine).toEqual(
      scanText(catalog(), ASTERISK_DIAL).findings.map((f) => [f.id, f.line, f.timestamp]),
    );
  });

  it("leaves a log with no shared prefix as it is", () => {
    const f = new PasteFilter();
    expect(f.take(CUBE_403) + f.flush()).toBe(CUBE_403);
  });
});
