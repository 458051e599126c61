// The Teams bot through botbuilder's TestAdapter: every command in personal chats, group chats and
// channel threads, checklist ticks (Execute and the Submit fallback), "open" buttons, the compose
// search, auto-explain on/off, and onTurnError's single user-facing sentence.
import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { turnErrorHandler } from "../../../src/adapters/teams/adapter.js";
import { SipcodeTeamsBot, type TeamsBotOptions } from "../../../src/adapters/teams/bot.js";
import type { Catalog } from "../../../src/catalog/indexes.js";
import { userMessageOf } from "../../../src/errors.js";
import { catalog } from "../../helpers/catalog.js";
import {
  ALICE,
  actionsOf,
  adaptiveCardProblems,
  BOB,
  BOT,
  CONVERSATIONS,
  cardOf,
  cardText,
  executeInvoke,
  invoke,
  invokeResult,
  type Kind,
  memoryLogger,
  message,
  RecordingAdapter,
} from "./helpers.js";

const TRACE = [
  "INVITE sip:+14155550100@pbx.example.com SIP/2.0",
  "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776asdhds",
  'From: "Alice" <sip:alice@example.com>;tag=1928301774',
  "To: <sip:+14155550100@pbx.example.com>",
  "Call-ID: a84b4c76e66710@pc33.example.com",
  "CSeq: 314159 INVITE",
  "",
  "SIP/2.0 100 Trying",
  "CSeq: 314159 INVITE",
  "",
  "SIP/2.0 488 Not Acceptable Here",
  "CSeq: 314159 INVITE",
  'Reason: Q.850;cause=65;text="bearer capability not implemented"',
].join("\n");

function setup(opts: Partial<TeamsBotOptions> = {}, cat: Catalog = catalog()) {
  const { logger, lines } = memoryLogger();
  const bot = new SipcodeTeamsBot({
    catalog: cat,
    logger,
    maskPhoneNumbers: true,
    autoExplain: false,
    secret: "test-secret",
    now: () => new Date("2025-03-01T02:10:00.123Z"),
    ...opts,
  });
  const adapter = new RecordingAdapter((ctx) => bot.run(ctx));
  adapter.onTurnError = turnErrorHandler(logger);
  const turn = async (a: Activity) => {
    await adapter.processActivity(a);
    return adapter.drain();
  };
  return { adapter, turn, lines };
}

const title = (a: Partial<Activity> | undefined) => {
  const body = (cardOf(a)?.body ?? []) as Array<{ items?: Array<{ text?: string }> }>;
  return body[0]?.items?.[0]?.text;
};

describe.each<Kind>(["personal", "groupChat", "channel"])("in a %s conversation", (kind) => {
  const cases: Array<[string, string, RegExp]> = [
    ["a code", "488", /^SIP 488 Not Acceptable Here$/],
    ["a pasted log", TRACE, /^First failure: SIP 488/],
    ["timers", "timers", /^SIP and Webex Calling timers$/],
    ["help", "help", /^sipcode: telecom error codes, explained$/],
    ["an unknown code", "999", /^No entry for "999"$/],
    ["an empty mention", "", /^sipcode: telecom error codes, explained$/],
  ];
  it.each(cases)("answers %s with one card, in the same thread", async (_label, text, expected) => {
    const { turn } = setup();
    const incoming = message(kind, text);
    const replies = await turn(incoming);
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(title(reply)).toMatch(expected);
    expect(reply?.conversation?.id).toBe(CONVERSATIONS[kind].id);
    expect(reply?.replyToId).toBe(incoming.id);
    expect(reply?.text).toBeUndefined();
    expect(adaptiveCardProblems(cardOf(reply))).toEqual([]);
  });
});

