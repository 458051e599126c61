// Cards as one Adaptive Card 1.5 for Microsoft Teams: header, facts, severity-styled containers,
// sections, "open" and "remind" actions and a tickable checklist whose state travels in the action data.
// Pure: no SDK imports. A limits table and step-wise truncation keep every card under 80 KB.
import type { Card, CardLink, CardSection, Severity } from "./card.js";
import { cardToMarkdown } from "./text.js";

export const ADAPTIVE_CARD_LIMITS = {
  /** Serialized JSON, UTF-8 bytes. Teams rejects bot messages past ~100 KB including the envelope. */
  maxBytes: 80_000,
  titleChars: 150,
  facts: 12,
  factTitleChars: 60,
  factValueChars: 500,
  sections: 14,
  itemsPerSection: 25,
  textChars: 2_000,
  itemChars: 600,
  compactCards: 10,
  /** Same as Slack's checkbox limit, so a checklist reads the same on both platforms. */
  checklistItems: 10,
  actionsPerSet: 5,
  openActions: 10,
  relatedActions: 5,
  actionTitleChars: 50,
  footerChars: 1_000,
  fallbackTextChars: 3_000,
  tickerNameChars: 64,
  reminderActions: 3,
} as const;

/** What a "remind" action may ask for; the bot refuses anything else, so a crafted action stays small. */
export const REMIND_LIMITS = { minSeconds: 1, maxSeconds: 86_400, labelChars: 120 } as const;
/** Same delay as Slack's checklist reminder. */
export const CHECKLIST_REMIND_SECONDS = 15 * 60;

export type Json = Record<string, unknown>;
export interface Tick {
  /** Display name of whoever ticked the item. */
  by: string;
  /** ISO 8601 UTC without milliseconds. */
  at: string;
}
/** Ticked checklist items by index. */
export type Ticks = Record<string, Tick>;
export interface OpenData {
  verb: "open";
  id: string;
}
export interface TickData {
  verb: "tick";
  ref: string;
  ticks: Ticks;
}
export interface RemindData {
  verb: "remind";
  /** Plain text, as normalised by remindLabel(). */
  label: string;
  afterSeconds: number;
}
export interface AdaptiveCardOptions {
  /** Opaque reference the adapter can rebuild the cards from; without it the checklist is read-only. */
  ref?: string;
  ticks?: Ticks;
  /** Lower the size budget (tests); clamped between 2,000 bytes and the limits table. */
  maxBytes?: number;
}

export const CHECK_INPUT_PREFIX = "check-";
const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
const STYLE: Record<Severity, string> = {
  good: "good",
  info: "accent",
  warning: "warning",
  error: "attention",
};
const L = ADAPTIVE_CARD_LIMITS;

/** How much of each part to show; later steps are tighter and used only when a card is too big. */
interface Budget {
  items: number;
  text: number;
  item: number;
  sections: number;
  compact: number;
  actions: number;
  fallback: number;
}
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

/** Cuts at a character boundary (never inside a surrogate pair) and marks the cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return `${s.slice(0, end).trimEnd()}…`;
}

/** UTF-8 length of a string without encoding it (this runs on every reply). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    // 2 bytes below U+0800; a surrogate pair is 4 bytes over 2 units; the rest of the BMP is 3.
    n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

export function byteLength(json: unknown): number {
  return utf8Length(JSON.stringify(json));
}

function fits(json: unknown, max: number): boolean {
  const s = JSON.stringify(json);
  // Three bytes per UTF-16 unit is the most UTF-8 can take, so most cards need no counting.
  return s.length * 3 <= max || utf8Length(s) <= max;
}

const text = (t: string, extra: Json = {}): Json => ({ type: "TextBlock", text: t, wrap: true, ...extra });
const heading = (t: string): Json => text(t, { weight: "Bolder", spacing: "Medium" });

function executeAction(title: string, verb: string, data: Json): Json {
  const t = clip(title, L.actionTitleChars);
  // Clients without Universal Actions (older Teams, Outlook) use the Submit fallback with the same data.
  return {
    type: "Action.Execute",
    title: t,
    verb,
    data,
    fallback: { type: "Action.Submit", title: t, data },
  };
}
const openAction = (l: CardLink): Json =>
  executeAction(l.label, "open", { verb: "open", id: l.id } satisfies OpenData);

// Letters, digits and plain punctuation only: no markdown, HTML or mention markup reaches a reminder.
const NOT_LABEL = /[^\p{L}\p{M}\p{N} .,:;!?'"()/&+%=…–—-]+/gu;

/** A reminder label as plain text on one line, within REMIND_LIMITS.labelChars. */
export function remindLabel(s: string): string {
  return clip(s.replace(NOT_LABEL, " ").replace(/\s+/g, " ").trim(), REMIND_LIMITS.labelChars);
}

