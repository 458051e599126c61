// The follow-up checklist as Slack checkboxes. Its whole state (items, who ticked each and when) is
// written into the message, in option values, so a click can always be read back without a database;
// the listener also keeps a copy in the Store and merges the two, as the clicker's copy may be out of
// date and the stored one may be too.
import { applyMarks, type Cleared, type Marks, mergeMarks } from "../store/tick-merge.js";
import { type Block, clip, clipEscaped, esc, SLACK_LIMITS, type SlackMessage } from "./block-kit.js";
import { joinItem, type SplitJoin, splitItem } from "./slack-item-split.js";

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
const MAX = SLACK_LIMITS.optionText;

function unesc(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The fourth field of an option's value: how its text and description rebuild the item. */
const JOIN_FLAG: Record<SplitJoin, string> = { none: "", space: "|s", ellipsis: "|e" };

function joinOf(flag: string | undefined): SplitJoin {
  return flag === "s" ? "space" : flag === "e" ? "ellipsis" : "none";
}

function option(item: ChecklistItem, i: number) {
  const { head, rest, join } = splitItem(item.text, MAX);
  const o: Record<string, unknown> = {
    text: { type: "plain_text", text: head },
    value: `${i}|${item.by ?? ""}|${item.at ?? ""}${rest ? JOIN_FLAG[join] : ""}`,
  };
  if (rest) o.description = { type: "plain_text", text: rest };
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
    text: clipEscaped(
      esc(`Follow-up checklist: ${list.title}\n${lines.join("\n")}`),
      SLACK_LIMITS.messageText,
    ),
  };
}

export interface OptionLike {
  text?: { text?: string };
  description?: { text?: string };
  value?: string;
}

/** The checklist a message's blocks show (who ticked what), or null when they hold none. */
export function readChecklist(messageBlocks: unknown[]): Checklist | null {
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
  const items = options.map((o): ChecklistItem => {
    const [, by, at, flag] = (o.value ?? "").split("|");
    const text = joinItem(o.text?.text ?? "", o.description?.text, joinOf(flag));
    return by ? { text, by, at: at ? Number(at) : undefined } : { text };
  });
  return { title, items };
}

/** What one click changed: the item numbers (from 0) it ticked and the ones it unticked. */
export interface TickChange {
  ticked: number[];
  unticked: number[];
}

/**
 * The clicker's change: the items whose state in the new selection differs from the message as the
 * clicker saw it (normally exactly one). Everything else in that copy may be out of date.
 */
export function clickChange(seen: Checklist, selected: OptionLike[]): TickChange {
  const on = new Set(selected.map((o) => Number((o.value ?? "").split("|")[0])));
  const change: TickChange = { ticked: [], unticked: [] };
  seen.items.forEach((item, i) => {
    if (on.has(i) && !item.by) change.ticked.push(i);
    if (!on.has(i) && item.by) change.unticked.push(i);
  });
  return change;
}

/**
 * The latest checklist with one person's change applied: items they ticked get them and the time,
 * unless someone ticked them first; items they unticked are cleared. Nothing else moves.
 */
export function applyChange(latest: Checklist, change: TickChange, user: string, nowSec: number): Checklist {
  const items = latest.items.map((item, i): ChecklistItem => {
    if (change.unticked.includes(i)) return { text: item.text };
    if (change.ticked.includes(i) && !item.by) return { text: item.text, by: user, at: nowSec };
    return item;
  });
  return { ...latest, items };
}

/** Whether two copies are of the same checklist (same title and items), ticks aside. */
export function sameChecklist(a: Checklist, b: Checklist): boolean {
  return (
    a.title === b.title &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => item.text === b.items[i]?.text)
  );
}

/** The checklist as kept in the Store: also when items were unticked, so a stale copy cannot undo it. */
export interface StoredChecklist extends Checklist {
  cleared?: Cleared;
}

type Mark = Pick<ChecklistItem, "by" | "at">;

function marksOf(list: StoredChecklist): Marks<Mark> {
  const marks: Record<string, Mark> = {};
  list.items.forEach((item, i) => {
    if (item.by) marks[String(i)] = { by: item.by, at: item.at };
  });
  return { marks, cleared: { ...list.cleared } };
}

function withMarks(list: Checklist, m: Marks<Mark>): StoredChecklist {
  const items = list.items.map((item, i): ChecklistItem => {
    const mark = m.marks[String(i)];
    if (!mark?.by) return { text: item.text };
    return mark.at === undefined
      ? { text: item.text, by: mark.by }
      : { text: item.text, by: mark.by, at: mark.at };
  });
  return Object.keys(m.cleared).length > 0
    ? { title: list.title, items, cleared: m.cleared }
    : { title: list.title, items };
}

/**
 * Two copies of one checklist combined (see tick-merge.ts): every tick either shows, unless unticked
 * later; `stored` wins when both ticked an item. A stored copy of some other list (which Slack's
 * unique message ids rule out, but it costs nothing) gives way to `other`.
 */
export function mergeChecklists(stored: StoredChecklist, other: StoredChecklist): StoredChecklist {
  if (!sameChecklist(stored, other)) return other;
  return withMarks(
    stored,
    mergeMarks(marksOf(stored), marksOf(other), (m) => m.at ?? 0),
  );
}

/** `applyChange` for the stored copy, which also remembers when items were unticked. */
export function applyStoredChange(
  base: StoredChecklist,
  change: TickChange,
  user: string,
  nowSec: number,
): StoredChecklist {
  const keys = { ticked: change.ticked.map(String), unticked: change.unticked.map(String) };
  return withMarks(base, applyMarks(marksOf(base), keys, { by: user, at: nowSec }, nowSec));
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
  const seen = readChecklist(messageBlocks);
  return seen && applyChange(seen, clickChange(seen, selected), user, nowSec);
}
