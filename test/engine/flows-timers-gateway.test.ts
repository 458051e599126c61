// FreeSWITCH console lines name an outbound leg by its gateway: the cause on a gateway leg came
// from that gateway's carrier, and a later leg to the same number through another gateway that
// cleared normally shows the call failed over.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const line = (time: string, text: string) => `2024-03-05 02:${time} [NOTICE] switch_channel.c:4114 ${text}`;
const failed = line(
  "14:07.413100",
  "Hangup sofia/gateway/carrier_a/+14155550123 [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]",
);

describe("a FreeSWITCH gateway leg that failed", () => {
  it("names the gateway and the one the call then connected through", () => {
    const a = run(
      [
        failed,
        line(
          "16:12.000000",
          "Hangup sofia/gateway/carrier_b/+14155550123 [CS_EXCHANGE_MEDIA] [NORMAL_CLEARING]",
        ),
        line("16:12.000900", "Hangup sofia/internal/201@10.0.0.20 [CS_EXECUTE] [NORMAL_CLEARING]"),
      ].join("\n"),
    );
    expect(a.firstFailure?.code).toBe(41);
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a \(/);
    expect(a.failingComponent).toContain("then went out through gateway carrier_b");
  });

  it("claims no failover for a leg to another number", () => {
    const a = run(
      [
        failed,
        line(
          "16:12.000000",
          "Hangup sofia/gateway/carrier_b/+442079460958 [CS_EXCHANGE_MEDIA] [NORMAL_CLEARING]",
        ),
      ].join("\n"),
    );
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a \(/);
    expect(a.failingComponent).not.toContain("carrier_b");
  });
});
