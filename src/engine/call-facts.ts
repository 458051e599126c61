// What a failure's own log line says about the call, for picking its checks: the PBX or proxy that
// wrote it (FreeSWITCH, Asterisk, Kamailio/OpenSIPS) and whether this system received the call or
// placed it. A check that
// opens with a product ("In Asterisk, …") or a direction ("For a call you receive, …") only fits
// such a call, so the catalog's wording decides, not a list here.
import type { Finding } from "./scan/scanner.js";

export type Product = "FreeSWITCH" | "Asterisk" | "Kamailio" | "Webex Calling" | "SBC";

export interface CallFacts {
  product?: Product;
  /** "received": this system got the call (from a carrier); "placed": it sent it out. */
  direction?: "received" | "placed";
  /** The line names a SIP channel (sofia, PJSIP, chan_sip): no ISDN SETUP of this system's to look at. */
  sip?: true;
  /** The log's own system sent the failure (a proxy's own reply): its product's checks lead. */
  own?: true;
}

/** FreeSWITCH: a sofia channel, a channel state, its C sources. */
const FREESWITCH =
  /\bsofia\/[\w.-]+\/|\[CS_[A-Z_]+\]|\b(?:switch_[a-z_]+|mod_[a-z_]+|sofia(?:_[a-z]+)?)\.c:\d/;
/** A line mod_sofia logged: its C sources name it. */
const SOFIA_SOURCE = /\b(?:mod_sofia|sofia(?:_[a-z]+)?)\.c:\d/;
/** Asterisk: a channel technology (never "SIP/2.0"), its modules' C sources, its cause names. */
const ASTERISK =
  /\b(?:PJSIP|IAX2|DAHDI)\/\S|\bSIP\/(?!2\.0)[\w.-]+-[0-9a-f]{8}\b|\b(?:chan|app|res)_[a-z_]+\.c:|\bAST_CAUSE_/;
/** An Asterisk SIP channel (PJSIP/trunk-…, SIP/peer-…), not DAHDI's ISDN. */
const SIP_CHANNEL = /\b(?:PJSIP|SIP)\/(?!2\.0)\S/;
/** Kamailio or OpenSIPS: its syslog tag, an xlog line of its script, its reply functions. */
const KAMAILIO =
  /\b(?:kamailio|opensips)\[\d+\]|<script>:|\b(?:sl_send_reply|sl_reply_helper|t_reply|lookup_helper|ds_options_callback)\b/;
/** A FreeSWITCH channel: "sofia/external/+1415…@198.51.100.20", "sofia/gateway/carrier1/…". */
const CHANNEL = /\bsofia\/([\w.-]+)\//;

/** The facts `f`'s line states; none when it names neither product. */
export function callFacts(f: Finding | null | undefined): CallFacts {
  if (!f) return {};
  const text = f.text;
  if (text.includes("sofia") || text.includes("[CS_") || text.includes("switch_") || text.includes("mod_")) {
    if (!FREESWITCH.test(text)) return {};
    const profile = CHANNEL.exec(text)?.[1];
    // mod_sofia's own lines (sofia.c, sofia_glue.c: a CODEC NEGOTIATION ERROR) are about SIP too.
    if (!profile)
      return SOFIA_SOURCE.test(text) ? { product: "FreeSWITCH", sip: true } : { product: "FreeSWITCH" };
    // A gateway leg goes out; the default external profile takes calls in from carriers (ended
    // while routed, or in CS_NEW when FreeSWITCH refused the offer itself).
    if (profile === "gateway") return { product: "FreeSWITCH", direction: "placed", sip: true };
    if (profile === "external" && (text.includes("[CS_ROUTING]") || text.includes("[CS_NEW]")))
      return { product: "FreeSWITCH", direction: "received", sip: true };
    return { product: "FreeSWITCH", sip: true };
  }
  if ((text.includes("/") || text.includes("AST_") || text.includes(".c:")) && ASTERISK.test(text))
    return SIP_CHANNEL.test(text) ? { product: "Asterisk", sip: true } : { product: "Asterisk" };
  if (KAMAILIO.test(text)) {
    const own = f.direction === "out" || f.direction === "local";
    return own ? { product: "Kamailio", sip: true, own: true } : { product: "Kamailio", sip: true };
  }
  // A bare status line: the software that sent it may name itself (Server, User-Agent).
  const sender = f.agent === undefined ? undefined : AGENT_PRODUCT.exec(f.agent)?.[1]?.toLowerCase();
  if (sender) return { product: AGENT_NAMES[sender] ?? "Kamailio", sip: true };
  // An SBC's trace (Cisco, AudioCodes, Oracle) has no PBX of its own to look at.
  if (f.sbc) return { product: "SBC", sip: true };
  return {};
}

/** The product a response's Server or User-Agent header names ("Asterisk PBX 20.5.0",
 *  "FreeSWITCH-mod_sofia/1.10.11", "kamailio (5.7.4 (x86_64/linux))"). */
const AGENT_PRODUCT = /^(Asterisk|FreeSWITCH|kamailio|OpenSIPS)\b/i;
/** Kamailio's checks fit OpenSIPS too (one code base, the same script functions). */
const AGENT_NAMES: Record<string, Product> = { asterisk: "Asterisk", freeswitch: "FreeSWITCH" };

const PRODUCT_CHECK = /^(?:In|On|For) (FreeSWITCH|Asterisk|Kamailio)\b/;
/**
 * Products whose checks fit only a log that names them: the catalog gives such a check for that
 * product's usual reason behind a code it sends itself (Kamailio's 404 after a failed location
 * lookup), which the same code from anyone else does not share. When the product sent the failure
 * itself, its checks lead.
 */
const STRICT = new Set(["Kamailio"]);
const strictProduct = (c: string) => {
  const p = PRODUCT_CHECK.exec(c)?.[1];
  return p !== undefined && STRICT.has(p) ? p : undefined;
};
const DIRECTION_CHECK = /^For a call you (receive|place)\b/;
const ISDN_CHECK = /^On ISDN\b/;

/**
 * Checks that fit the call: another product's checks, the other direction's and, on a SIP channel,
 * ISDN's are left out, and a received call's own checks lead (its failure is this system's, not the carrier's).
 */
export function fitChecks(checks: readonly string[], facts: CallFacts): string[] {
  if (!facts.product && !facts.direction) return checks.filter((c) => !strictProduct(c));
  const kept = checks.filter((c) => {
    if (!facts.product && strictProduct(c)) return false;
    if (facts.sip && ISDN_CHECK.test(c)) return false;
    const product = PRODUCT_CHECK.exec(c)?.[1];
    if (product && facts.product && product !== facts.product) return false;
    const way = DIRECTION_CHECK.exec(c)?.[1];
    if (!way || !facts.direction) return true;
    return (way === "receive") === (facts.direction === "received");
  });
  if (facts.own && facts.product && STRICT.has(facts.product)) {
    const own = kept.filter((c) => strictProduct(c) === facts.product);
    if (own.length > 0) return [...own, ...kept.filter((c) => !own.includes(c))];
  }
  if (facts.direction !== "received") return kept;
  const own = kept.filter((c) => DIRECTION_CHECK.test(c));
  return [...own, ...kept.filter((c) => !own.includes(c))];
}