function remindAction(title: string, label: string, afterSeconds: number): Json {
  const data: RemindData = { verb: "remind", label: remindLabel(label), afterSeconds };
  return executeAction(title, "remind", { ...data });
}

function delay(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)} min`;
  return `${Number((seconds / 3_600).toFixed(1))} h`;
}

/** "Remind me at the registration refresh (45 min)" for the timers the engine computed. */
function timerReminders(card: Card): Json | null {
  const due = (card.reminders ?? [])
    .filter((r) => Number.isInteger(r.afterSeconds))
    .filter((r) => r.afterSeconds >= REMIND_LIMITS.minSeconds && r.afterSeconds <= REMIND_LIMITS.maxSeconds)
    .slice(0, L.reminderActions);
  if (due.length === 0) return null;
  const actions = due.map((r) =>
    remindAction(`Remind me at the ${r.label} (${delay(r.afterSeconds)})`, `${r.label} due`, r.afterSeconds),
  );
  return { type: "ActionSet", spacing: "Medium", actions };
}

/** "… and 7 more", folding a trailing "… and N more codes" marker the engine already added. */
function moreLine(hidden: string[]): string {
  const last = hidden.at(-1) ?? "";
  const m = /^… and (\d+) more (.+)$/.exec(last);
  return m ? `… and ${hidden.length - 1 + Number(m[1])} more ${m[2]}` : `… and ${hidden.length} more`;
}

function listBlock(s: CardSection, b: Budget): Json[] {
  const items = s.items ?? [];
  if (items.length === 0) return [];
  const shown = items
    .slice(0, b.items)
    .map((it, i) => `${s.ordered ? `${i + 1}.` : "-"} ${clip(it, b.item)}`);
  const out = [text(shown.join("\r"), { spacing: "Small" })];
  if (items.length > b.items)
    out.push(text(moreLine(items.slice(b.items)), { isSubtle: true, spacing: "None" }));
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

function isIsoUtc(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(s);
}

/** Teams formats DATE()/TIME() in each reader's own time zone. */
function tickedLine(t: Tick): string {
  const who = clip(t.by.replace(/[{}[\]*_`<>]/g, ""), L.tickerNameChars) || "someone";
  const when = isIsoUtc(t.at) ? `{{DATE(${t.at}, SHORT)}} {{TIME(${t.at})}}` : "";
  return `✓ ${who}${when ? ` · ${when}` : ""}`;
}

function checklist(card: Card, opts: AdaptiveCardOptions, b: Budget): Json | null {
  const items = card.checklist.slice(0, L.checklistItems);
  if (items.length === 0) return null;
  const ticks = opts.ticks ?? {};
  const body: Json[] = [text("Check next", { weight: "Bolder" })];
  if (!opts.ref) {
    body.push(text(items.map((it) => `- ${clip(it, b.item)}`).join("\r"), { spacing: "Small" }));
  } else {
    for (const [i, item] of items.entries()) {
      const t = ticks[String(i)];
      body.push({
        type: "Input.Toggle",
        id: `${CHECK_INPUT_PREFIX}${i}`,
        title: clip(item, b.item),
        value: t ? "true" : "false",
        valueOn: "true",
        valueOff: "false",
        wrap: true,
      });
      if (t) body.push(text(tickedLine(t), { isSubtle: true, size: "Small", spacing: "None" }));
    }
    if (items.every((_, i) => ticks[String(i)])) {
      body.push(text(`✅ All ${items.length} checks done.`, { color: "Good", weight: "Bolder" }));
    }
    const data: TickData = { verb: "tick", ref: opts.ref, ticks };
    const remind = remindAction(
      "Remind me in 15 min",
      `follow-up checklist for ${card.title}`,
      CHECKLIST_REMIND_SECONDS,
    );
    body.push({ type: "ActionSet", actions: [executeAction("Save ticks", "tick", { ...data }), remind] });
  }
  if (card.checklist.length > items.length)
    body.push(text(moreLine(card.checklist.slice(items.length)), { isSubtle: true }));
  return { type: "Container", style: "emphasis", spacing: "Large", items: body };
}

