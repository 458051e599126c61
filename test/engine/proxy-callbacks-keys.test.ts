// Twilio's <Dial><Sip> action callback, a Call-ID in a bracketed "[ci=…]" prefix, and phone
// numbers in Kamailio's user pseudo-variables: what a user sees of each.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (log: string) => scanText(catalog(), log);
const analysed = (log: string) => analyze(catalog(), scan(log));

describe("Twilio's <Dial><Sip> action callback", () => {
  const form =
    "2024-03-05T02:14:19.882Z POST /voice/dial-action 200 14ms body=CallSid=CA9f8e7d6c5b4a39281706f5e4d3c2b1a0&DialCallStatus=busy&DialSipCallId=7c1b2a9d8e@sip.example.net&DialSipResponseCode=486&Direction=inbound";
  const json =
    '{"level":"info","time":"2024-03-05T02:14:19.882Z","msg":"dial action callback","body":{"DialCallStatus":"busy","DialSipCallId":"7c1b2a9d8e@sip.example.net","DialSipResponseCode":"486"}}';

  it("reads the dialled SIP leg's answer to its INVITE, on that leg's call, as the first failure", () => {
    for (const log of [form, json]) {
      const a = analysed(log);
      expect(a.firstFailure).toMatchObject({
        namespace: "sip",
        code: 486,
        method: "INVITE",
        callId: "7c1b2a9d8e@sip.example.net",
      });
    }
  });

  it("gives no code for a dial that was answered", () => {
    const codes = scan(json.replace('"486"', '"200"').replace("busy", "completed")).findings.map(
      (f) => f.code,
    );
    expect(codes).toEqual([200]);
  });
});

describe("a Kamailio script's [ci=…] prefix", () => {
  it("names the Call-ID without the bracket that closes the prefix", () => {
    const log =
      "Mar  5 02:14:19 sbc1 /usr/sbin/kamailio[21876]: INFO: <script>: [ci=a84b4c76e66710@10.20.0.5] onreply: 486 Busy Here from 198.51.100.20:5060 cseq 102 INVITE";
    expect(scan(log).findings[0]?.callId).toBe("a84b4c76e66710@10.20.0.5");
  });

  it("keeps the bracket of an IPv6 host in a Call-ID", () => {
    const log = 'INFO: <script>: ci=a84b4c76e66710@[2001:db8::5] sl_send_reply("404", "Not here")';
    expect(scan(log).findings[0]?.callId).toBe("a84b4c76e66710@[2001:db8::5]");
  });
});

describe("Kamailio's user pseudo-variables in a script log", () => {
  it("masks the numbers of $rU, $fU, $tU and $oU", () => {
    const log =
      'Mar  5 02:30:02 px1 /usr/sbin/kamailio[7002]: INFO: <script>: INVITE rU=4155550199 fU=02079460958 tU=4155550177 oU=4155550166 from 10.0.0.60 -> sl_send_reply("404", "Not here")';
    const text = scan(log).findings[0]?.text ?? "";
    expect(text).toContain("rU=415•••••99");
    expect(text).toContain("fU=020••••••58");
    expect(text).not.toMatch(/4155550177|4155550166/);
    expect(text).toContain('sl_send_reply("404"');
  });
});
