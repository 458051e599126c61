// FreeSWITCH refusing a leg to its own gateway: mod_sofia names the gateway ("Gateway 'carrier1' is
// down!", "Invalid Gateway 'carrier3'") on the line above the cause line, which names none. The
// answer names that gateway, and the two lines count as one refusal.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-03-05 02:30:${time} [${level}] ${text}`;
const cannot = (cause: string) =>
  at(
    "01.120000",
    "NOTICE",
    `switch_ivr_originate.c:2901 Cannot create outgoing channel of type [sofia] cause: [${cause}]`,
  );

describe("a leg FreeSWITCH refused to its own gateway", () => {
  it("names the gateway mod_sofia found down, on mod_sofia's line, counted once", () => {
    const a = run([
      at("01.120000", "ERR", "mod_sofia.c:5087 Gateway 'carrier1' is down!"),
      cannot("GATEWAY_DOWN"),
    ]);
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier1, which FreeSWITCH had marked DOWN/);
    expect(a.firstFailure).toMatchObject({ namespace: "sip", code: 503, line: 1, direction: "local" });
    expect(a.counts.findings).toBe(1);
  });

  it("names it under a debug log's bridge and originate lines too", () => {
    const a = run([
      at(
        "01.110000",
        "INFO",
        "switch_cpp.cpp:1466 EXECUTE [depth=0] sofia/internal/1001@10.10.20.31:5060 bridge(sofia/gateway/carrier1/+15551234567)",
      ),
      at("01.115000", "DEBUG", "switch_ivr_originate.c:2204 Parsing session specific variables"),
      at("01.120000", "ERR", "mod_sofia.c:5087 Gateway 'carrier1' is down!"),
      cannot("GATEWAY_DOWN"),
      at("01.120000", "INFO", "mod_dptools.c:3635 Originate Failed.  Cause: GATEWAY_DOWN"),
    ]);
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier1\b/);
    expect(a.firstFailure?.line).toBe(3);
  });

  it("names a gateway that is not loaded", () => {
    const a = run([
      at("01.120000", "ERR", "mod_sofia.c:5093 Invalid Gateway 'carrier3'"),
      cannot("INVALID_GATEWAY"),
    ]);
    expect(a.failingComponent).toMatch(/gateway carrier3 is not loaded on any running sofia profile/);
    expect(a.counts.findings).toBe(1);
  });

  it("keeps a cause line that is not the refusal above it as a failure of its own", () => {
    const a = run([
      at("01.120000", "ERR", "mod_sofia.c:5087 Gateway 'carrier1' is down!"),
      cannot("NORMAL_TEMPORARY_FAILURE"),
    ]);
    expect(a.firstFailure).toMatchObject({ code: 503, line: 1 });
    expect(a.counts.findings).toBe(2);
  });

  it("reads a gateway only from a refusal mod_sofia logged just above the cause", () => {
    const a = run([
      at("01.100000", "ERR", "mod_sofia.c:5087 Gateway 'carrier1' is down!"),
      at("01.101000", "INFO", "switch_channel.c:1118 one"),
      at("01.102000", "INFO", "switch_channel.c:1118 two"),
      at("01.103000", "INFO", "switch_channel.c:1118 three"),
      cannot("GATEWAY_DOWN"),
    ]);
    // The refusal is a finding on its own line; the cause line far below it is not read as it.
    expect(a.firstFailure?.line).toBe(1);
    expect(a.counts.findings).toBe(2);
  });
});
