// What a failure's own log line says about the call, for picking its checks: the PBX that wrote
// it (FreeSWITCH or Asterisk) and whether this system received the call or placed it. A check that
// opens with a product ("In Asterisk, …") or a direction ("For a call you receive, …") only fits
// such a call, so the catalog's wording decides, not a list here.
import type { Finding } from "./scan/scanner.js";

export type Product = "FreeSWITCH" | "Asterisk";

export interface CallFacts {
  product?: Product;
  /** "received": this system got the call (from a carrier); "placed": it sent it out. */
  direction?: "received" | "placed";
}

/** FreeSWITCH: a sofia channel, a channel state, its C sources. */
const FREESWITCH =
  /\bsofia\/[\w.-]+\/|\[CS_[A-Z_]+\]|\b(?:switch_[a-z_]+|mod_[a-z_]+|sofia(?:_[a-z]+)?)\.c:\d/;
/** Asterisk: a channel technology (never "SIP/2.0"), its modules' C sources, its cause names. */
const ASTERISK =
  /\b(?:PJSIP|IAX2|DAHDI)\/\S|\bSIP\/(?!2\.0)[\w.-]+-[0-9a-f]{8}\b|\b(?:chan|app|res)_[a-z_]+\.c:|\bAST_CAUSE_/;
/** A FreeSWITCH channel: "sofia/external/+1415…@198.51.100.20", "sofia/gateway/carrier1/…". */
const CHANNEL = /\bsofia\/([\w.-]+)\//;

/** The facts `f`'s line states; none when it names neither product. */
export function callFacts(f: Finding | null | undefined): CallFacts {
  if (!f) return {};
  const text = f.text;
  if (text.includes("sofia") || text.includes("[CS_") || text.includes("switch_") || text.includes("mod_")) {
    if (!FREESWITCH.test(text)) return {};
    const profile = CHANNEL.exec(text)?.[1];
    // A gateway leg goes out; the default external profile takes calls in from carriers.
    if (profile === "gateway") return { product: "FreeSWITCH", direction: "placed" };
    if (profile === "external" && text.includes("[CS_ROUTING]"))
      return { product: "FreeSWITCH", direction: "received" };
    return { product: "FreeSWITCH" };
  }
  if (text.includes("/") || text.includes("AST_") || text.includes(".c:"))
    return ASTERISK.test(text) ? { product: "Asterisk" } : {};
  return {};
}

const PRODUCT_CHECK = /^(?:In|On|For) (FreeSWITCH|Asterisk)\b/;
const DIRECTION_CHECK = /^For a call you (receive|place)\b/;

/**
 * Checks that fit the call: another product's checks and the other direction's are left out, and a
 * received call's own checks lead (its failure is this system's, not the carrier's).
 */
export function fitChecks(checks: readonly string[], facts: CallFacts): string[] {
  if (!facts.product && !facts.direction) return [...checks];
  const kept = checks.filter((c) => {
    const product = PRODUCT_CHECK.exec(c)?.[1];
    if (product && facts.product && product !== facts.product) return false;
    const way = DIRECTION_CHECK.exec(c)?.[1];
    if (!way || !facts.direction) return true;
    return (way === "receive") === (facts.direction === "received");
  });
  if (facts.direction !== "received") return kept;
  const own = kept.filter((c) => DIRECTION_CHECK.test(c));
  return [...own, ...kept.filter((c) => !own.includes(c))];
}
