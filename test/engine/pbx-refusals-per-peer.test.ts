// A PBX's own refusals of requests from a few different addresses (an unknown carrier's INVITE, a
// phone's REGISTER with a wrong password) are different problems: each address keeps its own
// timeline row, named, and the failing component names every one of them.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const refused = (s: number, method: string, from: string, addr: string, why: string) =>
  `[2024-03-05 03:20:0${s}.102] NOTICE[4130]: res_pjsip/pjsip_distributor.c:673 log_failed_request: Request '${method}' from '${from}' failed for '${addr}' (callid: ${method === "REGISTER" ? "reg1" : "call1"}) - ${why}`;
const scanner = refused(
  1,
  "INVITE",
  "<sip:+14155550123@198.51.100.99>",
  "198.51.100.99:5071",
  "No matching endpoint found",
);
const phone = (s: number) =>
  refused(s, "REGISTER", "<sip:1001@pbx.example.com>", "198.51.100.77:5062", "Failed to authenticate");

describe("refusals a PBX sent to a few addresses", () => {
  it("keeps a row per address, each named, with its own methods and count", () => {
    const a = run([scanner, phone(2), phone(3)]);
    const rows = a.timeline.filter((r) => r.id === "sip/401");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ firstLine: 1, count: 1, methods: ["INVITE"] });
    expect(rows[0]?.label).toContain("sent to 198.51.100.99:5071");
    expect(rows[1]).toMatchObject({ firstLine: 2, count: 2, methods: ["REGISTER"] });
    expect(rows[1]?.label).toContain("sent to 198.51.100.77:5062");
  });

  it("names every refused address in the failing component", () => {
    const a = run([scanner, phone(2), phone(3)]);
    expect(a.failingComponent).toContain(
      "the same 401 went to 2 addresses in all: 198.51.100.99:5071 (INVITE, line 1), 198.51.100.77:5062 (REGISTER ×2, line 2)",
    );
  });

  it("keeps one address's refusals in one row", () => {
    const a = run([phone(2), phone(3)]);
    const rows = a.timeline.filter((r) => r.id === "sip/401");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, methods: ["REGISTER"] });
  });

  it("keeps refusals of many addresses (a scan) in one row", () => {
    const many = [1, 2, 3, 4, 5].map((n) =>
      refused(n, "INVITE", `<sip:100@198.51.100.${n}>`, `198.51.100.${n}:5060`, "No matching endpoint found"),
    );
    const rows = run(many).timeline.filter((r) => r.id === "sip/401");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(5);
  });
});

// The same refusals as Asterisk's pjsip logger shows them (`pjsip set logger on`): each response
// under its "<--- Transmitting SIP response … to UDP:host --->" line, with no NOTICE line at all.
const received = (s: number, method: string, from: string, branch: string) => [
  `[Nov 22 13:00:0${s}] VERBOSE[2001] res_pjsip_logger.c: <--- Received SIP request (600 bytes) from UDP:${from} --->`,
  `${method} sip:1001@198.51.100.5 SIP/2.0`,
  `Via: SIP/2.0/UDP ${from};branch=${branch}`,
  `Call-ID: ${branch}@example`,
  `CSeq: 1 ${method}`,
  "",
];
const transmitted = (s: number, code: string, method: string, to: string, branch: string) => [
  `[Nov 22 13:00:0${s}] VERBOSE[2001] res_pjsip_logger.c: <--- Transmitting SIP response (520 bytes) to UDP:${to} --->`,
  `SIP/2.0 ${code}`,
  `Via: SIP/2.0/UDP ${to};branch=${branch}`,
  `Call-ID: ${branch}@example`,
  `CSeq: 1 ${method}`,
  "",
];
const exchange = (s: number, code: string, method: string, peer: string, branch: string) => [
  ...received(s, method, peer, branch),
  ...transmitted(s, code, method, peer, branch),
];

describe("refusals a PBX's SIP logger shows going to a few addresses", () => {
  const trace = (code: string) => [
    ...exchange(1, code, "INVITE", "198.51.100.77:5062", "z9hG4bK-1"),
    ...exchange(3, code, "REGISTER", "192.0.2.44:5060", "z9hG4bK-2"),
  ];

  it("keeps a row per address, each named", () => {
    const rows = run(trace("401 Unauthorized")).timeline.filter((r) => r.id === "sip/401");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ count: 1, methods: ["INVITE"] });
    expect(rows[0]?.label).toContain("sent to 198.51.100.77:5062");
    expect(rows[1]).toMatchObject({ count: 1, methods: ["REGISTER"] });
    expect(rows[1]?.label).toContain("sent to 192.0.2.44:5060");
  });

  it("names every refused address in the failing component, for a 403 too", () => {
    const a = run(trace("403 Forbidden"));
    expect(a.failingComponent).toContain("the same 403 went to 2 addresses in all");
    expect(a.failingComponent).toContain("198.51.100.77:5062 (INVITE, line 8)");
    expect(a.failingComponent).toContain("192.0.2.44:5060 (REGISTER, line 20)");
  });

  it("keeps one address's refusals in one row", () => {
    const a = run([
      ...exchange(1, "403 Forbidden", "REGISTER", "192.0.2.44:5060", "z9hG4bK-1"),
      ...exchange(3, "403 Forbidden", "REGISTER", "192.0.2.44:5060", "z9hG4bK-2"),
    ]);
    const rows = a.timeline.filter((r) => r.id === "sip/403");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 2, methods: ["REGISTER"] });
  });
});
