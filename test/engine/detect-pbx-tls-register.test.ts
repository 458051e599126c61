// Asterisk's outbound registration saying a REGISTER got no answer, whatever parameters (a TLS or
// TCP transport) its server URI carries.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("a REGISTER over TLS or TCP that got no answer", () => {
  it("gets the same no-answer note, naming the server and its port", () => {
    for (const [uri, to] of [
      ["sip:sip.carrier.example:5061;transport=tls", "sip.carrier.example:5061"],
      ["sip:sip.carrier.example;transport=tcp", "sip.carrier.example"],
    ]) {
      const line = `[2024-03-05 03:10:00] WARNING[1433] res_pjsip_outbound_registration.c: No response received from '${uri}' on registration attempt to 'sip:acct8812@sip.carrier.example', retrying in '60'`;
      const a = analyze(catalog(), scanText(catalog(), line));
      expect(a.timers.map((t) => [t.title, t.request?.method, t.request?.to])).toEqual([
        ["Timer F", "REGISTER", to],
      ]);
    }
  });
});