describe("messages", () => {
  it("keeps channel replies in the thread (conversation id with ;messageid=)", async () => {
    const { turn } = setup();
    const [reply] = await turn(message("channel", "488"));
    expect(reply?.conversation?.id).toMatch(/;messageid=1700000000000$/);
  });

  it("shows @sipcode in the Teams help card", async () => {
    const { turn } = setup();
    const [reply] = await turn(message("personal", "help"));
    expect(cardText(cardOf(reply))).toContain("@sipcode 488");
  });

  it("reads a trace pasted as <pre> HTML with the mention as a Teams mention span", async () => {
    const { turn } = setup();
    const esc = TRACE.replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
    const html = `<p><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">sipcode</span>&nbsp;</p><pre class="language-plaintext"><code>${esc}</code></pre>`;
    const [reply] = await turn(message("channel", "ignored", { html }));
    expect(title(reply)).toBe("First failure: SIP 488 Not Acceptable Here");
    // Same line numbers as the raw 13-line trace: nothing was added or merged by the HTML.
    expect(cardText(cardOf(reply))).toContain(
      "in 13 lines. The first failure is SIP 488 Not Acceptable Here on line 11",
    );
  });

  it("stays quiet in channels without a mention when auto-explain is off", async () => {
    const { turn } = setup({ autoExplain: false });
    expect(await turn(message("channel", TRACE, { mention: false }))).toEqual([]);
  });

  it("auto-explains a code-bearing log in a channel thread when on, and only that", async () => {
    const { turn } = setup({ autoExplain: true });
    const [reply, ...rest] = await turn(message("channel", TRACE, { mention: false }));
    expect(rest).toEqual([]);
    expect(title(reply)).toMatch(/^First failure: SIP 488/);
    expect(reply?.conversation?.id).toBe(CONVERSATIONS.channel.id);
    expect(await turn(message("channel", "anyone seen 488s today?", { mention: false }))).toEqual([]);
    expect(await turn(message("channel", "line one\nline two\nno codes here", { mention: false }))).toEqual(
      [],
    );
  });

  it("welcomes a user who installs it in a personal chat", async () => {
    const { turn } = setup();
    const add = { ...message("personal", ""), type: "conversationUpdate", membersAdded: [BOT] } as Activity;
    const [reply] = await turn(add);
    expect(title(reply)).toBe("sipcode: telecom error codes, explained");
  });
});

/** The tick action's data from a card, with the toggles set as a client would merge them in. */
function tickData(card: unknown, on: number[]): Record<string, unknown> {
  const tick = actionsOf(card).find((a) => a.verb === "tick");
  const data = { ...(tick?.data as Record<string, unknown>) };
  for (let i = 0; i < 10; i++) data[`check-${i}`] = on.includes(i) ? "true" : "false";
  return data;
}

