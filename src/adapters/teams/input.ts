// What a Teams message says once the bot's @mention is gone: prefers the text/html attachment
// (it keeps the line breaks of pasted code blocks) over `text`, and normalises either to plain text.
import type { Activity } from "botbuilder";
import { fileCount } from "./files.js";
import { teamsHtmlToText } from "./html.js";

export type ConversationKind = "personal" | "groupChat" | "channel";

export interface MessageInput {
  text: string;
  /** The bot was @mentioned in this message. */
  mentioned: boolean;
  conversation: ConversationKind;
  /** Files and images attached, which sipcode does not read. */
  files: number;
}

interface Mention {
  type?: string;
  mentioned?: { id?: string; name?: string };
  text?: string;
}

/** The texts the bot was mentioned as ("sipcode"), from the message's mention entities. */
export function botMentions(activity: Partial<Activity>): string[] {
  const botId = activity.recipient?.id;
  if (!botId) return [];
  const names: string[] = [];
  const entities: unknown = activity.entities;
  if (!Array.isArray(entities)) return [];
  for (const e of entities as Array<Mention | null>) {
    if (e?.type !== "mention" || e.mentioned?.id !== botId) continue;
    const inner = typeof e.text === "string" ? e.text.replace(/<\/?at\b[^>]*>/gi, "").trim() : "";
    const name = typeof e.mentioned.name === "string" ? e.mentioned.name : "";
    names.push(inner || name);
  }
  return names.filter(Boolean);
}

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const t = activity.conversation?.conversationType;
  if (t === "channel" || t === "groupChat") return t;
  return "personal";
}

/** The activity's text as a string: a malformed activity's number is read as typed, anything else as none. */
function textOf(text: unknown): string {
  if (typeof text === "string") return text;
  return typeof text === "number" && Number.isFinite(text) ? String(text) : "";
}

export function messageInput(activity: Partial<Activity>): MessageInput {
  const names = botMentions(activity);
  const attachments: unknown = activity.attachments;
  const html = Array.isArray(attachments)
    ? (attachments as Array<{ contentType?: unknown; content?: unknown } | null>).find(
        (a) => a?.contentType === "text/html" && typeof a.content === "string",
      )?.content
    : undefined;
  const source = typeof html === "string" ? html : textOf(activity.text);
  return {
    text: teamsHtmlToText(source, { dropMentions: names }),
    mentioned: names.length > 0,
    conversation: conversationKind(activity),
    files: fileCount(activity),
  };
}
