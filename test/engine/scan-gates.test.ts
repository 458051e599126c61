// The anchored scan skips lines and detectors it can prove cannot match. These tests hold it to
// the exhaustive scan (every detector on every line) on the corpus and on random log-like text,
// and check that how a stream is cut into chunks never changes what is found.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Scanner, type ScanOutput } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function scan(text: string, opts: { exhaustive?: boolean; chunk?: number } = {}): ScanOutput {
  const s = new Scanner(catalog(), {}, { exhaustive: opts.exhaustive });
  const size = opts.chunk ?? text.length;
  for (let i = 0; i < text.length; i += Math.max(1, size)) s.push(text.slice(i, i + Math.max(1, size)));
  return s.end();
}

const ROOT = "test/fixtures/logs";
const corpus = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith(".log"))
      .map((f) => readFileSync(join(ROOT, d.name, f), "utf8")),
  );

/** Pieces of every detector's wording, separators and numbers, so random joins hit the edges. */
/** Keys and prose that put a cause or SIP status before a number (used as pieces and prefixes). */
const CAUSE_KEYS = [
  "Disconnect Cause=0x",
  "disconnect cause = 0x",
  "Previous Disconnect Cause=",
  "DisconnectCause=",
  "variable_sip_term_status: [",
  "sip_term_status=",
  "variable_sip_term_cause: ",
  "X-Asterisk-HangupCauseCode: ",
  "with cause ",
  "cause code ",
  "hangup cause ",
];

const PIECES = [
  "SIP/2.0 ",
  "SIP/2.0 486 Busy Here",
  "INVITE sip:a@b SIP/2.0",
  "BYE sip:a@b SIP/2.0",
  "CSeq: 1 INVITE",
  "Call-ID: abc@h",
  "Reason: Q.850;cause=",
  "Reason: SIP;cause=",
  "Response msg ",
  "/INVITE/cseq=1",
  "entering state [x][",
  "Error code: ",
  " : FORBIDDEN, mobius-error: ",
  "Registration: Error code: ",
  '"mobius-error": ',
  '"statusCode": ',
  "response_status=",
  "Status code: -> ",
  "Error code found : ",
  "<-- ",
  "mobius",
  '"errorCode": ',
  "status: ",
  " statusText",
  "SipDetails: {code: ",
  "Q850Details: {code: ",
  '{"code": ',
  ', "subCode": ',
  "sub_code=",
  "error_data",
  '"http_code"',
  "HANGUPCAUSE=",
  "hangup_cause=",
  "Cause: ",
  "NORMAL_CLEARING",
  "AST_CAUSE_BUSY",
  "HTTP/1.1 ",
  '"GET / HTTP/1.1" ',
  " Client Error",
  "SIP-",
  "sip code ",
  "sip_status=",
  "SipResponseCode=",
  "Direction=outbound-api&",
  "status code ",
  "HttpClientErrorException$NotFound: ",
  'Received response: "Forbidden"',
  "reply [",
  "]",
  "uac[1]=",
  "reason=",
  "last_recv=",
  "with code ",
  "branch 0, code ",
  " got a ",
  " returned the",
  'sl_send_reply("',
  "t_reply(",
  " reply used: ",
  "POST /v1/calls -> ",
  "POST /v1/calls ->",
  "GET https://x.example/c/b failed ",
  "GET /x failed with ",
  "PUT /a/b returned ",
  "GET /x \u2192 ",
  "POST /api/callbacks ",
  "GET  /x\t=> ",
  "OPTIONS sip:a@b ",
  "ERROR HTTP ",
  "Cookie: a=b -> ",
  "some get ",
  "also reports ",
  "its a ",
  "it\u2019s an ",
  "that is a ",
  "GET ",
  " replied with ",
  " after ",
  " Fehler ",
  " from the trunk",
  " response",
  " Busy Here",
  " OK",
  "Device entry insertion failed for deviceId",
  " sipAoR",
  "No more",
  " retries left, failed to setup connection with all remote hosts",
  "networkRelaysNotReachable",
  "keepalive",
  "mobius-error: ",
  "mobius_error=",
  '"errorCode": ',
  "Mobius registration failed with ",
  " SSE ",
  "returning ",
  "lots of ",
  "s",
  "s of",
  ...CAUSE_KEYS,
  "ORIGINATOR_CANCEL",
  "[webex-calling] ",
  "webex-calling",
  '{"statusCode":',
  ',"body":{"errorCode":',
  "Keepalive response Status code: -> ",
  "Fatal response '",
  "' received from 'sip:a.example' on registration attempt",
  "Failed Registration ",
  "Registration Failed with status ",
  "Failed Registration with status Timeout ",
  " received after 3 attempts, giving up on INVITE",
  "DIALSTATUS=",
  "CONGESTION",
  "BUSY",
  " is circuit-busy",
  "Cause i = 0x82",
  "(cause ",
  " - Subscriber absent)",
  "released, cause ",
  "Cause=",
  "ISDN cause ",
  '"hangup_cause":"',
  "user_busy",
  '"data":[',
  "twirp error ",
  "Registration to sip:a.example failed (",
  " rejected(",
  ")",
  "Retransmitting #1 (NAT) to 10.0.0.5:5060:",
  "[REPLY] ",
  "[reply]\t",
  "onreply_route: ",
  "onreply_route[MANAGE]: ",
  "Unable to make call: Request Timeout [status=170",
  "]",
  '"response_status_code":"',
  "{",
  "}",
  ",",
  "2024-05-01T10:00:00.123Z ",
  "10:00:01.5 ",
  " ",
  "\t",
  ":",
  "=",
  ".",
  "-",
  "/",
  '"',
  "'",
  "(",
  "[",
  "\n",
  "\r\n",
  "\n\n",
];

