// Teams reminders: the "remind" action (Execute and the Submit fallback) schedules a reminder in the
// Store, invalid action data gets one sentence, conversation references are stored cheaply, and the
// reminder loop posts the reminder into the same thread through a nock-faked Bot Connector.
import { type Activity, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TeamsAdapter, turnErrorHandler } from "../../../src/adapters/teams/adapter.js";
import { SipcodeTeamsBot } from "../../../src/adapters/teams/bot.js";
import { ConversationRefs, conversationKey } from "../../../src/adapters/teams/conversations.js";
import {
  INVALID_REMIND,
  type TeamsReminderPayload,
  teamsDeliverer,
} from "../../../src/adapters/teams/reminders.js";
import { metrics } from "../../../src/metrics/index.js";
import { MemoryStore } from "../../../src/store/memory.js";
import { ReminderLoop } from "../../../src/store/reminders.js";
import type { Reminder } from "../../../src/store/store.js";
import { catalog } from "../../helpers/catalog.js";
import {
  ALICE,
  actionsOf,
  CONVERSATIONS,
  cardOf,
  executeInvoke,
  invokeResult,
  type Kind,
  memoryLogger,
  message,
  RecordingAdapter,
  SERVICE_URL,
} from "./helpers.js";

const NOW = new Date("2025-03-01T02:10:00.123Z");
const CONNECTOR = "http://localhost:56150";

/** A bot wired like createTeamsPart: MemoryStore, ReminderLoop with a settable clock, a deliverer. */
function setup(store: MemoryStore = new MemoryStore()) {
  const { logger, lines } = memoryLogger();
  let clock = NOW.getTime();
  const loop = new ReminderLoop(store, logger, { now: () => clock });
  const conversations = new ConversationRefs(store, logger);
  const bot = new SipcodeTeamsBot({
    catalog: catalog(),
    logger,
    maskPhoneNumbers: true,
    autoExplain: false,
    secret: "test-secret",
    conversations,
    reminders: loop,
    now: () => NOW,
  });
  const adapter = new RecordingAdapter((ctx) => bot.run(ctx));
  adapter.onTurnError = turnErrorHandler(logger);
  const turn = async (a: Activity) => {
    await adapter.processActivity(a);
    return adapter.drain();
  };
  // The real adapter in the unauthenticated development mode: proactive sends go to the service URL.
  const teams = new TeamsAdapter(new ConfigurationBotFrameworkAuthentication({}), logger, {
    sleep: async () => {},
  });
  loop.register("teams", teamsDeliverer({ adapter: teams, appId: "", conversations, logger }));
  const pending = async () => (await store.lease("teams", Number.MAX_SAFE_INTEGER, 0, 100)) as Reminder[];
  return {
    store,
    loop,
    turn,
    lines,
    pending,
    at: (ms: number) => {
      clock = ms;
    },
  };
}

/** The remind actions a card offers, as { title, data }. */
function remindActions(card: unknown) {
  return actionsOf(card)
    .filter((a) => a.verb === "remind")
    .map((a) => ({ title: a.title, data: a.data as Record<string, unknown>, fallback: a.fallback }));
}

const notice = (out: Partial<Activity>[]) => String(invokeResult<{ value: unknown }>(out).body.value);

