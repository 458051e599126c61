// One CUBE paste of several calls: each relayed 503 sits under the failure it passes on, so a row
// never credits one call's 503 to another call's carrier failure.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";
import { cubeMessage } from "../helpers/cube-trace.js";

/** One call through CUBE: CUCM's INVITE, the carrier's refusal, CUBE's 503 with its Q.850 cause. */
const cubeCall = (n: number, second: number, refusal: string, cause: number) => {
  const inbound = `A000${n}-1ED1A2B3@10.10.10.5`;
  const outbound = `B000${n}-DA1B11EE@198.51.100.10`;
  const at = (ms: number) => `${second}.${ms}`;
  return [
    cubeMessage(
      at(700),
      "Received:",
      "INVITE sip:+442079460958@10.10.10.1:5060 SIP/2.0",
      inbound,
      "10.10.10.5",
    ),
    cubeMessage(
      at(710),
      "Sent:",
      "INVITE sip:+442079460958@sip.telnyx.com:5060 SIP/2.0",
      outbound,
      "198.51.100.10",
    ),
    cubeMessage(at(870), "Received:", `SIP/2.0 ${refusal}`, outbound, "198.51.100.10"),
    cubeMessage(at(880), "Sent:", "SIP/2.0 503 Service Unavailable", inbound, "10.10.10.5", [
      `Reason: Q.850;cause=${cause}`,
    ]),
  ].join("\n");
};
const NOT_ACCEPTABLE = "488 Not Acceptable Here";
const BUSY = "486 Busy Here";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const rows503 = (log: string) =>
  run(log)
    .timeline.filter((r) => r.label === "SIP 503 Service Unavailable")
    .map((r) => ({ line: r.firstLine, count: r.count, relays: r.relays, relayLines: r.relayLines }));
const lineOf = (log: string, text: string, nth = 0) =>
  log
    .split("\n")
    .flatMap((l, i) => (l === text ? [i + 1] : []))
    .at(nth);

describe("a CUBE paste of two calls, a 488 and a 486 each relayed as a 503", () => {
  const log = [cubeCall(1, 13, NOT_ACCEPTABLE, 65), cubeCall(2, 20, BUSY, 17)].join("\n");
  const the488 = lineOf(log, `SIP/2.0 ${NOT_ACCEPTABLE}`);
  const the486 = lineOf(log, `SIP/2.0 ${BUSY}`);

  it("gives each call's 503 its own row, relaying its own call's failure", () => {
    expect(rows503(log)).toEqual([
      {
        line: lineOf(log, "SIP/2.0 503 Service Unavailable", 0),
        count: 1,
        relays: the488,
        relayLines: undefined,
      },
      {
        line: lineOf(log, "SIP/2.0 503 Service Unavailable", 1),
        count: 1,
        relays: the486,
        relayLines: undefined,
      },
    ]);
  });

  it("still counts two failing codes and three relayed ones", () => {
    expect(run(log).counts).toMatchObject({ failures: 2, relayed: 3 });
  });

  it("says on the card which failure each 503 passed on", () => {
    const text = cardToText(scanCard(run(log)));
    expect(text).toContain(`relayed to the caller from line ${the488}`);
    expect(text).toMatch(
      new RegExp(
        `↳ SIP 503 Service Unavailable \\(INVITE\\) — line \\d+, relayed to the caller from line ${the486}`,
      ),
    );
    expect(text).not.toContain("503 Service Unavailable ×2");
  });
});

describe("a CUBE paste of calls the carrier refused alike, and one 503 CUBE sent on its own", () => {
  const busy = [13, 20, 27, 34].map((s, i) => cubeCall(i, s, BUSY, 17));
  const own = cubeMessage(
    "50.880",
    "Sent:",
    "SIP/2.0 503 Service Unavailable",
    "Z0001@10.10.10.5",
    "10.10.10.5",
  );
  const log = [...busy, own].join("\n");
  const refusals = [0, 1, 2, 3].map((i) => lineOf(log, `SIP/2.0 ${BUSY}`, i));

  it("gathers the relays of the one 486 row, naming each refusal it passed on", () => {
    const [relayed, alone] = rows503(log);
    expect(relayed).toEqual({
      line: expect.any(Number),
      count: 4,
      relays: refusals[0],
      relayLines: refusals,
    });
    expect(alone).toMatchObject({ count: 1, relays: undefined });
  });

  it("lists the first refusals on the card and counts the lone 503 as failing", () => {
    const a = run(log);
    expect(cardToText(scanCard(a))).toContain(
      `relayed to the callers from lines ${refusals.slice(0, 3).join(", ")}, …`,
    );
    expect(a.counts).toMatchObject({ failures: 2, relayed: 1 });
  });
});
