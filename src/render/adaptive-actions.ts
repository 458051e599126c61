// The interactive parts of an Adaptive Card: "open" buttons, "remind" buttons and the tickable
// checklist whose state (who ticked what, and when) travels in the action data. Pure.

import { escapeMarkdown as md } from "./adaptive-markdown.js";
import {
  ADAPTIVE_CARD_LIMITS,
  type AdaptiveCardOptions,
  type Budget,
  CHECK_INPUT_PREFIX,
  CHECKLIST_REMIND_SECONDS,
  clip,
  type Json,
  moreLine,
  type OpenData,
  REMIND_LIMITS,
  type RemindData,
  type Tick,
  type TickData,
  text,
} from "./adaptive-parts.js";
import type { Card, CardLink } from "./card.js";

const L = ADAPTIVE_CARD_LIMITS;

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
export const openAction = (l: CardLink): Json =>
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
export function timerReminders(card: Card): Json | null {
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

function isIsoUtc(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(s);
}

/** Teams formats DATE()/TIME() in each reader's own time zone. */
function tickedLine(t: Tick): string {
  const who = clip(t.by.replace(/[{}[\]*_`<>]/g, ""), L.tickerNameChars) || "someone";
  const when = isIsoUtc(t.at) ? `{{DATE(${t.at}, SHORT)}} {{TIME(${t.at})}}` : "";
  return `✓ ${who}${when ? ` · ${when}` : ""}`;
}

export function checklist(card: Card, opts: AdaptiveCardOptions, b: Budget): Json | null {
  const items = card.checklist.slice(0, L.checklistItems);
  if (items.length === 0) return null;
  const ticks = opts.ticks ?? {};
  const body: Json[] = [text("Check next", { weight: "Bolder" })];
  if (!opts.ref) {
    body.push(text(items.map((it) => `- ${md(clip(it, b.item))}`).join("\r"), { spacing: "Small" }));
  } else {
    for (const [i, item] of items.entries()) {
      const t = ticks[String(i)];
      body.push({
        type: "Input.Toggle",
        id: `${CHECK_INPUT_PREFIX}${i}`,
        // The JS renderer Teams uses draws toggle titles as markdown too.
        title: md(clip(item, b.item)),
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
    body.push(text(md(moreLine(card.checklist.slice(items.length))), { isSubtle: true }));
  return { type: "Container", style: "emphasis", spacing: "Large", items: body };
}
