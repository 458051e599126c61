// pjsip ends each of its own error texts with the error's name in brackets ("(PJ_ERESOLVE)"): a 503
// pjsua logs with such a text is pjsip's own transport error, not an overloaded server.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (reason: string) =>
  analyze(
    catalog(),
    scanText(catalog(), `03:20:01.410    pjsua_acc.c  ....SIP registration failed, status=503 (${reason})`),
  );

describe("pjsua's 503 with a pjsip error name", () => {
  for (const reason of [
    "gethostbyname() has returned error (PJ_ERESOLVE)",
    "Unsupported transport (PJSIP_EUNSUPTRANSPORT)",
    "Transport failure (PJSIP_ETPNOTAVAIL)",
    "DNS A record resolution failed (PJLIB_UTIL_EDNSNOANSWERREC)",
  ])
    it(`blames the client's own connection for "${reason}"`, () => {
      const a = run(reason);
      expect(a.failingComponent).toMatch(/^this client's own connection to the server/);
      expect(a.failingComponent).toContain(reason);
    });

  it("still reads a server's reason phrase as the server's", () => {
    expect(run("Service Unavailable").failingComponent).not.toMatch(/own connection/);
  });
});
