// Direct messages between people (a DM, or a group DM) are conversations the bot is not part of,
// and nobody can invite it into one: a checklist thread cannot be posted there, so the card offers
// none and an old button says where checklists can go. The bot's own DM is told apart in own-dm.ts.

/** What Slack says about the conversation a command or click came from. */
export interface Conversation {
  id?: string;
  name?: string;
}

/** A DM (ids start with D, named "directmessage") or a group DM (named "mpdm-…"). */
export function isDirectMessage(c: Conversation | undefined): boolean {
  if (!c) return false;
  return (c.id ?? "").startsWith("D") || c.name === "directmessage" || (c.name ?? "").startsWith("mpdm-");
}

/** Told to whoever clicked "Post checklist in thread" on a card in a DM the bot cannot post in. */
export const DIRECT_CHECKLIST_NOTE =
  "Checklists need a channel I'm in, and a direct message between people has no room for me. " +
  "Ask `/sipcode` in your incident channel (invite me there with `/invite @sipcode` if needed) and post the checklist from that answer.";
