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

describe("longer OkHttp runs and pretty-printed bodies", () => {
  /** A body pretty-printed over several lines, each with the logger's prefix. */
  const pretty = (t: string, code: number) => [
    `2024-05-01 10:00:${t} D/OkHttp: {`,
    `2024-05-01 10:00:${t} D/OkHttp:   "errorCode": ${code},`,
    `2024-05-01 10:00:${t} D/OkHttp:   "message": "refused {here}",`,
    `2024-05-01 10:00:${t} D/OkHttp:   "trackingId": "ROUTER_6650F0A1"`,
    `2024-05-01 10:00:${t} D/OkHttp: }`,
  ];

  it("pair a run of five replies with their five bodies, in order", () => {
    const codes = [112, 115, 112, 117, 115];
    const replies = codes.map((c, i) =>
      c === 117 ? reply(`0${i}.300`, "503 Service Unavailable", "device") : reply(`0${i}.300`),
    );
    const bodies = codes.map((c, i) => body(`0${i}.301`, c));
    expect(found(...replies, ...bodies)).toEqual([
      [1, "mobius", 403, 112, MOBIUS],
      [2, "mobius", 403, 115, MOBIUS],
      [3, "mobius", 403, 112, MOBIUS],
      [4, "mobius", 503, 117, MOBIUS],
      [5, "mobius", 403, 115, MOBIUS],
    ]);
  });

  it("pair each reply with its own pretty-printed body", () => {
    expect(
      found(reply("01.300"), reply("01.310"), ...pretty("01.301", 112), ...pretty("01.311", 115)),
    ).toEqual([
      [1, "mobius", 403, 112, MOBIUS],
      [2, "mobius", 403, 115, MOBIUS],
    ]);
  });

  it("give a lone reply's pretty-printed body to that reply only", () => {
    const a = analyze(catalog(), scan(reply("01.300"), ...pretty("01.301", 115), reply("02.300")));
    expect(a.timeline.filter((r) => r.failure).map((r) => r.label)).toEqual([
      "Mobius 403 · mobius-error 115 User Busy",
      "HTTP 403 Forbidden",
    ]);
  });

  it("guess no body for a run longer than can be counted", () => {
    const replies = Array.from({ length: 14 }, (_, i) => reply(`${10 + i}.300`));
    const bodies = Array.from({ length: 14 }, (_, i) => body(`${10 + i}.301`, i % 2 ? 115 : 112));
    const f = scan(...replies, ...bodies).findings.filter((x) => x.line <= 14);
    expect(f.map((x) => [x.namespace, x.subcode])).toEqual(Array(14).fill(["http", null]));
  });

  it("keep the first reply's body its own when the second reply had none", () => {
    expect(
      found(reply("01.300"), body("01.301", 112), reply("01.310", "503 Service Unavailable", "device")),
    ).toEqual([
      [1, "mobius", 403, 112, MOBIUS],
      [3, "mobius", 503, null, MOBIUS],
    ]);
  });
});
