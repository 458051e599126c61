// Finds the lines of a text block worth a detector run, with a few whole-block searches instead of
// thirty regexes per line: three-digit numbers, a handful of words (cause, code, status, …), "<--"
// and catalog names (cause names, known log messages). Every detector needs one on its line.

import { acsPairAnchors } from "./acs-records.js";
import { ASTERISK_SIP_ANCHORS } from "./asterisk-sip.js";
import { EVENT_ANCHORS as EVENTS } from "./events.js";
import { ALL_DETECTORS, D, W } from "./gates.js";
import type { ScanIndex } from "./scan-index.js";
import { bareClassAnchors, SDK_HTTP_ERROR_ANCHOR } from "./sdk-http-errors.js";

/** A [1-6]\d\d run that no detector could read as part of a longer number, an IP or a path. */
const DIGITS = /(?<![\d./-])[1-6]\d\d(?!\d)/g;
/**
 * The case-insensitive words a non-digit gate or the JSON-pair hint needs (cause, code, status,
 * mobius, details, error_data), without their first letter: V8 searches these twice as fast, and
 * wordBit() checks the letter. The hint's "<--" is found with indexOf.
 */
const WORDS = /ause|ode|tatus|obius|etails|rror_data/gi;
const ARROW = "<--";
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface Anchors {
  /**
   * Catalog-derived literals (cause names, log messages) and a few phrases, in two searches:
   * literals that start with a capital letter, which V8 finds fast together, and the rest.
   */
  named: [RegExp, RegExp];
  /** Matched literal → the detector bits it opens. */
  namedBits: Map<string, number>;
  /** Words of log-message prefixes that end at a space: a message may continue on the next line. */
  splitWords: Set<string>;
  /** The first of those words, which may also end a longer token. */
  firstWords: string[];
  /** Last characters of the split words (a space when a part holds two spaces in a row). */
  splitEnds: Set<number>;
}

const cache = new WeakMap<ScanIndex, Anchors>();

export function anchorsFor(index: ScanIndex): Anchors {
  const hit = cache.get(index);
  if (hit) return hit;
  const namedBits = new Map<string, number>();
  const add = (lit: string, bits: number) => namedBits.set(lit, (namedBits.get(lit) ?? 0) | bits);
  for (const name of index.causeNames.keys()) add(name, D.CAUSE_NAME);
  for (const name of index.ownCauses.keys()) add(name, D.CAUSE_NAME);
  const splitWords = new Set<string>();
  const firstWords = new Set<string>();
  for (const m of index.messages) {
    const first = m.parts[0] ?? "";
    // Any piece of the part is as necessary as the whole; 16 characters from its first capital
    // letter keep the literal selective and the search fast.
    const cap = first.search(/[A-Z]/);
    add(cap >= 0 && first.length - cap >= 8 ? first.slice(cap, cap + 16) : first.slice(0, 16), D.MESSAGES);
    for (let k = first.indexOf(" "); k >= 0; k = first.indexOf(" ", k + 1)) {
      splitWords.add(first.slice(first.lastIndexOf(" ", k - 1) + 1, k));
    }
    if (first.includes(" ")) firstWords.add(first.slice(0, first.indexOf(" ")));
  }
  add("Received response:", D.QUOTED);
  add("received response:", D.QUOTED);
  // Asterisk's dial outcomes (causes.ts), read through the catalog's AST_CAUSE_ names.
  add("DIALSTATUS", D.CAUSE_NAME);
  // An ACS code/subcode pair written in prose ("Teams shows 503/560503").
  for (const lit of acsPairAnchors(index.catalog)) add(lit, D.ACS);
  add("DialStatus", D.CAUSE_NAME);
  add("circuit-busy", D.CAUSE_NAME);
  add("is busy", D.CAUSE_NAME);
  add("Auto fallthrough", D.CAUSE_NAME);
  // Cisco's "show call history voice brief" states its hex cause with no cause word (causes.ts).
  add("dur ", D.CAUSE_NUM);
  // Asterisk's SIP results in its own words (asterisk-sip.ts), sharing pjsip's gate.
  for (const lit of ASTERISK_SIP_ANCHORS) add(lit, D.PJSIP);
  // FreeSWITCH variables holding a SIP status (patterns.ts FS_SIP_VARIABLE).
  // (From their "_": a literal starting with a common lower-case letter slows the whole search.)
  add("_specific_hangup_cause", D.SIP_KEY);
  add("_invite_failure_status", D.SIP_KEY);
  add("Client Error", D.PY_HTTP);
  // The Webex SDK's error classes named after the status (sdk-http-errors.ts) share that gate.
  add(SDK_HTTP_ERROR_ANCHOR, D.PY_HTTP);
  for (const lit of bareClassAnchors(index.httpClassNames)) add(lit, D.PY_HTTP);
  add("Server Error", D.PY_HTTP);
  for (const s of ["s", "S"])
    for (const i of ["i", "I"]) for (const p of ["p", "P"]) add(`${s}${i}${p}-`, D.SIP_WORD);
  // Longest first, so at any position the longest literal is the one reported; a shorter literal
  // that is a prefix of it would match there too, so the longer one carries its bits as well.
  const lits = [...namedBits.keys()].sort((a, b) => b.length - a.length);
  for (const a of lits) for (const b of lits) if (a !== b && a.startsWith(b)) add(a, namedBits.get(b) ?? 0);
  const capital = (l: string) => /^[A-Z]/.test(l);
  const search = (ls: string[]) => new RegExp(ls.length > 0 ? ls.map(escapeRe).join("|") : "(?!)", "g");
  const named: [RegExp, RegExp] = [search(lits.filter(capital)), search(lits.filter((l) => !capital(l)))];
  const splitEnds = new Set([...splitWords].map((w) => (w === "" ? 32 : w.charCodeAt(w.length - 1))));
  const out = { named, namedBits, splitWords, firstWords: [...firstWords], splitEnds };
  cache.set(index, out);
  return out;
}

