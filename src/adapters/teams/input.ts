// What a Teams message says once the bot's @mention is gone: prefers the text/html attachment
// (it keeps the line breaks of pasted code blocks) over `text`, and normalises either to plain text.
import type { Activity } from "botbuilder";
import { teamsHtmlToText } from "./html.js";

export type ConversationKind = "personal" | "groupChat" | "channel";

export interface MessageInput {
  text: string;
  /** The bot was @mentioned in this message. */
  mentioned: boolean;
  conversation: ConversationKind;
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
  for (const e of (activity.entities ?? []) as Mention[]) {
    if (e.type !== "mention" || e.mentioned?.id !== botId) continue;
    const inner = (e.text ?? "").replace(/<\/?at\b[^>]*>/gi, "").trim();
    names.push(inner || e.mentioned.name || "");
  }
  return names.filter(Boolean);
}

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const t = activity.conversation?.conversationType;
  if (t === "channel" || t === "groupChat") return t;
  return "personal";
}

export function messageInput(activity: Partial<Activity>): MessageInput {
  const names = botMentions(activity);
  const html = activity.attachments?.find(
    (a) => a.contentType === "text/html" && typeof a.content === "string",
  )?.content as string | undefined;
  const source = html ?? activity.text ?? "";
  return {
    text: teamsHtmlToText(source, { dropMentions: names }),
    mentioned: names.length > 0,
    conversation: conversationKind(activity),
  };
}
