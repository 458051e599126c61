// Media and statistics counters under a syslog head whose host or program is named like a voice
// box (sbc, proxy, pbx, sip): the head names the box that logged the line, not SIP in its message,
// so the counters stay counters, while a status such a box says it received is still reported.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const codes = (log: string) => scanText(catalog(), log).findings.map((f) => `${f.namespace} ${f.code}`);

describe("packet counters logged by a box named like a voice box", () => {
  it("are no codes, whatever the host is called", () => {
    for (const host of ["sbc", "proxy", "pbx", "sip", "SBC"]) {
      const log = [
        `Mar  5 03:20:01 ${host} rtpstats[812]: Packets sent=486, received=503`,
        `Mar  5 03:20:02 ${host} rtpstats[812]: received=486 sent=503`,
        `Mar  5 03:20:03 ${host} rtpstats[812]: packets sent 503 received 486 lost 0`,
      ].join("\n");
      expect(codes(log), host).toEqual([]);
    }
  });

  it("are no codes when the program's tag or an ISO-stamped head names the box", () => {
    const log = [
      "Mar  5 03:20:01 gw01 sbc[812]: Packets sent=486, received=503",
      "2024-03-05T03:20:02.120+00:00 proxy rtpstats[812]: received=486 sent=503",
      "<134>Mar  5 03:20:03 pbx rtpstats: packets sent 503 received 486 lost 0",
    ].join("\n");
    expect(codes(log)).toEqual([]);
  });

  it("still reports a status the box says it received", () => {
    const log = [
      "Mar  5 03:20:01 sbc kamailio[812]: INVITE sent, received 486",
      "Mar  5 03:20:02 proxy kamailio[812]: received 503 from 10.0.0.9",
    ].join("\n");
    expect(codes(log)).toEqual(["sip 486", "sip 503"]);
  });
});
