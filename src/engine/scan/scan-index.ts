// Detector data derived from the catalog once per catalog: hangup-cause names, reason phrases,
// the exact log messages that name a failing dependency and the Mobius statuses. Vendors differ
// in data, not code.

import type { Catalog } from "../../catalog/indexes.js";
import type { Entry, Namespace } from "../../catalog/schema.js";
import { normalizeText } from "../../catalog/text.js";
import { type OwnCause, ownCauseNames } from "./own-causes.js";
import { httpClassNames } from "./sdk-http-errors.js";

export interface MessagePattern {
  /** Literal pieces of the message, in order; `{}` placeholders split them. */
  parts: string[];
  entry: Entry;
  dependency: string;
  text: string;
}

/** What a cause name stands for: a Q.850 cause, or a SIP status (FreeSWITCH's ORIGINATOR_CANCEL). */
export interface NamedCode {
  namespace: "q850" | "sip";
  code: number;
}

/** Mobius statuses (entries without a mobius-error) and the words that tell their phase. */
export interface VendorStatus {
  namespace: Namespace;
  codes: Set<number>;
  /** Phase of the entry and a regex for its word ("regist" → registration), in catalog order. */
  phases: Array<{ phase: string; re: RegExp }>;
}

export interface ScanIndex {
  catalog: Catalog;
  /**
   * Cause names (NORMAL_CLEARING, AST_CAUSE_BUSY) from the aliases of Q.850 entries, and of SIP
   * entries for the stack-internal names that stand for a SIP status; Q.850 wins a clash.
   */
  causeNames: Map<string, NamedCode>;
  /** FreeSWITCH's own hangup causes (no Q.850 value) and the entries that explain them. */
  ownCauses: Map<string, OwnCause>;
  /** mobius-error → the HTTP status it comes with, when the catalog names exactly one. */
  mobiusStatusOf: Map<number, number>;
  /** Bare numbers on a line that names Mobius: which of them are Mobius statuses. */
  mobius: VendorStatus;
  /** "sip:486" → normalised reason phrases that confirm a bare number is that code. */
  phrases: Map<string, string[]>;
  messages: MessagePattern[];
  /** Normalised SIP reason phrase → code, for stacks that log only the phrase. */
  sipByPhrase: Map<string, number>;
  /** True when a segment may contain one of the messages (tested before the per-message loop). */
  messageRe: RegExp | null;
  /** Regex finding any cause name, built from causeNames. */
  causeNameRe: RegExp | null;
  /** Per three-digit number: KNOWN_CODE and/or PHRASED_CODE, for SIP or HTTP. */
  codeFlags: Uint8Array;
  /** Per three-digit number: bit n set when a SIP or HTTP phrase for it starts with letter n (a = 0). */
  phraseLetters: Uint32Array;
  /** An HTTP status's name as an SDK's error class spells it ("TooManyRequests") → its code. */
  httpClassNames: Map<string, number>;
}

/** An alias that is a stack's cause name: UPPER_SNAKE_CASE. */
const CAUSE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** The catalog has a SIP or HTTP entry for the number. */
export const KNOWN_CODE = 1;
/** The number has SIP or HTTP reason phrases that phraseConfirms() can match. */
export const PHRASED_CODE = 2;

const cache = new WeakMap<Catalog, ScanIndex>();

