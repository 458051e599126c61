// Bounded storage for findings: the first MAX_STORED_FINDINGS are kept as they come; after that,
// repeats fold into a count per timeline key, so a failure first seen on line 900,000 of a proxy
// log is still kept (and named the first failure) while memory stays bounded.
import { AxiosDumps, StatusEchoes } from "./claims.js";
import type { Hit } from "./detectors.js";
import type { Finding } from "./finding.js";
import { answers, isChallenge } from "./fold-answers.js";
import {
  count,
  detach,
  type FoldedCount,
  FoldKeys,
  form,
  type KeyState,
  keyHost,
  MAX_CODES,
  MAX_KEYS,
  PLAIN,
  UNANSWERED,
} from "./fold-keys.js";
import { lineKeyHost } from "./line-key-host.js";
import { markUnregistered } from "./lookup-miss.js";
import { MessageScope } from "./message-scope.js";
import { MobiusEchoes } from "./mobius-http.js";
import { MobiusPairs } from "./mobius-pairs.js";
import { RecentHits } from "./recent-hits.js";
import { Restatements } from "./restated.js";

export { type FoldedCount, groupKey, keyHost, MAX_KEYS } from "./fold-keys.js";

/** Every finding is kept up to here (a chat paste never gets further). */
export const MAX_STORED_FINDINGS = 2000;
/** Past it, this many of each key are kept: the first is what the timeline and analysis need. */
export const FIRST_PER_KEY = 3;
/** 200 OKs and 408s kept past the cap so the timer analysis can pair them with requests, and
 *  how many may be looked at for it (a 200 OK's method needs its headers read). */
const MAX_TIMED = 2000;
const TIMED_TRIES = 5000;
/** How many later findings may answer a 401/407 challenge (analyze looks as far). */
const ANSWER_WINDOW = 200;
const MAX_CHALLENGES = 16;
/** The most findings a store ever holds. */
export const MAX_FINDINGS = MAX_STORED_FINDINGS + FIRST_PER_KEY * (4 * MAX_KEYS + MAX_CODES) + MAX_TIMED + 1;

/** The line being scanned, and how to turn one of its hits into a finding. */
export interface HitSource {
  line: string;
  build(h: Hit): Finding;
  /** For a SIP status line with no host of its own: the sender named by the transport line above. */
  sourceHost(): string | undefined;
  /** The `n` lines above the line (fewer at the start of what is kept), nearest first. */
  above(n: number): string[];
  /** The `n` lines below the line (fewer at the end of what has been read). */
  below(n: number): string[];
}

/** A 401/407 past the cap, waiting to see whether a success answers it. */
interface Challenge {
  f: Finding;
  state: KeyState | undefined;
  kept: boolean;
  left: number;
}

export class FindingStore {
  readonly findings: Finding[] = [];
  /** Set for large inputs: every kept finding's strings are copied (see `detach`), not only
   *  those kept past the cap, so findings far apart in a big log do not each keep a block alive. */
  detachAll = false;
  omitted = 0;
  private readonly keys = new FoldKeys();
  readonly folded: FoldedCount[] = [];
  private challenges: Challenge[] = [];
  private timedTries = TIMED_TRIES;
  private timedKept = 0;
  private hasDependency = false;
  /** The last four hits offered (kept or folded) and their lines. */
  private readonly recent = new RecentHits();
  private readonly echoes = new StatusEchoes();
  private readonly axios = new AxiosDumps();
  private readonly replies = new MobiusEchoes();
  private readonly pairs = new MobiusPairs();
  private readonly restated = new Restatements();
  /** The line of the client's Mobius reply being offered, or -1. */
  private replyLine = -1;
  /** The host named by the line last offered, found once per line. */
  private hostLine = -1;
  private host: string | undefined;
  private lastFinding: Finding | undefined;
  /** The SIP message the findings being built belong to. */
  private readonly scope = new MessageScope();
  /** Keys are counted only once the cap is reached: a chat paste never pays for them. */
  private indexed = false;

  /**
   * A JSON pair read through the look-ahead is found again on its own subCode line: true for
   * that second sighting, which is neither kept nor counted.
   */
  isVendorPairRepeat(h: Hit, lineNo: number): boolean {
    // A Mobius pair is decided in offer(), where its line and the lines above it are known.
    return h.detector !== "mobius-json" && this.recent.isVendorPairRepeat(h, lineNo);
  }

