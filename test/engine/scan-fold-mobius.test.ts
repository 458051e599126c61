// Past the findings cap, a Mobius error is folded with the repeats of the same error (status and
// mobius-error) from the same cluster: different errors or clusters keep their own timeline rows,
// and the mobius-error the Webex SDK logs under a client's reply still belongs to that reply.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const EAST = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/devices/d1/call";
const WEST = "https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web/devices/d1/call";

/** A browser console's failed request, and the SDK's restatement of it with its mobius-error. */
function consoleReply(url: string, code: number, phrase: string, error: number, second: number): string[] {
  const stamp = `Tue, 11 Mar 2025 09:${String(14 + Math.floor(second / 60)).padStart(2, "0")}:${String(second % 60).padStart(2, "0")} GMT`;
  return [
    `call.js:120 POST ${url} ${code} (${phrase})`,
    `webex-calling: ${stamp}: [WARN]: file:call - method:post - message:Status code: -> ${code}`,
    `webex-calling: ${stamp}: [WARN]: file:call - method:post - message:Error code found : ${error}`,
  ];
}

function log(normal: number): string {
  const lines: string[] = [];
  for (let i = 0; i < normal; i++) {
    const s = String(i % 60).padStart(2, "0");
    lines.push(
      `2025-03-11T08:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${s}.100Z INFO OkHttp <-- 200 OK ${EAST} (80ms)`,
    );
  }
  for (let r = 0; r < 6; r++) {
    lines.push(
      ...consoleReply(EAST, 403, "Forbidden", 118, r * 4),
      ...consoleReply(WEST, 403, "Forbidden", 118, r * 4 + 1),
      ...consoleReply(EAST, 503, "Service Unavailable", 117, r * 4 + 2),
      ...consoleReply(WEST, 503, "Service Unavailable", 117, r * 4 + 3),
    );
  }
  return `${lines.join("\n")}\n`;
}

function rows(normal: number): Record<string, number> {
  const a = analyze(catalog(), scanText(catalog(), log(normal)));
  const out: Record<string, number> = {};
  for (const t of a.timeline) if (t.key.startsWith("mobius:")) out[t.key] = t.count;
  return out;
}

describe("Mobius errors past the findings cap", () => {
  const expected = {
    "mobius:403:118:mobius-us-east-1.prod.infra.webex.com": 6,
    "mobius:403:118:mobius-us-west-2.prod.infra.webex.com": 6,
    "mobius:503:117:mobius-us-east-1.prod.infra.webex.com": 6,
    "mobius:503:117:mobius-us-west-2.prod.infra.webex.com": 6,
  };

  it("counts each error of each cluster on its own row, as a short log does", () => {
    expect(rows(0)).toEqual(expected);
  });

  it("folds the repeats of one error from one cluster together after 3,000 normal lines", () => {
    expect(rows(3000)).toEqual(expected);
  });

  it("keeps a Mobius JSON error's cluster as its row after the cap", () => {
    const busy = (normal: number) => {
      const lines = [log(normal).trimEnd()];
      for (let r = 0; r < 5; r++)
        lines.push(
          `2025-03-11T09:2${r}:00.882Z [webex-calling] ERROR call: POST ${WEST} request failed {"statusCode":403,"body":{"errorCode":115,"message":"User Busy"}}`,
          `2025-03-11T09:2${r}:30.000Z [webex-calling] LOG call: user ended the call`,
        );
      const a = analyze(catalog(), scanText(catalog(), `${lines.join("\n")}\n`));
      return a.timeline.filter((t) => t.key.startsWith("mobius:403:115:")).map((t) => [t.key, t.count]);
    };
    const short = busy(0);
    expect(short.map(([key]) => key)).toEqual(["mobius:403:115:mobius-us-west-2.prod.infra.webex.com"]);
    expect(busy(3000)).toEqual(short);
  });
});
