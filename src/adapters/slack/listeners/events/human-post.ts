// Which message events are a person posting: bots (sipcode's own replies included) are never
// answered, so two bots cannot answer each other for ever, and edits, deletions, joins and the
// like are no new message to explain.

/** The fields of a message event that say who posted it and how. */
export interface PostedMessage {
  subtype?: string;
  bot_id?: string;
}

/** A person's new message: no bot, and no subtype but a file share or a reply also sent to the channel. */
export function isHumanPost(m: PostedMessage): boolean {
  if (m.bot_id) return false;
  return !m.subtype || m.subtype === "file_share" || m.subtype === "thread_broadcast";
}
