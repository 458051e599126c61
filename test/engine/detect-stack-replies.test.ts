// Statuses stacks log in their own encoding: pjsip's "[status=1704xx]", Kamailio xlog reply tags
// with any reason phrase, and the HTTP status of a Twilio webhook fetch.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function findings(text: string) {
  return scanText(catalog(), text).findings;
}

/** Every finding as "namespace code @line", in order. */
function found(text: string): string[] {
  return findings(text).map((f) => `${f.namespace} ${f.code} @${f.line}`);
}

describe("pjsip status values that carry a SIP status", () => {
  const log = [
    "03:40:05.456        pjsua_call.c  .Unable to make call: Request Timeout [status=170408]",
    "03:40:06.001  pjsua_call.c  Error sending re-INVITE: Service Unavailable [status=170503]",
    "03:40:07.001  pjsua_acc.c  ..Unable to create/send REGISTER: Forbidden [status=170403]",
    "03:40:08.001  pjsua_call.c  Call 0: Unable to make call: Request Timeout (PJSIP_SC_REQUEST_TIMEOUT) [status=170408]",
  ].join("\n");

  it("reports the SIP status, its method and its reason", () => {
    const fs = findings(log);
    expect(fs.map((f) => [f.code, f.method, f.reason])).toEqual([
      [408, "INVITE", "Request Timeout"],
      [503, "re-INVITE", "Service Unavailable"],
      [403, "REGISTER", "Forbidden"],
      [408, "INVITE", "Request Timeout"],
    ]);
    expect(fs.every((f) => f.namespace === "sip")).toBe(true);
  });

  it("says the request failed, not that the status was sent: no direction for 'Error sending re-INVITE'", () => {
    const [f] = findings(
      "03:40:06.001  pjsua_call.c  Error sending re-INVITE: Request Timeout [status=170408]",
    );
    expect(f?.method).toBe("re-INVITE");
    expect(f?.direction).toBeUndefined();
    // A response the stack says it sent keeps its direction.
    expect(findings("03:40:06.001  sending 486 Busy Here to 10.0.0.7:5060")[0]?.direction).toBe("out");
  });

  it("takes REGISTER as the method of a registration failure stated with status=", () => {
    const [f] = findings("21:14:02.118 pjsua_acc.c  ....SIP registration failed, status=403 (Forbidden)");
    expect([f?.code, f?.method]).toEqual([403, "REGISTER"]);
    // A call of a registered user is no registration.
    const call = findings("chan_sip.c: call from registered peer 'alice' failed (486)")[0];
    expect([call?.code, call?.method]).toEqual([486, undefined]);
  });

  it("reads the status copied without its brackets, in a log and as a question", () => {
    expect(found("pjsua_call.c  Unable to make call: Request Timeout status=170408")).toEqual(["sip 408 @1"]);
    expect(found("got status=170408 on every call")).toEqual(["sip 408 @1"]);
    expect(explain(catalog(), "status=170408").results[0]?.id).toBe("sip/408");
    expect(found("tx_status=1704089 build.status=170408")).toEqual([]);
  });

  it("reports none of pjsip's own errors", () => {
    expect(
      found("pjsua_call.c  Unable to hangup: INVITE session already terminated [status=171140]"),
    ).toEqual([]);
    expect(found("pjsua_core.c  Error: Invalid argument [status=70004]")).toEqual([]);
  });
});

