// A call torn down because RTP stopped carries no SIP code, but the stacks say so in their own
// words (FreeSWITCH's MEDIA_TIMEOUT, Asterisk's "lack of RTP activity", rtpengine's timeout): the
// scan names the media symptom, the RTP path as the failing component and the symptom's checks.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const freeswitch = [
  "2024-05-02 10:15:01.123456 [NOTICE] switch_channel.c:1104 New Channel sofia/external/+14155550123@203.0.113.7 [8c1e20aa-6c3b-4f5e-9d7a-2f1c0e4b9a11]",
  "2024-05-02 10:15:03.456789 [NOTICE] sofia.c:7493 Channel [sofia/external/+14155550123@203.0.113.7] has been answered",
  "2024-05-02 10:15:44.001111 [NOTICE] switch_channel.c:4820 Hangup sofia/external/+14155550123@203.0.113.7 [CS_EXECUTE] [MEDIA_TIMEOUT]",
].join("\n");
const asterisk = [
  '[May  2 10:15:03] VERBOSE[2281][C-00000012] pbx.c: Executing [s@macro-dial-one:52] Dial("SIP/1000-0000001a", "SIP/1001,,tr") in new stack',
  "[May  2 10:16:05] NOTICE[2255] chan_sip.c: Disconnecting call 'SIP/1001-0000001b' for lack of RTP activity in 31 seconds",
].join("\n");
// Asterisk's PJSIP channel driver words it differently from chan_sip: "channel", and since
// Asterisk 16 the media type ("audio", "video") before "RTP".
const pjsip = [
  "[Mar  5 03:00:02] VERBOSE[23011][C-00000031] app_dial.c: PJSIP/1001-0000004e answered PJSIP/carrier-0000004d",
  "[Mar  5 03:00:32] NOTICE[22890]: res_pjsip_sdp_rtp.c:157 rtp_check_timeout: Disconnecting channel 'PJSIP/1001-0000004e' for lack of audio RTP activity in 30 seconds",
].join("\n");
const pjsipOld = [
  "[Mar  5 03:00:02] VERBOSE[23011][C-00000031] app_dial.c: PJSIP/1001-0000004e answered PJSIP/carrier-0000004d",
  "[Mar  5 03:00:32] NOTICE[22890] res_pjsip_sdp_rtp.c: Disconnecting channel 'PJSIP/1001-0000004e' for lack of RTP activity in 30 seconds",
].join("\n");
const rtpengine = [
  "Mar 12 14:22:01 sbc1 rtpengine[1832]: INFO: [a84b4c76e66710@pc33]: Closing call due to timeout",
  "Mar 12 14:22:01 sbc1 rtpengine[1832]: INFO: [a84b4c76e66710@pc33]: Final packet stats:",
].join("\n");

describe("media that stopped", () => {
  it.each([
    ["FreeSWITCH MEDIA_TIMEOUT", freeswitch, 3],
    ["Asterisk lack of RTP activity", asterisk, 2],
    ["Asterisk PJSIP lack of audio RTP activity", pjsip, 2],
    ["Asterisk 13 PJSIP lack of RTP activity", pjsipOld, 2],
    ["rtpengine timeout", rtpengine, 1],
  ])("%s is the first failure, with the RTP path to blame", (_name, log, line) => {
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailureLabel).toMatch(/Audio drops after answer/);
    expect(a.firstFailure?.line).toBe(line);
    expect(a.failingComponent).toContain("RTP media path");
    expect(a.checklist.join("\n")).toMatch(/UDP idle timeout/);
    expect(a.summary).not.toMatch(/found no SIP/);
    expect(a.summary).toMatch(/^Found no codes and 1 symptom in \d+ lines\./);
  });

  it("shows on the card as a failure, not as a clean log", () => {
    const a = analyze(catalog(), scanText(catalog(), freeswitch));
    const text = cardToText(scanCard(a));
    expect(text).toContain("First failure: Symptom: Audio drops after answer");
    expect(text).not.toContain("No error codes found");
    expect(text).toMatch(/Codes found\s+0\b/);
    expect(text).toMatch(/Symptoms\s+1\b/);
    // The caller's number on the hangup line stays masked.
    expect(text).not.toContain("14155550123");
  });

  it("is not read into settings or lower-case words", () => {
    const config = [
      '<param name="rtp-timeout-sec" value="300"/>',
      '<action application="set" data="execute_on_media_timeout=lua alert.lua"/>',
      "closing call due to timeout is configurable in rtpengine.conf",
    ].join("\n");
    expect(scanText(catalog(), config).findings).toEqual([]);
  });
});
