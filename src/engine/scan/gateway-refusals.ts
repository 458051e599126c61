// mod_sofia refusing a leg to one of this FreeSWITCH's own gateways logs the gateway by name
// ("Gateway 'carrier1' is down!", "Invalid Gateway 'carrier3'"), then switch_ivr_originate.c logs
// the cause with no name: "Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]".
// Both lines are one refusal: it is reported on mod_sofia's line, which names the gateway, with the
// code the catalog reads the cause line's FreeSWITCH cause as (own-causes.ts).
//
// A gateway found down is a failure even when no cause line follows (a paste of that line alone):
// it is reported at once, as GATEWAY_DOWN, and the cause line just below restates it. After the
// gateway's own failed OPTIONS ping ("Ping failed carrier1 with code 503 … state DOWN") the refusals
// are still reported: the ping is the cause and comes first, but the refusals are the calls it cost,
// and the analysis tells them (when, which gateway, whether it was down again after a recovery).
import { gatewayLine } from "../gateway-lines.js";
import type { Finding } from "./finding.js";
import { type Emit, type Hit, hit } from "./hit.js";
import { OWN_CAUSE } from "./own-causes.js";

/** The detector of mod_sofia's line: a marker the finding store holds until the cause line. */
export const GATEWAY_REFUSAL = "gateway-refusal";

/** The literal these lines are found by (anchors.ts, through asterisk-sip.ts's anchors). */
export const GATEWAY_REFUSAL_ANCHORS = ["Gateway '"];

/** The FreeSWITCH cause mod_sofia sets for each refusal (mod_sofia.c sofia_outgoing_channel). */
const CAUSES = { down: "GATEWAY_DOWN", invalid: "INVALID_GATEWAY" } as const;

/**
 * The answer FreeSWITCH gives for GATEWAY_DOWN (hangup_cause_to_sip): the catalog reads the name as
 * this entry through its FreeSWITCH note, and a test checks the two agree.
 */
export const GATEWAY_DOWN_ENTRY = { namespace: "sip", code: 503, id: "sip/503" } as const;

/** mod_sofia's refusal of a leg to its gateway: a marker carrying the cause it ends the leg with. */
export function detectGatewayRefusal(segment: string, emit: Emit): void {
  const at = segment.indexOf("Gateway '");
  if (at < 0) return;
  const line = gatewayLine(segment);
  if (line?.kind !== "refused") return;
  const h =
    line.why === "down"
      ? hit(GATEWAY_DOWN_ENTRY.namespace, GATEWAY_DOWN_ENTRY.code, null, 0.85, OWN_CAUSE, true, {
          entryId: GATEWAY_DOWN_ENTRY.id,
          reason: CAUSES.down,
        })
      : // No code yet: the cause line's own-cause hit gives it (from the catalog).
        hit("q850", 0, null, 0.85, GATEWAY_REFUSAL, true, { reason: CAUSES[line.why] });
  h.len = 9;
  emit(h, at);
}

/** How far below mod_sofia's line switch_ivr_originate.c logs the cause. */
const CAUSE_LINES = 3;

/** Whether `h` is mod_sofia's refusal of a leg to a gateway found down, on its own line. */
export function isDownRefusal(h: Hit, line: string): boolean {
  return downGateway(h, line) !== undefined;
}

/** The gateway a down refusal names, when `h` is one on `line`. */
function downGateway(h: Hit, line: string): string | undefined {
  if (h.detector !== OWN_CAUSE || h.reason !== CAUSES.down || !line.includes("Gateway '")) return undefined;
  const g = gatewayLine(line);
  return g?.kind === "refused" ? g.gw : undefined;
}

/**
 * The finding store's side: mod_sofia's line is held as a finding to be, and the cause line just
 * below it with the same cause gives it its code and takes its place.
 */
export class GatewayRefusals {
  private held: Finding | undefined;
  /** The last down refusal reported, and its line. */
  private down: { reason: string; line: number } | undefined;

  /** mod_sofia's refusal, built on its own line. */
  hold(f: Finding): void {
    this.held = f;
  }

  /**
   * Whether the hit `h` on `line` restates a gateway failure already reported: the cause line just
   * below a down refusal. A down refusal itself is noted here and kept.
   */
  repeats(h: Hit, line: string, lineNo: number): boolean {
    if (downGateway(h, line) !== undefined) {
      this.down = { reason: h.reason as string, line: lineNo };
      return false;
    }
    const d = this.down;
    if (!d || h.detector !== OWN_CAUSE || h.reason !== d.reason) return false;
    this.down = undefined;
    return lineNo > d.line && lineNo - d.line <= CAUSE_LINES;
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
