// The follow-up checklist as Slack checkboxes. Its whole state (items, who ticked each and when)
// lives in the message itself, in option values, so any replica can update it without a database.
import { type Block, clip, esc, SLACK_LIMITS, type SlackMessage } from "./block-kit.js";

export interface ChecklistItem {
  text: string;
  /** Slack user id of whoever ticked it. */
  by?: string;
  /** Unix seconds when it was ticked. */
  at?: number;
}
export interface Checklist {
  title: string;
  items: ChecklistItem[];
}

export const CHECKLIST_BLOCK = "sipcode_checklist";
const ITEM_MAX = SLACK_LIMITS.optionText * 2;

function unesc(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function option(item: ChecklistItem, i: number) {
  const text = clip(item.text, ITEM_MAX);
  const o: Record<string, unknown> = {
    text: { type: "plain_text", text: text.slice(0, SLACK_LIMITS.optionText) },
    value: `${i}|${item.by ?? ""}|${item.at ?? ""}`,
  };
  if (text.length > SLACK_LIMITS.optionText)
    o.description = { type: "plain_text", text: text.slice(SLACK_LIMITS.optionText) };
  return o;
}

export function checklistMessage(list: Checklist): SlackMessage {
  const items = list.items.slice(0, SLACK_LIMITS.checkboxOptions);
  const done = items.filter((i) => i.by).length;
  const options = items.map(option);
  const blocks: Block[] = [
    {
      type: "section",
      block_id: `${CHECKLIST_BLOCK}:title`,
      text: {
        type: "mrkdwn",
        text: clip(`:clipboard: *Follow-up checklist: ${esc(list.title)}*`, SLACK_LIMITS.sectionText),
      },
    },
    {
      type: "actions",
      block_id: `${CHECKLIST_BLOCK}:items`,
      elements: [
        {
          type: "checkboxes",
          action_id: "checklist_tick",
          options,
          ...(done > 0 ? { initial_options: options.filter((_, i) => items[i]?.by) } : {}),
        },
        {
          type: "button",
          action_id: "checklist_remind",
          text: { type: "plain_text", text: "Remind me in 15 min" },
          value: clip(list.title, 200),
        },
      ],
    },
  ];
  const ticked = items
    .map((item, i) =>
      item.by
        ? `✓ ${i + 1}. <@${item.by}>${item.at ? ` <!date^${item.at}^{time}|at ${new Date(item.at * 1000).toISOString().slice(11, 16)} UTC>` : ""}`
        : null,
    )
    .filter((x): x is string => x !== null);
  const status =
    done === items.length && items.length > 0
      ? `:white_check_mark: All ${items.length} checks done.`
      : `${done} of ${items.length} done.`;
  blocks.push({
    type: "context",
    block_id: `${CHECKLIST_BLOCK}:status`,
    elements: [{ type: "mrkdwn", text: clip([status, ...ticked].join("  ·  "), SLACK_LIMITS.contextText) }],
  });
  const lines = items.map((item, i) => `${item.by ? "[x]" : "[ ]"} ${i + 1}. ${item.text}`);
  return {
    blocks,
    text: clip(`Follow-up checklist: ${list.title}\n${lines.join("\n")}`, SLACK_LIMITS.messageText),
  };
}

interface OptionLike {
  text?: { text?: string };
  description?: { text?: string };
  value?: string;
}

/**
 * Rebuilds the checklist from the message Slack sends with a checkbox action, applying the new
 * selection: newly ticked items get this user and time, unticked ones lose theirs.
 */
export function applyTick(
  messageBlocks: unknown[],
  selected: OptionLike[],
  user: string,
  nowSec: number,
): Checklist | null {
  const blocks = messageBlocks as Array<{
    block_id?: string;
    text?: { text?: string };
    elements?: Array<{ type?: string; options?: OptionLike[] }>;
  }>;
  const titleBlock = blocks.find((b) => b.block_id === `${CHECKLIST_BLOCK}:title`);
  const itemsBlock = blocks.find((b) => b.block_id === `${CHECKLIST_BLOCK}:items`);
  const options = itemsBlock?.elements?.find((e) => e.type === "checkboxes")?.options;
  if (!titleBlock || !options) return null;
  const title = unesc(
    (titleBlock.text?.text ?? "").replace(/^:clipboard: \*Follow-up checklist: /, "").replace(/\*$/, ""),
  );
  const selectedIdx = new Map(selected.map((o) => [Number((o.value ?? "").split("|")[0]), o]));
  const items = options.map((o, i): ChecklistItem => {
    const text = `${o.text?.text ?? ""}${o.description?.text ?? ""}`;
    const [, by, at] = (o.value ?? "").split("|");
    if (!selectedIdx.has(i)) return { text };
    if (by) return { text, by, at: at ? Number(at) : undefined };
    return { text, by: user, at: nowSec };
  });
  return { title, items };
}