/** What the walker hands over for one candidate line. */
export interface LineAnchors {
  /** W bits of the words on the line. */
  words: number;
  /** Detector bits of the named literals on the line. */
  named: number;
  /** Start offsets (within the line) of its three-digit numbers; `nDigits` are valid. */
  digits: number[];
  nDigits: number;
  /**
   * The line holds "SIP/2.0", "eep", "Request msg " or "ransmitting #": a request, a keepalive or
   * chan_sip's retransmission of one, for the timing events.
   */
  event: boolean;
}

/** W bits of every word anchor in `text` (for text that is not part of the block, like a join). */
export function wordsIn(text: string): number {
  let bits = text.includes(ARROW) ? W.ARROW : 0;
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m !== null; m = WORDS.exec(text)) {
    bits |= wordBit(text, m.index);
    WORDS.lastIndex = m.index + 1;
  }
  return bits;
}

/** Detector bits of every named anchor in `text`. */
export function namedIn(text: string, anchors: Anchors): number {
  let bits = 0;
  for (const re of anchors.named) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      bits |= anchors.namedBits.get(m[0]) ?? ALL_DETECTORS;
      re.lastIndex = m.index + 1;
    }
  }
  return bits;
}

/** The W bit of the WORDS match at `at`, once the word's first letter is checked (0 if wrong). */
function wordBit(text: string, at: number): number {
  const before = text.charCodeAt(at - 1) | 0x20;
  switch (text.charCodeAt(at) | 0x20) {
    case 0x61: // ause
      return before === 0x63 ? W.CAUSE : 0;
    case 0x6f: // ode, obius
      if ((text.charCodeAt(at + 1) | 0x20) === 0x64) return before === 0x63 ? W.CODE : 0;
      return before === 0x6d ? W.MOBIUS : 0;
    case 0x74: // tatus
      return before === 0x73 ? W.STATUS : 0;
    case 0x65: // etails
      return before === 0x64 ? W.HINT : 0;
    default: // rror_data
      return before === 0x65 ? W.HINT : 0;
  }
}

/** Where the scanner gets its candidate lines from. */
export interface LineSource {
  /** Position of the next anchor not yet taken, or Infinity. */
  peek(): number;
  /** Collects the anchors of the line [ls, le) and moves past it. */
  take(ls: number, le: number): LineAnchors;
  /** True when no word or named anchor (the ones that open vendor detectors) starts before `end`. */
  quietUntil(end: number): boolean;
}

/** Every line, with every anchor: the reference the anchored walk must agree with (tests). */
export class EveryLine implements LineSource {
  private next: number;
  private readonly line: LineAnchors = {
    words: ~0,
    named: ALL_DETECTORS,
    digits: [],
    nDigits: 0,
    event: true,
  };

