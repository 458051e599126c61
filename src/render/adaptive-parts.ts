// The building blocks of sipcode's Adaptive Cards: the limits table, the data the card's actions
// carry, the size budget, and small helpers (clipping, UTF-8 sizes, text blocks). Pure.
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

/** How much of each part to show; later steps are tighter and used only when a card is too big. */
export interface Budget {
  items: number;
  text: number;
  item: number;
  sections: number;
  compact: number;
  actions: number;
  fallback: number;
}

/** Cuts at a character boundary (never inside a surrogate pair) and marks the cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return `${s.slice(0, end).trimEnd()}…`;
}

/** UTF-8 length of a string without encoding it (this runs on every reply). */
export function utf8Length(s: string): number {
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

export function fits(json: unknown, max: number): boolean {
  const s = JSON.stringify(json);
  // Three bytes per UTF-16 unit is the most UTF-8 can take, so most cards need no counting.
  return s.length * 3 <= max || utf8Length(s) <= max;
}

export const text = (t: string, extra: Json = {}): Json => ({
  type: "TextBlock",
  text: t,
  wrap: true,
  ...extra,
});
export const heading = (t: string): Json => text(t, { weight: "Bolder", spacing: "Medium" });

/** "… and 7 more", folding a trailing "… and N more codes" marker the engine already added. */
export function moreLine(hidden: string[]): string {
  const last = hidden.at(-1) ?? "";
  const m = /^… and (\d+) more (.+)$/.exec(last);
  return m ? `… and ${hidden.length - 1 + Number(m[1])} more ${m[2]}` : `… and ${hidden.length} more`;
}
