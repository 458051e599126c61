// Merging two copies of a checklist's ticks (the stored state and the message as someone saw it, or
// two stored states). The stored state only helps: a tick the message shows is never dropped for
// being missing from it, since the store may be another replica's stale memory or a copy from before
// a Redis outage. Only an untick recorded later than a tick removes it, which is why unticks are kept
// as tombstones with their time.

/** Per item key, when it was last unticked (Unix seconds). */
export type Cleared = Record<string, number>;

/** Ticks per item key (each with its time) and the unticks that must beat older copies of ticks. */
export interface Marks<M> {
  marks: Record<string, M>;
  cleared: Cleared;
}

/** What one click changed: the item keys it ticked and the ones it unticked. */
export interface MarkChange {
  ticked: string[];
  unticked: string[];
}

/**
 * The union of both copies, item by item: a tick survives unless an untick at the same second or
 * later is recorded in either copy (a same-second tie goes to the untick: a stale copy resurrecting an
 * unticked item is the likelier case). When both copies hold a tick, the first copy's is kept.
 */
export function mergeMarks<M>(first: Marks<M>, second: Marks<M>, atOf: (mark: M) => number): Marks<M> {
  const out: Marks<M> = { marks: {}, cleared: {} };
  const keys = new Set([
    ...Object.keys(first.marks),
    ...Object.keys(second.marks),
    ...Object.keys(first.cleared),
    ...Object.keys(second.cleared),
  ]);
  for (const key of keys) {
    const untick = Math.max(first.cleared[key] ?? -1, second.cleared[key] ?? -1);
    const alive = [first.marks[key], second.marks[key]].find(
      (m): m is M => m !== undefined && atOf(m) > untick,
    );
    if (alive !== undefined) out.marks[key] = alive;
    else if (untick >= 0) out.cleared[key] = untick;
  }
  return out;
}

/**
 * One click applied: items it ticked get `mark` unless someone ticked them first; items it unticked
 * are cleared and remembered as unticked at `nowSec`. Nothing else moves.
 */
export function applyMarks<M>(base: Marks<M>, change: MarkChange, mark: M, nowSec: number): Marks<M> {
  const marks = { ...base.marks };
  const cleared = { ...base.cleared };
  for (const key of change.unticked) {
    delete marks[key];
    cleared[key] = nowSec;
  }
  for (const key of change.ticked) {
    marks[key] ??= mark;
    delete cleared[key];
  }
  return { marks, cleared };
}
