// A Reason header carrying SIP 200 (RFC 3326) says the call was answered elsewhere: the answer is
// that event, not the 200 OK card's ACK and NAT checks.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("a pasted Reason header with SIP;cause=200", () => {
  it("is answered as a call completed elsewhere", () => {
    const r = explain(catalog(), 'Reason: SIP;cause=200;text="Call completed elsewhere"');
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual(["q850/26"]);
    expect(r.note).toMatch(/answered on another device or branch/);
    expect(r.results.some((e) => e.id === "sip/200")).toBe(false);
  });

  it("leaves other SIP causes to their own cards", () => {
    expect(explain(catalog(), "Reason: SIP;cause=480").results[0]?.id).toBe("sip/480");
  });
});
