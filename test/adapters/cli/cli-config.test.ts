// The one-shot command and the shell read only the variables they use: a server setting that is
// wrong on the bot host does not stop a lookup there, while the server still refuses to start.
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";

async function run(args: string[], env: Record<string, string>, stdin = "") {
  vi.unstubAllEnvs();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const SERVER_ONLY: Record<string, string>[] = [
  { LOG_LEVEL: "INFO" },
  { SLACK_BOT_TOKEN: "xoxb-1" },
  { PORT: "http" },
  { MICROSOFT_APP_ID: "id" },
  { SLACK_API_URL: "not a url" },
];

describe("server settings and the command line", () => {
  it.each(SERVER_ONLY)("answers sipcode 488 with %o set", async (env) => {
    const r = await run(["488"], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here/);
    expect(r.err).toBe("");
  });

  it("answers in the shell and in timers too", async () => {
    const env = { LOG_LEVEL: "INFO", SLACK_BOT_TOKEN: "xoxb-1" };
    const shell = await run(["shell"], env, "486\nquit\n");
    expect(shell.code).toBe(0);
    expect(shell.out).toMatch(/SIP 486 Busy Here/);
    const timers = await run(["timers", "expires=600"], env);
    expect(timers.code).toBe(0);
    expect(timers.out).toMatch(/450 s/);
  });

  it("still refuses a variable the command line uses", async () => {
    const r = await run(["488"], { SIPCODE_MASK_PHONE_NUMBERS: "maybe" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/SIPCODE_MASK_PHONE_NUMBERS: use true or false/);
  });

  it.each(["serve", "start"])("sipcode %s refuses the bad server setting and names it", async (cmd) => {
    const level = await run([cmd], { LOG_LEVEL: "INFO" });
    expect(level.code).toBe(2);
    expect(level.err).toMatch(/Configuration problem: LOG_LEVEL/);
    const slack = await run([cmd], { SLACK_BOT_TOKEN: "xoxb-1" });
    expect(slack.code).toBe(2);
    expect(slack.err).toMatch(/SLACK_SIGNING_SECRET/);
  });
});
