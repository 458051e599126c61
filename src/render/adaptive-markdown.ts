// Card text as Adaptive Card markdown: Teams renders TextBlocks and FactSets as markdown, and card text
// can come from a pasted log (a Server header, a host, a reason phrase), so a log must not be able to
// draw a link, emphasis or a list inside the bot's own card. Card text is plain text on every surface
// (Slack escapes it too); the renderer adds the only markdown a card has. Pure.
import type { Card } from "./card.js";

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Inline markup: brackets and the parenthesis after "]", `*`, `_`, and a backslash before punctuation. */
const INLINE = /[[\]*_]|(?<=\])\(|\\(?=[!-/:-@[-`{-~])/g;
/**
 * What makes a line a bullet ("- ", "+ "), a rule or heading underline ("---", "==="), a heading
 * ("# "), a quote (">") or a numbered item ("1. ", "2) ", but not "10.0.0.9").
 */
const LINE_MARK =
  /^([ \t]*)(?:([-+](?=[ \t]|$)|-(?=-)|=+(?=[ \t]*$)|#(?=[ \t#]|$)|>)|(\d{1,9})([.)])(?=[ \t]|$))/gm;
/** A cheap test: most card text (a label, a number) has nothing to escape. */
const ANY = /[[\]*_\\\n\r]|^[ \t]*[-+=#>\d]/;

/**
 * `s` with a backslash before anything CommonMark would read as markup: brackets (links) and the
 * parenthesis after one, `*`, `_` that could open or close emphasis (not the one inside
 * sip_term_status), a backslash that would escape the next character, and a list, heading, quote or
 * rule marker at the start of a line. A backslash before ASCII punctuation shows only the character,
 * so plain text reads the same. Backticks and `<` stay: Teams draws no code spans or HTML in cards,
 * and SIP URIs (<sip:…>) would fill with backslashes.
 */
export function escapeMarkdown(s: string): string {
  if (!ANY.test(s)) return s;
  const inline = s.replace(INLINE, (c: string, at: number) =>
    c === "_" && isWordChar(s[at - 1]) && isWordChar(s[at + 1]) ? c : `\\${c}`,
  );
  return inline.replace(LINE_MARK, (_m, space: string, mark?: string, num?: string, dot?: string) =>
    mark ? `${space}\\${mark}` : `${space}${num}\\${dot}`,
  );
}

/**
 * A copy of the card whose text reads as plain text in markdown (for the markdown fallback). Only
 * the first `max` characters of each text and `max` entries of each list can reach a fallback of
 * `max` characters, so the rest is cut before escaping: a card with thousands of rows stays cheap.
 */
export function escapeCard(card: Card, max = Number.POSITIVE_INFINITY): Card {
  const e = (s: string) => escapeMarkdown(s.length > max ? s.slice(0, max) : s);
  const few = <T>(list: T[]) => (list.length > max ? list.slice(0, max) : list);
  return {
    ...card,
    title: e(card.title),
    ...(card.subtitle === undefined ? {} : { subtitle: e(card.subtitle) }),
    fields: few(card.fields).map((f) => ({ label: e(f.label), value: e(f.value) })),
    sections: few(card.sections).map((s) => ({
      ...s,
      heading: e(s.heading),
      ...(s.text === undefined ? {} : { text: e(s.text) }),
      ...(s.items === undefined ? {} : { items: few(s.items).map(e) }),
    })),
    checklist: few(card.checklist).map(e),
    others: few(card.others).map((o) => ({ ...o, label: e(o.label) })),
    ...(card.footer === undefined ? {} : { footer: e(card.footer) }),
  };
}
