// Cards as Slack Block Kit. Pure: plain objects in the Block Kit JSON shape, no SDK import.
// Every limit Slack enforces is in SLACK_LIMITS, and truncation keeps each message inside them.
import type { Card, CardSection } from "./card.js";
import { linkLabel, shortLabel } from "./link-labels.js";
import { cardsToText } from "./text.js";

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  checkboxOptions: 10,
  optionText: 75,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Slack rejects messages around 13,200 characters of block text; stay well under. */
  totalText: 11_500,
  messageText: 40_000,
} as const;

export type Block = Record<string, unknown>;
export interface SlackMessage {
  blocks: Block[];
  /** Plain-text fallback used in notifications and when blocks are refused. */
  text: string;
}

export interface BlockOptions {
  /** Buttons on the answer: share, post checklist, related entries. Off for thread posts. */
  buttons?: { share: boolean; checklist: boolean; related: boolean };
  /**
   * What the Share / Post checklist buttons carry so a click can rebuild the answer without state
   * (the adapter makes it; it must never hold unredacted text). Defaults to the entry id.
   */
  ref?: string;
}

/** Cut to `max` characters, marking the cut. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}

/** Escape the three characters Slack mrkdwn treats as markup. */
export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cut escaped text to `max` characters without leaving half an entity (`&am…`) at the cut. */
export function clipEscaped(s: string, max: number): string {
  return clip(s, max).replace(/&(?:a|am|amp|l|lt|g|gt)?…$/, "…");
}

const EMOJI = {
  good: ":large_green_circle:",
  info: ":large_blue_circle:",
  warning: ":large_orange_circle:",
  error: ":red_circle:",
};

function sectionText(s: CardSection): string {
  const lines = [`*${esc(s.heading)}*`];
  if (s.text) lines.push(esc(s.text));
  const items = s.items ?? [];
  let used = lines.join("\n").length;
  for (const [i, item] of items.entries()) {
    const line = `${s.ordered ? `${i + 1}.` : "•"} ${esc(item)}`;
    if (used + line.length + 40 > SLACK_LIMITS.sectionText) {
      lines.push(`_… and ${items.length - i} more_`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return clip(lines.join("\n"), SLACK_LIMITS.sectionText);
}

function button(text: string, actionId: string, value: string, style?: "primary"): Block {
  const b: Block = {
    type: "button",
    text: { type: "plain_text", text: clip(text, SLACK_LIMITS.buttonText), emoji: true },
    action_id: clip(actionId, SLACK_LIMITS.actionId),
    value: clip(value, SLACK_LIMITS.buttonValue),
  };
  if (style) b.style = style;
  return b;
}

function cardBlocks(card: Card, opts: BlockOptions, first: boolean, used: Set<string>): Block[] {
  // Slack refuses a message whose action_ids repeat; each related entry gets one button.
  const fresh = (id: string) => !used.has(id) && Boolean(used.add(id));
  if (card.compact) {
    const head = `${EMOJI[card.severity]} *${esc(card.title)}*${card.subtitle ? ` — _${esc(card.subtitle)}_` : ""}`;
    const body = card.sections[0]?.text ? `\n${esc(card.sections[0].text)}` : "";
    const block: Block = {
      type: "section",
      text: { type: "mrkdwn", text: clip(head + body, SLACK_LIMITS.sectionText) },
    };
    if (card.entryId && opts.buttons?.related && fresh(`open_entry:${card.entryId}`))
      block.accessory = button("Open", `open_entry:${card.entryId}`, card.entryId);
    return [block];
  }
  const blocks: Block[] = [
    {
      type: "header",
      text: { type: "plain_text", text: clip(card.title, SLACK_LIMITS.headerText), emoji: true },
    },
  ];
  if (card.subtitle) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: clip(`${EMOJI[card.severity]} ${esc(card.subtitle)}`, SLACK_LIMITS.contextText),
        },
      ],
    });
  }
  if (card.fields.length > 0) {
    blocks.push({
      type: "section",
      fields: card.fields.slice(0, SLACK_LIMITS.fields).map((f) => ({
        type: "mrkdwn",
        text: clip(`*${esc(f.label)}*\n${esc(f.value)}`, SLACK_LIMITS.fieldText),
      })),
    });
  }
  for (const s of card.sections)
    blocks.push({ type: "section", text: { type: "mrkdwn", text: sectionText(s) } });
  if (card.checklist.length > 0) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: sectionText({ heading: "Check next", items: card.checklist }) },
    });
  }
  if (card.others.length > 0) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: sectionText({ heading: "The same number also means", items: card.others.map((o) => o.label) }),
      },
    });
  }
  const actions: Block[] = [];
  if (first && opts.buttons?.share)
    actions.push(button("Share in channel", "share_in_channel", opts.ref ?? card.entryId ?? "", "primary"));
  if (first && opts.buttons?.checklist && card.checklist.length > 0) {
    actions.push(button("Post checklist in thread", "post_checklist", opts.ref ?? card.entryId ?? ""));
  }
  for (const r of (first ? (card.reminders ?? []) : []).slice(0, 3)) {
    const when = r.afterSeconds >= 120 ? `${Math.round(r.afterSeconds / 60)} min` : `${r.afterSeconds} s`;
    actions.push(
      button(
        `Remind me at the ${r.label} (${when})`,
        `timer_remind:${r.label}`,
        `${r.afterSeconds}|${r.label}`,
      ),
    );
  }
  if (opts.buttons?.related) {
    const links = [...card.links, ...card.others].filter((l) => fresh(`open_entry:${l.id}`));
    for (const l of links.slice(0, 8)) {
      // A link still labelled by its bare id ("sip/415") gets a label read from it ("SIP 415").
      const label = l.label === l.id ? linkLabel(l.id) : shortLabel(l.label, SLACK_LIMITS.buttonText);
      actions.push(button(label, `open_entry:${l.id}`, l.id));
    }
  }
  if (actions.length > 0)
    blocks.push({ type: "actions", elements: actions.slice(0, SLACK_LIMITS.actionsElements) });
  if (card.footer)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: clip(esc(card.footer), SLACK_LIMITS.contextText) }],
    });
  return blocks;
}

