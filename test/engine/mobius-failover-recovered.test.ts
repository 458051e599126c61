// A registration one Mobius cluster refused and another accepted, then a call that failed: the call's
// failure leads, and the summary says the client failed over and the first cluster is degraded.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const EAST = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web";
const WEST = "https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web";
const LOG = [
  `2025-03-11 09:14:03.120 I/okhttp.OkHttpClient: --> POST ${EAST}/device`,
  `2025-03-11 09:14:03.480 I/okhttp.OkHttpClient: <-- 503 Service Unavailable ${EAST}/device (360ms)`,
  `2025-03-11 09:14:04.100 I/okhttp.OkHttpClient: --> POST ${WEST}/device`,
  `2025-03-11 09:14:04.390 I/okhttp.OkHttpClient: <-- 200 OK ${WEST}/device (290ms)`,
  `2025-03-11 09:20:04.100 I/okhttp.OkHttpClient: --> POST ${WEST}/devices/6f0e2c9a/call`,
  `2025-03-11 09:20:04.500 I/okhttp.OkHttpClient: <-- 403 Forbidden ${WEST}/devices/6f0e2c9a/call (400ms)`,
  `2025-03-11 09:20:04.501 I/okhttp.OkHttpClient: {"errorCode":115,"message":"User Busy"}`,
].join("\n");

describe("a Mobius failover before a failed call", () => {
  it("leads with the call's failure and says the registration failed over to the other cluster", () => {
    const a = run(LOG);
    expect(a.firstFailure?.line).toBe(6);
    expect(a.summary).toContain(
      "the client failed over to mobius-us-west-2.prod.infra.webex.com and registered (line 4)",
    );
    expect(a.summary).toContain("mobius-us-east-1.prod.infra.webex.com is degraded, not the device");
    expect(a.summary).not.toContain("went on to place a call");
  });

  it("keeps the plain recovery sentence when no other cluster is seen accepting the registration", () => {
    const a = run(
      LOG.split("\n")
        .filter((_, i) => i !== 3)
        .join("\n"),
    );
    expect(a.summary).toContain("was recovered: the device went on to place a call");
    expect(a.summary).not.toContain("failed over");
  });
});
