// Stack statements, script replies, HTTP client lines and chat prose: which numbers are codes.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

/** Every finding as "namespace code @line", in order. */
function found(text: string): string[] {
  return scanText(catalog(), text).findings.map((f) => `${f.namespace} ${f.code} @${f.line}`);
}

describe("Kamailio/OpenSIPS tm", () => {
  it("reads new_code, not T_code (the status the transaction already had)", () => {
    const log = [
      "DBG:tm:t_should_relay_response: T_code=100, new_code=183",
      "DBG:tm:t_should_relay_response: T_code=183, new_code=486",
      "DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=408",
    ].join("\n");
    expect(found(log)).toEqual(["sip 183 @1", "sip 486 @2", "sip 408 @3"]);
  });
});
