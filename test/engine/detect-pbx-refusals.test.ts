// Requests a PBX refused itself and said so in its own words: logins and ACLs it turned down, and
// an offer with no codec in common.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const read = (log: string) =>
  scanText(catalog(), log).findings.map((f) => [f.code, f.method, f.direction, f.reason]);

describe("an offer Asterisk refused for want of a common codec", () => {
  it("is the 488 Asterisk answered itself, naming both codec lists", () => {
    const line =
      "[2024-03-05 02:41:10] NOTICE[1433][C-00000092] res_pjsip_sdp_rtp.c: No joint capabilities for 'audio' media stream between our configuration(ulaw|alaw) and incoming SDP(g729|telephone-event)";
    expect(read(line)).toEqual([
      [488, undefined, "local", "no codec in common: ours ulaw|alaw, offered g729|telephone-event"],
    ]);
    const a = analyze(catalog(), scanText(catalog(), line));
    expect(a.failingComponent).toMatch(/^the system that wrote this log, which generated the 488 itself/);
    expect(a.checklist.some((c) => c.includes("allow="))).toBe(true);
  });

  it("reads chan_sip's wording and the older PJSIP one the same way", () => {
    for (const line of [
      "[Mar  5 02:41:10] NOTICE[3098][C-00000091] chan_sip.c: No compatible codecs, not accepting this offer!",
      "[Mar  5 02:41:10] WARNING[3098][C-00000091] chan_sip.c: No compatible codecs received in INVITE",
      "[2024-03-05 02:41:10] NOTICE[1433] chan_pjsip.c: No joint capabilities between our configuration(ulaw) and incoming call(g729)",
    ])
      expect(read(line).map(([code, , direction]) => [code, direction])).toEqual([[488, "local"]]);
  });
});

describe("logins a PBX refused", () => {
  it("reads PJSIP's refused requests as the 401 or 403 it sent, never an ACK", () => {
    const log = [
      "[2024-03-05 03:00:01] NOTICE[1433] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '\"100\" <sip:100@203.0.113.5>' failed for '203.0.113.9:5071' (callid: 3166498715) - Failed to authenticate",
      "[2024-03-05 03:00:02] NOTICE[1433] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '<sip:486@203.0.113.5>' failed for '203.0.113.9:5071' (callid: 3166498716) - No matching endpoint found",
      "[2024-03-05 03:00:03] NOTICE[1433] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '<sip:1002@203.0.113.5>' failed for '10.10.20.32:5060' (callid: 7a1c2d3e) - ACL error (address ACL)",
      "[2024-03-05 03:00:04] NOTICE[1433] res_pjsip/pjsip_distributor.c: Request 'ACK' from '<sip:100@203.0.113.5>' failed for '203.0.113.9:5071' (callid: 3166498717) - No matching endpoint found",
    ].join("\n");
    expect(read(log)).toEqual([
      [401, "REGISTER", "local", "Failed to authenticate"],
      [401, "REGISTER", "local", "No matching endpoint found"],
      [403, "REGISTER", "local", "ACL error (address ACL)"],
    ]);
  });

  it("reads chan_sip's refused registrations: a wrong password is a 403, the rest alwaysauthreject's 401", () => {
    const log = [
      "[Mar  5 03:00:01] NOTICE[3098] chan_sip.c: Registration from '\"100\" <sip:100@203.0.113.5>' failed for '203.0.113.9:5071' - Wrong password",
      "[Mar  5 03:00:02] NOTICE[3098] chan_sip.c: Registration from '\"503\" <sip:503@203.0.113.5>' failed for '203.0.113.9:5071' - No matching peer found",
      "[Mar  5 03:00:03] NOTICE[3098] chan_sip.c: Registration from '<sip:1002@203.0.113.5>' failed for '10.10.20.32:5060' - Device does not match ACL",
    ].join("\n");
    expect(read(log)).toEqual([
      [403, "REGISTER", "local", "Wrong password"],
      [401, "REGISTER", "local", "No matching peer found"],
      [401, "REGISTER", "local", "Device does not match ACL"],
    ]);
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailure?.code).toBe(403);
    expect(a.checklist.some((c) => c.includes("fail2ban"))).toBe(true);
  });

  it("reads FreeSWITCH's auth failures as its 403, and its challenge as nothing", () => {
    const log = [
      "2024-03-05 03:00:01.100000 [WARNING] sofia_reg.c:1817 SIP auth failure (REGISTER) on sofia profile 'internal' for [1001@pbx.example.com] from ip 203.0.113.9",
      "2024-03-05 03:00:01.200000 [WARNING] sofia_reg.c:1817 SIP auth failure (INVITE) on sofia profile 'internal' for [0046812345678@pbx.example.com] from ip 203.0.113.9",
      "2024-03-05 03:00:02.100000 [WARNING] sofia_reg.c:1722 Can't find user [486@pbx.example.com] from 203.0.113.9",
      "2024-03-05 03:00:03.100000 [DEBUG] sofia_reg.c:1832 SIP auth challenge (REGISTER) on sofia profile 'internal' for [1002@pbx.example.com] from ip 10.10.20.32",
    ].join("\n");
    expect(read(log)).toEqual([
      [403, "REGISTER", "local", "SIP auth failure"],
      [403, "INVITE", "local", "SIP auth failure"],
    ]);
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.checklist.some((c) => c.startsWith("In FreeSWITCH, 'SIP auth failure'"))).toBe(true);
    expect(a.checklist.some((c) => c.startsWith("In Asterisk"))).toBe(false);
  });

  it("reads no code from a fail2ban ban or its log stamp", () => {
    const log = [
      "2024-03-05 03:00:05,503 fail2ban.actions        [812]: NOTICE  [asterisk] Ban 203.0.113.9",
      "2024-03-05 03:10:05,486 fail2ban.actions        [812]: NOTICE  [asterisk] Unban 203.0.113.9",
    ].join("\n");
    expect(scanText(catalog(), log).findings).toEqual([]);
  });
});