/** Captures the body of a proactive POST to a conversation (no reply-to id in the path). */
function connectorPost(conversationId: string, status = 201) {
  const bodies: Partial<Activity>[] = [];
  const scope = nock(CONNECTOR)
    .post(`/amer/v3/conversations/${encodeURIComponent(conversationId)}/activities`, (b) => {
      bodies.push(b);
      return true;
    })
    .reply(status, status < 300 ? { id: "reminder-1" } : { error: { code: "BotNotInConversationRoster" } });
  return { scope, bodies };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("reminder buttons on the cards", () => {
  it("offers 'Remind me in 15 min' beside the checklist, as Execute with the Submit fallback", async () => {
    const { turn } = setup();
    const [reply] = await turn(message("channel", "488"));
    const [remind, ...rest] = remindActions(cardOf(reply));
    expect(rest).toEqual([]);
    expect(remind?.title).toBe("Remind me in 15 min");
    expect(remind?.data).toEqual({
      verb: "remind",
      label: "follow-up checklist for SIP 488 Not Acceptable Here",
      afterSeconds: 900,
    });
    expect(remind?.fallback).toEqual({ type: "Action.Submit", title: remind?.title, data: remind?.data });
  });

  it("turns the timers card's computed refreshes into remind actions", async () => {
    const { turn } = setup();
    const [reply] = await turn(message("groupChat", "timers expires=3600 session-expires=1800"));
    expect(remindActions(cardOf(reply)).map((a) => [a.title, a.data])).toEqual([
      [
        "Remind me at the registration refresh (45 min)",
        { verb: "remind", label: "registration refresh due", afterSeconds: 2700 },
      ],
      [
        "Remind me at the session refresh (15 min)",
        { verb: "remind", label: "session refresh due", afterSeconds: 900 },
      ],
    ]);
  });
});

describe("the remind action", () => {
  it("schedules a reminder for the thread on Execute and answers with a confirmation notice", async () => {
    const { turn, pending } = setup();
    const [reply] = await turn(message("channel", "488"));
    const [remind] = remindActions(cardOf(reply));
    const out = await turn(executeInvoke("channel", "remind", remind?.data ?? {}, { replyToId: "card-1" }));
    expect(notice(out)).toBe(
      "I'll remind this thread at 02:25 UTC: follow-up checklist for SIP 488 Not Acceptable Here",
    );
    expect(out.filter((a) => a.type === "message")).toEqual([]);
    const [r, ...more] = await pending();
    expect(more).toEqual([]);
    expect(r).toMatchObject({
      platform: "teams",
      dueAt: NOW.getTime() + 900_000,
      attempts: 0,
      payload: {
        conversationId: "19:incident-channel@thread.tacv2",
        threadId: CONVERSATIONS.channel.id,
        label: "follow-up checklist for SIP 488 Not Acceptable Here",
        by: "Alice Example",
        byId: "29:alice",
      } satisfies TeamsReminderPayload,
    });
  });

  it("answers the Submit fallback with one message and schedules at the given delay", async () => {
    const { turn, pending } = setup();
    const value = { verb: "remind", label: "registration refresh due", afterSeconds: 2700 };
    const out = await turn(message("groupChat", "", { mention: false, value }));
    expect(out.map((a) => a.text)).toEqual(["I'll remind this chat at 02:55 UTC: registration refresh due"]);
    expect((await pending())[0]).toMatchObject({
      dueAt: NOW.getTime() + 2_700_000,
      payload: { threadId: CONVERSATIONS.groupChat.id, label: "registration refresh due" },
    });
  });

  it("shows seconds for short delays and says 'tomorrow' past midnight UTC", async () => {
    const { turn } = setup();
    const short = await turn(
      message("personal", "", { mention: false, value: { verb: "remind", label: "x", afterSeconds: 2 } }),
    );
    expect(short[0]?.text).toBe("I'll remind you here at 02:10:02 UTC: x");
    const late = await turn(
      message("personal", "", {
        mention: false,
        value: { verb: "remind", label: "x", afterSeconds: 86_400 },
      }),
    );
    expect(late[0]?.text).toBe("I'll remind you here at 02:10 UTC tomorrow: x");
  });

  it("sets one reminder when the same button is pressed twice in a row", async () => {
    const { turn, pending } = setup();
    const value = { verb: "remind", label: "registration refresh due", afterSeconds: 60 };
    await turn(message("groupChat", "", { mention: false, value }));
    await turn(message("groupChat", "", { mention: false, value }));
    expect(await pending()).toHaveLength(1);
  });

  it("starts a thread under a channel card whose conversation id has no ;messageid=", async () => {
    const { turn, pending } = setup();
    const root = { ...CONVERSATIONS.channel, id: "19:incident-channel@thread.tacv2" };
    const a = executeInvoke(
      "channel",
      "remind",
      { label: "x", afterSeconds: 60 },
      { replyToId: "1700000009999" },
    );
    await turn({ ...a, conversation: root } as Activity);
    expect((await pending())[0]?.payload.threadId).toBe(
      "19:incident-channel@thread.tacv2;messageid=1700000009999",
    );
  });

  const invalid: Array<[string, Record<string, unknown>]> = [
    ["no delay", { label: "x" }],
    ["zero seconds", { label: "x", afterSeconds: 0 }],
    ["more than a day", { label: "x", afterSeconds: 86_401 }],
    ["a fraction", { label: "x", afterSeconds: 1.5 }],
    ["a string delay", { label: "x", afterSeconds: "60" }],
    ["no label", { afterSeconds: 60 }],
    ["an empty label", { label: "", afterSeconds: 60 }],
    ["a long label", { label: "a".repeat(121), afterSeconds: 60 }],
    ["markdown", { label: "**urgent** [click](https://example.com)", afterSeconds: 60 }],
    ["a mention", { label: "<at>Everyone</at>", afterSeconds: 60 }],
    ["a line break", { label: "one\ntwo", afterSeconds: 60 }],
    ["a link", { label: "see http://example.com now", afterSeconds: 60 }],
    ["a label object", { label: { text: "x" }, afterSeconds: 60 }],
  ];
  it.each(invalid)("refuses %s with one sentence and schedules nothing", async (_label, data) => {
    const { turn, pending } = setup();
    const out = await turn(executeInvoke("channel", "remind", { verb: "remind", ...data }));
    expect(notice(out)).toBe(INVALID_REMIND);
    const fallback = await turn(
      message("channel", "", { mention: false, value: { verb: "remind", ...data } }),
    );
    expect(fallback.map((a) => a.text)).toEqual([INVALID_REMIND]);
    expect(await pending()).toEqual([]);
  });

  it("says so when the reminder cannot be stored", async () => {
    const store = new MemoryStore();
    store.schedule = async () => {
      throw new Error("store down");
    };
    const { turn } = setup(store);
    const out = await turn(executeInvoke("personal", "remind", { label: "x", afterSeconds: 60 }));
    expect(notice(out)).toMatch(/^I couldn't schedule that reminder just now/);
  });
});

describe("conversation references", () => {
  it("stores the reference per conversation (not per thread), without user or activity id", async () => {
    const { turn, store } = setup();
    await turn(message("channel", "488"));
    const ref = await store.getJson<Record<string, unknown>>(conversationKey(CONVERSATIONS.channel.id));
    expect(conversationKey(CONVERSATIONS.channel.id)).toBe("teams:conv:19:incident-channel@thread.tacv2");
    expect(ref).toEqual({
      channelId: "msteams",
      serviceUrl: SERVICE_URL,
      bot: { id: "28:00000000-0000-0000-0000-00000000b07", name: "sipcode" },
      conversation: {
        id: "19:incident-channel@thread.tacv2",
        conversationType: "channel",
        tenantId: "tenant-1",
        isGroup: true,
        name: "",
      },
    });
  });

  it("writes only when the reference changed", async () => {
    const store = new MemoryStore();
    const writes: string[] = [];
    const set = store.setJson.bind(store);
    store.setJson = (key, value, ttl) => {
      writes.push(key);
      return set(key, value, ttl);
    };
    const { turn } = setup(store);
    for (const kind of ["channel", "channel", "groupChat", "channel", "groupChat"] as Kind[])
      await turn(message(kind, "488"));
    expect(writes).toEqual([
      "teams:conv:19:incident-channel@thread.tacv2",
      "teams:conv:19:group-chat@thread.v2",
    ]);
    await turn({ ...message("channel", "488"), serviceUrl: "https://smba.example.test/emea/" } as Activity);
    expect(writes).toHaveLength(3);
  });

  it("never fails a turn when the write fails, and tries again on the next turn", async () => {
    const store = new MemoryStore();
    let fail = true;
    const set = store.setJson.bind(store);
    store.setJson = async (key, value, ttl) => {
      if (fail) throw new Error("redis away");
      return set(key, value, ttl);
    };
    const before = metrics.storeErrors.value({ op: "conversation" });
    const { turn, lines } = setup(store);
    const [reply] = await turn(message("personal", "488"));
    expect(cardOf(reply)).toBeDefined();
    expect(metrics.storeErrors.value({ op: "conversation" })).toBe(before + 1);
    expect(lines().some((l) => l.msg === "could not store the conversation reference")).toBe(true);
    fail = false;
    await turn(message("personal", "488"));
    expect(await store.getJson(conversationKey(CONVERSATIONS.personal.id))).toBeDefined();
  });
});

describe("delivery through the reminder loop", () => {
  it("posts the reminder into the same channel thread when it is due, once", async () => {
    const { turn, loop, at, store } = setup();
    await turn(executeInvoke("channel", "remind", { label: "registration refresh due", afterSeconds: 2700 }));
    const { scope, bodies } = connectorPost(CONVERSATIONS.channel.id);
    at(NOW.getTime() + 2_699_000);
    await loop.poll();
    expect(bodies).toEqual([]);
    at(NOW.getTime() + 2_700_000);
    await loop.poll();
    expect(scope.isDone()).toBe(true);
    expect(bodies[0]).toMatchObject({
      type: "message",
      text: "⏰ Reminder for <at>Alice Example</at>: registration refresh due",
      entities: [
        {
          type: "mention",
          text: "<at>Alice Example</at>",
          mentioned: { id: "29:alice", name: "Alice Example" },
        },
      ],
      conversation: { id: CONVERSATIONS.channel.id },
      from: { id: "28:00000000-0000-0000-0000-00000000b07" },
    });
    expect(bodies[0]?.replyToId).toBeUndefined();
    expect(await store.pending()).toBe(0);
    await loop.poll();
    expect(bodies).toHaveLength(1);
  });

  it("posts into a personal chat with the asker's name", async () => {
    const { turn, loop, at } = setup();
    await turn(
      message("personal", "", {
        mention: false,
        from: { ...ALICE, name: "Zoë O'Brien" },
        value: { verb: "remind", label: "session refresh due", afterSeconds: 5 },
      }),
    );
    const { scope, bodies } = connectorPost(CONVERSATIONS.personal.id);
    at(NOW.getTime() + 5_000);
    await loop.poll();
    expect(scope.isDone()).toBe(true);
    expect(bodies[0]?.text).toBe("⏰ Reminder for <at>Zoë O'Brien</at>: session refresh due");
    expect(bodies[0]?.entities).toEqual([
      { type: "mention", text: "<at>Zoë O'Brien</at>", mentioned: { id: "29:alice", name: "Zoë O'Brien" } },
    ]);
  });

  it("names the asker in plain text when the reminder carries no user id", async () => {
    const { turn, loop, at } = setup();
    // Any message stores the conversation reference a reminder is posted with.
    await turn(message("personal", "488"));
    await loop.schedule({
      id: "teams:older",
      platform: "teams",
      dueAt: NOW.getTime(),
      payload: {
        conversationId: CONVERSATIONS.personal.id,
        threadId: CONVERSATIONS.personal.id,
        label: "check the trunk",
        by: "Alice Example",
      },
    });
    const { scope, bodies } = connectorPost(CONVERSATIONS.personal.id);
    at(NOW.getTime());
    await loop.poll();
    expect(scope.isDone()).toBe(true);
    expect(bodies[0]).toMatchObject({
      text: "⏰ Reminder for Alice Example: check the trunk",
      textFormat: "plain",
    });
    expect(bodies[0]?.entities).toBeUndefined();
  });

  it("retries later when no conversation reference is stored", async () => {
    const { loop, at, store, lines } = setup();
    await loop.schedule({
      id: "teams:orphan",
      platform: "teams",
      dueAt: NOW.getTime(),
      payload: { conversationId: "a:gone", threadId: "a:gone", label: "x", by: "" },
    });
    at(NOW.getTime());
    await loop.poll();
    expect(await store.pending()).toBe(1);
    const [r] = await store.lease("teams", Number.MAX_SAFE_INTEGER, 0, 1);
    expect(r?.attempts).toBe(1);
    expect(JSON.stringify(lines().find((l) => l.msg === "reminder delivery failed; will retry"))).toContain(
      "no stored conversation reference",
    );
  });

  it("counts a refused send in the API error metric and drops the reminder (the bot was removed)", async () => {
    const { turn, loop, at, store } = setup();
    await turn(executeInvoke("groupChat", "remind", { label: "x", afterSeconds: 60 }));
    const before = metrics.apiErrors.value({ platform: "teams", code: "403" });
    const { scope } = connectorPost(CONVERSATIONS.groupChat.id, 403);
    at(NOW.getTime() + 60_000);
    await loop.poll();
    expect(scope.isDone()).toBe(true);
    expect(metrics.apiErrors.value({ platform: "teams", code: "403" })).toBe(before + 1);
    // Retrying a 403 cannot help: the reminder is dropped at once instead of five times later.
    expect(await store.pending()).toBe(0);
  });
});
