// A scan + analysis as a card: first failure, failing component, compact timeline, what was
// normal, correlations and the merged follow-up checklist.
import type { Analysis } from "../engine/analyze.js";
import type { Card, CardSection } from "./card.js";

export const MAX_TIMELINE_ITEMS = 15;

export function scanCard(a: Analysis, opts: { source?: string } = {}): Card {
  const { counts } = a;
  const title =
    counts.findings === 0
      ? "No error codes found"
      : a.firstFailureLabel
        ? `First failure: ${a.firstFailureLabel}`
        : "No failures: normal traffic only";
  const sections: CardSection[] = [{ heading: "Summary", text: a.summary }];
  if (counts.findings === 0) {
    sections[0] = {
      heading: "Summary",
      text:
        "I read the text but found no SIP, Q.850, Webex Calling, ACS, Exotel or HTTP codes in it. " +
        "If the problem is audio with no code, try a symptom such as `one way audio`.",
    };
  }
  if (a.timeline.length > 0) {
    const items = a.timeline.slice(0, MAX_TIMELINE_ITEMS).map((t) => {
      const when = t.timestamp ? `${t.timestamp} ` : "";
      const times = t.count > 1 ? ` ×${t.count}` : "";
      const methods = t.methods.length > 0 ? ` (${t.methods.join(", ")})` : "";
      const host = t.hosts.length > 0 ? ` from ${t.hosts.join(", ")}` : "";
      return `${when}${t.failure ? "✗" : "✓"} ${t.label}${times}${methods}${host} — line ${t.firstLine}`;
    });
    if (a.timeline.length > MAX_TIMELINE_ITEMS)
      items.push(`… and ${a.timeline.length - MAX_TIMELINE_ITEMS} more codes`);
    sections.push({ heading: "Timeline", items });
  }
  if (a.normal.length > 0) sections.push({ heading: "Normal traffic", items: a.normal });
  if (a.correlations.length > 0) sections.push({ heading: "Correlations", items: a.correlations });
  if (a.timers.length > 0) sections.push({ heading: "Timers", items: a.timers.map((t) => t.text) });
  const links = a.timeline
    .filter((t) => t.failure && t.id)
    .slice(0, 5)
    .map((t) => ({ id: t.id ?? "", label: t.label }));
  const fields = [
    {
      label: "Codes found",
      value: `${counts.findings} (${counts.distinct} distinct, ${counts.failures} failing)`,
    },
  ];
  if (a.failingComponent) fields.push({ label: "Likely failing component", value: a.failingComponent });
  return {
    title,
    subtitle: opts.source,
    severity: a.firstFailure ? "error" : counts.findings > 0 ? "good" : "info",
    fields,
    sections,
    checklist: a.checklist,
    links,
    others: [],
    footer:
      "Secrets (credentials, tokens, digest values) and phone numbers are redacted before anything is shown.",
  };
}
