// Strings cut from the input share its memory in V8 (a slice of 13 characters or more points into
// its parent), so anything kept beyond its input block (findings, events, cache keys) is copied
// here; otherwise a few strings spread over a big log would keep every block they came from.

/**
 * A copy of `s` that does not hold on to the text it was cut from. Substrings share their parent
 * string in V8, so a finding kept from line 900,000 would otherwise keep its whole input block
 * alive, and a few hundred of them the whole log.
 */
export function copy(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** Copies the strings of a finding (or a hit, an event) kept beyond its input block (see `copy`). */
export function detach(f: object): void {
  const fields = f as Record<string, unknown>;
  for (const k in fields) {
    const v = fields[k];
    if (typeof v === "string") fields[k] = copy(v);
  }
}
