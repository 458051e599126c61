// A code's occurrence that names no host joins the code's one host row only when it is the same
// event told again: another request, another call, or a reply the log's own system made up keeps
// a row of its own, so no row counts it as coming from that host.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const timeline = (log: string) => analyze(catalog(), scanText(catalog(), log)).timeline;

describe("rows of one code from a host and from nowhere", () => {
  it("keeps a call's failure_route 408 apart from a dispatcher probe's 408", () => {
    const rows = timeline(
      [
        "Mar  5 02:50:05 proxy1 /usr/sbin/kamailio[4133]: WARNING: dispatcher [dispatch.c:3279]: ds_options_callback(): Request was not sent to sip:10.0.0.21:5060 (OPTIONS-Request was finished with code 408)",
        "Mar  5 02:50:37 proxy1 /usr/sbin/kamailio[4130]: NOTICE: <script>: [ci=7f7f7f7f@192.0.2.16] failure_route: t_branch_timeout=1 t_branch_replied=0 reply code 408",
      ].join("\n"),
    );
    expect(rows.map((r) => [r.count, r.methods, r.hosts, r.firstLine])).toEqual([
      [1, ["OPTIONS"], ["10.0.0.21:5060"], 1],
      [1, [], [], 2],
    ]);
  });

  it("keeps an INVITE's 408 apart from an OPTIONS row", () => {
    const rows = timeline(
      [
        "U 2024/05/14 10:00:01.000000 10.0.0.21:5060 -> 10.0.0.5:5060",
        "SIP/2.0 408 Request Timeout",
        "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK2",
        "CSeq: 2 OPTIONS",
        "",
        "",
        "SIP/2.0 408 Request Timeout",
        "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1",
        "CSeq: 1 INVITE",
        "",
      ].join("\n"),
    );
    expect(rows.map((r) => [r.count, r.methods, r.hosts])).toEqual([
      [1, ["OPTIONS"], ["10.0.0.21:5060"]],
      [1, ["INVITE"], []],
    ]);
  });

  it("keeps another call's 486 apart from the host row of one call", () => {
    const rows = timeline(
      [
        "Mar  5 02:14:19 sbc1 /usr/sbin/kamailio[21876]: INFO: <script>: [ci=a84b@10.20.0.5] onreply: 486 Busy Here from 198.51.100.20:5060 cseq 102 INVITE",
        "Mar  5 02:14:19 sbc1 /usr/sbin/kamailio[21876]: NOTICE: <script>: [ci=ffee@10.20.0.5] failure_route MANAGE_FAILURE: $T_reply_code=486 branch 0",
      ].join("\n"),
    );
    expect(rows.map((r) => [r.count, r.hosts])).toEqual([
      [1, ["198.51.100.20:5060"]],
      [1, []],
    ]);
  });

  it("still folds pjsua's DISCONNECTED reason into the 480 it received", () => {
    const rows = timeline(
      [
        "02:44:02.950   pjsua_core.c  .RX 410 bytes Response msg 480/INVITE/cseq=11543 (rdata0x7f8c3c003e28) from UDP 203.0.113.60:5060:",
        "02:44:02.951   pjsua_app.c  .......Call 0 is DISCONNECTED [reason=480 (Temporarily Unavailable)]",
      ].join("\n"),
    );
    expect(rows.map((r) => [r.count, r.hosts])).toEqual([[2, ["203.0.113.60:5060"]]]);
  });
});
