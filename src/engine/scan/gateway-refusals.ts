// mod_sofia refusing a leg to one of this FreeSWITCH's own gateways logs the gateway by name
// ("Gateway 'carrier1' is down!", "Invalid Gateway 'carrier3'"), then switch_ivr_originate.c logs
// the cause with no name: "Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]".
// Both lines are one refusal: it is reported on mod_sofia's line, which names the gateway, with the
// code the catalog reads the cause line's FreeSWITCH cause as (own-causes.ts).
import { gatewayLine } from "../gateway-lines.js";
import type { Finding } from "./finding.js";
import { type Emit, hit } from "./hit.js";
import { OWN_CAUSE } from "./own-causes.js";

/** The detector of mod_sofia's line: a marker the finding store holds until the cause line. */
export const GATEWAY_REFUSAL = "gateway-refusal";

/** The literal these lines are found by (anchors.ts, through asterisk-sip.ts's anchors). */
export const GATEWAY_REFUSAL_ANCHORS = ["Gateway '"];

/** The FreeSWITCH cause mod_sofia sets for each refusal (mod_sofia.c sofia_outgoing_channel). */
const CAUSES = { down: "GATEWAY_DOWN", invalid: "INVALID_GATEWAY" } as const;

/** mod_sofia's refusal of a leg to its gateway: a marker carrying the cause it ends the leg with. */
export function detectGatewayRefusal(segment: string, emit: Emit): void {
  const at = segment.indexOf("Gateway '");
  if (at < 0) return;
  const line = gatewayLine(segment);
  if (line?.kind !== "refused") return;
  // No code yet: the cause line's own-cause hit gives it (from the catalog).
  const h = hit("q850", 0, null, 0.85, GATEWAY_REFUSAL, true, { reason: CAUSES[line.why] });
  h.len = 9;
  emit(h, at);
}

/** How far below mod_sofia's line switch_ivr_originate.c logs the cause. */
const CAUSE_LINES = 3;

/**
 * The finding store's side: mod_sofia's line is held as a finding to be, and the cause line just
 * below it with the same cause gives it its code and takes its place.
 */
export class GatewayRefusals {
  private held: Finding | undefined;

  /** mod_sofia's refusal, built on its own line. */
  hold(f: Finding): void {
    this.held = f;
  }

  /** The held refusal with the code of `f`, the cause line's finding, when `f` restates it. */
  take(f: Finding): Finding | undefined {
    const r = this.held;
    if (!r || f.detector !== OWN_CAUSE) return undefined;
    this.held = undefined;
    if (f.reason !== r.reason || f.line <= r.line || f.line - r.line > CAUSE_LINES) return undefined;
    r.namespace = f.namespace;
    r.code = f.code;
    r.subcode = f.subcode;
    r.id = f.id;
    r.confidence = f.confidence;
    r.detector = f.detector;
    r.direction = "local";
    if (r.callId === undefined && f.callId !== undefined) r.callId = f.callId;
    return r;
  }
}
