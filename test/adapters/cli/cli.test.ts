// The sipcode command as users run it: answers, JSON contract, exit codes, bad input.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";

async function run(args: string[], stdin = "") {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe("sipcode explain", () => {
  it("prints a readable card for 488", async () => {
    const r = await run(["488"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here/);
    expect(r.out).toContain("Likely causes");
    expect(r.out).toContain("[ ] ");
    expect(r.out).not.toContain("\x1b["); // no colour off a TTY
  });

  it("names related codes by their titles, not by catalog ids", async () => {
    const r = await run(["488"]);
    expect(r.out).toMatch(/^Related: SIP 415 Unsupported Media Type, SIP 606 Not Acceptable, /m);
    expect(r.out).not.toMatch(/^Related: .*sip\/415/m);
  });

  it("lists the SIP, HTTP, Mobius and ACS meanings of 403 as JSON", async () => {
    const r = await run(["explain", "403", "--json"]);
    const j = JSON.parse(r.out);
    expect(j.query).toBe("403");
    expect(j.kind).toBe("ambiguous");
    const namespaces = new Set(j.results.map((x: { namespace: string }) => x.namespace));
    for (const ns of ["sip", "http", "mobius", "acs"]) expect(namespaces.has(ns)).toBe(true);
    for (const x of j.results)
      expect(Object.keys(x)).toEqual(expect.arrayContaining(["id", "namespace", "code", "subcode", "title"]));
  });

  it("answers unknown codes with exit 0 and empty queries with exit 2", async () => {
    expect((await run(["999"])).code).toBe(0);
    expect((await run(["acs", "12345"])).out).toMatch(/No Azure Communication Services entry/);
    const empty = await run([""]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/empty/);
  });

  it("survives 5,000 characters of junk without a stack trace", async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join("");
    const r = await run([junk]);
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toMatch(/at .*\.js:\d+/);
  });

  it("rejects unknown options with exit 2", async () => {
    const r = await run(["488", "--frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option --frobnicate/);
  });

  it("prints usage for --help and no arguments", async () => {
    expect((await run(["--help"])).out).toMatch(/Usage:/);
    expect((await run([])).out).toMatch(/sipcode scan/);
  });
});

describe("sipcode scan", () => {
  const trace = [
    "INVITE sip:+14155550100@carrier.example.com SIP/2.0",
    "CSeq: 102 INVITE",
    "",
    "SIP/2.0 100 Trying",
    "CSeq: 102 INVITE",
    "",
    "SIP/2.0 488 Not Acceptable Here",
    "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds",
    "Call-ID: a84b4c76e66710@pc33.example.com",
    "CSeq: 102 INVITE",
    "Server: CarrierSBC/4.2",
    "Content-Length: 0",
    "",
  ].join("\n");

  it("reads a file and names the first failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sipcode-"));
    const file = join(dir, "trace.log");
    writeFileSync(file, trace);
    const r = await run(["scan", "--json", file]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.files[0].path).toBe(file);
    const codes = j.files[0].findings.map((f: { code: number }) => f.code);
    expect(codes).toEqual([100, 488]);
    expect(j.files[0].summary.firstFailure).toMatchObject({
      namespace: "sip",
      code: 488,
      method: "INVITE",
      line: 7,
    });
  });

  it("reads standard input when no file is given", async () => {
    const r = await run(["scan"], trace);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/First failure: SIP 488 Not Acceptable Here/);
  });

  it("names a failure that comes after 15,000 normal responses in a 2 MB file", async () => {
    const normal: string[] = [];
    for (let call = 0; call < 5000; call++) {
      for (const status of ["100 Trying", "180 Ringing", "200 OK"])
        normal.push(
          `2024-05-01T10:00:00.000Z RX 412 bytes from 10.0.0.5:5060`,
          `SIP/2.0 ${status}`,
          `Call-ID: ${call}@pc33`,
          `CSeq: 1 INVITE`,
          "",
        );
    }
    const dir = mkdtempSync(join(tmpdir(), "sipcode-"));
    const file = join(dir, "proxy.log");
    writeFileSync(file, `${normal.join("\n")}\n${trace}`);
    const failing = normal.length + 7;
    const r = await run(["scan", "--json", file]);
    expect(r.code).toBe(0);
    const { files } = JSON.parse(r.out);
    const { findings, summary } = files[0];
    expect(summary.firstFailure).toMatchObject({ code: 488, method: "INVITE", line: failing });
    expect(findings).toContainEqual(expect.objectContaining({ code: 488, line: failing }));
    // Repeats are folded: the JSON lists the kept findings, the counts stay whole.
    expect(summary.counts.findings).toBe(15_002);
    expect(findings.length + summary.counts.omitted).toBe(15_002);
    expect(findings.length).toBeLessThan(5000);
    expect(summary.timeline.find((t: { key: string }) => t.key === "sip:200:null:10.0.0.5:5060").count).toBe(
      5000,
    );
    const text = await run(["scan", file]);
    expect(text.out).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    expect(text.out).toMatch(new RegExp(`SIP 488 Not Acceptable Here on line ${failing}`));
    expect(text.out).toMatch(/repeats are folded into the counts/);
  });

  it("explains a missing file with exit 2", async () => {
    const r = await run(["scan", "/nonexistent/trace.log"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read \/nonexistent\/trace.log: no such file/);
  });
});

