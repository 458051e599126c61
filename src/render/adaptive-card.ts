// Cards as one Adaptive Card 1.5 for Microsoft Teams: header, facts, severity-styled containers,
// sections, "open" and "remind" actions and a tickable checklist whose state travels in the action data.
// Pure: no SDK imports. A limits table and step-wise truncation keep every card under 80 KB. Card
// text is escaped wherever Teams reads it as markdown (adaptive-markdown.ts): a log draws no links.
import { checklist, openAction, timerReminders } from "./adaptive-actions.js";
import { escapeCard, escapeMarkdown as md } from "./adaptive-markdown.js";
import {
  ADAPTIVE_CARD_LIMITS,
  type AdaptiveCardOptions,
  type Budget,
  clip,
  fits,
  heading,
  type Json,
  moreLine,
  text,
} from "./adaptive-parts.js";
import type { Card, CardLink, CardSection, Severity } from "./card.js";
import { cardToMarkdown } from "./text.js";

export { remindLabel } from "./adaptive-actions.js";
export * from "./adaptive-parts.js";

const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
const STYLE: Record<Severity, string> = {
  good: "good",
  info: "accent",
  warning: "warning",
  error: "attention",
};
const L = ADAPTIVE_CARD_LIMITS;

const STEPS: readonly Budget[] = [
  {
    items: L.itemsPerSection,
    text: L.textChars,
    item: L.itemChars,
    sections: L.sections,
    compact: L.compactCards,
    actions: L.openActions,
    fallback: L.fallbackTextChars,
  },
  { items: 10, text: 1_000, item: 300, sections: 10, compact: 5, actions: 5, fallback: 1_000 },
  { items: 5, text: 400, item: 200, sections: 6, compact: 3, actions: 5, fallback: 300 },
  { items: 2, text: 200, item: 120, sections: 3, compact: 1, actions: 2, fallback: 0 },
];

function listBlock(s: CardSection, b: Budget): Json[] {
  const items = s.items ?? [];
  if (items.length === 0) return [];
  const shown = items
    .slice(0, b.items)
    .map((it, i) => `${s.ordered ? `${i + 1}.` : "-"} ${md(clip(it, b.item))}`);
  const out = [text(shown.join("\r"), { spacing: "Small" })];
  if (items.length > b.items)
    out.push(text(md(moreLine(items.slice(b.items))), { isSubtle: true, spacing: "None" }));
  return out;
}

function actionSets(links: CardLink[], max: number, more: (n: number) => string): Json[] {
  const out: Json[] = [];
  const shown = links.slice(0, max);
  for (let i = 0; i < shown.length; i += L.actionsPerSet) {
    out.push({ type: "ActionSet", actions: shown.slice(i, i + L.actionsPerSet).map(openAction) });
  }
  if (links.length > max) out.push(text(more(links.length - max), { isSubtle: true, spacing: "None" }));
  return out;
}

/**
 * Entries already offered on this card. An entry can be both another meaning of the number and a
 * related code, or a related code and one of the other meanings below: one button each, as on Slack.
 */
type Offered = Set<string>;

/** The links not offered yet, each once; the first `max` become buttons and count as offered. */
function fresh(offered: Offered, links: CardLink[], max: number): CardLink[] {
  const seen = new Set<string>();
  const out = links.filter((l) => !offered.has(l.id) && !seen.has(l.id) && Boolean(seen.add(l.id)));
  // One left out for room ("… and 3 more") is not offered: a meaning below may still open it.
  for (const l of out.slice(0, max)) offered.add(l.id);
  return out;
}

