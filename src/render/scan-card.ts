// A scan + analysis as a card: first failure, failing component, compact timeline, what was
// normal, correlations and the merged follow-up checklist.
import { type Analysis, NO_CODES, type TimelineItem } from "../engine/analyze.js";
import type { Card, CardSection } from "./card.js";

export const MAX_TIMELINE_ITEMS = 15;

/** " from 10.0.0.9", or " from 200 hosts: 10.0.0.1 ×40, 10.0.0.2 ×35, …" for a row of many. */
function fromHosts(t: TimelineItem): string {
  if (t.hosts.length === 0) return "";
  if (t.hostTotal <= 1) return ` from ${t.hosts[0]}`;
  const list = t.hosts.map((h, i) => {
    const n = t.hostCounts[i] ?? 1;
    return n > 1 ? `${h} ×${n}` : h;
  });
  if (t.hostTotal > t.hosts.length) list.push("…");
  return ` from ${t.hostTotal} hosts: ${list.join(", ")}`;
}

/** The namespace, code and subcode a row's key starts with. */
function codeOf(t: TimelineItem): string {
  const parts = t.key.split(":");
  return parts.slice(0, 3).join(":");
}

/** "… and 4 more codes", or "… and 3 more rows (1 more code)" when some hidden rows are codes
 *  already shown from other hosts. */
function moreRows(shown: TimelineItem[], hidden: TimelineItem[]): string {
  const seen = new Set(shown.map(codeOf));
  const codes = new Set(hidden.map(codeOf).filter((c) => !seen.has(c))).size;
  const plural = (n: number, w: string) => `${n} more ${w}${n === 1 ? "" : "s"}`;
  if (codes === hidden.length) return `… and ${plural(codes, "code")}`;
  const also = codes > 0 ? ` (${plural(codes, "code")})` : " of the codes above";
  return `… and ${plural(hidden.length, "row")}${also}`;
}

/** ", 2 relayed": codes that only passed another failure on to the caller, when there are any. */
const relayedWords = (n: number) => (n > 0 ? `, ${n} relayed` : "");

/** Lines a relayed row names of the failures it passes on; more end in "…". */
const SHOWN_RELAY_LINES = 3;

/** "relayed to the caller from line 23", or, for a row passing on several calls' failures,
 *  "relayed to the callers from lines 23, 64, 105, …". */
function relayedFrom(t: TimelineItem): string {
  const lines = t.relayLines ?? [];
  if (lines.length < 2) return `relayed to the caller from line ${t.relays}`;
  const more = lines.length > SHOWN_RELAY_LINES ? ", …" : "";
  return `relayed to the callers from lines ${lines.slice(0, SHOWN_RELAY_LINES).join(", ")}${more}`;
}

export function scanCard(a: Analysis, opts: { source?: string } = {}): Card {
  const { counts } = a;
  // A request nobody answered leaves no code, only the timer analysis.
  const silent = counts.findings === 0 && a.timers.length > 0;
  // Nothing failed with a code, but a request got no answer: the label says so ("No answer: BYE to …").
  const unanswered = !a.firstFailure && a.firstFailureLabel ? a.firstFailureLabel : null;
  const title =
    counts.findings === 0
      ? silent
        ? `No error codes, but a request got no answer${unanswered ? `: ${unanswered.replace(/^No answer: /, "")}` : ""}`
        : "No error codes found"
      : unanswered
        ? unanswered
        : a.firstFailureLabel
          ? `First failure: ${a.firstFailureLabel}`
          : "No failures: normal traffic only";
  const sections: CardSection[] = [{ heading: "Summary", text: a.summary }];
  if (counts.findings === 0 && !silent) {
    sections[0] = {
      heading: "Summary",
      text: NO_CODES,
    };
  }
  if (a.timeline.length > 0) {
    const shown = a.timeline.slice(0, MAX_TIMELINE_ITEMS);
    const items = shown.map((t) => {
      const when = t.timestamp ? `${t.timestamp} ` : "";
      const times = t.count > 1 ? ` ×${t.count}` : "";
      const methods = t.methods.length > 0 ? ` (${t.methods.join(", ")})` : "";
      // A B2BUA's relay of another failure to its caller is that failure told again, not a second ✗.
      if (t.relays !== undefined)
        return `${when}↳ ${t.label}${times}${methods} — line ${t.firstLine}, ${relayedFrom(t)}`;
      return `${when}${t.failure ? "✗" : "✓"} ${t.label}${times}${methods}${fromHosts(t)} — line ${t.firstLine}`;
    });
    const hidden = a.timeline.slice(MAX_TIMELINE_ITEMS);
    if (hidden.length > 0) items.push(moreRows(shown, hidden));
    sections.push({ heading: "Timeline", items });
  }
  if (a.normal.length > 0) sections.push({ heading: "Normal traffic", items: a.normal });
  if (a.correlations.length > 0) sections.push({ heading: "Correlations", items: a.correlations });
  if (a.timers.length > 0) sections.push({ heading: "Timers", items: a.timers.map((t) => t.text) });
  // One link per entry, however many hosts or rows it has.
  const links: Card["links"] = [];
  for (const t of a.timeline) {
    if (!t.failure || !t.id || links.some((l) => l.id === t.id)) continue;
    links.push({ id: t.id, label: t.label });
    if (links.length === 5) break;
  }
  const codes = counts.findings - counts.symptoms - counts.registrations;
  const apart = counts.symptoms + counts.registrations;
  const fields = [
    {
      label: "Codes found",
      value:
        apart === 0
          ? `${counts.findings} (${counts.distinct} distinct, ${counts.failures} failing${relayedWords(counts.relayed)})`
          : String(codes),
    },
  ];
  // RTP that stopped carries no code: its own field, so "Codes found" counts codes only.
  if (counts.symptoms > 0) fields.push({ label: "Symptoms", value: String(counts.symptoms) });
  if (counts.registrations > 0)
    fields.push({ label: "Mobius registrations", value: String(counts.registrations) });
  if (a.failingComponent) fields.push({ label: "Likely failing component", value: a.failingComponent });
  return {
    title,
    subtitle: opts.source,
    severity: a.firstFailure || unanswered || silent ? "error" : counts.findings > 0 ? "good" : "info",
    fields,
    sections,
    checklist: a.checklist,
    links,
    others: [],
    footer:
      "Secrets (credentials, tokens, digest values) and phone numbers are redacted before anything is shown.",
  };
}