describe("sipcode timers", () => {
  it("computes the registration refresh for expires=3600", async () => {
    const r = await run(["timers", "expires=3600"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2700 s/);
  });

  it("refuses bad values on stderr with exit 2, without a card of default values", async () => {
    for (const arg of ["t1=abc", "t1=-1", "t1=99999999999", "foo=1"]) {
      const r = await run(["timers", arg]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      // The first line names the setting; the next shows the forms that work.
      const [complaint, forms] = r.err.split("\n");
      expect(complaint).toMatch(/^sipcode timers: (?:T1: "|Unknown setting "foo")/);
      expect(forms).toMatch(/^Accepted: sipcode timers .*t1=500ms.*expires=3600/);
    }
    expect((await run(["timers", "t1=abc"])).err).toMatch(/not a duration; write it like 500ms/);
  });

  it("keeps the --json result, errors included, for scripts", async () => {
    const r = await run(["--json", "timers", "t1=abc"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).errors[0]).toMatch(/^T1: "abc" is not a duration/);
    expect(r.err).toMatch(/^sipcode timers: T1/);
  });
});

describe("sipcode start", () => {
  it("without credentials and without a TTY exits 2 naming the variables to set", async () => {
    const r = await run(["start"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/SLACK_BOT_TOKEN/);
    expect(r.err).toMatch(/MICROSOFT_APP_ID/);
  });

  it("runs the shell over a pipe: a query, a pasted log ended by an empty line, quit", async () => {
    const input = ["488", "SIP/2.0 486 Busy Here", "CSeq: 1 INVITE", "", "quit", "ignored"].join("\n");
    const r = await run(["shell"], input);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SIP 488 Not Acceptable Here/);
    expect(r.out).toMatch(/First failure: SIP 486 Busy Here/);
  });

  it("keeps a SIP message's SDP after its blank line in the same paste", async () => {
    const input = [
      "2024-05-02 02:13:02.300 10.0.0.9:5060 -> 10.0.0.5:5060",
      "SIP/2.0 183 Session Progress",
      "CSeq: 2 INVITE",
      "Content-Type: application/sdp",
      "",
      "v=0",
      "m=audio 16384 RTP/AVP 8 101",
      "",
      "2024-05-02 02:13:12.300 10.0.0.9:5060 -> 10.0.0.5:5060",
      "SIP/2.0 503 Service Unavailable",
      "CSeq: 2 INVITE",
      "",
      "488",
      "quit",
    ].join("\n");
    const r = await run(["shell"], input);
    expect(r.code).toBe(0);
    // One answer for the whole trace, then the question typed after it.
    expect(r.out.match(/First failure:/g)).toHaveLength(1);
    expect(r.out).toMatch(/First failure: SIP 503 Service Unavailable/);
    expect(r.out).not.toMatch(/No entry for "v=0"/);
    expect(r.out).toMatch(/SIP 488 Not Acceptable Here/);
  });
});

describe("the installed bin", () => {
  it("runs `sipcode 488` from the built output", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["bin/sipcode.js", "488"]);
    expect(stdout).toMatch(/^SIP 488 Not Acceptable Here/);
  });
});
