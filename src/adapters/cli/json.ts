// The --json shapes other tools rely on (DESIGN.md contract): explain, scan and timers results.
import type { Entry } from "../../catalog/schema.js";
import type { Analysis } from "../../engine/analyze.js";
import type { ExplainResult } from "../../engine/explain.js";
import type { Finding, ScanOutput } from "../../engine/scan/scanner.js";
import type { TimersResult } from "../../engine/timers.js";

const brief = (e: Entry) => ({
  id: e.id,
  namespace: e.namespace,
  code: e.code,
  subcode: e.subcode,
  title: e.title,
});

export function explainJson(r: ExplainResult) {
  return {
    query: r.query,
    kind: r.kind,
    note: r.note,
    results: r.results,
    others: r.others.map(brief),
    classMeaning: r.classEntry
      ? { id: r.classEntry.id, title: r.classEntry.title, meaning: r.classEntry.meaning }
      : null,
    suggestions: r.suggestions.map(brief),
  };
}

/** A media symptom carries no code: null, as in explain results. */
const jsonFinding = (f: Finding) => (f.namespace === "symptom" ? { ...f, code: null } : f);

/** `summary`: the summary's text when the CLI says something truer than the analysis (an empty input). */
export function scanFileJson(path: string | null, scan: ScanOutput, a: Analysis, summary?: string) {
  return {
    path,
    findings: scan.findings.map(jsonFinding),
    summary: {
      text: summary ?? a.summary,
      firstFailure: a.firstFailure && jsonFinding(a.firstFailure),
      failingComponent: a.failingComponent,
      timeline: a.timeline,
      normal: a.normal,
      correlations: a.correlations,
      timers: a.timers,
      checklist: a.checklist,
      counts: a.counts,
    },
  };
}

export function timersJson(t: TimersResult) {
  return {
    profile: t.profile,
    base: t.base,
    calculations: t.calculations,
    errors: t.errors,
    transaction: t.transaction.map((r) => ({
      id: r.entry.id,
      title: r.entry.title,
      udpMs: r.udpMs,
      tcpMs: r.tcpMs,
    })),
    session: t.session.map((e) => ({ id: e.id, title: e.title, ms: e.timer?.defaultMs ?? null })),
    webex: t.webex.map((e) => ({ id: e.id, title: e.title, ms: e.timer?.defaultMs ?? null })),
  };
}
