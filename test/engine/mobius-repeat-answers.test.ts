// Webex Calling attempts refused a few lines apart are separate answers: each client reply (OkHttp's
// `<-- 403 …`, a console's `POST … 403`) with its body or the SDK's error object below it counts
// once, repeats from one cluster share a row, and another cluster keeps a row of its own.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const URL = (cluster: string) =>
  `https://mobius-${cluster}.prod.infra.webex.com/api/v1/calling/web/devices/abcd-1234/call`;
const BODY = '{"device":{"deviceId":"abcd-1234"},"errorCode":118,"message":"Caller ID not allowed"}';
const CLUSTERS = ["us-west-2", "us-west-2", "us-east-1"];

const okhttp = CLUSTERS.flatMap((c, i) => [
  `2024-03-05 03:25:1${i}.003 D/OkHttp: <-- 403 ${URL(c)} (412ms)`,
  `2024-03-05 03:25:1${i}.004 D/OkHttp: ${BODY}`,
]);
const consoleLog = CLUSTERS.flatMap((c, i) => [
  `2024-03-05T03:25:1${i}.003Z POST ${URL(c)} 403 (Forbidden)`,
  `{"statusCode":403,"body":${BODY}}`,
]);

/** The timeline's rows, by key, with their counts; and whether any plain HTTP row is left. */
function rows(lines: string[], normal = 0) {
  const filler = Array.from(
    { length: normal },
    (_, i) =>
      `2024-03-05 02:00:00.${String(i % 1000).padStart(3, "0")} D/OkHttp: <-- 200 OK ${URL("us-east-1")} (80ms)`,
  );
  const a = analyze(catalog(), scanText(catalog(), `${[...filler, ...lines].join("\n")}\n`));
  const out: Record<string, number> = {};
  for (const t of a.timeline) if (t.failure) out[t.key] = t.count;
  return out;
}

const expected = {
  "mobius:403:118:mobius-us-west-2.prod.infra.webex.com": 2,
  "mobius:403:118:mobius-us-east-1.prod.infra.webex.com": 1,
};

describe("Mobius replies a few lines apart", () => {
  it("counts OkHttp's replies with their bodies once each, per cluster", () => {
    expect(rows(okhttp)).toEqual(expected);
  });

  it("counts a console's replies with the SDK's error object below each once, per cluster", () => {
    expect(rows(consoleLog)).toEqual(expected);
  });

  it("counts them the same way past the findings cap", () => {
    expect(rows(okhttp, 3000)).toEqual(expected);
    expect(rows(consoleLog, 3000)).toEqual(expected);
  });

  it("reads a second error object under one reply as another answer, not the same one", () => {
    const scan = scanText(
      catalog(),
      [
        `2024-03-05T03:25:14.003Z POST ${URL("us-west-2")} 403 (Forbidden)`,
        `[webex-calling] request failed {"statusCode":403,"body":${BODY}}`,
        `[webex-calling] request failed {"statusCode":403,"body":${BODY}}`,
      ].join("\n"),
    );
    expect(scan.findings.map((f) => [f.line, f.code, f.subcode])).toEqual([
      [1, 403, 118],
      [3, 403, 118],
    ]);
  });
});
