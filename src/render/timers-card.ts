// The "2 AM guide" timers card: Webex Calling keepalives, RFC 3261 transaction timers for the
// chosen T1/T2/T4 (UDP and TCP), RFC 4028 session timers, and any calculations asked for.
import { IMS, RFC3261, type TimersResult } from "../engine/timers.js";
import { type Card, type CardSection, formatMs } from "./card.js";
import { sourcesFooter } from "./citations.js";

function value(ms: number | null): string {
  if (ms === null) return "n/a";
  // 1250 ms rather than a rounded "1.3 s" for a T1 of 1.25 s and the timers derived from it.
  return ms > 1000 && ms < 10_000 && ms % 100 !== 0 ? `${ms} ms` : formatMs(ms);
}

export function timersCard(t: TimersResult): Card {
  const sections: CardSection[] = [];
  if (t.errors.length > 0) sections.push({ heading: "Couldn't use", items: t.errors });
  if (t.calculations.length > 0) sections.push({ heading: "Your numbers", items: t.calculations });
  sections.push({
    heading: "Webex Calling (2 AM guide)",
    items: t.webex.map((e) => {
      const v = e.timer?.defaultMs;
      return `${e.title}: ${v ? formatMs(v) : (e.timer?.formula ?? "")} — ${e.timer?.firesWhen ?? e.meaning}`;
    }),
  });
  const defaults = t.profile === "ims" ? IMS : RFC3261;
  const own = (["t1", "t2", "t4"] as const).some((k) => t.base[k] !== defaults[k]);
  const profile =
    (t.profile === "ims" ? "IMS profile, 3GPP TS 24.229" : own ? "RFC 3261" : "RFC 3261 defaults") +
    (own ? ", with your values" : "");
  sections.push({
    heading: `SIP transaction timers (${profile}: T1 ${formatMs(t.base.t1)}, T2 ${formatMs(t.base.t2)}, T4 ${formatMs(t.base.t4)})`,
    items: t.transaction.map((r) => {
      // The row's wording has its numbers worked out for the chosen T1/T2/T4, like its values.
      const formula = r.formula ? ` [${r.formula}]` : "";
      const fires = r.firesWhen ? ` — ${r.firesWhen}` : "";
      return `${r.entry.title}: UDP ${value(r.udpMs)}, TCP ${value(r.tcpMs)}${formula}${fires}`;
    }),
  });
  // Labelled like the transaction section, so a recomputed value is never read as the default.
  const session = t.sessionValues.given
    ? `RFC 4028, with your values: Session-Expires ${value(t.sessionValues.sessionExpiresMs)}, Min-SE ${value(t.sessionValues.minSeMs)}`
    : "RFC 4028 defaults";
  sections.push({
    heading: `Session timers (${session})`,
    items: t.session.map(
      (e) => `${e.title}: ${value(e.timer?.defaultMs ?? null)} — ${e.timer?.firesWhen ?? e.meaning}`,
    ),
  });
  const sources = new Set<string>();
  for (const e of [...t.webex, ...t.transaction.map((r) => r.entry), ...t.session])
    for (const s of e.sources) sources.add(s);
  return {
    title: "SIP and Webex Calling timers",
    subtitle:
      "Calculators: timers expires=3600 · timers t1=1s · timers session-expires=1800 · timers keepalive · timers 32s · timers ims",
    severity: t.errors.length > 0 ? "warning" : "info",
    fields: [],
    sections,
    checklist: [],
    links: [],
    others: [],
    footer: sourcesFooter(sources),
    reminders: t.due,
  };
}