  /**
   * Offers a hit found on `src.line` (line number `lineNo`). Building its finding is the costly
   * part, so it happens only for hits that may be kept. `timing`: the scanner still records
   * events for the timer analysis.
   */
  offer(hit: Hit, lineNo: number, src: HitSource, timing: boolean): void {
    // A Mobius pair read again on a line its first reading reached (mobius-pairs.ts).
    if (hit.detector === "mobius-json" && this.pairs.repeats(hit, lineNo, src.line, (n) => src.above(n)))
      return;
    // Lines that restate a code, or give it its meaning (restated.ts).
    let h = this.restated.take(hit, lineNo, src);
    if (h === null) return;
    const held = this.replies.release(lineNo);
    if (held) this.settle(held);
    if (h.detector === "ami-cause" && this.recent.restatesReason(h, lineNo, src.line)) return;
    if (h.detector === "mobius-sdk" && this.echoes.repeats(h, src.line, lineNo)) return;
    if (h.detector === "http-client" && this.axios.repeats(h, src.line, lineNo)) return;
    // The SDK's status, or its error object read as HTTP, restating the Mobius reply above.
    const echo = h.detector === "mobius-sdk" || (h.detector === "http-client" && h.namespace === "http");
    if (echo && this.replies.repeats(h, lineNo, src.line, (x) => src.build(x))) return;
    this.replyLine = MobiusEchoes.isReply(h.detector, h.code, src.line) ? lineNo : -1;
    if (this.replyLine === lineNo) h = this.replies.expect(h, src.line, (x) => src.build(x));
    this.recent.push(h, lineNo);
    // Hits of repeated lines are shared objects: a finding built for an earlier offer is stale.
    this.lastFinding = undefined;
    if (this.findings.length < MAX_STORED_FINDINGS) {
      this.keep(this.build(h, src));
      return;
    }
    if (!this.indexed) this.index();
    // A client's reply from a Mobius URL (still HTTP when its status alone fits no Mobius entry).
    if (h.subcode === null && this.replyLine === lineNo) {
      const before = this.replies.hold(this.build(h, src));
      if (before) this.settle(before);
      return;
    }
    if (lineNo !== this.hostLine) {
      this.hostLine = lineNo;
      this.host = lineKeyHost(h, lineNo, src, this.scope);
    }
    const state = this.keys.state(h.namespace, h.code, h.subcode, this.host);
    const kind = form(h.namespace, h.code, src.line);
    const timed =
      timing && h.namespace === "sip" && (h.code === 200 || h.code === 408) && this.timedTries > 0;
    const challenge = isChallenge(h.namespace, h.code);
    // The common case: one more repeat of a key kept often enough, and nothing waits on it.
    if (state && count(state, kind) >= FIRST_PER_KEY && !timed && !challenge && !h.dependency) {
      if (this.challenges.length === 0 || !this.answer(h, src)) this.fold(state);
      else this.keep(this.build(h, src), state, kind);
      return;
    }
    const answering = this.challenges.length > 0 && this.answer(h, src);
    if (challenge) this.challenge(this.build(h, src), state);
    else if (answering || (state && count(state, kind) < FIRST_PER_KEY)) {
      this.keep(this.build(h, src), state, kind);
    } else if (h.dependency && !this.hasDependency) this.keep(this.build(h, src));
    else if (!(timed && this.keptForTimers(h, src)) && !(!state && this.keepOverflow(h, src))) {
      this.fold(state);
    }
  }

  /** Past the cap for the first time: the kept findings count towards their keys' first few. */
  private index(): void {
    this.indexed = true;
    for (const f of this.findings) {
      const state = this.keys.state(f.namespace, f.code, f.subcode, keyHost(f) || undefined);
      const kind = form(f.namespace, f.code, f.text);
      if (state) state.kept[kind] = count(state, kind) + 1;
    }
  }

  /** The timer analysis pairs a 200 OK to INVITE or a 408 with the requests around it. */
  private keptForTimers(h: Hit, src: HitSource): boolean {
    this.timedTries--;
    const f = this.build(h, src);
    if (f.tsMs === undefined || (h.code !== 408 && f.method !== "INVITE") || this.timedKept >= MAX_TIMED)
      return false;
    this.timedKept++;
    this.keep(f);
    return true;
  }

