// AudioCodes SBC CDR rows: TrmSd says which side ended the call, Orig which side sent the leg's
// INVITE, and SourceIp/DestIp are that INVITE's addresses; together they name the far end that
// ended the call, the host its SIPTrmReason came from.
import type { Role } from "./csv-columns.js";

/**
 * The far end's address when it ended the call (TrmSd=RMT): the INVITE's destination on a leg the
 * SBC originated (Orig=LCL, an outbound leg), its source on a leg the far end originated (Orig=RMT).
 * Undefined when the SBC ended the call itself or the columns do not tell.
 */
export function remoteEnder(cell: (r: Role) => string): string | undefined {
  if (cell("endedBy").toUpperCase() !== "RMT") return undefined;
  const origin = cell("origin").toUpperCase();
  const ip = origin === "LCL" ? cell("dstIp") : origin === "RMT" ? cell("srcIp") : "";
  return ip && ip !== "0.0.0.0" ? ip : undefined;
}