function primaryBody(card: Card, opts: AdaptiveCardOptions, b: Budget, offered: Offered): Json[] {
  const header: Json[] = [
    text(md(clip(card.title, L.titleChars)), { size: "Large", weight: "Bolder", style: "heading" }),
  ];
  if (card.subtitle) header.push(text(md(clip(card.subtitle, b.text)), { isSubtle: true, spacing: "None" }));
  const body: Json[] = [{ type: "Container", style: STYLE[card.severity], bleed: true, items: header }];
  if (card.fields.length > 0) {
    const facts = card.fields.slice(0, L.facts).map((f) => ({
      title: md(clip(f.label, L.factTitleChars)),
      value: md(clip(f.value, L.factValueChars)),
    }));
    body.push({ type: "FactSet", facts });
  }
  const sections = card.compact ? card.sections.slice(0, 1) : card.sections;
  for (const s of sections.slice(0, b.sections)) {
    body.push(heading(md(clip(s.heading, L.titleChars))));
    if (s.text) body.push(text(md(clip(s.text, b.text)), { spacing: "Small" }));
    body.push(...listBlock(s, b));
  }
  if (sections.length > b.sections) {
    body.push(text(`… and ${sections.length - b.sections} more sections`, { isSubtle: true }));
  }
  const timers = timerReminders(card);
  if (timers) body.push(timers);
  const list = checklist(card, opts, b);
  if (list) body.push(list);
  const others = fresh(offered, card.others, b.actions);
  if (others.length > 0) {
    body.push(heading("The same number also means"));
    body.push(
      ...actionSets(
        others,
        b.actions,
        (n) => `… and ${n} more meanings: ask with a namespace, e.g. "mobius 403".`,
      ),
    );
  }
  const maxRelated = Math.min(b.actions, L.relatedActions);
  const links = fresh(offered, card.links, maxRelated);
  if (links.length > 0) {
    body.push(heading("Related"));
    body.push(...actionSets(links, maxRelated, (n) => `… and ${n} more related codes`));
  }
  return body;
}

function compactBody(card: Card, b: Budget, offered: Offered): Json {
  const items: Json[] = [text(md(clip(card.title, L.titleChars)), { weight: "Bolder" })];
  if (card.subtitle) items.push(text(md(clip(card.subtitle, b.item)), { isSubtle: true, spacing: "None" }));
  const first = card.sections[0]?.text;
  if (first) items.push(text(md(clip(first, b.text)), { spacing: "Small" }));
  // Already a button above (a related code): a bare "Open" would only repeat it.
  if (card.entryId && !offered.has(card.entryId)) {
    offered.add(card.entryId);
    items.push({ type: "ActionSet", actions: [openAction({ id: card.entryId, label: "Open" })] });
  }
  return { type: "Container", style: "emphasis", separator: true, spacing: "Medium", items };
}

function build(cards: Card[], opts: AdaptiveCardOptions, b: Budget): Json {
  const [first, ...rest] = cards;
  // The card's own entry is what it shows: no button opens it again.
  const offered: Offered = new Set(first?.entryId ? [first.entryId] : []);
  const body: Json[] = first ? primaryBody(first, opts, b, offered) : [text("Nothing to show.")];
  if (rest.length > 0) {
    body.push(heading("Other meanings"));
    for (const c of rest.slice(0, b.compact)) body.push(compactBody(c, b, offered));
    if (rest.length > b.compact)
      body.push(text(md(moreLine(rest.slice(b.compact).map((c) => c.title))), { isSubtle: true }));
  }
  const footer = first?.footer;
  if (footer)
    body.push(text(md(clip(footer, L.footerChars)), { isSubtle: true, size: "Small", spacing: "Large" }));
  const card: Json = { type: "AdaptiveCard", $schema: SCHEMA, version: "1.5" };
  if (b.fallback > 0) card.fallbackText = toTeamsText(cards, b.fallback);
  return { ...card, msteams: { width: "Full" }, body };
}

/** The smallest card that still says what it is; used only if every budget step is too big. */
function minimal(cards: Card[]): Json {
  const title = md(clip(cards[0]?.title ?? "sipcode", L.titleChars));
  const note =
    "This answer is too large for a Teams card. Ask a narrower question, or use the CLI: npx sipcode.";
  return {
    type: "AdaptiveCard",
    $schema: SCHEMA,
    version: "1.5",
    body: [text(title, { weight: "Bolder" }), text(note)],
  };
}

export function toAdaptiveCard(cards: Card[], opts: AdaptiveCardOptions = {}): Json {
  const max = Math.max(2_000, Math.min(opts.maxBytes ?? L.maxBytes, L.maxBytes));
  for (const step of STEPS) {
    const card = build(cards, opts, step);
    if (fits(card, max)) return card;
  }
  // A huge opaque ref is the only thing the steps cannot shrink: drop interactivity before content.
  const readOnly = build(cards, { ...opts, ref: undefined }, STEPS[STEPS.length - 1] as Budget);
  return fits(readOnly, max) ? readOnly : minimal(cards);
}

/** Markdown fallback for clients that cannot draw the card and for notification previews. */
export function toTeamsText(cards: Card[], maxChars: number = L.fallbackTextChars): string {
  return clip(cards.map((c) => cardToMarkdown(escapeCard(c, maxChars))).join("\n\n---\n\n"), maxChars);
}