  constructor(from: number) {
    this.next = from;
  }
  peek(): number {
    return this.next;
  }
  take(_ls: number, le: number): LineAnchors {
    this.next = le + 1;
    return this.line;
  }
  quietUntil(): boolean {
    return false;
  }
}

/**
 * Walks the lines of a text block that hold an anchor, in order: peek() gives the next anchor's
 * position, take() collects everything on that anchor's line. Each search runs once over the block.
 */
export class Walker implements LineSource {
  private g: number;
  private w: number;
  private a: number;
  /** One cursor per named search. */
  private readonly n: [number, number];
  private e: number;
  readonly line: LineAnchors = { words: 0, named: 0, digits: [], nDigits: 0, event: false };

  constructor(
    private readonly text: string,
    private readonly anchors: Anchors,
    from: number,
    events: boolean,
  ) {
    this.g = this.nextDigits(from);
    this.w = this.nextWord(from);
    this.a = this.nextArrow(from);
    this.n = [this.nextNamed(0, from), this.nextNamed(1, from)];
    this.e = events ? this.nextEvent(from) : Number.POSITIVE_INFINITY;
  }

  private nextDigits(from: number): number {
    DIGITS.lastIndex = from;
    return DIGITS.test(this.text) ? DIGITS.lastIndex - 3 : Number.POSITIVE_INFINITY;
  }
  private nextWord(from: number): number {
    WORDS.lastIndex = from;
    return WORDS.test(this.text) ? WORDS.lastIndex - 1 : Number.POSITIVE_INFINITY;
  }
  private nextArrow(from: number): number {
    const i = this.text.indexOf(ARROW, from);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  }
  private nextNamed(k: 0 | 1, from: number): number {
    const re = this.anchors.named[k];
    re.lastIndex = from;
    return re.test(this.text) ? re.lastIndex - 1 : Number.POSITIVE_INFINITY;
  }
  private nextEvent(from: number): number {
    EVENTS.lastIndex = from;
    return EVENTS.test(this.text) ? EVENTS.lastIndex - 1 : Number.POSITIVE_INFINITY;
  }

  peek(): number {
    return Math.min(this.g, this.w, this.a, this.n[0], this.n[1], this.e);
  }

  quietUntil(end: number): boolean {
    return this.w >= end && this.n[0] >= end && this.n[1] >= end;
  }

  take(ls: number, le: number): LineAnchors {
    const l = this.line;
    l.nDigits = 0;
    while (this.g < le) {
      l.digits[l.nDigits++] = this.g - ls;
      this.g = this.nextDigits(this.g + 3);
    }
    l.words = this.w < le ? this.classifyWords(ls, le) : 0;
    if (this.a < le) {
      l.words |= W.ARROW;
      this.a = this.nextArrow(le);
    }
    l.named = 0;
    if (this.n[0] < le) l.named |= this.classifyNamed(0, ls, le);
    if (this.n[1] < le) l.named |= this.classifyNamed(1, ls, le);
    l.event = this.e < le;
    if (l.event) this.e = this.nextEvent(le);
    return l;
  }

  /** W bits of every word in the line (overlapping ones too); the search ends on the next line's. */
  private classifyWords(ls: number, le: number): number {
    let bits = 0;
    WORDS.lastIndex = ls;
    let m = WORDS.exec(this.text);
    for (; m !== null && m.index < le; m = WORDS.exec(this.text)) {
      bits |= wordBit(this.text, m.index);
      WORDS.lastIndex = m.index + 1;
    }
    this.w = m === null ? Number.POSITIVE_INFINITY : m.index;
    return bits;
  }

  /** Detector bits of every named literal starting in the line, overlapping ones too. */
  private classifyNamed(k: 0 | 1, ls: number, le: number): number {
    let bits = 0;
    const re = this.anchors.named[k];
    re.lastIndex = ls;
    let m = re.exec(this.text);
    for (; m !== null && m.index < le; m = re.exec(this.text)) {
      bits |= this.anchors.namedBits.get(m[0]) ?? ALL_DETECTORS;
      re.lastIndex = m.index + 1;
    }
    this.n[k] = m === null ? Number.POSITIVE_INFINITY : m.index;
    return bits;
  }
}
