// Asterisk's Dial() ending in CHANUNAVAIL with no cause line: "DIALSTATUS=CHANUNAVAIL", pbx.c's
// "Auto fallthrough, channel '…' status is 'CHANUNAVAIL'", or app_dial's "Everyone is
// busy/congested at this time (1:0/0/1)" where every leg counted as unavailable. No dialled channel
// could be created or reached: most often the endpoint has no registered contact, or qualify found
// it unreachable. The catalog's home for that is Q.850 20 Subscriber absent (AST_CAUSE_UNREGISTERED),
// whose Asterisk note explains CHANUNAVAIL and whose checks are about the callee's registration.
// A cause line of the same Dial() ("Unable to create channel … (cause 3 - …)") says more, and
// CHANUNAVAIL then only restates it (dial-outcomes.ts).
import { DIAL_STATUS } from "./dial-outcomes.js";
import { targetTrunks } from "./dial-targets.js";
import { all, type Emit, hit, put } from "./hit.js";
import { unquoted } from "./text-lines.js";

/** The literals these lines are found by (anchors.ts, through pbx-refusals.ts's anchors). */
export const CHAN_UNAVAIL_ANCHORS = ["CHANUNAVAIL", "Everyone is busy", "Unable to create PJSIP channel"];

/** What a CHANUNAVAIL hit says, and how dial-outcomes.ts tells it from a real cause. */
export const CHAN_UNAVAIL_REASON =
  "DIALSTATUS CHANUNAVAIL: no dialled channel could be created or reached (endpoint not registered, unreachable or failing qualify)";

/** The entry the catalog explains CHANUNAVAIL in (its Asterisk note names the dial status). */
const ENTRY = "q850/20";
const CODE = 20;

const STATUS = /\b(?:DIALSTATUS|DialStatus)\s*[=:]\s*["']?CHANUNAVAIL\b/g;
const FALLTHROUGH = /\bAuto fallthrough, channel '[^'\n]{1,200}' status is 'CHANUNAVAIL'/g;
/** Legs dialled : busy / congested / unavailable, with only the last counted. */
const EVERYONE = /\bEveryone is busy\/congested at this time \(\d{1,5}:0\/0\/[1-9]\d{0,4}\)/g;

/**
 * chan_pjsip.c request(): "Unable to create PJSIP channel - endpoint 'carrier-trunk' was not found".
 * Dial() named a PJSIP endpoint this Asterisk has no configuration for, and chan_pjsip failed the
 * leg with AST_CAUSE_NO_ROUTE_DESTINATION (3) before anything was sent: app_dial's "(cause 3 - No
 * route to destination)" below restates it. The endpoint's name is what the component names.
 */
const NO_ENDPOINT = /\bUnable to create PJSIP channel - endpoint '([^'\n]{1,80})' was not found/g;
const NO_ROUTE = 3;
/** How a missing endpoint's reason starts (trunk-unavail.ts reads the name back). */
export const MISSING_ENDPOINT = "PJSIP endpoint ";

/** A cause the dialplan printed beside the status ("HANGUPCAUSE=18 DIALSTATUS=CHANUNAVAIL"). */
const HANGUPCAUSE = /\bHANGUPCAUSE\s*[=:]\s*["']?[1-9]/;

export function detectChanUnavail(segment: string, emit: Emit): void {
  if (segment.includes("HANGUPCAUSE") && HANGUPCAUSE.test(segment)) return;
  const found = (m: RegExpExecArray) => {
    // "DIALSTATUS=CHANUNAVAIL" alone (quoted in chat or not) is a question about the status,
    // answered by the explainer.
    if (unquoted(segment.trim()).trim().length === m[0].length) return;
    const extra = { entryId: ENTRY, reason: CHAN_UNAVAIL_REASON };
    put(emit, hit("q850", CODE, null, 0.7, DIAL_STATUS, true, extra), m);
  };
  if (segment.includes("CHANUNAVAIL")) {
    if (segment.includes("Auto fallthrough")) all(FALLTHROUGH, segment, found);
    else all(STATUS, segment, found);
  }
  if (segment.includes("Everyone is busy")) all(EVERYONE, segment, found);
  if (segment.includes("Unable to create PJSIP channel"))
    all(NO_ENDPOINT, segment, (m) => {
      const extra = { reason: `${MISSING_ENDPOINT}'${m[1]}' was not found` };
      put(emit, hit("q850", NO_ROUTE, null, 0.8, DIAL_STATUS, true, extra), m);
    });
}

/** How far above a CHANUNAVAIL line its call's Dial() is looked for. */
export const DIAL_LOOKBACK = 10;
/** pbx.c's `Executing [...] Dial("PJSIP/1000-00000021", "PJSIP/14155550123@carrier-a&PJSIP/…@carrier-b,30")`. */
const DIAL_APP = /\bDial\("[^"]*",\s*"([^",]+)/;
const CALL_ID = /\[(C-[0-9a-f]{8})\]/;

/**
 * The trunks the Dial() of `line`'s call went through, as TECH/NAME joined by "&"
 * ("PJSIP/carrier-a&PJSIP/carrier-b", "DAHDI/g1", "Local/from-internal"), from the Dial line among
 * `above` (nearest first): of the same call id when the lines carry one. A phone endpoint
 * (PJSIP/2001) names none: the callee's registration is then what CHANUNAVAIL is about.
 */
export function dialledTrunk(line: string, above: readonly string[]): string | undefined {
  const call = CALL_ID.exec(line)?.[1];
  for (const l of above) {
    if (call && !l.includes(call)) continue;
    const targets = l.includes("Dial(") ? DIAL_APP.exec(l)?.[1] : undefined;
    if (targets !== undefined) return targetTrunks(targets);
  }
  return undefined;
}
