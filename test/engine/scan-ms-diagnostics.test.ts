// Teams Direct Routing traces: the ms-diagnostics header of a SIP response carries Microsoft's
// subcode; it is paired with that response's code (the ACS call-end pair when the catalog has it),
// never read as a code of its own, and a question about it is answered as a subcode.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

/** An SBC trace of one outbound call to Teams answered by `status` with `diag` among its headers. */
function trace(status: string, diag: string, eol = "\n"): string {
  return [
    "Jun 12 10:01:02 sbc1 [SID=aa:1:99] ---- Incoming SIP Message from 52.114.76.76:5061 to SIPInterface #0 (Teams) TLS ----",
    `SIP/2.0 ${status}`,
    "Via: SIP/2.0/TLS 192.0.2.10:5061;branch=z9hG4bK77aa",
    "From: <sip:+12065550111@sbc1.example.com>;tag=aa11",
    "To: <sip:+12065550122@sip.pstnhub.microsoft.com>;tag=bb22",
    "Call-ID: 7788aabb@192.0.2.10",
    "CSeq: 2 INVITE",
    "Server: Microsoft.PSTNHub.SIPProxy v.2024.6.1.1 i.EUNO.2",
    diag,
    "Content-Length: 0",
    "",
  ].join(eol);
}

const findings = (text: string) =>
  scanText(catalog(), text).findings.map((f) => ({
    namespace: f.namespace,
    code: f.code,
    subcode: f.subcode,
    id: f.id,
    reason: f.reason,
    method: f.method,
  }));

describe("Teams ms-diagnostics in SBC traces", () => {
  it("shows a response with a subcode the catalog pairs as the ACS call-end pair, still a failure", () => {
    const text = trace(
      "486 Busy Here",
      'ms-diagnostics: 560486;reason="Callee is busy";source="sip.pstnhub.microsoft.com"',
    );
    expect(findings(text)).toEqual([
      {
        namespace: "sip",
        code: 486,
        subcode: 560486,
        id: "acs/486-560486",
        reason: "Busy Here",
        method: "INVITE",
      },
    ]);
    const a = analyze(catalog(), scanText(catalog(), text));
    expect(a.firstFailure?.code).toBe(486);
    expect(a.summary).toContain("ACS 486/560486 PSTN callee busy");
    expect(a.normal.join(" ")).not.toContain("560486");
  });

  it("names a subcode the catalog lacks, with Microsoft's reason, and keeps the SIP code", () => {
    const text = trace(
      "403 Forbidden",
      'Ms-Diagnostics: 560403;reason="Call rejected by the callee";source="sip.pstnhub.microsoft.com"',
      "\r\n",
    );
    expect(findings(text)).toEqual([
      {
        namespace: "sip",
        code: 403,
        subcode: 560403,
        id: "sip/403",
        reason: "Forbidden (Microsoft subcode 560403: Call rejected by the callee)",
        method: "INVITE",
      },
    ]);
    // The card says what Microsoft added, not only --json.
    const a = analyze(catalog(), scanText(catalog(), text));
    expect(a.firstFailure?.id).toBe("sip/403");
    expect(a.correlations.join(" ")).toMatch(
      /SIP 403 Forbidden on line 2 came with Microsoft subcode 560403 \("Call rejected by the callee"\)/,
    );
    expect(a.correlations.join(" ")).toContain("560 prefix");
  });

  it("reports no code for an ms-diagnostics line on its own, and none for subcode 0", () => {
    expect(
      findings(
        'ms-diagnostics: 560403;reason="Call rejected by the callee";source="sip.pstnhub.microsoft.com"\n',
      ),
    ).toEqual([]);
    expect(findings(trace("200 OK", 'ms-diagnostics: 0;reason="OK"'))[0]).toMatchObject({
      code: 200,
      subcode: null,
      reason: "OK",
    });
  });
});

describe("asking about an ms-diagnostics header", () => {
  it("answers a subcode the catalog pairs with its ACS card", () => {
    const r = explain(catalog(), 'Ms-Diagnostics: 560486;reason="Callee is busy"');
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual(["acs/486-560486"]);
    expect(r.note).toContain("Microsoft subcode, not a SIP code");
  });

  it("says plainly that an unlisted subcode is unknown, what its prefix means, and suggests the SIP code in it", () => {
    const r = explain(catalog(), "ms-diagnostics: 560403");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("No entry for Microsoft subcode 560403");
    expect(r.note).toContain("outbound call");
    expect(r.suggestions.map((e) => e.id)).toEqual(["sip/403"]);
    expect(r.note).not.toMatch(/[Tt]imer/);
  });

  it("does not guess a SIP code for a subcode without the PSTN prefix", () => {
    const r = explain(catalog(), "ms-diagnostics: 10175");
    expect(r.kind).toBe("unknown");
    expect(r.suggestions).toEqual([]);
    expect(r.note).toContain("Microsoft subcode 10175");
  });
});
