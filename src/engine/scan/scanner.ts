// The streaming log scanner: text in (any size, any encoding junk), findings out. Memory stays
// bounded: a few dozen lines of look-ahead/look-behind and a cap on stored findings.
import type { Catalog } from "../../catalog/indexes.js";
import type { Namespace } from "../../catalog/schema.js";
import { lineSurroundings, parseTimestamp, sipHeaders } from "./context.js";
import { detect, detectVendor, type Hit, isQuietLine } from "./detectors.js";
import { type RedactOptions, redact } from "./redact.js";
import { type ScanIndex, scanIndexFor } from "./scan-index.js";

export interface Finding {
  namespace: Namespace;
  code: number;
  subcode: number | null;
  /** Catalog id, or null when the code is real but the catalog has no entry for it. */
  id: string | null;
  line: number;
  /** The line the code was found on, redacted and shortened. */
  text: string;
  method?: string;
  callId?: string;
  timestamp?: string;
  tsMs?: number;
  direction?: "in" | "out" | "local";
  host?: string;
  agent?: string;
  via?: string;
  reason?: string;
  dependency?: string;
  confidence: number;
  detector: string;
}

/** Requests and keepalives with their time: what the timer-aware analysis measures between. */
export interface TimingEvent {
  kind: "request" | "keepalive";
  method?: string;
  line: number;
  tsMs: number;
  callId?: string;
  /** For a BYE: the Reason header or the line's own words (session timer mentions). */
  note?: string;
}

export interface ScanOutput {
  findings: Finding[];
  events: TimingEvent[];
  /** Findings beyond the storage cap, counted but not kept. */
  omitted: number;
  lines: number;
  bytes: number;
}

export const MAX_STORED_FINDINGS = 2000;
export const MAX_EVENTS = 5000;
const REQUEST_LINE =
  /\b(INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|UPDATE|PRACK|SUBSCRIBE|NOTIFY|REFER|INFO|MESSAGE) (?:sips?|tel):\S+ SIP\/2\.0\s*$/;
