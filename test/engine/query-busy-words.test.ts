// Busy, said the ways people say it, is the callee's SIP 486 (or Q.850 17), never a vendor's card
// or an unrelated symptom that shares a word ("line").
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("busy in everyday words", () => {
  it.each(["the call is busy", "callee busy", "line busy", "busy signal"])("%s answers SIP 486", (q) => {
    expect(explain(catalog(), q).results[0]?.id).toBe("sip/486");
  });

  it("keeps the ACS entry for a question that names ACS", () => {
    expect(explain(catalog(), "acs callee busy").results[0]?.id).toBe("acs/486-560486");
  });
});
