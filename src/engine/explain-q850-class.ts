// Q.850 cause classes. The three high bits of a cause value (bits 7–5) name its class, and a value
// with no assigned cause is handled as the "unspecified" cause of that class, the way ISUP and
// interworking units pass on a cause they do not know. An unassigned number is therefore answered
// by its class, as an unknown SIP code is answered by the x00 of its class, not by numeric neighbours
// from other classes (35 is a resource problem like 47, not a frame-relay cause like 39).
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";

export interface Q850Class {
  /** First and last cause value of the class. */
  lo: number;
  hi: number;
  name: string;
  /** The class's "unspecified" cause, which an unassigned value in the class is handled as. */
  unspecified: number;
}

// Classes 000 and 001 (0–15, 16–31) are both "normal event" and share cause 31.
const CLASSES: readonly Q850Class[] = [
  { lo: 1, hi: 31, name: "normal event", unspecified: 31 },
  { lo: 32, hi: 47, name: "resource unavailable", unspecified: 47 },
  { lo: 48, hi: 63, name: "service or option not available", unspecified: 63 },
  { lo: 64, hi: 79, name: "service or option not implemented", unspecified: 79 },
  { lo: 80, hi: 95, name: "invalid message", unspecified: 95 },
  { lo: 96, hi: 111, name: "protocol error", unspecified: 111 },
  { lo: 112, hi: 127, name: "interworking", unspecified: 127 },
];

/** The class a cause value 1–127 belongs to; undefined outside that range. */
export function q850ClassOf(n: number): Q850Class | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 127) return undefined;
  return n < 32 ? CLASSES[0] : CLASSES[(n >> 4) - 1];
}

/**
 * The class sentence for an unassigned cause value and the entry it is handled as, or undefined
 * when the number is no cause value or the catalog lacks the class's unspecified cause.
 */
export function q850ClassAnswer(
  c: Catalog,
  n: number,
): { cls: Q850Class; entry: Entry; text: string } | undefined {
  const cls = q850ClassOf(n);
  if (!cls) return undefined;
  const entry = c.byId.get(`q850/${cls.unspecified}`);
  if (!entry) return undefined;
  const text =
    `Cause ${n} falls in the ${cls.name} class (${cls.lo}–${cls.hi}), and a cause value the ` +
    `receiver does not recognise is treated as the unspecified cause of the same class: handle it as ` +
    `${entry.code} ${entry.title}.`;
  return { cls, entry, text };
}
