// The same-line rules: the hits of one line that become findings, one per code, the
// better-supported meaning winning where a number could be read two ways.
import type { Hit } from "./hit.js";
import { TWILIO_WEBHOOK } from "./twilio-rest.js";
import { TWILIO_RETRIEVAL } from "./twilio-retrieval.js";
import { TWILIO_UNREACHABLE } from "./twilio-unreachable.js";

const LOOSE = new Set(["phrase", "keyword", "ami-cause"]);
/** Detectors that read one record each (Twilio's alerts): two records on one line are two failures. */
const RECORDS = new Set([TWILIO_UNREACHABLE, TWILIO_RETRIEVAL, TWILIO_WEBHOOK]);

/**
 * The hits of one line that become findings: one per code, the better-supported meaning wins.
 * A line has a handful of hits, so plain arrays (in first-seen order) replace maps here.
 */
export function sameLineRules(hits: Hit[]): Hit[] {
  // The common case (one status line, one code): none of the same-line rules apply.
  if (hits.length <= 1) return hits.slice();
  // The best hit per namespace:code:subcode, in the order the keys were first seen.
  const best: Hit[] = [];
  for (const h of hits) {
    const i = best.findIndex(
      (b) =>
        b.namespace === h.namespace &&
        b.code === h.code &&
        b.subcode === h.subcode &&
        !(b.at !== h.at && b.detector === h.detector && RECORDS.has(h.detector)),
    );
    if (i < 0) best.push(h);
    else if (h.confidence > (best[i] as Hit).confidence) best[i] = h;
  }
  // "403" alone and "403 with mobius-error 101" from the same line are one finding: keep the pair.
  const kept = best.filter(
    (h) =>
      h.subcode !== null ||
      !best.some((o) => o !== h && o.namespace === h.namespace && o.code === h.code && o.subcode !== null),
  );
  // SIP and HTTP share numbers: one number on one line is one of them, the better-supported one.
  const meaning = kept.filter((h) => {
    if (h.namespace !== "sip" && h.namespace !== "http") return true;
    const other = h.namespace === "sip" ? "http" : "sip";
    return !kept.some(
      (o) => o.namespace === other && o.code === h.code && o.subcode === null && o.confidence > h.confidence,
    );
  });
  const strong = meaning.filter((h) => !LOOSE.has(h.detector));
  return meaning.filter(
    (h) => !(LOOSE.has(h.detector) && strong.some((o) => o.code === h.code || o.subcode === h.code)),
  );
}
