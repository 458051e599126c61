// Cards as terminal text (ANSI colour only when asked, i.e. on a TTY) and as Markdown.
import type { Card, Severity } from "./card.js";

const ANSI = { bold: "\x1b[1m", dim: "\x1b[2m", reset: "\x1b[0m" } as const;
const SEVERITY_COLOUR: Record<Severity, string> = {
  good: "\x1b[32m",
  info: "\x1b[36m",
  warning: "\x1b[33m",
  error: "\x1b[31m",
};

export interface TextOptions {
  colour?: boolean;
  /** Include the checklist, links and footer (off for compact previews). */
  full?: boolean;
}

function wrap(colour: boolean, code: string, s: string): string {
  return colour ? `${code}${s}${ANSI.reset}` : s;
}

export function cardToText(card: Card, opts: TextOptions = {}): string {
  const c = opts.colour ?? false;
  const lines: string[] = [wrap(c, ANSI.bold + SEVERITY_COLOUR[card.severity], card.title)];
  if (card.subtitle) lines.push(wrap(c, ANSI.dim, card.subtitle));
  if (card.compact) {
    const s = card.sections[0];
    if (s?.text) lines.push(`  ${s.text}`);
    return lines.join("\n");
  }
  if (card.fields.length > 0) {
    lines.push("");
    const width = Math.max(...card.fields.map((f) => f.label.length));
    for (const f of card.fields) lines.push(`  ${f.label.padEnd(width)}  ${f.value}`);
  }
  for (const s of card.sections) {
    lines.push("", wrap(c, ANSI.bold, s.heading));
    if (s.text) lines.push(`  ${s.text}`);
    for (const [i, item] of (s.items ?? []).entries())
      lines.push(`  ${s.ordered ? `${i + 1}.` : "•"} ${item}`);
  }
  if (card.checklist.length > 0) {
    lines.push("", wrap(c, ANSI.bold, "Check next"));
    for (const item of card.checklist) lines.push(`  [ ] ${item}`);
  }
  if (card.others.length > 0) {
    lines.push("", wrap(c, ANSI.bold, "The same number also means"));
    for (const o of card.others) lines.push(`  • ${o.label}`);
  }
  if (card.links.length > 0) lines.push("", `Related: ${card.links.map((l) => l.label).join(", ")}`);
  if (card.footer) lines.push(wrap(c, ANSI.dim, card.footer));
  return lines.join("\n");
}

export function cardsToText(cards: Card[], opts: TextOptions = {}): string {
  const [first, ...rest] = cards;
  if (!first) return "";
  const out = [cardToText(first, opts)];
  if (rest.length > 0) {
    out.push(wrap(opts.colour ?? false, ANSI.bold, "Other meanings"));
    for (const card of rest) out.push(cardToText(card, opts));
  }
  return `${out.join("\n\n")}\n`;
}

/** Markdown for surfaces that render it (Teams text fallback, docs, issue trackers). */
export function cardToMarkdown(card: Card): string {
  const lines: string[] = [`**${card.title}**`];
  if (card.subtitle) lines.push(`_${card.subtitle}_`);
  if (card.compact) {
    const s = card.sections[0];
    if (s?.text) lines.push(s.text);
    return lines.join("\n\n");
  }
  if (card.fields.length > 0) lines.push(card.fields.map((f) => `- **${f.label}:** ${f.value}`).join("\n"));
  for (const s of card.sections) {
    const body: string[] = [`**${s.heading}**`];
    if (s.text) body.push(s.text);
    for (const [i, item] of (s.items ?? []).entries()) body.push(`${s.ordered ? `${i + 1}.` : "-"} ${item}`);
    lines.push(body.join("\n"));
  }
  if (card.checklist.length > 0) {
    lines.push(["**Check next**", ...card.checklist.map((i) => `- [ ] ${i}`)].join("\n"));
  }
  if (card.others.length > 0) {
    lines.push(["**The same number also means**", ...card.others.map((o) => `- ${o.label}`)].join("\n"));
  }
  if (card.links.length > 0) lines.push(`Related: ${card.links.map((l) => `\`${l.id}\``).join(", ")}`);
  if (card.footer) lines.push(`_${card.footer}_`);
  return lines.join("\n\n");
}
