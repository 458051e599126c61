// FreeSWITCH refusing an offer it accepted nothing in logs "CODEC NEGOTIATION ERROR.  SDP: …" (the
// SDP follows, line by line), then ends the channel before routing it: "Hangup
// sofia/external/+1415…@198.51.100.20 [CS_NEW] [INCOMPATIBLE_DESTINATION]". Both lines are one
// refusal. The hang-up names the profile and the caller, so when it comes it takes the place of the
// codec line's finding; a codec line alone stays a finding of its own.
import type { Finding } from "./finding.js";
import type { Hit } from "./hit.js";
import { CODEC_REFUSAL_REASON, PBX_REPLY } from "./pbx-refusals.js";

const INCOMPATIBLE_DESTINATION = 88;
/** How far below the codec line the hang-up comes: the offer's SDP is logged between them. */
const SDP_LINES = 80;

/** The codec line's hit: FreeSWITCH's own INCOMPATIBLE_DESTINATION. */
export function isCodecRefusal(h: Hit): boolean {
  return h.detector === PBX_REPLY && h.reason === CODEC_REFUSAL_REASON;
}

/** The hang-up of a channel FreeSWITCH refused before routing it, with that cause. */
function isNewChannelHangup(h: Hit, line: string): boolean {
  return (
    h.namespace === "q850" &&
    h.code === INCOMPATIBLE_DESTINATION &&
    line.includes("[CS_NEW]") &&
    line.includes("Hangup ")
  );
}

export class CodecRefusals {
  private held: Finding | undefined;
  private heldLine = -1;

  /** The codec line's finding, as the store keeps it. */
  see(f: Finding, lineNo: number): void {
    this.held = f;
    this.heldLine = lineNo;
  }

  /**
   * Whether the hit `h` on `line` is the hang-up restating the codec line kept just above, with no
   * other hit between them: the kept finding then becomes the hang-up's, built by `build`, in its
   * place in the store's line order.
   */
  restates(h: Hit, line: string, lineNo: number, build: () => Finding): boolean {
    const f = this.held;
    this.held = undefined;
    if (!f || !isNewChannelHangup(h, line)) return false;
    if (lineNo <= this.heldLine || lineNo - this.heldLine > SDP_LINES) return false;
    const kept = f as unknown as Record<string, unknown>;
    for (const k of Object.keys(kept)) delete kept[k];
    Object.assign(f, build());
    return true;
  }
}
