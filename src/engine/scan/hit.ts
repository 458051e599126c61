// A hit: one code a detector found in a segment, before the scanner makes it a finding; and the
// small helpers every detector module uses to make and report hits.
import type { Namespace } from "../../catalog/schema.js";

export interface Hit {
  namespace: Namespace;
  code: number;
  subcode: number | null;
  /** Position of the match inside the segment, for de-duplication and excerpts. */
  at: number;
  /** Length of the match (for a pair, from its first number to its second). */
  len: number;
  confidence: number;
  detector: string;
  method?: string;
  reason?: string;
  dependency?: string;
  entryId?: string;
  phase?: string;
  /**
   * Evidence that the line passes the scanner's trigger: true when the pattern always contains a
   * trigger word, or the matched text to test. Internal; never copied into a Finding.
   */
  proof?: true | string;
}

export type Emit = (h: Hit, at: number) => void;
export type Extra = Partial<Pick<Hit, "method" | "reason" | "dependency" | "entryId" | "phase">>;

/** A hit; `emit` sets where it was found. Every hit has the same shape, which keeps V8 fast. */
export function hit(
  namespace: Namespace,
  code: number,
  subcode: number | null,
  confidence: number,
  detector: string,
  proof: true | string | undefined,
  extra?: Extra,
): Hit {
  return {
    namespace,
    code,
    subcode,
    at: 0,
    len: 0,
    confidence,
    detector,
    method: extra?.method,
    reason: extra?.reason,
    dependency: extra?.dependency,
    entryId: extra?.entryId,
    phase: extra?.phase,
    proof,
  };
}

/** Emits `h` where `m` matched. */
export function put(emit: Emit, h: Hit, m: RegExpExecArray): void {
  h.len = m[0].length;
  emit(h, m.index);
}

export function all(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * The reason phrase at the start of `text`, without what one-line log formats append to it: a
 * bracket ("Trying] call-id=…", "Busy Here [Time:…]"), a quote, a `;` or `|`, a `key=value`, or
 * an unclosed parenthesis ("Forbidden (auth: user=…"). Undefined when nothing is left.
 */
export function reasonPhrase(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let s = text;
  const cut = REASON_END.exec(s);
  if (cut) s = s.slice(0, cut.index);
  const open = s.lastIndexOf("(");
  if (open >= 0 && s.indexOf(")", open) < 0) s = s.slice(0, open);
  s = s.replace(REASON_TRAIL, "");
  return s === "" ? undefined : s;
}

/**
 * Where a reason phrase ends in a one-line log: brackets, quotes, an escape (`\r\n` in JSON),
 * separators, a key=value, the end of a clause ("OK, 1832 bytes"), an arrow ("--> ACK").
 */
const REASON_END = /["`\\[\]{}<>;|\t\r\n]|\s[\w.-]+=|[.,](?:\s|$)|\s-+>/;
/** Blanks and punctuation left at the end of a phrase ("Service Unavailable, ", "Busy Here."). */
const REASON_TRAIL = /^\s+|[\s,.:'"-]+$/g;
