// A forked INVITE where every branch fails: the proxy forwards the best response (RFC 3261 §16.7,
// a 6xx wins over 4xx/5xx), and that response, not the branch that failed first, is what the
// caller got.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const CALL = "8f14e45f-ceea@10.0.1.10";
const PROXY = "10.0.0.5:5060";
const CALLER = "10.0.1.10:5060";

/** A branch's final response to the proxy, or the proxy's to the caller. */
const reply = (time: string, from: string, to: string, status: string) =>
  ngrepPacket({
    date: "2024/03/05",
    time: `02:20:${time}`,
    from,
    to,
    lines: [
      `SIP/2.0 ${status}`,
      ...(to === PROXY ? [`Via: SIP/2.0/UDP ${PROXY};branch=z9hG4bKd3e2.0`] : []),
      `Via: SIP/2.0/UDP ${CALLER};branch=z9hG4bK-a1`,
      `Call-ID: ${CALL}`,
      "CSeq: 1 INVITE",
      "Content-Length: 0",
      "",
    ],
  });

describe("a forked call whose branches all fail", () => {
  const log = [
    reply("03.100000", "10.0.2.21:5060", PROXY, "486 Busy Here"),
    reply("04.200000", "10.0.2.22:5060", PROXY, "603 Decline"),
    reply("04.200900", PROXY, CALLER, "603 Decline"),
  ].join("\n");

  it("leads with the 6xx the proxy forwarded, and names the earlier 486 as a branch", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({ code: 603, host: "10.0.2.22:5060" });
    expect(a.failingComponent).toMatch(/^10\.0\.2\.22:5060/);
    expect(a.summary).toMatch(
      /The INVITE was forked: the branch to 10\.0\.2\.21:5060 failed first with SIP 486 Busy Here \(line \d+\), but 10\.0\.2\.22:5060 answered SIP 603 Decline \(line \d+\), and a 6xx from any branch wins over 4xx\/5xx \(RFC 3261 §16\.7\), so the proxy forwarded it to the caller \(line \d+\)\./,
    );
    expect(a.checklist[0]).not.toMatch(/another active call/);
  });

  it("with no 6xx, leads with the 4xx the log shows the proxy forwarded", () => {
    const a = run(log.replaceAll("603 Decline", "480 Temporarily Unavailable"));
    expect(a.firstFailure).toMatchObject({ code: 480, host: "10.0.2.22:5060" });
    expect(a.summary).toMatch(
      /with no 6xx a proxy may forward any response of the lowest class, and this one chose it \(RFC 3261 §16\.7\), so the proxy forwarded SIP 480 Temporarily Unavailable to the caller \(line \d+\)\./,
    );
  });

  it("keeps the earliest failure when one host sent both responses (no fork)", () => {
    const a = run(log.replace("10.0.2.22:5060", "10.0.2.21:5060"));
    expect(a.firstFailure?.code).toBe(486);
  });
});
