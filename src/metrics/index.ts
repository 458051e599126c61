// sipcode's own metrics: HTTP requests and latency by surface, answers and explanations, scan sizes
// and durations, platform API errors, de-duplicated events and reminders. GET /metrics renders them.
import { Counter, Gauge, Histogram, Registry } from "./registry.js";

export { Counter, Gauge, Histogram, Registry } from "./registry.js";

const LATENCY = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export const registry = new Registry();

export const metrics = {
  httpRequests: registry.add(
    new Counter("sipcode_http_requests_total", "HTTP requests by surface (route) and status code."),
  ),
  httpDuration: registry.add(
    new Histogram("sipcode_http_request_duration_seconds", "Time to answer an HTTP request.", LATENCY),
  ),
  answers: registry.add(new Counter("sipcode_answers_total", "Answers given, by surface and kind.")),
  explanations: registry.add(
    new Counter("sipcode_explanations_total", "Catalog entries explained, by namespace."),
  ),
  scanBytes: registry.add(
    new Histogram(
      "sipcode_scan_bytes",
      "Size of scanned pastes and files in bytes.",
      [1_000, 4_000, 16_000, 40_000, 100_000, 1_000_000, 10_000_000],
    ),
  ),
  scanDuration: registry.add(
    new Histogram("sipcode_scan_duration_seconds", "Time to scan and analyse a paste.", LATENCY),
  ),
  findings: registry.add(new Counter("sipcode_scan_findings_total", "Codes found in scans, by namespace.")),
  apiErrors: registry.add(
    new Counter("sipcode_platform_api_errors_total", "Slack and Teams API errors, by platform and code."),
  ),
  duplicates: registry.add(
    new Counter("sipcode_duplicate_events_total", "Deliveries ignored as duplicates, by platform."),
  ),
  storeErrors: registry.add(
    new Counter("sipcode_store_errors_total", "Failed calls to the shared store, by operation."),
  ),
  reminders: registry.add(
    new Counter(
      "sipcode_reminders_total",
      "Reminders by platform and outcome (scheduled, delivered, retried, failed).",
    ),
  ),
  remindersPending: registry.add(
    new Gauge("sipcode_reminders_pending", "Reminders waiting in the store (as of the last poll)."),
  ),
  rss: registry.add(
    new Gauge("process_resident_memory_bytes", "Resident memory of this process.", () =>
      process.memoryUsage.rss(),
    ),
  ),
  heap: registry.add(
    new Gauge("nodejs_heap_used_bytes", "V8 heap in use.", () => process.memoryUsage().heapUsed),
  ),
  uptime: registry.add(
    new Gauge("process_uptime_seconds", "Seconds since the process started.", () => process.uptime()),
  ),
};

export interface ReplySummary {
  kind: string;
  /** Namespaces of explained entries or of scan findings. */
  namespaces: string[];
  scan?: { bytes: number; seconds: number };
  /** Findings counted but not listed (repeats folded past the cap), per namespace. */
  folded?: Array<[string, number]>;
}

/** Records one answer; every surface's answers go through here. */
export function recordAnswer(surface: string, r: ReplySummary): void {
  metrics.answers.inc({ surface, kind: r.kind });
  const counter = r.scan ? metrics.findings : metrics.explanations;
  if (r.namespaces.length <= 4) {
    for (const namespace of r.namespaces) counter.inc({ namespace });
  } else {
    // A paste can hold thousands of findings: count per namespace first, then touch each series once.
    const perNamespace = new Map<string, number>();
    for (const ns of r.namespaces) perNamespace.set(ns, (perNamespace.get(ns) ?? 0) + 1);
    for (const [namespace, n] of perNamespace) counter.inc({ namespace }, n);
  }
  for (const [namespace, n] of r.folded ?? []) if (n > 0) counter.inc({ namespace }, n);
  if (r.scan) {
    metrics.scanBytes.observe({ surface }, r.scan.bytes);
    metrics.scanDuration.observe({ surface }, r.scan.seconds);
  }
}