const KEEPALIVE = /keep-?alive/i;
const LOOKAHEAD = 40;
const LOOKBEHIND = 8;
const SEGMENT = 4096;
const EXCERPT = 160;
/** Lines that may open a multi-line {code, subCode} / error_data / SipDetails / SDK status pair. */
const JSON_PAIR_HINT = /(?:sub)?code["']?\s*[:=]|error_data|Details|status\s*:|Status code:|<--|mobius/i;
const LOOSE = new Set(["phrase", "keyword", "ami-cause"]);

function triggerFor(index: ScanIndex): RegExp {
  const words = index.messages.map((m) =>
    (m.parts[0] ?? "").slice(0, 16).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
  );
  const base =
    'SIP\\/2\\.0[ \\t]|SIP[- ]\\d|Response msg|error_data|Details|state \\[|_code|[Ss]ip[Ss]tatus|uas=|after |Fehler|[Ee]rror|[Ss]ays |[Dd]eclin|[Rr]eason|[Cc]ode|CODE|mobius|response_status|[A-Z]_[A-Z]|[Cc]ause|CAUSE|HTTP\\/|<--|[Ss]tatus|Error|Exception|[1-6]\\d\\d[ \\t]+"?[A-Z]|[Gg]ot |[Rr]eceiv|[Rr]eturn|[Rr]espon|[Aa]nswer|[Rr]epl|[Ss]en[dt]|[Rr]eject|[Ff]ail';
  return new RegExp([base, ...new Set(words)].join("|"));
}

export class Scanner {
  private readonly index: ScanIndex;
  private readonly trigger: RegExp;
  private window: string[] = [];
  /** Line number (1-based) of window[0]. */
  private windowStart = 1;
  private pos = 0;
  private carry = "";
  private bytes = 0;
  readonly findings: Finding[] = [];
  readonly events: TimingEvent[] = [];
  omitted = 0;

  constructor(
    catalog: Catalog,
    private readonly opts: RedactOptions = {},
  ) {
    this.index = scanIndexFor(catalog);
    this.trigger = triggerFor(this.index);
  }

  push(chunk: string): void {
    this.bytes += chunk.length;
    const text = this.carry + chunk;
    const lines = text.split("\n");
    this.carry = lines.pop() ?? "";
    // A single enormous line is processed in pieces so the carry never grows without bound.
    if (this.carry.length > 1 << 20) {
      lines.push(this.carry);
      this.carry = "";
    }
    for (const l of lines) this.window.push(l.endsWith("\r") ? l.slice(0, -1) : l);
    this.drain(false);
  }

  end(): ScanOutput {
    if (this.carry !== "") this.window.push(this.carry);
    this.carry = "";
    this.drain(true);
    return {
      findings: this.findings,
      events: this.events,
      omitted: this.omitted,
      lines: this.windowStart + this.pos - 1,
      bytes: this.bytes,
    };
  }

  private drain(final: boolean): void {
    while (this.pos < this.window.length && (final || this.window.length - this.pos > LOOKAHEAD)) {
      this.processLine(this.pos);
      this.pos++;
    }
    const drop = this.pos - LOOKBEHIND;
    if (drop > 1024 || (final && drop > 0)) {
      this.window = this.window.slice(drop);
      this.windowStart += drop;
      this.pos -= drop;
    }
  }

  private processLine(i: number): void {
    const line = this.window[i] ?? "";
    if (this.events.length < MAX_EVENTS) this.recordEvent(i, line);
    if (line.length < 3 || !this.trigger.test(line.length > SEGMENT ? line.slice(0, SEGMENT * 64) : line))
      return;
    if (isQuietLine(line)) return;
    const hits: Hit[] = [];
    const emit = (h: Omit<Hit, "at">, at: number) => {
      (h as Hit).at = at;
      hits.push(h as Hit);
    };
    for (let off = 0; off < line.length; off += SEGMENT - 64) {
      const seg = line.length <= SEGMENT ? line : line.slice(off, off + SEGMENT);
      detect(seg, this.index, (h, at) => emit(h, at + off));
      if (line.length <= SEGMENT) break;
    }
    // Pretty-printed JSON spreads {code, subCode} over several lines: read the next few with it.
    if (line.length < 400 && JSON_PAIR_HINT.test(line)) {
      const joined = [line, ...this.window.slice(i + 1, i + 5).map((l) => l.trim())].join(" ");
      // Only pairs that start on this line belong to it; later lines get their own turn.
      detectVendor(joined.slice(0, SEGMENT), this.index, (h, at) => {
        if (at < line.length) emit(h, at);
      });
    }
    this.record(i, line, hits);
  }

  private record(i: number, line: string, hits: Hit[]): void {
    if (hits.length === 0) return;
    if (hits.length === 1) {
      // The common case (one status line, one code): none of the same-line rules apply.
      this.keep(i, line, hits);
      return;
    }
    const best = new Map<string, Hit>();
    for (const h of hits) {
      const key = `${h.namespace}:${h.code}:${h.subcode}`;
      const prev = best.get(key);
      if (!prev || h.confidence > prev.confidence) best.set(key, h);
    }
    // "403" alone and "403 with mobius-error 101" from the same line are one finding: keep the pair.
    for (const [key, h] of best) {
      if (
        h.subcode === null &&
        [...best.values()].some((o) => o !== h && o.namespace === h.namespace && o.code === h.code)
      ) {
        best.delete(key);
      }
    }
    // SIP and HTTP share numbers: one number on one line is one of them, the better-supported one.
    for (const [key, h] of best) {
      if (h.namespace !== "sip" && h.namespace !== "http") continue;
      const other = best.get(`${h.namespace === "sip" ? "http" : "sip"}:${h.code}:null`);
      if (other && other.confidence > h.confidence) best.delete(key);
    }
    const strong = [...best.values()].filter((h) => !LOOSE.has(h.detector));
    const numbers = new Set(strong.flatMap((h) => [h.code, h.subcode]));
    this.keep(
      i,
      line,
      [...best.values()].filter((h) => !(LOOSE.has(h.detector) && numbers.has(h.code))),
    );
  }

  private keep(i: number, line: string, hits: Hit[]): void {
    const lineNo = this.windowStart + i;
    for (const h of hits) {
      if (h.namespace === "sip" && (h.code < 100 || h.code > 699)) continue;
      if (this.isRepeatOfVendorPair(h, lineNo)) continue;
      if (this.findings.length >= MAX_STORED_FINDINGS) {
        this.omitted++;
        continue;
      }
      this.findings.push(this.toFinding(i, lineNo, line, h));
    }
  }

  /** A JSON pair read through the look-ahead is found again on its own subCode line: keep one. */
  private isRepeatOfVendorPair(h: Hit, lineNo: number): boolean {
    if (h.namespace !== "acs" && h.namespace !== "exotel" && h.detector !== "mobius-json") return false;
    for (let k = this.findings.length - 1; k >= 0 && k >= this.findings.length - 4; k--) {
      const f = this.findings[k];
      if (
        f &&
        lineNo - f.line <= 4 &&
        f.namespace === h.namespace &&
        f.code === h.code &&
        f.subcode === h.subcode
      ) {
        return true;
      }
    }
    return false;
  }

  /** SIP request lines and keepalive mentions, kept (with their time) for timer analysis. */
  private recordEvent(i: number, line: string): void {
    const trimmed = line.trimEnd();
    let ev: Omit<TimingEvent, "tsMs" | "line"> | null = null;
    if (trimmed.endsWith("SIP/2.0")) {
      const m = REQUEST_LINE.exec(trimmed);
      if (m?.[1]) {
        const headers = sipHeaders(this.window, i);
        ev = { kind: "request", method: m[1], callId: headers.callId };
        if (m[1] === "BYE") {
          const reason = this.window.slice(i + 1, i + 30).find((l) => /^\s*Reason\s*:/i.test(l));
          if (reason) ev.note = reason.trim().slice(0, 160);
        }
      }
    } else if (line.includes("eep") && KEEPALIVE.test(line)) {
      ev = { kind: "keepalive" };
    }
    if (!ev) return;
    const ts = this.timeOf(i);
    if (ts) this.events.push({ ...ev, line: this.windowStart + i, tsMs: ts.ms });
  }

  /** Timestamps already parsed, by absolute line number (a trace asks for the same lines often). */
  private readonly stamps = new Map<number, { text: string; ms: number } | null>();

  private stampOf(k: number): { text: string; ms: number } | null {
    const abs = this.windowStart + k;
    let ts = this.stamps.get(abs);
    if (ts === undefined) {
      ts = parseTimestamp(this.window[k] ?? "") ?? null;
      if (this.stamps.size > 256) this.stamps.clear();
      this.stamps.set(abs, ts);
    }
    return ts;
  }

  /** The line's own timestamp, or the nearest one in the three lines before it. */
  private timeOf(i: number): { text: string; ms: number } | undefined {
    for (let k = i; k >= Math.max(0, i - 3); k--) {
      const ts = this.stampOf(k);
      if (ts) return ts;
    }
    return undefined;
  }

  private toFinding(i: number, lineNo: number, line: string, h: Hit): Finding {
    const around = lineSurroundings(line.slice(0, 600));
    const ts = this.timeOf(i);
    if (ts) {
      around.timestamp = ts.text;
      around.tsMs = ts.ms;
    }
    const headers = h.detector === "sip-status" ? sipHeaders(this.window, i) : {};
    const start = Math.max(0, Math.min(h.at - 40, line.length - EXCERPT));
    const excerpt =
      (start > 0 ? "…" : "") +
      line.slice(start, start + EXCERPT) +
      (line.length > start + EXCERPT ? "…" : "");
    const f: Finding = {
      namespace: h.namespace,
      code: h.code,
      subcode: h.subcode,
      id: resolveId(this.index.catalog, h),
      line: lineNo,
      text: redact(excerpt, this.opts),
      confidence: h.confidence,
      detector: h.detector,
    };
    const method = h.method ?? headers.method;
    if (method) f.method = method;
    if (headers.callId) f.callId = redact(headers.callId, this.opts);
    if (around.timestamp) f.timestamp = around.timestamp;
    if (around.tsMs !== undefined) f.tsMs = around.tsMs;
    if (around.direction) f.direction = around.direction;
    if (around.host) f.host = around.host;
    if (headers.agent) f.agent = redact(headers.agent, this.opts);
    if (headers.via) f.via = headers.via;
    if (h.reason) f.reason = redact(h.reason, this.opts);
    if (h.dependency) f.dependency = h.dependency;
    return f;
  }
}

/** The catalog entry a hit refers to; Mobius/ACS fall back from the exact pair to the family. */
export function resolveId(catalog: Catalog, h: Hit): string | null {
  if (h.entryId) return h.entryId;
  const has = (id: string) => (catalog.byId.has(id) ? id : null);
  switch (h.namespace) {
    case "mobius": {
      if (h.subcode !== null) return has(`mobius/${h.code}-${h.subcode}`);
      const sameCode = (catalog.byCode.get(h.code) ?? []).filter(
        (e) => e.namespace === "mobius" && e.subcode === null,
      );
      const byPhase = h.phase ? sameCode.find((e) => e.phase === h.phase) : undefined;
      return (byPhase ?? sameCode[0])?.id ?? null;
    }
    case "acs":
      return has(`acs/${h.code}-${h.subcode}`) ?? has(`acs/${h.code}`);
    default:
      return has(`${h.namespace}/${h.code}`);
  }
}

/** Scans a whole string (a chat paste). */
export function scanText(catalog: Catalog, text: string, opts: RedactOptions = {}): ScanOutput {
  const s = new Scanner(catalog, opts);
  s.push(text);
  return s.end();
}
