// SIPp's "Aborting call on unexpected message": a message reached SIPp that its scenario had no
// <recv> for at the step the call was on, so SIPp aborted its own test call. When that message is
// an ordinary answer (a 1xx or 2xx) the system under test did nothing wrong: the scenario is the
// failing component, and the catalog's scenario checks replace the response's own.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { Finding } from "./scan/scanner.js";
import { sippAborted } from "./verdict.js";

/** The catalog entry with the scenario checks. */
const SCENARIO_ENTRY = "symptom/sipp-unexpected-message";

/** "while expecting '200' (index 3)" (SIPp 3.x), "while expecting '200' response" (older SIPp). */
const EXPECTING = /while expecting '([^'\n]{1,40})'(?: response)?(?: \(index (\d+)\))?/;

/** The scenario entry when SIPp aborted its call on `first`. */
export function sippScenario(catalog: Catalog, first: Finding | null): Entry | undefined {
  return first && sippAborted(first) ? catalog.byId.get(SCENARIO_ENTRY) : undefined;
}

/** Whether the response SIPp aborted on is an ordinary answer, so only the scenario is at fault. */
export function ordinaryAnswer(first: Finding): boolean {
  return sippAborted(first) && first.code < 300;
}

/** The failing component when SIPp aborted its call on an ordinary answer (see above). */
export function sippComponent(first: Finding): string | null {
  if (!ordinaryAnswer(first)) return null;
  const m = EXPECTING.exec(first.text);
  const sut = first.agent ? `the system under test (${first.agent})` : "the system under test";
  const got = `the ${first.code} that arrived, an ordinary answer`;
  const step = m?.[2] === undefined ? "the step the call had reached" : `step index ${m[2]}`;
  const why = m?.[1]
    ? `${step} waited for '${m[1]}' and has no <recv> for ${got}`
    : `${step} has no <recv> for ${got}`;
  return `the SIPp scenario, not ${sut}: ${why}, so SIPp aborted its own call`;
}
