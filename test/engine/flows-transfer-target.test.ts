// A failed transfer names its target: the REFER's Refer-To (RFC 3515), user@host with phone
// numbers masked, and whether the transfer was attended (Replaces). A REFER refused outright names
// the side that refused it and the target that was never called.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const CALL = "5d2e9a10@198.51.100.30";
const PHONE = "198.51.100.30:5060";
const PBX = "198.51.100.5";

/** An sngrep/ngrep-style packet: its arrow line with the time, the message, a blank line. */
const packet = (time: string, from: string, to: string, lines: string[]) =>
  [`U 2024/06/11 ${time} ${from} -> ${to}`, ...lines, "", ""].join("\n");

const refer = (time: string, referTo: string | undefined, cseq = 3) =>
  packet(time, PHONE, `${PBX}:5060`, [
    `REFER sip:1002@${PBX}:5060 SIP/2.0`,
    `Via: SIP/2.0/UDP ${PHONE};rport;branch=z9hG4bK-rf${cseq}`,
    "From: <sip:1001@198.51.100.5>;tag=aa11",
    "To: <sip:1002@198.51.100.5>;tag=bb22",
    `Call-ID: ${CALL}`,
    `CSeq: ${cseq} REFER`,
    "Contact: <sip:1001@198.51.100.30:5060>",
    ...(referTo ? [referTo] : []),
    "Referred-By: <sip:1001@198.51.100.5>",
    "Content-Length: 0",
  ]);
const answer = (time: string, status: string, cseq = 3) =>
  packet(time, `${PBX}:5060`, PHONE, [
    `SIP/2.0 ${status}`,
    `Via: SIP/2.0/UDP ${PHONE};rport=5060;branch=z9hG4bK-rf${cseq}`,
    `Call-ID: ${CALL}`,
    `CSeq: ${cseq} REFER`,
    "Content-Length: 0",
  ]);
const notify = (time: string, cseq: number, frag: string) =>
  packet(time, `${PBX}:5060`, PHONE, [
    `NOTIFY sip:1001@${PHONE} SIP/2.0`,
    `Via: SIP/2.0/UDP ${PBX}:5060;branch=z9hG4bK-nt${cseq}`,
    `Call-ID: ${CALL}`,
    `CSeq: ${cseq} NOTIFY`,
    "Event: refer",
    "Subscription-State: terminated;reason=noresource",
    "Content-Type: message/sipfrag;version=2.0",
    `Content-Length: ${frag.length + 2}`,
    "",
    frag,
  ]);
const transfer = (referTo: string | undefined, frag: string) =>
  [
    refer("10:15:00.100000", referTo),
    answer("10:15:00.120000", "202 Accepted"),
    notify("10:15:00.200000", 101, "SIP/2.0 100 Trying"),
    notify("10:15:06.400000", 102, frag),
  ].join("");

describe("a blind transfer whose target was busy", () => {
  const a = run(
    transfer("Refer-To: <sip:+14155550100@carrier.example.net;user=phone>", "SIP/2.0 486 Busy Here"),
  );

  it("names the target, its number masked, in the summary and the failing component", () => {
    expect(a.firstFailure).toMatchObject({ code: 486, method: "REFER" });
    expect(a.summary).toMatch(
      /The transfer to \+141•+00@carrier\.example\.net \(REFER, CSeq 3, accepted with 202/,
    );
    expect(a.failingComponent).toMatch(
      /^The transfer target \(the REFER's Refer-To\), \+141•+00@carrier\.example\.net, or the PBX serving it/,
    );
    expect(JSON.stringify(a)).not.toContain("14155550100");
  });

  it("names the whole number when phone numbers are not masked (SIPCODE_MASK_PHONE_NUMBERS=false)", () => {
    const log = transfer(
      "Refer-To: <sip:+14155550100@carrier.example.net;user=phone>",
      "SIP/2.0 486 Busy Here",
    );
    const plain = analyze(catalog(), scanText(catalog(), log, { maskPhoneNumbers: false }));
    expect(plain.summary).toContain("The transfer to +14155550100@carrier.example.net (REFER");
  });

  it("reads the compact form r: as well", () => {
    const b = run(transfer("r: <sip:2009@pbx.example.com>", "SIP/2.0 603 Declined"));
    expect(b.firstFailure).toMatchObject({ code: 603, method: "REFER" });
    expect(b.summary).toMatch(/The transfer to 2009@pbx\.example\.com \(REFER/);
  });
});

describe("an attended transfer whose target declined", () => {
  const a = run(
    transfer(
      "Refer-To: <sip:1003@198.51.100.5?Replaces=8a1f%40198.51.100.31%3Bto-tag%3D77c%3Bfrom-tag%3D3e1>",
      "SIP/2.0 603 Declined",
    ),
  );

  it("says the transfer was attended and names the target without the Replaces", () => {
    expect(a.summary).toMatch(
      /The transfer to 1003@198\.51\.100\.5 \(an attended transfer: its Refer-To carries Replaces\)/,
    );
    expect(a.failingComponent).toMatch(/1003@198\.51\.100\.5 \(an attended transfer/);
    expect(a.failingComponent).not.toMatch(/8a1f/);
  });
});

describe("a REFER without a Refer-To", () => {
  it("still reports the failed transfer, naming no target", () => {
    const a = run(transfer(undefined, "SIP/2.0 486 Busy Here"));
    expect(a.firstFailure).toMatchObject({ code: 486, method: "REFER" });
    expect(a.summary).toMatch(/The transfer \(REFER, CSeq 3/);
    expect(a.failingComponent).toMatch(/^The transfer target \(the REFER's Refer-To\) or the PBX serving it/);
  });
});

describe("a REFER the PBX refused with 403", () => {
  const log =
    refer("10:15:00.100000", "Refer-To: <sip:+442079460958@trunk.example.org>") +
    answer("10:15:00.110000", "403 Forbidden");
  const a = run(log);

  it("blames the side that refused the REFER and names the target it never called", () => {
    expect(a.firstFailure).toMatchObject({ code: 403, method: "REFER" });
    expect(a.failingComponent).toMatch(
      /^198\.51\.100\.5:5060.*, which refused the REFER with 403: the transfer to \+442•+58@trunk\.example\.org was never attempted/,
    );
  });

  it("checks the transfer permission first, not the trunk's caller rules", () => {
    expect(a.checklist[0]).toMatch(/does not let this user or trunk transfer calls/);
    expect(a.checklist.join("\n")).not.toMatch(/provider's allowed list/);
  });

  it("names no target when the refused REFER had no Refer-To", () => {
    const b = run(refer("10:15:00.100000", undefined) + answer("10:15:00.110000", "403 Forbidden"));
    expect(b.firstFailure).toMatchObject({ code: 403, method: "REFER" });
    expect(b.failingComponent).not.toMatch(/refused the REFER/);
  });
});