/** What stands right before a code in some detector, or is one character off it. */
const BEFORE = [
  "SIP/2.0 ",
  "SIP/2.0\t",
  "Response msg ",
  "Reason: Q.850;cause=",
  "REASON: SIP ; cause=",
  "Error code: ",
  "Call: Error code: ",
  '"mobius_error": "',
  '"status": ',
  "response_status=",
  "Status code: -> ",
  "Error code found : ",
  "<-- ",
  "status: ",
  "SipDetails: {code: ",
  'Q850Details": {"code": ',
  '{"code": ',
  ', "subCode": ',
  "sub_code=",
  "HANGUPCAUSE=",
  "q850_cause:",
  "Cause: ",
  "HTTP/1.1 ",
  "HTTP ",
  '"GET / HTTP/1.1" ',
  "SIP-",
  "sip ",
  "SIP code: ",
  "sip_status=",
  "sipStatus: ",
  "&SipResponseCode=",
  '"SipCode": ',
  "SIPSTATUS=",
  "Direction=outbound-api&",
  "status code ",
  "HttpServerErrorException$BadGateway: ",
  "reply [",
  "response [",
  "state [",
  "entering state [x][",
  "uac[1]=",
  "reason=",
  "last_recv = ",
  "T_code=",
  'sl_send_reply("',
  "t_reply(",
  "send_reply ( '",
  "t_check_status ",
  "append_to_reply(",
  "stateless error reply used: ",
  "<script>: [REPLY] ",
  "[Reply]  ",
  "[REPLY]",
  "onreply_route: ",
  "[cid@h] onreply_route[R]: ",
  "onreply_route[R]:",
  "[status=170",
  '"response_status_code":',
  "reply used:",
  "replying ",
  "POST /v1/calls",
  "GET https://x.example/c/b",
  " -> ",
  " failed ",
  " failed with ",
  " returned ",
  " \u2192 ",
  "ERROR upload: HTTP ",
  "Cookie: a=b",
  "azure:communication-calling:info - ",
  " get ",
  " reports ",
  "it's a ",
  "it\u2019s an ",
  "That was a ",
  ", new_code=",
  "code=",
  "with code ",
  "branch 0, code ",
  "mobius-error: ",
  "Error code: 403 mobius-error: ",
  '{"errorCode": ',
  "Mobius says ",
  "returning ",
  "lots of ",
  "GETTING ",
  ...CAUSE_KEYS,
  '[webex-calling] request failed {"statusCode":',
  '[webex-calling] {"statusCode":503,"body":{"errorCode":',
  'mobius {"errorCode":',
  "Fatal response '",
  "Temporal response '",
  "response '",
  "Failed Registration [",
  "Registration Failed with status Forbidden [",
  "Registration Failed with status  [",
  "Failed Registration with status Timeout [",
  "carrier_b Failed Registration with status [",
  "Registration to sip:a.example failed (",
  "failed (",
  "rejected\t(",
  "ERROR (",
  "returned  (",
  "unfailed (",
  "failed [",
  "error: (",
  "got a ",
  "returned the",
  "replied with ",
  "after ",
  "Fehler ",
  "sent ",
  "error ",
  "gives ",
  " ",
  ".",
  "/",
  "-",
  ":",
  "=",
  "(",
  '"',
  "a",
];
/** What follows a code in some detector. */
const AFTER = [
  " received after 3 attempts, giving up on INVITE",
  " received after 1 attempt",
  " Busy Here",
  " OK",
  ' "Not Found"',
  " Client Error",
  " Server Error:",
  " from the trunk",
  " final response",
  " response",
  " on re-INVITE",
  "]",
  "/INVITE/cseq=1",
  " 162",
  " ",
  "",
  ":5060",
  ".5",
  " ms",
  "%",
  ", mobius-error: 118",
  " : FORBIDDEN, mobius-error: 112",
  ', "subCode": 3112',
  ', "http_code": 400',
  ", statusText: 'x'",
  " ... Error code found : 101",
  ' mobius errorCode": 118',
  " mobius-error: 112",
  ', "mobius-error": 118}',
  "s",
  "S in the log",
  "s of silence",
  " of them",
  " percent",
  " after 32s",
  " busy",
  "s ago",
  " subcode 10004",
  ", subCode: 3112},",
  ",\n",
  "]",
  "x",
  "' received from 'sip:a.example' on registration attempt to 'b'",
  "' received from '' on registration attempt",
  ',"body":{"errorCode":117,"message":"Timeout error"}}',
  ',"body":{"errorCode":115,"mobius-error":"115"}}',
  " [webex-calling] Status code: -> 200 Error code found : 115",
  "]. failure #1",
  "], setting retry to 60 seconds.",
  ")",
  "), stopping registration attempts",
  " ms)",
  ")s",
];
const piece = fc.constantFrom(...PIECES);
const code = fc.oneof(
  fc.constantFrom(16, 17, 31, 100, 118, 180, 200, 401, 404, 408, 429, 486, 487, 503, 603, 699, 1008, 3112),
  fc.integer({ min: 0, max: 1200 }),
);
/** A code in the context of some detector, give or take a character. */
const framed = fc
  .tuple(fc.constantFrom(...BEFORE), code, fc.constantFrom(...AFTER))
  .map(([a, n, b]) => `${a}${n}${b}`);
