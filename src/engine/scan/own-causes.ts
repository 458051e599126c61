// FreeSWITCH's own hangup causes, which have no Q.850 value (USER_NOT_REGISTERED, GATEWAY_DOWN,
// NOT_ACCEPTABLE): a log that ends a call with one of them holds a failure even though it carries
// no code. Each is read as the catalog entry that explains it: the entry a FreeSWITCH note names it
// in ("reports its own USER_NOT_REGISTERED … rather than SUBSCRIBER_ABSENT"), or the SIP answer
// FreeSWITCH's name stands for. Names the catalog cannot tie to an entry give no finding.
import type { Catalog } from "../../catalog/indexes.js";
import { FREESWITCH_CAUSES } from "../explain-freeswitch.js";
import type { NamedCode } from "./scan-index.js";

/** The detector of these names: the log's own system ended the call, so it made the failure up. */
export const OWN_CAUSE = "own-cause";

/** A cause name the catalog explains through another entry. */
export interface OwnCause extends NamedCode {
  id: string;
}

const SNAKE_NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
/**
 * Where a note calls a name FreeSWITCH's own ("its own USER_NOT_REGISTERED", "FreeSWITCH's own
 * PROGRESS_TIMEOUT", "its own INVALID_URL and INVALID_GATEWAY causes"): the note explains that
 * name. A name it only mentions ("recorded as ORIGINATOR_CANCEL … sent as SIP 487") may stand for
 * another entry.
 */
const OWN_NAMES =
  /\b(?:own|FreeSWITCH's)\s+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:(?:,\s*|\s+(?:and|or)\s+)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)*)|\(([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+), internal value/g;
/**
 * A note saying the leg ended with "SIP;cause=200" (another leg answered, or the call was picked
 * up): the names in it end a leg of a call that worked. They are read as that SIP 200, "Call
 * completed elsewhere", which is normal traffic.
 */
const COMPLETED_ELSEWHERE = /cause=200/;

/** Names FreeSWITCH defines that the catalog explains, except those `taken` already stands for. */
export function ownCauseNames(
  catalog: Catalog,
  taken: ReadonlyMap<string, NamedCode>,
): Map<string, OwnCause> {
  const out = new Map<string, OwnCause>();
  for (const [name, cause] of Object.entries(FREESWITCH_CAUSES)) {
    const id = cause.answers ? cause.related[0] : undefined;
    const e = id ? catalog.byId.get(id) : undefined;
    // One-word names (DECLINE) are everyday words: only snake-case names are read.
    if (!name.includes("_") || taken.has(name)) continue;
    if (e && e.code !== null && (e.namespace === "sip" || e.namespace === "q850"))
      out.set(name, { namespace: e.namespace, code: e.code, id: e.id });
  }
  for (const e of catalog.entries) {
    if ((e.namespace !== "sip" && e.namespace !== "q850") || e.code === null) continue;
    for (const note of e.notes) {
      if (note.context !== "FreeSWITCH") continue;
      const target = COMPLETED_ELSEWHERE.test(note.text) ? catalog.byId.get("sip/200") : e;
      if (!target || target.code === null) continue;
      const named = { namespace: target.namespace as "sip" | "q850", code: target.code, id: target.id };
      for (const [, names, one] of note.text.matchAll(OWN_NAMES)) {
        for (const [name] of (names ?? one ?? "").matchAll(SNAKE_NAME)) {
          if (!taken.has(name) && !out.has(name)) out.set(name, named);
        }
      }
    }
  }
  return out;
}

/** A line where a FreeSWITCH cause name ends a call: a hangup, or a cause it reports. */
export function endsCall(segment: string): boolean {
  return (
    segment.includes("angup") ||
    segment.includes("ANGUP") ||
    segment.includes("ause") ||
    segment.includes("AUSE")
  );
}