export function scanIndexFor(catalog: Catalog): ScanIndex {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const causeNames = new Map<string, NamedCode>();
  const mobiusStatusOf = new Map<number, number>();
  const mobius: VendorStatus = { namespace: "mobius", codes: new Set(), phases: [] };
  const phrases = new Map<string, string[]>();
  const messages: MessagePattern[] = [];
  const sipByPhrase = new Map<string, number>();
  for (const e of catalog.entries) {
    if (e.namespace === "sip" && e.code !== null && !sipByPhrase.has(normalizeText(e.title))) {
      sipByPhrase.set(normalizeText(e.title), e.code);
    }
    if ((e.namespace === "q850" || e.namespace === "sip") && e.code !== null) {
      for (const a of e.aliases) {
        if (!CAUSE_NAME.test(a) || causeNames.get(a)?.namespace === "q850") continue;
        causeNames.set(a, { namespace: e.namespace, code: e.code });
      }
    }
    if (e.namespace === "mobius" && e.code !== null) {
      if (e.subcode !== null) {
        const other = mobiusStatusOf.get(e.subcode);
        mobiusStatusOf.set(e.subcode, other === undefined || other === e.code ? e.code : -1);
      } else {
        mobius.codes.add(e.code);
        if (e.phase && !mobius.phases.some((p) => p.phase === e.phase))
          mobius.phases.push({ phase: e.phase, re: new RegExp(`\\b${e.phase.slice(0, 6)}`, "i") });
      }
    }
    if ((e.namespace === "sip" || e.namespace === "http") && e.code !== null) {
      const key = `${e.namespace}:${e.code}`;
      const list = phrases.get(key) ?? [];
      for (const p of [e.title, ...e.aliases]) {
        const n = normalizeText(p);
        if (n.length >= 2 && !list.includes(n)) list.push(n);
      }
      phrases.set(key, list);
    }
    for (const m of e.logMessages) {
      const parts = m.text
        .split("{}")
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
      if (parts.length > 0) messages.push({ parts, entry: e, dependency: m.dependency, text: m.text });
    }
  }
  // Longest messages first so a specific message wins over a shorter one it contains.
  messages.sort((a, b) => b.parts.join("").length - a.parts.join("").length);
  // Every cause name is one upper-case word with an underscore (CAUSE_NAME), so a search for such
  // words and a map lookup find the same names as an alternation of all of them, much faster.
  const causeNameRe = causeNames.size > 0 ? /\b([A-Z][A-Z0-9]*_[A-Z0-9_]*)\b/g : null;
  const firsts = [...new Set(messages.map((m) => (m.parts[0] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))];
  const messageRe = firsts.length > 0 ? new RegExp(firsts.join("|")) : null;
  const codeFlags = new Uint8Array(1000);
  const phraseLetters = new Uint32Array(1000);
  for (let c = 100; c < 1000; c++) {
    for (const p of [...(phrases.get(`sip:${c}`) ?? []), ...(phrases.get(`http:${c}`) ?? [])]) {
      const l = p.charCodeAt(0) - 97;
      if (l >= 0 && l < 26) phraseLetters[c] = (phraseLetters[c] ?? 0) | (1 << l);
    }
    if (catalog.byId.has(`sip/${c}`) || catalog.byId.has(`http/${c}`)) codeFlags[c] = KNOWN_CODE;
    if (phrases.has(`sip:${c}`) || phrases.has(`http:${c}`))
      codeFlags[c] = (codeFlags[c] ?? 0) | PHRASED_CODE;
  }
  for (const [sub, code] of mobiusStatusOf) if (code < 0) mobiusStatusOf.delete(sub);
  const index = {
    catalog,
    causeNames,
    ownCauses: ownCauseNames(catalog, causeNames),
    mobiusStatusOf,
    mobius,
    phrases,
    messages,
    causeNameRe,
    sipByPhrase,
    messageRe,
    codeFlags,
    phraseLetters,
    httpClassNames: httpClassNames(catalog),
  };
  cache.set(catalog, index);
  return index;
}

/** Does the text after a number read like that code's reason phrase ("486 Busy Here")? */
export function phraseConfirms(index: ScanIndex, ns: "sip" | "http", code: number, after: string): boolean {
  return phraseWords(index, ns, code, after) > 0;
}

/**
 * How many words of the text after a number are that code's reason phrase: the longest phrase it
 * starts with, or 1 when only a phrase's first six letters match ("401 unauthenticated"); 0 when
 * the text reads like none of them.
 */
export function phraseWords(index: ScanIndex, ns: "sip" | "http", code: number, after: string): number {
  const list = index.phrases.get(`${ns}:${code}`);
  if (!list) return 0;
  // Only as many normalised characters as the longest phrase needs.
  let need = 2;
  for (const p of list) if (p.length > need) need = p.length;
  const words = asciiWords(after.slice(0, 48), need) ?? normalizeText(after.slice(0, 48));
  if (words.length < 2) return 0;
  let best = 0;
  for (const p of list) {
    if (words.startsWith(p)) best = Math.max(best, p.split(" ").length);
    else if (p.length >= 6 && words.startsWith(p.slice(0, 6))) best = Math.max(best, 1);
  }
  return best;
}

/** The text up to the end of its `n`-th run of letters and digits ("Busy Here; from IP" → "Busy Here"). */
export function firstWords(text: string, n: number): string {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || text.charCodeAt(i) > 127;
    if (alnum && !inRun) runs++;
    else if (!alnum && inRun && runs === n) return text.slice(0, i);
    inRun = alnum;
  }
  return text;
}

/**
 * The first `max` characters (or a few more) of normalizeText(s) for ASCII text, computed
 * without its Unicode passes; undefined when a non-ASCII character comes first.
 */
function asciiWords(s: string, max: number): string | undefined {
  let out = "";
  let gap = false;
  for (let i = 0; i < s.length && out.length < max; i++) {
    let c = s.charCodeAt(i);
    if (c > 127) return undefined;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out.length > 0) out += " ";
      out += String.fromCharCode(c);
      gap = false;
    } else gap = true;
  }
  return out;
}

/**
 * The phase a line's words name ("Mobius registration failed …" → registration): the phase whose
 * word comes first, or undefined.
 */
export function phaseIn(status: VendorStatus, text: string): string | undefined {
  let best: string | undefined;
  let at = Number.POSITIVE_INFINITY;
  for (const p of status.phases) {
    const m = p.re.exec(text);
    if (m && m.index < at) {
      at = m.index;
      best = p.phase;
    }
  }
  return best;
}