describe("Kamailio xlog reply tags", () => {
  it.each([
    ["INFO: <script>: [REPLY] 486 Busy ci=ffee1122deadbeef@10.1.1.12", "sip 486 @1", "Busy"],
    [
      "INFO: <script>: [REPLY] 503 No Route Available from 203.0.113.20 ci=aa11@10.1.1.13",
      "sip 503 @1",
      "No Route Available",
    ],
    [
      "INFO: <script>: [REPLY] 500 I'm terribly sorry, server error occurred (1/SL) to 10.1.1.12 ci=x@10.1.1.12",
      "sip 500 @1",
      "I'm terribly sorry, server error occurred (1/SL)",
    ],
    [
      "INFO: <script>: [bb22@10.1.1.14] onreply_route: 503 No Route Available from 203.0.113.20",
      "sip 503 @1",
      "No Route Available",
    ],
    [
      "INFO: <script>: onreply_route[MANAGE_REPLY]: 480 Temporarily not available",
      "sip 480 @1",
      "Temporarily not available",
    ],
  ])("%s", (line, want, reason) => {
    expect(found(line)).toEqual([want]);
    expect(findings(line)[0]?.reason).toBe(reason);
  });

  it("reads the call from xlog's ci= and Twilio's sipCallId, so two calls are not one failure", () => {
    const [f] = findings("INFO: <script>: [REPLY] 486 Busy ci=ffee1122deadbeef@10.1.1.12");
    expect(f?.callId).toBe("ffee1122deadbeef@10.1.1.12");
    const [t] = findings(
      '{"sipCallId":"7c1d2e3f@203.0.113.9","SipResponseCode":"503"} SIP/2.0 503 Service Unavailable',
    );
    expect(t?.callId).toBe("7c1d2e3f@203.0.113.9");
  });

  it("names the host a reply came from", () => {
    const [f] = findings(
      "INFO: <script>: [REPLY] 503 No Route Available from 203.0.113.20 ci=aa11@10.1.1.13",
    );
    expect(f?.host).toBe("203.0.113.20");
  });

  it("blames the hop a reply tag's $si names: an onreply_route logs replies the proxy received", () => {
    const line =
      "Mar  5 03:20:41 proxy1 /usr/sbin/kamailio[12347]: INFO: <script>: [ci=call-B@10.0.0.6] [REPLY] 486 Busy Here (IP:198.51.100.22:5060)";
    const [f] = findings(line);
    expect([f?.host, f?.direction]).toEqual(["198.51.100.22:5060", "in"]);
    const a = analyze(catalog(), scanText(catalog(), line));
    expect(a.failingComponent).toMatch(/^198\.51\.100\.22:5060 — /);
  });

  it("names the host a failed request went to", () => {
    const [f] = findings(
      "NOTICE: <script>: [FAILURE] INVITE to sip:+14155559999@203.0.113.20:5060 failed with 503 Service Unavailable ci=ff@10.1.1.12",
    );
    expect([f?.code, f?.host]).toEqual([503, "203.0.113.20:5060"]);
  });

  it("takes no party's address in a to= field for a host", () => {
    const [f] = findings("INFO: acc: method=INVITE to=sip:bob@example.com code=503");
    expect(f?.host).toBeUndefined();
  });

  it("reads no number that is not the reply's status", () => {
    expect(found("INFO: <script>: [REPLY] 1500 bytes from 10.1.1.12")).toEqual([]);
    expect(found("INFO: <script>: [REPLY] 503.5 ms")).toEqual([]);
  });
});

describe("Twilio debugger events", () => {
  it("reports the HTTP status a webhook answered with (error 11200)", () => {
    const line =
      '{"error_code":"11200","log_level":"error","more_info":{"Msg":"HTTP retrieval failure","url":"https://handler.example.com/voice","response_status_code":"502","sourceComponent":"14100"}}';
    expect(found(line)).toEqual(["http 502 @1"]);
  });

  it("reports no Twilio error number", () => {
    const line = '{"error_code":"13227","more_info":{"Msg":"Dial: No International Authorization"}}';
    expect(found(line)).toEqual([]);
  });
});

describe("an HTTP client's error object", () => {
  it("counts axios's error line and its response field as one answer", () => {
    const dump = [
      "AxiosError: Request failed with status code 403",
      "    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)",
      "  code: 'ERR_BAD_REQUEST',",
      "  response: { status: 403, statusText: 'Forbidden', data: { error: 'caller id not verified' } }",
    ].join("\n");
    expect(found(dump)).toEqual(["http 403 @1"]);
    // A later request's failure is a second answer.
    expect(found(`${dump}\nAxiosError: Request failed with status code 429`)).toEqual([
      "http 403 @1",
      "http 429 @5",
    ]);
  });
});