  /**
   * The finding of the hit being offered, built once however many rules ask for it. A status
   * line's finding is remembered with its message's extent, and a code in one of that message's
   * headers ("Reason: Q.850;cause=34") borrows its time and host.
   */
  private build(h: Hit, src: HitSource): Finding {
    if (this.lastFinding) return this.lastFinding;
    const f = this.restated.finding(h, src.build(h));
    markUnregistered(f);
    this.scope.place(f, h, src.line);
    this.lastFinding = f;
    return f;
  }

  /** Challenges still unanswered at the end are failures: kept as such when not kept yet. */
  end(): void {
    const held = this.replies.release(Number.POSITIVE_INFINITY);
    if (held) this.settle(held);
    for (const c of this.challenges) this.expire(c);
    this.challenges = [];
  }

  /** A Mobius reply held for its echo, kept or folded by the key it ended with. */
  private settle(f: Finding): void {
    const state = this.keys.state(f.namespace, f.code, f.subcode, keyHost(f) || undefined);
    const keys = state ? undefined : this.keys.codeKeys(f.namespace, f.code, f.subcode);
    if (state && count(state, PLAIN) < FIRST_PER_KEY) this.keep(f, state);
    else if (keys && keys.overflow < FIRST_PER_KEY) {
      keys.overflow++;
      this.keep(f);
    } else this.fold(state);
  }

  /** With every key taken, a code still gets its first few kept, whatever their host. */
  private keepOverflow(h: Hit, src: HitSource): boolean {
    const keys = this.keys.codeKeys(h.namespace, h.code, h.subcode);
    if (!keys || keys.overflow >= FIRST_PER_KEY) return false;
    keys.overflow++;
    this.keep(this.build(h, src));
    return true;
  }

  private keep(f: Finding, state?: KeyState, kind = PLAIN): void {
    if (state) state.kept[kind] = count(state, kind) + 1;
    if (this.indexed || this.detachAll) detach(f);
    if (f.dependency) this.hasDependency = true;
    if (f.line === this.replyLine) this.replies.see(f);
    // A challenge kept late belongs before the findings that came after it.
    let i = this.findings.length;
    while (i > 0 && (this.findings[i - 1] as Finding).line > f.line) i--;
    this.findings.splice(i, 0, f);
  }

  private fold(state: KeyState | undefined): void {
    this.omitted++;
    if (!state) return;
    if (state.folded.count++ === 0) this.folded.push(state.folded);
  }

  /** A 401/407 is normal when a success follows, a failure otherwise: wait and see. */
  private challenge(f: Finding, state: KeyState | undefined): void {
    const kept = state !== undefined && count(state, PLAIN) < FIRST_PER_KEY;
    if (kept) this.keep(f, state);
    // A repeat whose unanswered form is kept often enough already folds either way: no need to wait.
    const settled = !kept && (!state || count(state, UNANSWERED) >= FIRST_PER_KEY);
    if (settled || this.challenges.length >= MAX_CHALLENGES) {
      if (!kept) this.fold(state);
      return;
    }
    this.challenges.push({ f, state, kept, left: ANSWER_WINDOW });
  }

  /** Resolves the challenges `h` answers and ages the others; true when `h` must be kept. */
  private answer(h: Hit, src: HitSource): boolean {
    const success = h.code >= 100 && h.code < 300 && (h.namespace === "sip" || h.namespace === "http");
    let keepIt = false;
    this.challenges = this.challenges.filter((c) => {
      if (success && c.f.namespace === h.namespace && answers(c.f, this.build(h, src))) {
        // A kept challenge needs its answer kept too, or analyze would call it a failure.
        if (c.kept) keepIt = true;
        else this.fold(c.state);
        return false;
      }
      if (--c.left > 0) return true;
      this.expire(c);
      return false;
    });
    return keepIt;
  }

  /** An unanswered challenge: a failure, kept for the first few of its key. */
  private expire(c: Challenge): void {
    if (c.kept) return;
    if (c.state && count(c.state, UNANSWERED) < FIRST_PER_KEY) this.keep(c.f, c.state, UNANSWERED);
    else this.fold(c.state);
  }
}
