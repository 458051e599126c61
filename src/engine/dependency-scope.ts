// The dependencies log messages name (CPAPI, Redis, the RTP path, a webhook Twilio could not reach)
// are the failing component only when they explain the first failure: the first failure names one
// itself, or a failure of its own call does. A webhook host Twilio could not reach at 10:05 says
// nothing about another host's 502 at 10:01, and media that stopped on an Asterisk call has nothing
// to do with a Twilio alert pasted beside it, so neither takes the first failure's component.
import type { Catalog } from "../catalog/indexes.js";
import { namedDependencies } from "./dependencies.js";
import type { Finding } from "./scan/scanner.js";
import { isNormal } from "./verdict.js";

/**
 * Whether `f` comes from the same kind of source as `first`: one symptom (the same catalog entry,
 * such as media that stopped, from whichever stack), or one service's log (Mobius and the
 * dependencies it calls, each line naming the one that failed).
 */
function sameSource(f: Finding, first: Finding): boolean {
  if (f.namespace === "symptom" || first.namespace === "symptom") return f.id === first.id;
  return true;
}

/** Whether `f`'s dependency explains `first`. */
function explains(f: Finding, first: Finding): boolean {
  if (f === first) return true;
  if (f.callId !== undefined && f.callId === first.callId) return true;
  return first.dependency !== undefined && sameSource(f, first);
}

/**
 * The dependencies named by failures that explain `first`, in words (see namedDependencies), or
 * null when none does. `all`: every failure's named dependencies, null when there are none, which
 * spares the walk.
 */
export function firstFailureDependencies(
  catalog: Catalog,
  first: Finding | null,
  ordered: readonly Finding[],
  all: string | null,
): string | null {
  if (!all || !first) return all;
  const related = ordered.filter((f) => f.dependency !== undefined && explains(f, first));
  return namedDependencies(related, (f) => !isNormal(catalog, f, undefined, false));
}

/** The dependencies (each once, in log order) that failures explaining `first` name: the checks that
 *  name one of them lead the checklist. All failures' when there is no first failure. */
export function leadingDependencies(first: Finding | null, failing: readonly Finding[]): string[] {
  const named = failing.filter((f) => f.dependency !== undefined && (!first || explains(f, first)));
  return [...new Set(named.map((f) => f.dependency as string))];
}
