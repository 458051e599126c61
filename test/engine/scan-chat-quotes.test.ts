// A log pasted as a chat or mail quote ("> " before every line) reads exactly as the same log does
// plain: the same findings, first failure, failing component, timestamps and directions.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { CUBE_403 as CARRIER_403 } from "../helpers/cube-trace.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

/** `log` with `marker` before each line, and a bare ">" on its blank lines, as Slack or mail quote it. */
function quoted(log: string, marker: string): string {
  return log
    .split("\n")
    .map((l, i, all) => (i === all.length - 1 && l === "" ? l : l === "" ? ">" : marker + l))
    .join("\n");
}

/** What a reader of the card sees, with each finding's excerpt left out (it keeps the marker). */
function seen(log: string) {
  const a = run(log);
  const strip = (f: typeof a.firstFailure) =>
    f && {
      id: f.id,
      line: f.line,
      timestamp: f.timestamp,
      host: f.host,
      direction: f.direction,
      method: f.method,
      callId: f.callId,
      reason: f.reason,
    };
  return {
    first: strip(a.firstFailure),
    failing: a.failingComponent,
    summary: a.summary,
    timeline: a.timeline,
    timers: a.timers,
  };
}

const ASTERISK_FAILOVER = `[2024-03-05 03:50:12] VERBOSE[4411][C-00000077] pbx.c: Executing [901144207946@from-internal:5] Dial("PJSIP/1001-00000031", "PJSIP/901144207946@carrier-a,60") in new stack
[2024-03-05 03:50:12] WARNING[4411][C-00000077] chan_pjsip.c: Unable to create PJSIP channel with endpoint 'carrier-a'
[2024-03-05 03:50:12] WARNING[4411][C-00000077] app_dial.c: Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)
[2024-03-05 03:50:12] VERBOSE[4411][C-00000077] app_dial.c: Everyone is busy/congested at this time (1:0/0/1)
[2024-03-05 03:50:12] VERBOSE[4411][C-00000077] pbx.c: Executing [901144207946@from-internal:6] Dial("PJSIP/1001-00000031", "PJSIP/901144207946@carrier-b,60") in new stack
[2024-03-05 03:50:13] VERBOSE[4411][C-00000077] app_dial.c: PJSIP/carrier-b-00000032 is circuit-busy
[2024-03-05 03:50:13] VERBOSE[4411][C-00000077] app_dial.c: Everyone is busy/congested at this time (1:0/1/0)
[2024-03-05 03:50:13] VERBOSE[4411][C-00000077] pbx.c: Executing [901144207946@from-internal:7] NoOp("PJSIP/1001-00000031", "HANGUPCAUSE=34") in new stack
`;

const CUBE_403 = `Mar  5 03:01:12.331: //-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:
Sent:
INVITE sip:+442079460958@sip.telnyx.com:5060 SIP/2.0
Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK1A2B3C
From: <sip:+14155550123@198.51.100.10>;tag=9F8E7D-1C2B
To: <sip:+442079460958@sip.telnyx.com>
Call-ID: 4B3C2D1E-DA1B11EE-8F1A9C2B-7D6E5F4A@198.51.100.10
CSeq: 101 INVITE
Content-Length: 0

${CARRIER_403}`;

const KAMAILIO_SYSLOG = `Mar  5 02:50:01 proxy1 /usr/sbin/kamailio[4121]: INFO: <script>: [ci=5a2b3c4d@192.0.2.15] INVITE from sip:1001@example.com (IP:192.0.2.15:5060) to sip:1002@example.com
Mar  5 02:50:01 proxy1 /usr/sbin/kamailio[4121]: INFO: <script>: [ci=5a2b3c4d@192.0.2.15] sending 404 Not Found to 192.0.2.15:5060
Mar  5 02:50:05 proxy1 /usr/sbin/kamailio[4130]: NOTICE: <script>: [ci=7f7f7f7f@192.0.2.16] relaying INVITE sip:+442079460958@10.0.0.22:5060
Mar  5 02:50:37 proxy1 /usr/sbin/kamailio[4130]: NOTICE: <script>: [ci=7f7f7f7f@192.0.2.16] failure_route: t_branch_timeout=1 t_branch_replied=0 reply code 408
Mar  5 02:50:38 proxy1 /usr/sbin/kamailio[4130]: NOTICE: <script>: [ci=7f7f7f7f@192.0.2.16] onreply_route: 200 OK from 10.0.0.23:5060 cseq=1 INVITE
`;

const SNIPPETS = { ASTERISK_FAILOVER, CUBE_403, KAMAILIO_SYSLOG };
const MARKERS = ["> ", ">", "> > "];

describe("logs pasted as a chat quote", () => {
  for (const [name, log] of Object.entries(SNIPPETS))
    for (const marker of MARKERS)
      it(`${name} quoted with "${marker}" reads as it does plain`, () => {
        expect(seen(quoted(log, marker))).toEqual(seen(log));
      });

  it("keeps one failed Dial() one failure: its cause line, not a second CHANUNAVAIL one", () => {
    const a = run(quoted(ASTERISK_FAILOVER, "> "));
    expect(a.firstFailure?.id).toBe("q850/3");
    expect(a.firstFailure?.timestamp).toBe("2024-03-05 03:50:12");
    expect(a.summary).not.toMatch(/no cause logged/);
  });

  it("keeps a quoted syslog stamp's date", () => {
    const a = run(quoted(KAMAILIO_SYSLOG, "> "));
    expect(a.firstFailure?.timestamp).toBe("Mar  5 02:50:01");
  });

  it("names the host a quoted CUBE trace's 403 came from, by its Received: marker", () => {
    const a = run(quoted(CUBE_403, "> "));
    expect(a.firstFailure?.direction).toBe("in");
    expect(a.failingComponent).toMatch(/^sip\.telnyx\.com, /);
  });
});