/** Total characters of text Slack counts against a message's block budget. */
export function blockTextLength(blocks: Block[]): number {
  return JSON.stringify(blocks).length;
}

export function toBlocks(cards: Card[], opts: BlockOptions = {}): SlackMessage {
  const out: Block[] = [];
  const used = new Set<string>(cards[0]?.entryId ? [`open_entry:${cards[0].entryId}`] : []);
  let dropped = 0;
  cards.forEach((card, i) => {
    if (dropped > 0) {
      dropped++;
      return;
    }
    const next = cardBlocks(card, opts, i === 0, used);
    const fits =
      out.length + next.length <= SLACK_LIMITS.blocks - 1 &&
      blockTextLength([...out, ...next]) <= SLACK_LIMITS.totalText;
    if (fits || i === 0) out.push(...shrinkToFit(next));
    else dropped++;
  });
  if (dropped > 0) {
    out.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `… and ${dropped} more meaning${dropped === 1 ? "" : "s"}: ask with a namespace (e.g. \`sip 403\`) to see one in full.`,
        },
      ],
    });
  }
  // The top-level text is mrkdwn too (notifications, plain-text fallback): user text must not
  // become a mention such as <!channel>.
  return { blocks: out, text: clipEscaped(esc(cardsToText(cards)), SLACK_LIMITS.messageText) };
}

/** The first card always goes out; if it alone is too big, its longest sections are cut. */
function shrinkToFit(blocks: Block[]): Block[] {
  let result = blocks.slice(0, SLACK_LIMITS.blocks - 1);
  while (blockTextLength(result) > SLACK_LIMITS.totalText) {
    const longest = result.reduce((a, b) => (blockTextLength([a]) >= blockTextLength([b]) ? a : b));
    const text = (longest.text as { text?: string } | undefined)?.text;
    if (!text || text.length < 200) {
      result = result.slice(0, -1);
      continue;
    }
    (longest.text as { text: string }).text = clip(text, Math.floor(text.length * 0.6));
  }
  return result;
}
