// Shared by the Teams tests: realistic Teams activities for each conversation type, a TestAdapter
// that records in-place updates, a log sink, and the official Adaptive Cards parser as a validator.
import { createRequire } from "node:module";
import { type Activity, TestAdapter, type TurnContext } from "botbuilder";
import { createLogger, type Logger } from "../../../src/log.js";

export const BOT = { id: "28:00000000-0000-0000-0000-00000000b07", name: "sipcode" };
export const ALICE = { id: "29:alice", name: "Alice Example", aadObjectId: "aad-alice" };
export const BOB = { id: "29:bob", name: "Bob Builder", aadObjectId: "aad-bob" };
// The Agents Playground's address: without credentials the bot serves only a serviceUrl on this machine.
export const SERVICE_URL = "http://localhost:56150/amer/";
export type Kind = "personal" | "groupChat" | "channel";

export const CONVERSATIONS: Record<Kind, Activity["conversation"]> = {
  personal: {
    id: "a:1personal-chat",
    conversationType: "personal",
    tenantId: "tenant-1",
    isGroup: false,
    name: "",
  },
  groupChat: {
    id: "19:group-chat@thread.v2",
    conversationType: "groupChat",
    tenantId: "tenant-1",
    isGroup: true,
    name: "",
  },
  channel: {
    id: "19:incident-channel@thread.tacv2;messageid=1700000000000",
    conversationType: "channel",
    tenantId: "tenant-1",
    isGroup: true,
    name: "",
  },
};

let nextId = 1700000000100;

/** A Teams message; with `mention` it starts with "<at>sipcode</at>" and carries the mention entity. */
export function message(
  kind: Kind,
  text: string,
  opts: { mention?: boolean; html?: string; from?: typeof ALICE; value?: unknown; replyToId?: string } = {},
): Activity {
  const mention = opts.mention ?? kind !== "personal";
  return {
    type: "message",
    id: String(nextId++),
    channelId: "msteams",
    serviceUrl: SERVICE_URL,
    timestamp: new Date(),
    from: opts.from ?? ALICE,
    recipient: BOT,
    conversation: CONVERSATIONS[kind],
    textFormat: "plain",
    text: mention ? `<at>sipcode</at> ${text}` : text,
    entities: mention ? [{ type: "mention", mentioned: BOT, text: "<at>sipcode</at>" }] : [],
    attachments: opts.html ? [{ contentType: "text/html", content: opts.html }] : [],
    channelData:
      kind === "channel"
        ? { channel: { id: "19:incident-channel@thread.tacv2" }, tenant: { id: "tenant-1" } }
        : { tenant: { id: "tenant-1" } },
    ...(opts.value === undefined ? {} : { value: opts.value }),
    ...(opts.replyToId ? { replyToId: opts.replyToId } : {}),
  } as unknown as Activity;
}

export function invoke(
  kind: Kind,
  name: string,
  value: unknown,
  opts: { from?: typeof ALICE; replyToId?: string } = {},
): Activity {
  return {
    ...message(kind, "", { mention: false, from: opts.from }),
    type: "invoke",
    name,
    text: undefined,
    value,
    ...(opts.replyToId ? { replyToId: opts.replyToId } : {}),
  } as unknown as Activity;
}

/** The Action.Execute invoke Teams sends when a card button is pressed; inputs merge into data. */
export function executeInvoke(
  kind: Kind,
  verb: string,
  data: Record<string, unknown>,
  opts: { from?: typeof ALICE; replyToId?: string } = {},
) {
  return invoke(
    kind,
    "adaptiveCard/action",
    { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
    opts,
  );
}

export class RecordingAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];
  override async updateActivity(_context: TurnContext, activity: Partial<Activity>) {
    this.updates.push(activity);
    return { id: activity.id ?? "" };
  }
  /** Everything the bot sent this turn, oldest first, removed from the queue. */
  drain(): Partial<Activity>[] {
    return this.activeQueue.splice(0);
  }
}

export function memoryLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const out: string[] = [];
  const logger = createLogger("debug", {}, (l) => out.push(l));
  return { logger, lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** The invoke response the bot produced during a turn (fails the test when there is none). */
export function invokeResult<B = unknown>(out: Partial<Activity>[]): { status: number; body: B } {
  const r = out.find((a) => a.type === "invokeResponse")?.value as { status: number; body: B } | undefined;
  if (!r) throw new Error("the bot sent no invoke response");
  return r;
}

/** The first Adaptive Card in an activity, or undefined. */
export function cardOf(a: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const att = a?.attachments?.find((x) => x.contentType === "application/vnd.microsoft.card.adaptive");
  return att?.content as Record<string, unknown> | undefined;
}

// adaptivecards' ESM entry is broken in Node; its UMD bundle loads fine through require.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as {
  AdaptiveCard: new () => {
    parse(json: unknown, ctx: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Every parse warning/error and validation event the official renderer library reports. */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(json, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

/** All TextBlock texts and toggle titles in a card, for content assertions. */
export function cardText(json: unknown): string {
  const parts: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      const o = x as Record<string, unknown>;
      if (typeof o.text === "string") parts.push(o.text);
      if (o.type === "Input.Toggle" && typeof o.title === "string") parts.push(o.title);
      if (Array.isArray(o.facts))
        for (const f of o.facts as Array<{ title: string; value: string }>)
          parts.push(`${f.title}: ${f.value}`);
      for (const [k, v] of Object.entries(o)) if (k !== "fallback" && k !== "data") walk(v);
    }
  };
  walk(json);
  return parts.join("\n");
}

/** Every action in a card (ActionSets and top level), without their fallbacks. */
export function actionsOf(json: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      const o = x as Record<string, unknown>;
      if (typeof o.type === "string" && o.type.startsWith("Action.")) out.push(o);
      for (const [k, v] of Object.entries(o)) if (k !== "fallback") walk(v);
    }
  };
  walk(json);
  return out;
}
