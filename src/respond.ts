// One entry point every surface calls with what the user typed or pasted: it routes the input,
// runs the engine and returns cards plus a plain-text fallback. Adapters only render and send.
import type { Catalog } from "./catalog/indexes.js";
import { type Analysis, analyze } from "./engine/analyze.js";
import { type ExplainResult, explain } from "./engine/explain.js";
import { type Intent, route } from "./engine/route.js";
import type { RedactOptions } from "./engine/scan/redact.js";
import { type FoldedCount, type ScanOutput, scanText } from "./engine/scan/scanner.js";
import { computeTimers, type TimersResult } from "./engine/timers.js";
import { type ReplySummary, recordAnswer } from "./metrics/index.js";
import { type Card, explainCards } from "./render/card.js";
import { helpCard } from "./render/help.js";
import { scanCard } from "./render/scan-card.js";
import { cardsToText } from "./render/text.js";
import { timersCard } from "./render/timers-card.js";

export type Surface = "cli" | "shell" | "slack" | "teams";

export type Reply =
  | { kind: "help"; cards: Card[]; text: string }
  | { kind: "explain"; cards: Card[]; text: string; result: ExplainResult }
  | { kind: "scan"; cards: Card[]; text: string; scan: ScanOutput; analysis: Analysis }
  | { kind: "timers"; cards: Card[]; text: string; timers: TimersResult };

/** Pastes beyond this are cut (and the reply says so); chat messages top out at 40,000 characters. */
export const MAX_PASTE_CHARS = 1_000_000;

export function respond(catalog: Catalog, input: string, surface: Surface, opts: RedactOptions = {}): Reply {
  return respondTo(catalog, route(input), surface, opts);
}

export function respondTo(
  catalog: Catalog,
  intent: Intent,
  surface: Surface,
  opts: RedactOptions = {},
): Reply {
  const started = performance.now();
  const reply = answer(catalog, intent, surface, opts);
  countReply(surface, reply, started);
  return reply;
}

/**
 * A reply not yet counted in /metrics, for a caller that may build another in its place or give
 * none (Slack's thread replies): it counts the one it gives with countReply, so each answer
 * counts once.
 */
export function draftReply(
  catalog: Catalog,
  input: string,
  surface: Surface,
  opts: RedactOptions = {},
): Reply {
  return answer(catalog, route(input), surface, opts);
}

/** Counts an answer given; `started` (performance.now()) times a scan. */
export function countReply(surface: Surface, reply: Reply, started?: number): void {
  recordAnswer(surface, summarize(reply, started));
}

/** What /metrics counts about a reply (namespaces, and for scans their size and duration). */
export function summarize(reply: Reply, started?: number): ReplySummary {
  switch (reply.kind) {
    case "explain":
      return { kind: reply.result.kind, namespaces: reply.result.results.map((e) => e.namespace) };
    case "scan":
      return {
        kind: "scan",
        namespaces: reply.scan.findings.map((f) => f.namespace),
        folded: foldedByNamespace(reply.scan),
        scan: {
          bytes: reply.scan.bytes,
          seconds: started === undefined ? 0 : (performance.now() - started) / 1000,
        },
      };
    default:
      return { kind: reply.kind, namespaces: [] };
  }
}

function answer(catalog: Catalog, intent: Intent, surface: Surface, opts: RedactOptions): Reply {
  switch (intent.type) {
    case "help": {
      const cards = [helpCard(surface)];
      return { kind: "help", cards, text: cardsToText(cards) };
    }
    case "timers": {
      const timers = computeTimers(catalog, intent.args);
      const cards = [timersCard(timers)];
      return { kind: "timers", cards, text: cardsToText(cards), timers };
    }
    case "scan": {
      const cut = intent.text.length > MAX_PASTE_CHARS;
      const scan = scanText(catalog, cut ? intent.text.slice(0, MAX_PASTE_CHARS) : intent.text, opts);
      const analysis = analyze(catalog, scan);
      const question = intent.asked ? undefined : oneLineQuestion(intent.text, scan);
      if (question !== undefined) {
        // One pasted line naming one code ("SIP/2.0 486 Busy Here", "HANGUPCAUSE=34") is a
        // question about that code: its card answers it better than a one-row timeline. A line in
        // which the scanner finds nothing is answered as the question it may be.
        const cards = explainCards(explain(catalog, question));
        if (cards.length > 0) return { kind: "scan", cards, text: cardsToText(cards), scan, analysis };
      }
      const card = scanCard(
        analysis,
        cut ? { source: `Only the first ${MAX_PASTE_CHARS.toLocaleString("en")} characters were read.` } : {},
      );
      return { kind: "scan", cards: [card], text: cardsToText([card]), scan, analysis };
    }
    case "explain": {
      if (intent.query.trim() === "") return answer(catalog, { type: "help" }, surface, opts);
      const result = explain(catalog, intent.query);
      // A log line typed or pasted on its own ("… Hangup … [USER_BUSY]") that is no question the
      // catalog answers is read as the log line it is.
      if (
        result.kind === "unknown" &&
        !intent.query.includes("\n") &&
        scanText(catalog, intent.query, opts).findings.length > 0
      )
        return answer(catalog, { type: "scan", text: intent.query }, surface, opts);
      const cards = explainCards(result);
      return { kind: "explain", cards, text: cardsToText(cards), result };
    }
  }
}

/**
 * What to explain for a one-line paste: the catalog id of the one code it holds, or the line itself
 * when it holds none; undefined for longer pastes and lines with several codes.
 */
function oneLineQuestion(text: string, scan: ScanOutput): string | undefined {
  const line = text.trim();
  if (line === "" || line.includes("\n") || line.length > SINGLE_LINE) return undefined;
  const [f, ...rest] = scan.findings;
  if (!f) return line;
  const same = rest.every((g) => g.namespace === f.namespace && g.code === f.code && g.subcode === f.subcode);
  if (!same) return undefined;
  // A code the catalog lacks is asked about by namespace and number, which explains what is known
  // of it (the class rule of an unknown SIP code, a stack's own cause number).
  return f.id ?? [f.namespace, f.code, f.subcode].filter((p) => p !== null).join(" ");
}

/** A one-line paste up to this long may be answered with the card of the code it holds. */
const SINGLE_LINE = 300;

/**
 * Repeats past the findings cap, per namespace, so /metrics counts every code the card counts.
 * Repeats that could not be given a key (too many distinct hosts) count as "unattributed".
 */
function foldedByNamespace(scan: {
  omitted: number;
  folded: readonly FoldedCount[];
}): Array<[string, number]> {
  if (scan.omitted === 0) return [];
  const out = new Map<string, number>();
  let attributed = 0;
  for (const f of scan.folded) {
    out.set(f.namespace, (out.get(f.namespace) ?? 0) + f.count);
    attributed += f.count;
  }
  if (scan.omitted > attributed) out.set("unattributed", scan.omitted - attributed);
  return [...out];
}
