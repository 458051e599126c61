// The text a Slack message shows people, wherever its author put it. Monitoring bots (Grafana,
// Alertmanager, PagerDuty) put an alert in legacy attachments or Block Kit blocks and leave `text`
// empty or as a one-line notification fallback ("New alert"), so reading `text` alone misses it.
import { slackToPlain, textOf } from "./text.js";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
/** A text object ({type, text}) or a plain string, unescaped. */
const plain = (v: unknown): string => slackToPlain(textOf(isObj(v) ? v.text : v));

/**
 * Everything a message says, one part a line. Blocks are what Slack shows when a message has
 * them, and `text` is then only their fallback, so `text` is read only when the blocks hold no
 * words of their own; a person's message (rich_text blocks only) is read from `text`, which is
 * the same words. Attachments are shown besides both, so they are always read.
 */
export function messageText(message: unknown): string {
  const msg = isObj(message) ? message : {};
  const parts: string[] = [];
  const blocks = list(msg.blocks);
  const text = plain(msg.text);
  const laidOut = blocks.filter((b) => b.type !== "rich_text").flatMap(blockText);
  if (laidOut.length > 0)
    parts.push(...laidOut, ...blocks.filter((b) => b.type === "rich_text").flatMap(blockText));
  else if (text !== "") parts.push(text);
  else parts.push(...blocks.flatMap(blockText));
  for (const a of list(msg.attachments)) parts.push(...attachmentText(a));
  // The same words twice (a title repeated as its fallback, an attachment quoting the message)
  // would count every code in them twice.
  const seen = new Set<string>();
  return parts
    .filter((p) => {
      const key = p.replace(/\s+/g, " ").trim();
      if (key === "" || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .join("\n");
}

/** A legacy attachment: its words, or its fallback when it has none. Link previews are skipped. */
function attachmentText(a: Obj): string[] {
  // A web page's preview (from_url without a shared message) is the page's blurb, not the alert.
  if (a.from_url && !a.is_msg_unfurl && !a.is_share && !a.is_app_unfurl) return [];
  const parts = [plain(a.pretext), plain(a.title), plain(a.text)];
  for (const f of list(a.fields)) {
    const title = plain(f.title);
    const value = plain(f.value);
    parts.push(title && value ? `${title}: ${value}` : title || value);
  }
  parts.push(...list(a.blocks).flatMap(blockText));
  const words = parts.filter((p) => p !== "");
  return words.length > 0 ? words : [plain(a.fallback)];
}

/** The words of one Block Kit block (section, header, context, markdown, rich_text). */
function blockText(b: Obj): string[] {
  switch (b.type) {
    case "section":
      return [plain(b.text), ...list(b.fields).map(plain)];
    case "header":
    case "markdown":
      return [plain(b.text)];
    case "context":
      return list(b.elements)
        .filter((e) => e.type === "mrkdwn" || e.type === "plain_text")
        .map(plain);
    case "rich_text":
      return [list(b.elements).map(richText).join("\n")];
    default:
      return [];
  }
}

/** A rich_text element as the words it shows (mentions of people and channels say nothing here). */
function richText(e: Obj): string {
  switch (e.type) {
    case "text":
      return textOf(e.text);
    case "link": {
      const url = textOf(e.url);
      const label = textOf(e.text);
      return label && label !== url ? `${label} (${url})` : url;
    }
    case "emoji":
      return `:${textOf(e.name)}:`;
    case "rich_text_section":
    case "rich_text_quote":
      return list(e.elements).map(richText).join("");
    case "rich_text_preformatted":
      return `${list(e.elements).map(richText).join("")}\n`;
    case "rich_text_list":
      return list(e.elements).map(richText).join("\n");
    default:
      return "";
  }
}