const logish = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: piece },
      { weight: 4, arbitrary: framed },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 1200 }).map(String) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

describe("anchored scan = exhaustive scan", () => {
  it("on every corpus snippet", () => {
    for (const log of corpus) expect(scan(log)).toEqual(scan(log, { exhaustive: true }));
  });

  it("on random log-like text", () => {
    fc.assert(
      fc.property(logish, (text) => {
        expect(scan(text)).toEqual(scan(text, { exhaustive: true }));
      }),
      { numRuns: 3000 },
    );
  });

  it("on single lines around a code", () => {
    fc.assert(
      fc.property(fc.option(piece), framed, fc.option(piece), (a, line, b) => {
        const text = `${a ?? ""}${line}${b ?? ""}`;
        expect(scan(text)).toEqual(scan(text, { exhaustive: true }));
      }),
      { numRuns: 20000 },
    );
  });

  it("on repeated lines behind changing timestamps (their hits are reused)", () => {
    const stamp = fc.oneof(
      fc.integer({ min: 0, max: 86_399_999 }).map((ms) => new Date(ms).toISOString()),
      fc.integer({ min: 0, max: 86_399 }).map((s) => new Date(s * 1000).toISOString().slice(11, 19)),
    );
    const line = fc.oneof(framed, piece).map((l) => l.replace(/\n/g, " "));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stamp, fc.constantFrom(" ", "\t", "  ")), { minLength: 2, maxLength: 6 }),
        line,
        (stamps, rest) => {
          const text = stamps.map(([t, gap]) => `${t}${gap}${rest}`).join("\n");
          expect(scan(text)).toEqual(scan(text, { exhaustive: true }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("on random text in upper and lower case", () => {
    fc.assert(
      fc.property(logish, fc.boolean(), (text, upper) => {
        const t = upper ? text.toUpperCase() : text.toLowerCase();
        expect(scan(t)).toEqual(scan(t, { exhaustive: true }));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("chunking", () => {
  it("finds the same in any chunk size", () => {
    const all = corpus.join("\n");
    const whole = scan(all);
    for (const chunk of [1, 7, 64, 4096]) expect(scan(all, { chunk })).toEqual(whole);
  });

  it("on random text and random chunk sizes", () => {
    fc.assert(
      fc.property(logish, fc.integer({ min: 1, max: 200 }), (text, chunk) => {
        expect(scan(text, { chunk })).toEqual(scan(text));
      }),
      { numRuns: 1000 },
    );
  });
});
