// Slack's five-minute replay window, end to end: a correctly signed /sipcode dated too far from
// now, in the past or in the future, is refused with 401 before any answer is built.
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { postSigned, sign, slashCommand } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const now = () => Math.floor(Date.now() / 1000);

async function slashDated(offsetSeconds: number): Promise<Response> {
  const body = slashCommand("488");
  return postSigned(server, body, FORM, {}, sign(body, now() + offsetSeconds));
}

describe("the request timestamp", () => {
  it.each([
    ["six minutes old", -6 * 60],
    ["ten minutes ahead", 10 * 60],
    ["a day ahead", 24 * 3600],
  ])("refuses a signed command dated %s", async (_label, offset) => {
    const res = await slashDated(offset);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/SIP 488/);
  });

  it.each([
    ["now", 0],
    ["four minutes old", -4 * 60],
    ["four minutes ahead", 4 * 60],
  ])("answers a signed command dated %s", async (_label, offset) => {
    const res = await slashDated(offset);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/SIP 488/);
  });

  it("refuses a request whose timestamp is not a number", async () => {
    const body = slashCommand("488");
    const res = await postSigned(server, body, FORM, { "x-slack-request-timestamp": "soon" });
    expect(res.status).toBe(401);
  });
});
