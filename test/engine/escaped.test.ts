// SIP messages logged inside a JSON string (Homer exports, jambonz/drachtio, structured loggers)
// are read like a plain trace: the headers after the escaped line breaks give the method, the
// Call-ID and the Reason, while line numbers stay those of the input.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { Scanner, scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const packet = (ts: string, status: string, extra = "") =>
  JSON.stringify({
    ts,
    msg: "sip received",
    src: "203.0.113.7:5060",
    payload: `SIP/2.0 ${status}\r\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1\r\nCall-ID: abc@10.0.0.5\r\nCSeq: 1 INVITE\r\n${extra}Content-Length: 0\r\n\r\n`,
  });

const LOG = `${[
  packet("2024-05-01T10:00:00.120Z", "100 Trying"),
  packet(
    "2024-05-01T10:00:00.420Z",
    "503 Service Unavailable",
    'Server: CarrierSBC\r\nReason: Q.850;cause=41;text="Temporary failure"\r\n',
  ),
  '{"ts":"2024-05-01T10:00:01.000Z","msg":"call ended","cause":"NORMAL_CLEARING"}',
].join("\n")}\n`;

const seen = (out: ReturnType<typeof scanText>) =>
  out.findings.map((f) => `${f.namespace} ${f.code} line ${f.line} ${f.method ?? "-"} ${f.callId ?? "-"}`);

describe("SIP messages inside JSON strings", () => {
  it("give the method, Call-ID and Reason of each message on the input's line numbers", () => {
    const out = scanText(catalog(), LOG);
    expect(out.lines).toBe(3);
    expect(seen(out)).toEqual([
      "sip 100 line 1 INVITE abc@10.0.0.5",
      "sip 503 line 2 INVITE abc@10.0.0.5",
      "q850 41 line 2 - abc@10.0.0.5",
      "q850 16 line 3 - -",
    ]);
    const a = analyze(catalog(), out);
    expect(a.firstFailure?.code).toBe(503);
    expect(a.failingComponent).toContain("203.0.113.7:5060 (CarrierSBC)");
    expect(a.correlations.join(" ")).toContain("Q.850 cause 41 Temporary failure (line 2)");
    // The Reason is shown when and where its response is.
    const reason = out.findings.find((f) => f.namespace === "q850");
    expect(reason?.timestamp).toBe("2024-05-01T10:00:00.420Z");
    expect(reason?.host).toBe("203.0.113.7:5060");
  });

  it("give a BYE's Reason the time of the record the BYE was logged in", () => {
    for (const br of ["\\r\\n", "\\n"]) {
      const bye = [
        "BYE sip:1001@10.0.0.5:5060 SIP/2.0",
        "Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bKbye",
        "From: <sip:2001@198.51.100.20>;tag=abc123",
        "To: <sip:1001@vc.example>;tag=xyz",
        "Call-ID: bye-1@198.51.100.20",
        "CSeq: 103 BYE",
        'Reason: Q.850;cause=41;text=\\"Temporary failure\\"',
        "Content-Length: 0",
        "",
        "",
      ].join(br);
      const log = [
        '{"event_timestamp":"2024-03-05T03:20:01.000Z","msg":"call up"}',
        `{"voice_connector_id":"abc","event_timestamp":"2024-03-05T03:20:09.000Z","sip_message":"${bye}"}`,
      ].join("\n");
      const reason = scanText(catalog(), log).findings.find((f) => f.code === 41);
      expect(`${reason?.line} ${reason?.timestamp}`).toBe("2 2024-03-05T03:20:09.000Z");
    }
  });

  it("are opened the same way when the stream is cut anywhere", () => {
    const want = seen(scanText(catalog(), LOG));
    for (let at = 1; at < LOG.length; at += 7) {
      const s = new Scanner(catalog());
      s.push(LOG.slice(0, at));
      s.push(LOG.slice(at));
      expect(seen(s.end())).toEqual(want);
    }
  });

  it("leave other escaped text alone", () => {
    const out = scanText(
      catalog(),
      '{"path":"C:\\\\new\\\\503\\\\n","note":"line one\\nline two 404 times"}\n',
    );
    expect(out.findings).toEqual([]);
    expect(out.lines).toBe(1);
  });
});

describe("a BYE logged inside a JSON record", () => {
  const record = (eol: string) =>
    `{"event_timestamp":"2024-03-05T03:20:09.000Z","sip_message":"BYE sip:4158829371@10.0.0.5:5060 SIP/2.0${eol}Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bKbye${eol}Call-ID: bye-json@198.51.100.20${eol}CSeq: 103 BYE${eol}Reason: Q.850;cause=41;text=\\"Temporary failure\\"${eol}Content-Length: 0${eol}${eol}"}`;

  it.each([
    ["\\r\\n", "CRLF"],
    ["\\n", "LF"],
  ])("is the hang-up, with its time, Call-ID and sender (%s escapes, %s)", (eol) => {
    const a = analyze(catalog(), scanText(catalog(), record(eol)));
    expect(a.summary).toContain(
      "The first failure is the hang-up: the BYE on line 1 from 198.51.100.20:5060 gives Reason Q.850 cause 41",
    );
    expect(a.firstFailure).toMatchObject({
      callId: "bye-json@198.51.100.20",
      timestamp: "2024-03-05T03:20:09.000Z",
    });
  });
});
