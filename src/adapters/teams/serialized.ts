// Cached cards are sent again and again (an incident brings the same question from many people), so
// their JSON is worked out once: a reply body is serialised with each known card swapped for a
// placeholder, and the card's stored JSON is put back in its place. The output is exactly what
// JSON.stringify(body) would give.
import { randomUUID } from "node:crypto";

const stored = new WeakMap<object, string>();
/** Per process and unguessable, so no text inside a reply can pass for a placeholder. */
const MARK = `sipcode-card:${randomUUID()}:`;

/** Remembers the JSON of a card that will not change again; returns its length. */
export function storeJson(card: object): number {
  const json = JSON.stringify(card);
  stored.set(card, json);
  return json.length;
}

interface Attachment {
  content?: unknown;
}

/** JSON.stringify(body), reusing the stored JSON of the cards attached to its activities. */
export function stringifyReply(body: unknown): string {
  const activities = (body as { activities?: unknown } | null)?.activities;
  if (!Array.isArray(activities)) return JSON.stringify(body);
  const parts: string[] = [];
  const swap = (a: Attachment) => {
    const json = typeof a?.content === "object" && a.content !== null ? stored.get(a.content) : undefined;
    if (json === undefined) return a;
    parts.push(json);
    return { ...a, content: `${MARK}${parts.length - 1}` };
  };
  const swapped = activities.map((act: { attachments?: unknown }) =>
    Array.isArray(act?.attachments) ? { ...act, attachments: act.attachments.map(swap) } : act,
  );
  if (parts.length === 0) return JSON.stringify(body);
  const text = JSON.stringify({ ...(body as object), activities: swapped });
  let out = "";
  let from = 0;
  for (let i = 0; i < parts.length; i++) {
    const mark = `"${MARK}${i}"`;
    const at = text.indexOf(mark, from);
    if (at < 0) return JSON.stringify(body);
    out += text.slice(from, at) + parts[i];
    from = at + mark.length;
  }
  return out + text.slice(from);
}
