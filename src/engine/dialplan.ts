// FreeSWITCH hangs a call up in CS_ROUTING with NO_ROUTE_DESTINATION when its own XML dialplan found
// no extension for the called number ("Hangup sofia/external/+1415…@198.51.100.20 [CS_ROUTING]
// [NO_ROUTE_DESTINATION]"): the failing component is this FreeSWITCH's dialplan, not a carrier or
// a downstream switch, whatever the catalog's usual sender of cause 3.
//
// Asterisk logs its own 404 to an inbound call ("Call from 'sbc-in' (UDP:10.0.0.1:5060) to extension
// '442…' rejected because extension not found in context 'from-pstn'"): the same holds for its
// dialplan context, and when a trace in the same paste shows that 404 leaving Asterisk (Server:
// Asterisk …), the line says why it was sent, so its context and number lead the component and checks.
import type { Finding } from "./scan/scanner.js";

const NO_ROUTE = 3;
/** The channel the hangup names: its sofia profile and the host after "@". */
const ROUTING_CHANNEL = /\bsofia\/([\w.-]+)\/[^\s@\]]*@([^\s:\]]+)[^\s\]]*\s+\[CS_ROUTING\]/;

/** The dialplan that routed nothing, in words, or null for any other failure. */
export function dialplanComponent(first: Finding): string | null {
  const miss = first.code === 404 ? dialplanMiss(first) : undefined;
  if (miss) return `This Asterisk's own dialplan${missWords(miss, first)}`;
  if (first.namespace !== "q850" || first.code !== NO_ROUTE || !first.text.includes("[CS_ROUTING]"))
    return null;
  const m = ROUTING_CHANNEL.exec(first.text);
  if (!m?.[1] || !m[2]) return null;
  const [, profile, from] = m;
  // The default external profile takes carriers' calls into the public context.
  const whose =
    profile === "external"
      ? `the call received on sofia profile external from ${from} (a carrier's call; the public context by default)`
      : `the call on sofia profile ${profile} from ${from}`;
  return `This FreeSWITCH's own dialplan: ${whose} matched no extension while it was routed (hung up in CS_ROUTING), so FreeSWITCH refused it itself`;
}

/** How Asterisk's own refusal of an inbound call names its reason (asterisk-sip.ts). */
const NOT_IN_CONTEXT = "extension not found in context";
/** "Call from 'sbc-in' (UDP:10.0.0.1:5060) to extension '442…' rejected because …": who, and the number. */
const REFUSED_CALL = /\bCall from '([^'\n]{0,80})' \(([^)\n]{0,80})\) to extension '([^'\n]{0,120})'/;
const CONTEXT = /in context '([^'\n]{0,80})'/;
/** How far apart a trace's 404 and Asterisk's line about it may be logged (clocks of two systems). */
const SAME_CALL_MS = 5_000;

export interface DialplanMiss {
  f: Finding;
  /** The endpoint (or peer) the call came in on, its address, the number, and the context. */
  endpoint?: string;
  from?: string;
  exten?: string;
  context: string;
}

/** Asterisk's "rejected because extension not found in context 'X'" line, read; undefined for others. */
export function dialplanMiss(f: Finding): DialplanMiss | undefined {
  if (f.code !== 404 || f.namespace !== "sip" || !f.reason?.startsWith(NOT_IN_CONTEXT)) return undefined;
  const context = CONTEXT.exec(f.reason)?.[1];
  if (context === undefined) return undefined;
  const m = REFUSED_CALL.exec(f.text);
  const miss: DialplanMiss = { f, context };
  if (m?.[1]) miss.endpoint = m[1];
  if (m?.[2]) miss.from = m[2];
  if (m?.[3]) miss.exten = m[3];
  return miss;
}

/**
 * Whether `miss` is Asterisk's own account of the 404 `f` that a trace shows it sending (an SBC's
 * sipmsg.log with "Server: Asterisk PBX 20.5.0" above the PBX's log): one failure told twice.
 */
export function explainsAnswer(miss: DialplanMiss, f: Finding): boolean {
  if (f === miss.f || f.code !== 404 || f.direction === "local" || !f.agent?.startsWith("Asterisk"))
    return false;
  if (f.tsMs === undefined || miss.f.tsMs === undefined) return true;
  return Math.abs(f.tsMs - miss.f.tsMs) <= SAME_CALL_MS;
}

/** The Asterisk dialplan miss that explains the 404 `first`, if the log holds one. */
export function missBehind(first: Finding | null, findings: readonly Finding[]): DialplanMiss | undefined {
  if (first?.code !== 404 || first.namespace !== "sip") return undefined;
  const own = dialplanMiss(first);
  if (own) return own;
  for (const f of findings) {
    const miss = f.code === 404 ? dialplanMiss(f) : undefined;
    if (miss && explainsAnswer(miss, first)) return miss;
  }
  return undefined;
}

/** "; Asterisk's own log says why (line 44): …" (": …" for its own line) for the failing component of a 404 it explains. */
export function missWords(miss: DialplanMiss, first: Finding): string {
  const number = miss.exten ? `'${miss.exten}'` : "the called number";
  const where = miss.f === first ? ":" : `; Asterisk's own log says why (line ${miss.f.line}):`;
  const via = miss.endpoint ? ` on endpoint '${miss.endpoint}'${miss.from ? ` (${miss.from})` : ""}` : "";
  return `${where} the call${via} to ${number} matched no extension in its dialplan context '${miss.context}', so Asterisk answered the 404 itself: the number as it arrived has no match there`;
}

/** The checks of a 404 Asterisk's dialplan gave: the context and the number's format lead. */
export function missChecks(miss: DialplanMiss): string[] {
  const exten = miss.exten ?? "NUMBER";
  const plus = miss.exten && !miss.exten.startsWith("+") ? " (here it came without a leading +)" : "";
  const endpoint = miss.endpoint ? `of endpoint '${miss.endpoint}'` : "of the inbound endpoint";
  return [
    `In Asterisk, run \`dialplan show ${exten}@${miss.context}\`: it lists the extensions and patterns in context '${miss.context}' that match the number, and none is why the call was refused`,
    `Compare the number as it arrived${plus} with the patterns in '${miss.context}': a +, country code or national prefix added or stripped upstream (an SBC's or carrier's number normalisation) makes a number miss every pattern`,
    `Check the context= ${endpoint} is the one meant for these calls: an inbound trunk landing in another context finds none of its DIDs`,
  ];
}
