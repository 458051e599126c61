// Checks that fit who refused whom: a call a PBX refused itself (a scanner, an unidentified carrier)
// is no normal digest challenge, and a PBX's own registration refused by its carrier is about this
// PBX's credentials and account, not about a registrar refusing its phones.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const checklist = (log: string) => analyze(catalog(), scanText(catalog(), log)).checklist;
const has = (list: string[], words: string) => list.some((c) => c.includes(words));

const NORMAL_CHALLENGE = "one 401 followed by success is normal";
const REGISTRAR_SIDE = ["a banned phone", "allow the phone's address", "Count the refused REGISTERs"];

describe("a call a PBX refused itself", () => {
  it("gets identify, scan and fail2ban checks for PJSIP's 'No matching endpoint found' on an INVITE", () => {
    const list = checklist(
      "[2024-03-05 02:33:17] NOTICE[1402] res_pjsip/pjsip_distributor.c: Request 'INVITE' from '\"Unknown\" <sip:1000@198.51.100.77>' failed for '198.51.100.77:5071' (callid: 8f3a2b1c4d5e6f70) - No matching endpoint found",
    );
    expect(list[0]).toMatch(/^In Asterisk, PJSIP logs 'No matching endpoint found'/);
    expect(has(list, "pjsip show identifies")).toBe(true);
    expect(has(list, "fail2ban")).toBe(true);
    expect(has(list, "scan")).toBe(true);
    expect(has(list, NORMAL_CHALLENGE)).toBe(false);
  });

  it("treats a refused login on an INVITE as password guessing or a phone's wrong password", () => {
    const list = checklist(
      "[2024-03-05 02:33:17] NOTICE[1402] res_pjsip/pjsip_distributor.c: Request 'INVITE' from '<sip:+14155550123@203.0.113.50>' failed for '203.0.113.50:5060' (callid: 4a5b6c7d8e9f) - Failed to authenticate",
    );
    expect(has(list, "password guessing")).toBe(true);
    expect(has(list, NORMAL_CHALLENGE)).toBe(false);
  });

  it("points an ACL refusal of a call at the endpoint's permit/deny, carrier addresses included", () => {
    const list = checklist(
      "[2024-03-05 02:33:17] NOTICE[1402] res_pjsip/pjsip_distributor.c: Request 'INVITE' from '<sip:+14155550123@203.0.113.50>' failed for '203.0.113.50:5060' (callid: 4a5b6c7d8e9f) - ACL error (address ACL)",
    );
    expect(list[0]).toMatch(/^In Asterisk, an ACL refusal/);
    expect(has(list, "dial-plan")).toBe(false);
  });

  it("gives FreeSWITCH's refused call its own checks, with no Asterisk step", () => {
    const list = checklist(
      "2024-03-05 03:00:01.200000 [WARNING] sofia_reg.c:1817 SIP auth failure (INVITE) on sofia profile 'internal' for [0046812345678@pbx.example.com] from ip 203.0.113.9",
    );
    expect(list[0]).toMatch(/^In FreeSWITCH, 'SIP auth failure \(INVITE\)'/);
    expect(has(list, "In Asterisk")).toBe(false);
  });

  it("keeps the registrar's checks for a REGISTER the PBX refused", () => {
    const list = checklist(
      "[2024-03-05 03:00:01] NOTICE[1433] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '<sip:486@203.0.113.5>' failed for '203.0.113.9:5071' (callid: 3166498716) - No matching endpoint found",
    );
    expect(has(list, "Count the refused REGISTERs")).toBe(true);
  });
});

describe("a PBX's own registration refused by its carrier", () => {
  const own = (list: string[]) => {
    expect(has(list, "pjsip show registrations")).toBe(true);
    expect(has(list, "outbound_auth")).toBe(true);
    expect(has(list, "allowed list")).toBe(true);
    expect(has(list, "account status")).toBe(true);
    for (const words of REGISTRAR_SIDE) expect(has(list, words)).toBe(false);
  };

  it("gets this PBX's credential, URI, allow-list and account checks for PJSIP's fatal 403", () => {
    const list = checklist(
      "[2024-03-05 02:32:00] WARNING[1290] res_pjsip_outbound_registration.c: Fatal response '403' received from 'sip:sip.carrier.example.net' on registration attempt to 'sip:4155550199@sip.carrier.example.net', stopping outbound registration",
    );
    own(list);
    expect(has(list, "pjsip send register")).toBe(true);
  });

  it("reads chan_sip's wrong-password 403 and its refused credentials the same way", () => {
    own(
      checklist(
        "[Mar  5 02:32:00] WARNING[3098] chan_sip.c: Forbidden - wrong password on authentication for REGISTER for '4155550199' to 'sip.carrier.example.net'",
      ),
    );
    own(
      checklist(
        "[Mar  5 02:32:00] NOTICE[3098] chan_sip.c: Failed to authenticate on REGISTER to '4155550199@sip.carrier.example.net' (Tries 3)",
      ),
    );
  });
});
