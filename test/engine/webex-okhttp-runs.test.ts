// OkHttp logs two replies in a row before their two bodies: each reply pairs with its own body,
// in order, so each attempt keeps its Mobius meaning.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (...lines: string[]) => scanText(catalog(), lines.join("\n"));
const found = (...lines: string[]) =>
  scan(...lines).findings.map((f) => [f.line, f.namespace, f.code, f.subcode, f.host ?? null]);

const MOBIUS = "mobius-us-east-1.prod.infra.webex.com";
const reply = (t: string, status = "403 Forbidden", path = "devices/abc/call") =>
  `2024-05-01 10:00:${t} D/OkHttp: <-- ${status} https://${MOBIUS}/api/v1/calling/web/${path} (200ms)`;
const body = (t: string, code: number) =>
  `2024-05-01 10:00:${t} D/OkHttp: {"errorCode":${code},"message":"refused"}`;

describe("OkHttp replies logged in a run before their bodies", () => {
  it("pair each reply with its own body, in order: two attempts, each with its mobius-error", () => {
    expect(found(reply("01.300"), reply("05.300"), body("05.301", 112), body("05.302", 115))).toEqual([
      [1, "mobius", 403, 112, MOBIUS],
      [2, "mobius", 403, 115, MOBIUS],
    ]);
  });

  it("count two attempts when both bodies give the same mobius-error", () => {
    const a = analyze(
      catalog(),
      scan(reply("01.300"), reply("01.310"), body("01.301", 112), body("01.311", 112)),
    );
    const failing = a.timeline.filter((r) => r.failure);
    expect(failing.map((r) => [r.label, r.count])).toEqual([
      ["Mobius 403 · mobius-error 112 Device is not registered", 2],
    ]);
  });

  it("read a run of three, each in the phase its own URL names", () => {
    expect(
      found(
        reply("01.300"),
        reply("01.310", "503 Service Unavailable", "device"),
        reply("01.320"),
        body("01.301", 112),
        body("01.311", 117),
        body("01.321", 115),
      ),
    ).toEqual([
      [1, "mobius", 403, 112, MOBIUS],
      [2, "mobius", 503, 117, MOBIUS],
      [3, "mobius", 403, 115, MOBIUS],
    ]);
  });

  it("still give a lone reply the body right below it", () => {
    expect(found(reply("01.300"), body("01.301", 115))).toEqual([[1, "mobius", 403, 115, MOBIUS]]);
  });
});
