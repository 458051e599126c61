// A FreeSWITCH gateway named by a DEBUG-level state line, its OPTIONS ping and its registration:
// more log detail names the same gateway an INFO-level log does, never a vaguer component.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-03-05 04:${time} [${level}] ${text}`;

const bridgedTwice = [
  at("20:00.130000", "NOTICE", "switch_channel.c:1118 New Channel sofia/gateway/carrier1/14155550123 [ee1c]"),
  at(
    "20:00.899000",
    "DEBUG",
    "sofia.c:7084 Channel sofia/gateway/carrier1/14155550123 entering state [terminated][503]",
  ),
  at(
    "20:00.900000",
    "NOTICE",
    "sofia.c:8736 Hangup sofia/gateway/carrier1/14155550123 [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]",
  ),
  at(
    "20:01.000000",
    "DEBUG",
    "sofia.c:7084 Channel sofia/gateway/carrier2/14155550123 entering state [calling][0]",
  ),
  at(
    "20:05.000000",
    "DEBUG",
    "sofia.c:7084 Channel sofia/gateway/carrier2/14155550123 entering state [completed][200]",
  ),
  at(
    "22:05.000000",
    "NOTICE",
    "sofia.c:1065 Hangup sofia/gateway/carrier2/14155550123 [CS_EXCHANGE_MEDIA] [NORMAL_CLEARING]",
  ),
];

describe("a FreeSWITCH gateway leg logged at debug level", () => {
  it("names the gateway whose carrier answered 503 and the gateway the call connected through", () => {
    const a = run(bridgedTwice);
    expect(a.firstFailure?.code).toBe(503);
    expect(a.failingComponent).toMatch(
      /^FreeSWITCH gateway carrier1 \(the carrier or SBC behind it answered 503\)/,
    );
    expect(a.failingComponent).toContain("then went out through gateway carrier2, where it was answered");
  });

  it("still names the gateway when no other leg follows", () => {
    const a = run(bridgedTwice.slice(0, 3));
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier1 \(/);
    expect(a.failingComponent).not.toContain("carrier2");
  });

  it("says FreeSWITCH refused the leg itself for its own GATEWAY_DOWN", () => {
    const a = run([
      at(
        "20:00.900000",
        "NOTICE",
        "sofia.c:8736 Hangup sofia/gateway/carrier1/14155550123 [CS_CONSUME_MEDIA] [GATEWAY_DOWN]",
      ),
    ]);
    expect(a.failingComponent).toMatch(
      /^FreeSWITCH gateway carrier1, which FreeSWITCH had marked DOWN after its OPTIONS pings failed, so it refused the leg itself \(GATEWAY_DOWN\) and sent nothing/,
    );
  });
});

describe("a FreeSWITCH gateway's OPTIONS ping", () => {
  const pings = [
    at(
      "40:01.101234",
      "WARNING",
      "sofia_reg.c:3253 Ping failed carrier1 with code 503 - count 1/1/1, state DOWN",
    ),
    at(
      "40:31.101234",
      "WARNING",
      "sofia_reg.c:3253 Ping failed carrier1 with code 408 - count 0/1/1, state DOWN",
    ),
    at(
      "41:01.101234",
      "NOTICE",
      "sofia_reg.c:3268 Ping succeeded carrier1 with code 200 - count 1/1/1, state UP",
    ),
  ];

  it("is an OPTIONS answered for the gateway, which then recovered", () => {
    const a = run(pings);
    expect(a.firstFailure?.method).toBe("OPTIONS");
    expect(a.failingComponent).toMatch(
      /^FreeSWITCH gateway carrier1 \(its OPTIONS ping got 503, and FreeSWITCH marked it DOWN\)/,
    );
    expect(a.failingComponent).toContain(
      "it recovered: its ping on line 3 got 200 and the gateway was UP again",
    );
  });

  it("claims no recovery while the pings keep failing", () => {
    const a = run(pings.slice(0, 2));
    expect(a.failingComponent).not.toContain("recovered");
  });
});

describe("a FreeSWITCH gateway's registration", () => {
  it("names the gateway whose REGISTER the registrar refused", () => {
    const a = run([
      at("50:00.000123", "NOTICE", "sofia_reg.c:431 Registering carrier1"),
      at(
        "50:00.120456",
        "ERR",
        "sofia_reg.c:2661 carrier1 Failed Registration with status Forbidden [403]. failure #1",
      ),
    ]);
    expect(a.firstFailure?.method).toBe("REGISTER");
    expect(a.failingComponent).toMatch(
      /^FreeSWITCH gateway carrier1 \(the registrar behind it answered its REGISTER with 403\)/,
    );
  });
});