describe("checklist ticks", () => {
  it("answers the Execute invoke with the refreshed card and updates the message in place", async () => {
    const { turn, adapter } = setup();
    const [first] = await turn(message("channel", "488"));
    const out = await turn(
      executeInvoke("channel", "tick", tickData(cardOf(first), [0]), { from: BOB, replyToId: "card-1" }),
    );
    const response = invokeResult<{ type: string; value: unknown }>(out);
    expect(response.status).toBe(200);
    expect(response.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(response.body.value)).toContain("✓ Bob Builder · {{DATE(2025-03-01T02:10:00Z, SHORT)}}");
    expect(adapter.updates).toHaveLength(1);
    expect(adapter.updates[0]?.id).toBe("card-1");
    expect(cardText(cardOf(adapter.updates[0]))).toContain("✓ Bob Builder");
    expect(adaptiveCardProblems(response.body.value)).toEqual([]);

    // Alice ticks the rest on the updated card: Bob's tick keeps its name and time.
    const all = Array.from({ length: 10 }, (_, i) => i);
    const again = await turn(
      executeInvoke("channel", "tick", tickData(response.body.value, all), {
        from: ALICE,
        replyToId: "card-1",
      }),
    );
    const text = cardText(invokeResult<{ value: unknown }>(again).body.value);
    expect(text).toContain("✓ Bob Builder");
    expect(text).toContain("✓ Alice Example");
    expect(text).toMatch(/✅ All \d+ checks done\./);
  });

  it("rebuilds a pasted-log card from its signed snapshot, and refuses a tampered one", async () => {
    const { turn } = setup();
    const [first] = await turn(message("channel", TRACE));
    const data = tickData(cardOf(first), [1]);
    expect(String(data.ref)).toMatch(/^z:/);
    const out = await turn(executeInvoke("channel", "tick", data, { replyToId: "card-2" }));
    const body = invokeResult<{ value: unknown }>(out).body;
    expect(cardText(body.value)).toContain("First failure: SIP 488");
    expect(cardText(body.value)).toContain("✓ Alice Example");

    const tampered = { ...data, ref: String(data.ref).replace(/^z:./, "z:A") };
    const bad = await turn(executeInvoke("channel", "tick", tampered, { replyToId: "card-2" }));
    const badBody = invokeResult<{ type: string; value: unknown }>(bad).body;
    expect(badBody).toMatchObject({ type: "application/vnd.microsoft.activity.message" });
    expect(String(badBody.value)).toMatch(/can't update this checklist/);
  });

  it("handles the Action.Submit fallback: updates the message, posts nothing new", async () => {
    const { turn, adapter } = setup();
    const [first] = await turn(message("groupChat", "488"));
    const out = await turn(
      message("groupChat", "", {
        mention: false,
        value: tickData(cardOf(first), [0, 2]),
        replyToId: "card-3",
      }),
    );
    expect(out).toEqual([]);
    expect(adapter.updates.map((u) => u.id)).toEqual(["card-3"]);
    expect(cardText(cardOf(adapter.updates[0])).match(/✓ Alice Example/g)).toHaveLength(2);
  });
});

describe("open buttons", () => {
  it("replies with the entry's card on Execute and answers the invoke with a notice", async () => {
    const { turn } = setup();
    const out = await turn(
      executeInvoke("channel", "open", { verb: "open", id: "sip/415" }, { replyToId: "card-4" }),
    );
    const posted = out.find((a) => a.type === "message");
    expect(title(posted)).toBe("SIP 415 Unsupported Media Type");
    expect(posted?.conversation?.id).toBe(CONVERSATIONS.channel.id);
    const response = invokeResult<{ type: string }>(out);
    expect(response.body.type).toBe("application/vnd.microsoft.activity.message");
  });

  it("replies with the entry's card on the Submit fallback, without an extra notice", async () => {
    const { turn } = setup();
    const out = await turn(
      message("personal", "", { mention: false, value: { verb: "open", id: "q850/16" } }),
    );
    expect(out).toHaveLength(1);
    expect(title(out[0])).toMatch(/^Q\.850 cause 16/);
  });

  it("labels related-entry buttons with the entry's name", async () => {
    const { turn } = setup();
    const [reply] = await turn(message("personal", "488"));
    const related = actionsOf(cardOf(reply)).find((a) => (a.data as { id?: string })?.id === "sip/415");
    expect(related?.title).toBe("SIP 415 Unsupported Media Type");
  });
});

describe("compose-box search", () => {
  const query = (value?: string, commandId = "lookupCode") =>
    invoke("personal", "composeExtension/query", {
      commandId,
      parameters: value === undefined ? [{ name: "initialRun", value: "true" }] : [{ name: "query", value }],
      queryOptions: { skip: 0, count: 25 },
    });
  type Result = {
    composeExtension: {
      type: string;
      text?: string;
      attachments?: Array<{
        contentType: string;
        content: unknown;
        preview: { contentType: string; content: { title: string } };
      }>;
    };
  };
  const result = (out: Partial<Activity>[]) => invokeResult<Result>(out).body;

  it("lists matching entries as thumbnails that insert the full Adaptive Card", async () => {
    const { turn } = setup();
    const r = result(await turn(query("488")));
    expect(r.composeExtension.type).toBe("result");
    const [first] = r.composeExtension.attachments ?? [];
    expect(first?.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
    expect(first?.preview.content.title).toBe("SIP 488 Not Acceptable Here");
    expect(first?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(adaptiveCardProblems(first?.content)).toEqual([]);
  });

  it("finds entries by words and shows popular codes before anything is typed", async () => {
    const { turn } = setup();
    const words = result(await turn(query("one way audio")));
    expect(words.composeExtension.attachments?.[0]?.preview.content.title).toMatch(/one.way audio/i);
    const initial = result(await turn(query()));
    expect(initial.composeExtension.attachments?.length).toBeGreaterThanOrEqual(5);
  });

  it("keeps every response well under Teams' payload limit, however broad the query", async () => {
    const { turn } = setup();
    for (const q of ["403", "503", "mobius", "acs", "call", ""]) {
      const r = result(await turn(query(q)));
      expect(r.composeExtension.attachments?.length, q).toBeGreaterThan(0);
      expect(JSON.stringify(r).length, q).toBeLessThan(70_000);
    }
  });

  it("says so when nothing matches or the command is unknown", async () => {
    const { turn } = setup();
    expect(result(await turn(query("qqqqzzzz xxyyzz"))).composeExtension).toMatchObject({ type: "message" });
    expect(result(await turn(query("488", "somethingElse"))).composeExtension).toMatchObject({
      type: "message",
    });
  });
});

describe("onTurnError", () => {
  const exploding = () =>
    new Proxy(catalog(), {
      get(target, prop, receiver) {
        if (prop === "byCode") throw new Error("boom at /srv/sipcode/secret.ts:12");
        return Reflect.get(target, prop, receiver);
      },
    });

  it("logs the detail and tells the user one helpful sentence, never developer text", async () => {
    const { turn, lines } = setup({}, exploding());
    const replies = await turn(message("channel", "488"));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toBe(userMessageOf(new Error("x")));
    expect(JSON.stringify(replies)).not.toContain("boom");
    expect(replies[0]?.conversation?.id).toBe(CONVERSATIONS.channel.id);
    const logged = lines().find((l) => l.msg === "turn failed");
    expect(JSON.stringify(logged)).toContain("boom");
  });

  it("answers a failed compose search with the same sentence as a compose message", async () => {
    const { turn } = setup({}, exploding());
    const out = await turn(
      invoke("personal", "composeExtension/query", {
        commandId: "lookupCode",
        parameters: [{ name: "query", value: "488" }],
      }),
    );
    expect(invokeResult(out)).toEqual({
      status: 200,
      body: { composeExtension: { type: "message", text: userMessageOf(null) } },
    });
  });
});
