// A run of OkHttp replies counts every reply, a 200 as much as a 403, when it hands out the bodies
// logged below it; when the bodies are not as many as the replies, no reply takes one.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const MOBIUS = "mobius-us-east-1.prod.infra.webex.com";
const reply = (status: string) =>
  `03-05 03:20:04.100  4321  4400 I okhttp.OkHttpClient: <-- ${status} https://${MOBIUS}/api/v1/calling/web/devices/9a8b/call (81ms)`;
const log = (text: string) => `03-05 03:20:04.100  4321  4400 I okhttp.OkHttpClient: ${text}`;
const error = (code: number) => log(`{"errorCode":${code},"message":"refused"}`);
const CALL = log(`{"callId":"abc","callData":{"callState":"sending"}}`);

const found = (...lines: string[]) =>
  scanText(catalog(), lines.join("\n"))
    .findings.filter((f) => f.code !== 200)
    .map((f) => [f.line, f.namespace, f.code, f.subcode]);

describe("OkHttp reply runs with a success in them", () => {
  it("give the 200 its own place: the 403 after it keeps its own mobius-error", () => {
    expect(found(reply("403"), reply("200"), reply("403"), error(112), CALL, error(118))).toEqual([
      [1, "mobius", 403, 112],
      [3, "mobius", 403, 118],
    ]);
  });

  it("pair a 403 logged after a 200 with the second body", () => {
    expect(found(reply("200 OK"), reply("403 Forbidden"), CALL, error(115))).toEqual([
      [2, "mobius", 403, 115],
    ]);
  });

  it("guess no body when a 200's body was not logged", () => {
    expect(found(reply("403"), reply("200"), reply("403"), error(112), error(118))).toEqual([
      [1, "http", 403, null],
      [3, "http", 403, null],
    ]);
  });
});

describe("OkHttp reply runs whose bodies do not match their replies", () => {
  it("give no reply a body when one body is missing", () => {
    expect(found(reply("403"), reply("403"), reply("403"), error(112), error(118))).toEqual([
      [1, "http", 403, null],
      [2, "http", 403, null],
      [3, "http", 403, null],
    ]);
  });

  it("give no reply a body when there is one body too many", () => {
    expect(found(reply("403"), reply("403"), error(112), error(118), error(115))).toEqual([
      [1, "http", 403, null],
      [2, "http", 403, null],
    ]);
  });

  it("still pair a full run when an unrelated line follows its bodies", () => {
    expect(found(reply("403"), reply("403"), error(112), error(118), log("call ended"))).toEqual([
      [1, "mobius", 403, 112],
      [2, "mobius", 403, 118],
    ]);
  });
});

describe("OkHttp successes logged without bodies above a failure", () => {
  it("leave the failure its own body below it", () => {
    const polls = Array.from({ length: 20 }, () => reply("200 OK"));
    expect(found(...polls, reply("403 Forbidden"), error(112))).toEqual([[21, "mobius", 403, 112]]);
  });

  it("leave each failure after them its own body, in order", () => {
    expect(found(reply("200 OK"), reply("403"), reply("403"), error(112), error(118))).toEqual([
      [2, "mobius", 403, 112],
      [3, "mobius", 403, 118],
    ]);
  });
});
