// The CloudAdapter subclass: authentication failures become UnauthorizedError (401) before any turn
// runs, connector clients are reused per service URL, and onTurnError answers invokes properly.
import { type Activity, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import { describe, expect, it } from "vitest";
import { TeamsAdapter, turnErrorHandler, UnauthorizedError } from "../../../src/adapters/teams/adapter.js";
import { userMessageOf } from "../../../src/errors.js";
import { executeInvoke, invokeResult, memoryLogger, message, RecordingAdapter } from "./helpers.js";

const anonymous = () => new ConfigurationBotFrameworkAuthentication({});

describe("TeamsAdapter.run", () => {
  it("runs turns unauthenticated when no app id is configured (Emulator mode)", async () => {
    const adapter = new TeamsAdapter(anonymous(), memoryLogger().logger);
    let ran = false;
    await adapter.run("", message("personal", "488"), async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it("rejects a request without a valid token once an app id is configured, before the turn", async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: "00000000-0000-0000-0000-0000000000a1",
      MicrosoftAppPassword: "not-a-real-secret",
    });
    const adapter = new TeamsAdapter(auth, memoryLogger().logger);
    let ran = false;
    const logic = async () => {
      ran = true;
    };
    await expect(adapter.run("", message("personal", "488"), logic)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(adapter.run("Bearer nope", message("personal", "488"), logic)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(ran).toBe(false);
  });

  it("reuses one connector client per service URL across turns", async () => {
    const adapter = new TeamsAdapter(anonymous(), memoryLogger().logger);
    const clients: unknown[] = [];
    const grab = async (ctx: TurnContext) => {
      clients.push(ctx.turnState.get(adapter.ConnectorClientKey));
    };
    await adapter.run("", message("personal", "488"), grab);
    await adapter.run("", message("channel", "503"), grab);
    await adapter.run(
      "",
      { ...message("personal", "x"), serviceUrl: "https://smba.example.test/emea/" } as Activity,
      grab,
    );
    expect(clients[0]).toBeDefined();
    expect(clients[1]).toBe(clients[0]);
    expect(clients[2]).not.toBe(clients[0]);
  });
});

describe("turnErrorHandler", () => {
  const failing = (activity: Activity) => {
    const { logger, lines } = memoryLogger();
    const adapter = new RecordingAdapter(async () => {
      throw new Error("db password=hunter2 at /srv/x.ts:1");
    });
    adapter.onTurnError = turnErrorHandler(logger);
    return { run: () => adapter.processActivity(activity).then(() => adapter.drain()), lines };
  };

  it("answers a failed card action with a message-type invoke response", async () => {
    const { run, lines } = failing(executeInvoke("channel", "tick", { verb: "tick" }));
    const out = await run();
    expect(invokeResult(out)).toEqual({
      status: 200,
      body: {
        statusCode: 200,
        type: "application/vnd.microsoft.activity.message",
        value: userMessageOf(null),
      },
    });
    expect(JSON.stringify(out)).not.toContain("hunter2");
    expect(lines().some((l) => l.msg === "turn failed" && String(l.stack).includes("hunter2"))).toBe(true);
  });

  it("posts one sentence for a failed message", async () => {
    const { run } = failing(message("groupChat", "488"));
    const out = await run();
    expect(out.map((a) => a.text)).toEqual([userMessageOf(null)]);
  });
});