function primaryBody(card: Card, opts: AdaptiveCardOptions, b: Budget): Json[] {
  const header: Json[] = [
    text(clip(card.title, L.titleChars), { size: "Large", weight: "Bolder", style: "heading" }),
  ];
  if (card.subtitle) header.push(text(clip(card.subtitle, b.text), { isSubtle: true, spacing: "None" }));
  const body: Json[] = [{ type: "Container", style: STYLE[card.severity], bleed: true, items: header }];
  if (card.fields.length > 0) {
    const facts = card.fields
      .slice(0, L.facts)
      .map((f) => ({ title: clip(f.label, L.factTitleChars), value: clip(f.value, L.factValueChars) }));
    body.push({ type: "FactSet", facts });
  }
  const sections = card.compact ? card.sections.slice(0, 1) : card.sections;
  for (const s of sections.slice(0, b.sections)) {
    body.push(heading(clip(s.heading, L.titleChars)));
    if (s.text) body.push(text(clip(s.text, b.text), { spacing: "Small" }));
    body.push(...listBlock(s, b));
  }
  if (sections.length > b.sections) {
    body.push(text(`… and ${sections.length - b.sections} more sections`, { isSubtle: true }));
  }
  const timers = timerReminders(card);
  if (timers) body.push(timers);
  const list = checklist(card, opts, b);
  if (list) body.push(list);
  if (card.others.length > 0) {
    body.push(heading("The same number also means"));
    body.push(
      ...actionSets(
        card.others,
        b.actions,
        (n) => `… and ${n} more meanings: ask with a namespace, e.g. "mobius 403".`,
      ),
    );
  }
  if (card.links.length > 0) {
    body.push(heading("Related"));
    body.push(
      ...actionSets(
        card.links,
        Math.min(b.actions, L.relatedActions),
        (n) => `… and ${n} more related codes`,
      ),
    );
  }
  return body;
}

function compactBody(card: Card, b: Budget): Json {
  const items: Json[] = [text(clip(card.title, L.titleChars), { weight: "Bolder" })];
  if (card.subtitle) items.push(text(clip(card.subtitle, b.item), { isSubtle: true, spacing: "None" }));
  const first = card.sections[0]?.text;
  if (first) items.push(text(clip(first, b.text), { spacing: "Small" }));
  if (card.entryId)
    items.push({ type: "ActionSet", actions: [openAction({ id: card.entryId, label: "Open" })] });
  return { type: "Container", style: "emphasis", separator: true, spacing: "Medium", items };
}

function build(cards: Card[], opts: AdaptiveCardOptions, b: Budget): Json {
  const [first, ...rest] = cards;
  const body: Json[] = first ? primaryBody(first, opts, b) : [text("Nothing to show.")];
  if (rest.length > 0) {
    body.push(heading("Other meanings"));
    for (const c of rest.slice(0, b.compact)) body.push(compactBody(c, b));
    if (rest.length > b.compact)
      body.push(text(moreLine(rest.slice(b.compact).map((c) => c.title)), { isSubtle: true }));
  }
  const footer = first?.footer;
  if (footer)
    body.push(text(clip(footer, L.footerChars), { isSubtle: true, size: "Small", spacing: "Large" }));
  const card: Json = { type: "AdaptiveCard", $schema: SCHEMA, version: "1.5" };
  if (b.fallback > 0) card.fallbackText = toTeamsText(cards, b.fallback);
  return { ...card, msteams: { width: "Full" }, body };
}

/** The smallest card that still says what it is; used only if every budget step is too big. */
function minimal(cards: Card[]): Json {
  const title = clip(cards[0]?.title ?? "sipcode", L.titleChars);
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
  return clip(cards.map(cardToMarkdown).join("\n\n---\n\n"), maxChars);
}
