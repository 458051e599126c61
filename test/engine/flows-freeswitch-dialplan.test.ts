// A call FreeSWITCH received that its own dialplan could not route (NO_ROUTE_DESTINATION in
// CS_ROUTING): the dialplan is the failing component, and the checks are the inbound ones for this
// product, not a carrier's or another PBX's.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { mergeChecklist } from "../../src/engine/checklist.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const inbound = [
  "2024-03-05 03:50:00.100000 [NOTICE] switch_channel.c:1118 New Channel sofia/external/+14155550123@198.51.100.20 [cc1c]",
  "2024-03-05 03:50:00.110000 [INFO] mod_dialplan_xml.c:637 Processing +14155550123 <+14155550123>->+18005559876 in context public",
  "2024-03-05 03:50:00.111000 [INFO] switch_core_state_machine.c:311 No Route, Aborting",
  "2024-03-05 03:50:00.111100 [NOTICE] switch_core_state_machine.c:312 Hangup sofia/external/+14155550123@198.51.100.20 [CS_ROUTING] [NO_ROUTE_DESTINATION]",
].join("\n");

/** The checks of cause 3 for the first failure of `log`. */
function checksFor(log: string): string[] {
  const first = analyze(catalog(), scanText(catalog(), log)).firstFailure;
  const entry = catalog().byId.get("q850/3");
  if (!entry) throw new Error("q850/3 missing");
  return mergeChecklist({
    entries: [entry],
    leading: [],
    timers: [],
    methods: new Map(),
    extra: new Map(),
    first,
  });
}

describe("a FreeSWITCH call from a carrier that matched no extension", () => {
  it("names this FreeSWITCH's dialplan, not a downstream switch", () => {
    const a = analyze(catalog(), scanText(catalog(), inbound));
    expect(a.firstFailure?.code).toBe(3);
    expect(a.failingComponent).toMatch(
      /^This FreeSWITCH's own dialplan: the call received on sofia profile external from 198\.51\.100\.20/,
    );
  });

  it("leads with the inbound dialplan and DID format checks, with no outbound, carrier or Asterisk step", () => {
    const checks = checksFor(inbound);
    expect(checks[0]).toMatch(/^For a call you receive, check the inbound context has an extension/);
    expect(checks[1]).toMatch(/^For a call you receive, compare the DID's format/);
    expect(checks.join("\n")).not.toMatch(/Asterisk,|outbound route|ask the carrier/i);
  });
});

describe("cause 3 elsewhere", () => {
  it("keeps the outbound checks for a FreeSWITCH gateway leg, without the inbound or Asterisk ones", () => {
    const checks = checksFor(
      "2024-03-05 03:50:00.111100 [NOTICE] sofia.c:8736 Hangup sofia/gateway/carrier1/14155550123 [CS_CONSUME_MEDIA] [NO_ROUTE_DESTINATION]",
    );
    expect(checks[0]).toMatch(/^For a call you place, check the PBX\/SBC outbound route patterns/);
    expect(checks.join("\n")).not.toMatch(/you receive|In Asterisk/);
  });

  it("keeps the Asterisk step for an Asterisk log", () => {
    const checks = checksFor(
      "[2024-03-05 03:50:00] WARNING[1234][C-00000001]: app_dial.c:2530 dial_exec_full: Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)",
    );
    expect(checks).toContain(
      "In Asterisk, confirm the PJSIP endpoint used in Dial() exists and is spelled correctly",
    );
  });
});

describe("the whole answer", () => {
  it("gives a received call's inbound checks, and none for another direction or product", () => {
    const a = analyze(catalog(), scanText(catalog(), inbound));
    expect(a.checklist[0]).toMatch(/^For a call you receive, check the inbound context has an extension/);
    expect(a.checklist.join("\n")).not.toMatch(/^In Asterisk,|you place|ask the carrier/im);
  });
});
