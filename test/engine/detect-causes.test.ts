// Causes and codes in the forms stacks and people write them: FreeSWITCH cause names and channel
// variables, Asterisk's hangup-cause header, causes in prose and codes counted in the plural.
import { describe, expect, it } from "vitest";
import type { Catalog } from "../../src/catalog/indexes.js";
import { buildIndexes } from "../../src/catalog/indexes.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function found(text: string, cat: Catalog = catalog()): string[] {
  return scanText(cat, text).findings.map((f) => `${f.namespace} ${f.code}`);
}

/**
 * The catalog with sip/487's aliases replaced and its notes dropped (a FreeSWITCH note naming a
 * cause also ties it to the entry), to show the cause names come from the data.
 */
function withAliases(aliases: string[]): Catalog {
  return buildIndexes(catalog().entries.map((e) => (e.id === "sip/487" ? { ...e, aliases, notes: [] } : e)));
}

const HANGUP =
  "2025-05-06 12:00:09.877 [NOTICE] sofia.c:1065 Hangup sofia/internal/1001@10.0.0.5 [CS_EXECUTE]";

describe("FreeSWITCH", () => {
  it("reads a stack cause name listed on a SIP entry as that SIP status", () => {
    expect(found(`${HANGUP} [ORIGINATOR_CANCEL]`, withAliases(["ORIGINATOR_CANCEL"]))).toEqual(["sip 487"]);
    expect(found(`${HANGUP} [ORIGINATOR_CANCEL]`, withAliases([]))).toEqual([]);
  });

  it("finds nothing for a cause no catalog entry names", () => {
    expect(found(`${HANGUP} [SRTP_READ_ERROR]`)).toEqual([]);
  });

  it("reads MEDIA_TIMEOUT as the media symptom the catalog logs it for", () => {
    const [f] = scanText(catalog(), `${HANGUP} [MEDIA_TIMEOUT]`).findings;
    expect(f?.id).toBe("symptom/audio-drops-after-answer");
  });

  it.each([
    ["sip_term_status=487", "sip 487"],
    ["variable_sip_term_status: [487]", "sip 487"],
    ['"sip_term_status":"200"', "sip 200"],
    ["variable_sip_term_cause: 41", "q850 41"],
    ['"sip_term_cause":"16"', "q850 16"],
    ["variable_hangup_cause_q850: 17", "q850 17"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });
});

describe("Asterisk", () => {
  it("reads X-Asterisk-HangupCauseCode, unlike other X- headers", () => {
    expect(found("X-Asterisk-HangupCauseCode: 16")).toEqual(["q850 16"]);
    expect(found("X-Cause-Code: 16")).toEqual([]);
  });
});

describe("Cisco IOS", () => {
  it.each([
    ["   Call Id=34500, Disconnect Cause=0x22", ["q850 34"]],
    ["%CALL_CONTROL-6-CALL_LOSS: Call 34501 lost: disconnect cause = 0x2F, duration = 0s", ["q850 47"]],
    ["   Call Id=4520, Disconnect Cause=0x1", ["q850 1"]],
    ["DisconnectCause=2F  \nDisconnectText=resources unavailable, unspecified (47)", ["q850 47"]],
    ["DisconnectCause=10\nDisconnectText=normal call clearing (16)", ["q850 16"]],
    ["   Cause Value=34, Tag=0x0, Call Entry(Previous Disconnect Cause=0, Disconnect Cause=34)", ["q850 34"]],
    ["   Tag=0x0, Call Entry(Previous Disconnect Cause=17, Disconnect Cause=16)", ["q850 16"]],
  ])("reads %s", (text, want) => {
    expect(found(text)).toEqual(want);
  });

  it("reports no cause 0, which Q.850 does not have", () => {
    for (const line of [
      "   Call Entry(Previous Disconnect Cause=0, Disconnect Cause=0)",
      "   Call Id=4520, Disconnect Cause=0x0",
      "DisconnectCause=0",
      "Reason: Q.850;cause=0",
      "hangupcause=0",
      "Interface=0x7F0012345678, Disconnect Cause=0x7F0012345678",
    ])
      expect(found(line), line).toEqual([]);
  });
});

describe("prose", () => {
  it.each([
    ["calls fail with cause 34", "q850 34"],
    ["hangup cause 102", "q850 102"],
    ["cause code 17", "q850 17"],
    ["the trunk keeps returning 503s", "sip 503"],
    ["lots of 408s in the log", "sip 408"],
    ["we are GETTING 486S all day", "sip 486"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it.each([
    "processed 503 calls",
    "the phone rang after 180s",
    "the call took 503s to set up",
    "got 300s of silence",
    "restarting will cause 2 calls to drop",
    "Command timed out after 500 millisecond(s)",
  ])("no code in %s", (line) => {
    expect(found(line)).toEqual([]);
  });
});
