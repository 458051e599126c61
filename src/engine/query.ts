// Turns what a person typed ("acs 410/3112", "cause 16", "404 Not Found") into a structured query.
// Pure and total: any string yields a ParsedQuery, never an exception.
import type { Namespace } from "../catalog/schema.js";
import { foldDotted, normalizeText } from "../catalog/text.js";
import { cleanQuery, stripEdges, withoutLogNoise } from "./query-clean.js";
import { durationAlone, withoutQuantities } from "./query-duration.js";
import {
  DIRECT_ROUTING_RE,
  MICROSOFT_TEAMS_RE,
  MS_DIAGNOSTICS_BARE_RE,
  MS_DIAGNOSTICS_RE,
  NEGATIVE_RE,
  packetLine,
  portOrCseq,
  RESPONSE_STATUS_RE,
  severalCodes,
  timeoutQuestion,
  timerNamed,
  timerQuestion,
} from "./query-forms.js";
import { namespaceInProse, numberInProse, vendorPair } from "./query-prose.js";
import { subcodeInProse } from "./query-subcode.js";
import { q931Cause } from "./scan/causes.js";

export { cleanQuery } from "./query-clean.js";

export type ParsedQuery =
  | { type: "empty" }
  | { type: "id"; id: string }
  | {
      type: "code";
      namespace: Namespace | null;
      code: number;
      subcode: number | null;
      /** Normalised words typed with the number ("not found" in "404 Not Found"); they rank its meanings. */
      words?: string;
      /** The number was found inside a sentence ("got a 488 from the trunk"), not leading the query. */
      prose?: boolean;
      /** Further codes asked about together ("486 and 487", "difference between 486 and 600"). */
      also?: number[];
      /** The number is a Microsoft subcode from a Teams ms-diagnostics header, not a SIP code. */
      diagnostics?: true;
      /** The cause was typed as Q.931 cause octets in hex, as Cisco prints them ("0x8291"). */
      hex?: string;
    }
  | {
      type: "text";
      namespace: Namespace | null;
      text: string;
      /** The timer the words name ("timer B expired on INVITE" → "timer/b"); it comes first. */
      timer?: string;
      /** A duration asked on its own ("486 ms", "3 minutes"), in ms: a timer value, never a code. */
      durationMs?: number;
    }
  /**
   * A pasted header or SDP line ("Expires: 600", "m=audio 49170 …", "User-Agent: FreeSWITCH"), or
   * a request line ("INVITE sip:1001@10.0.0.5 SIP/2.0": `request`, the method as `header`): its
   * numbers are no codes.
   */
  | { type: "header"; header: string; value: string; request?: true };

/** Words that name a namespace, including the aliases people actually type. */
export const NAMESPACE_WORDS: Readonly<Record<string, Namespace>> = {
  sip: "sip",
  q850: "q850",
  "q.850": "q850",
  cause: "q850",
  isdn: "q850",
  hangupcause: "q850",
  mobius: "mobius",
  webex: "mobius",
  wxc: "mobius",
  "mobius-error": "mobius",
  acs: "acs",
  azure: "acs",
  callendreason: "acs",
  teams: "acs",
  exotel: "exotel",
  http: "http",
  https: "http",
  symptom: "symptom",
  timer: "timer",
};

/** Longest query we try to interpret; anything longer is treated as (the start of) free text. */
export const MAX_QUERY_CHARS = 500;

const ID_RE = /^(sip|q850|http|mobius|acs|exotel|symptom|timer)\/[a-z0-9][a-z0-9.-]*$/;
const PAIR_RE = /^(\d{1,3})\s*[/:-]\s*(\d{1,7})$/;
const NUM_RE = /^\d{1,7}$/;
/** A code in the plural: "503s", "488's". */
const PLURAL_RE = /^(\d{1,7})['’]?s$/;
/** Named code and subcode anywhere: "code 410 subcode 3112", `"code": 410, "subCode": 3112`. */
const CODE_SUBCODE_RE = /\bcode\W{0,4}(\d{1,3})\b\W{1,6}sub-?code\W{0,4}(\d{1,7})\b/i;
/**
 * Where a cause number is logged under another name: "hangup cause", "release cause", "hangup_cause",
 * FreeSWITCH's channel variable "hangup_cause_q850" (or "variable_hangup_cause_q850" in an event)
 * and "q850_cause". All hold a Q.850 number, read as "cause N" is, never searched for as words.
 */
const CAUSE_HEAD_RE =
  /^(?:(?:variable_)?(?:hangup|release|disconnect|clearing)[\s_-]*cause(?:[\s_-]*q\.?850)?|q\.?850[\s_-]+cause)\b/i;
/** A number followed by words: "404 Not Found", "408 timeout". */
const NUM_WORDS_RE = /^(\d{1,7})\s+(\D.*)$/s;
/** The cause inside a SIP Reason header value: "Q.850;cause=16;text=…", "SIP;cause=480". */
const REASON_RE = /\b(sip|q\.?850)\s*;\s*cause\s*=\s*(\d{1,3})\b/i;
/** A namespace word at the start, then a separator: "sip 488", "sip-488", "q.850;cause=16", "acs: 3112". */
const HEAD_RE = /^([a-z][a-z0-9.]*(?:-[a-z][a-z0-9.]*)*)(?:\s*[:=;,/-]\s*|\s+|$)(.*)$/s;
/**
 * SIP headers people paste as if they held a code, by their lower-case names: those whose numbers
 * are counts, sizes, sequence numbers or lifetimes ("Expires: 600", "CSeq: 102 INVITE"), those
 * that hold addresses, names of software or lists ("From: <sip:+1415…>", "Server: CarrierSBC/4.2"),
 * and Warning, whose 3xx warn-code is no response ("Warning: 399 host \"…\"").
 */
export const NUMBER_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    "Expires Min-Expires Session-Expires Min-SE Retry-After CSeq Content-Length Max-Forwards RSeq RAck " +
    "Contact Via User-Agent Server From To Call-ID Route Record-Route Allow Supported Require " +
    "Content-Type P-Asserted-Identity Diversion Warning"
  )
    .split(" ")
    .map((h) => [h.toLowerCase(), h]),
);
/**
 * A request line: a method, a sip:, sips: or tel: URI and, usually, the version ("INVITE
 * sip:+14155550123@carrier.net SIP/2.0"). The URI's user part and host are no codes.
 */
const REQUEST_RE =
  /^(INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|PRACK|SUBSCRIBE|NOTIFY|PUBLISH|INFO|REFER|MESSAGE|UPDATE)\s+((?:sips?|tel):\S+)(?:\s+SIP\/2\.0)?$/i;
/** One pasted header line: its name, then ':' or '=' ("Expires: 600", "expires=600"). */
const HEADER_RE = /^([a-z][a-z-]*)\s*[:=]\s*(.*)$/is;
/** An SDP line: "m=audio 49170 RTP/AVP 0 8 101", "c=IN IP4 10.0.0.1", "o=…", "a=rtpmap:101 …". */
const SDP_RE = /^([vosicbtmaz])=(\S.*)$/s;

function headerLine(text: string): ParsedQuery | null {
  const request = REQUEST_RE.exec(text);
  if (request?.[1] && request[2])
    return { type: "header", header: request[1].toUpperCase(), value: request[2], request: true };
  const sdp = SDP_RE.exec(text);
  if (sdp?.[1] && sdp[2]) return { type: "header", header: `${sdp[1]}=`, value: sdp[2].trim() };
  const m = HEADER_RE.exec(text);
  const header = m?.[1] ? NUMBER_HEADERS[m[1].toLowerCase()] : undefined;
  return header && m ? { type: "header", header, value: (m[2] ?? "").trim() } : null;
}

/** The first MAX_QUERY_CHARS characters, cut before a word the limit would split. */
function headOf(input: string): string {
  if (input.length <= MAX_QUERY_CHARS) return input;
  const cut = input.slice(0, MAX_QUERY_CHARS);
  if (/\s/.test(input[MAX_QUERY_CHARS] ?? " ")) return cut;
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : cut;
}

function codeQuery(
  namespace: Namespace | null,
  code: number,
  subcode: number | null,
  words = "",
  prose = false,
): ParsedQuery {
  if (words === "") return { type: "code", namespace, code, subcode };
  return prose
    ? { type: "code", namespace, code, subcode, words, prose }
    : { type: "code", namespace, code, subcode, words };
}

/** Q.931 cause octets in hex: two or three octets, as Cisco prints the cause element. */
const CAUSE_OCTETS_RE = /(?<![\w.])0x((?:[0-9a-f]{2}){2,3})(?![\w.])/i;
/** A word that says the hex is a cause element ("q931 cause 0x8291", "q.931 0x8291"). */
const CAUSE_WORD_RE = /\b(?:isdn|q\.?931|q\.?850|cause)\b/i;

/**
 * The cause element's hex after a cause word, or leading the query when its first octet is 0x8x
 * (extension bit set, ITU-T coding: "0x8291 on trunk"), else null. Other hex ("0x1f40", an
 * HRESULT) is no cause.
 */
function causeOctets(text: string, causeNamed: boolean): string | null {
  if (!/0x/i.test(text)) return null;
  const m = CAUSE_OCTETS_RE.exec(text);
  const hex = m?.[1];
  if (!m || !hex) return null;
  if (causeNamed || CAUSE_WORD_RE.test(text.slice(0, m.index))) return hex;
  return /^8[0-9a-f]/i.test(hex) && text.trimStart().startsWith(m[0]) ? hex : null;
}

export function parseQuery(input: string): ParsedQuery {
  let text = cleanQuery(headOf(input)).trim();
  if (text === "") return { type: "empty" };
  const lower = text.toLowerCase();
  if (ID_RE.test(lower)) return { type: "id", id: lower };
  if (packetLine(text)) return { type: "header", header: "packet", value: text };
  const diagnostics = MS_DIAGNOSTICS_RE.exec(text);
  if (diagnostics?.[1]) {
    return { type: "code", namespace: "acs", code: Number(diagnostics[1]), subcode: null, diagnostics: true };
  }
  if (MS_DIAGNOSTICS_BARE_RE.test(text)) return { type: "header", header: "ms-diagnostics", value: "" };

  const reason = REASON_RE.exec(text);
  if (reason?.[1] && reason[2]) {
    // "SIP;cause=200": the call was answered elsewhere (RFC 3326), which no 200 OK card explains.
    if (reason[1].toLowerCase() === "sip" && reason[2] === "200")
      return { type: "header", header: "Reason", value: text };
    return codeQuery(reason[1].toLowerCase() === "sip" ? "sip" : "q850", Number(reason[2]), null);
  }
  const pairNamed = CODE_SUBCODE_RE.exec(text);
  if (pairNamed?.[1] && pairNamed[2]) {
    const ns = /\b(?:acs|azure|callendreason)\b/i.test(text)
      ? "acs"
      : /\bmobius\b/i.test(text)
        ? "mobius"
        : null;
    return codeQuery(ns, Number(pairNamed[1]), Number(pairNamed[2]));
  }

  const header = headerLine(text) ?? portOrCseq(text);
  if (header) return header;
  // "-1", "sip -486", "cause -34": no family has negative codes; the minus is kept so the answer
  // can say so instead of reading the number as positive.
  const negative = NEGATIVE_RE.exec(text.trim());
  if (negative?.[2]) {
    const ns = negative[1] ? NAMESPACE_WORDS[negative[1].toLowerCase()] : null;
    if (ns !== undefined) {
      const sub = negative[3] ? Number(negative[3]) : null;
      return codeQuery(ns, -Number(negative[2]), sub);
    }
  }
  // "fields.response_status: 429": the field Mobius logs its HTTP status in.
  const logged = RESPONSE_STATUS_RE.exec(text);
  if (logged?.[1]) return codeQuery("mobius", Number(logged[1]), null);

  text = stripEdges(text);
  if (text === "") return { type: "text", namespace: null, text: "" };
  const spaced = text.toLowerCase().replace(/\s+/g, " ");
  const timer = timerQuestion(spaced);
  if (timer) return { type: "id", id: timer };
  const waited = timeoutQuestion(spaced);
  if (waited) return { type: "id", id: waited };
  const named = timerNamed(spaced);
  if (named) {
    const words = spaced.replace(/^(?:timer\b\W*)/, "");
    return { type: "text", namespace: "timer", text: normalizeText(foldDotted(words)), timer: named };
  }

  const duration = durationAlone(spaced);
  if (duration !== null)
    return { type: "text", namespace: "timer", text: normalizeText(spaced), durationMs: duration };

  // A leading namespace word ("acs 3112", "cause 16", "mobius-error: 118"), possibly followed by a
  // qualifier of the same family ("Q.850 cause=34", "webex mobius-error 118").
  let namespace: Namespace | null = null;
  text = text.replace(MICROSOFT_TEAMS_RE, "");
  for (let round = 0; round < 2; round++) {
    text = text.replace(CAUSE_HEAD_RE, "cause");
    const head = HEAD_RE.exec(text.toLowerCase());
    const word = head?.[1] ?? "";
    const ns = NAMESPACE_WORDS[word];
    if (!head || head[2] === undefined || !ns) break;
    if (namespace !== null && ns !== namespace && word !== "cause") break;
    const rest = stripEdges(text.slice(text.length - head[2].length));
    if (rest === "") return { type: "text", namespace: namespace ?? ns, text: word };
    namespace ??= ns;
    text = rest;
  }

  // "isdn cause 0x8291 on trunk": Cisco's cause element in hex; the cause is the octet after
  // coding/location, and it is the subject whatever words follow ("trunk" names cause 5).
  const hex = causeOctets(text, namespace === "q850");
  if (hex) return { type: "code", namespace: "q850", code: q931Cause(hex), subcode: null, hex };

  // A Microsoft subcode among words ("direct routing 560486", "Teams shows 503/560503") is the
  // subject: it is read as the number alone would be, whatever else the words name.
  if (namespace === null || namespace === "acs") {
    const sub = subcodeInProse(text.replace(/\s+/g, " "), namespace === "acs");
    if (sub) return codeQuery(sub.namespace ?? namespace, sub.code, sub.subcode, sub.words);
  }
  // Teams Direct Routing is plain SIP between Microsoft and the SBC: its numbers are SIP codes.
  if (namespace === "acs" && DIRECT_ROUTING_RE.test(text)) namespace = "sip";
  // Durations and stats counts ("after 486 ms", "packets lost 486") are read as no code.
  const words = text.replace(/\s+/g, " ");
  const compact = withoutQuantities(words);
  const several = severalCodes(compact);
  if (several && (namespace === null || namespace === "sip" || namespace === "q850")) {
    const [code, ...also] = several;
    return { type: "code", namespace, code: code as number, subcode: null, also };
  }
  const pair = PAIR_RE.exec(compact) ?? /^(\d{1,3}) (\d{1,7})$/.exec(compact);
  if (pair?.[1] && pair[2]) return codeQuery(namespace, Number(pair[1]), Number(pair[2]));
  const vendor = vendorPair(compact, namespace);
  if (vendor) return codeQuery(vendor.namespace, vendor.code, vendor.subcode);
  if (NUM_RE.test(compact)) return codeQuery(namespace, Number(compact), null);
  const plural = PLURAL_RE.exec(compact);
  if (plural?.[1]) return codeQuery(namespace, Number(plural[1]), null);
  const numWords = NUM_WORDS_RE.exec(compact);
  if (numWords?.[1] && numWords[2]) {
    return codeQuery(namespace, Number(numWords[1]), null, normalizeText(numWords[2]));
  }
  if (namespace === null) {
    const inProse = namespaceInProse(compact);
    if (inProse) return codeQuery(inProse.namespace, inProse.code, null, inProse.words);
  }
  // "exotel trunk 403", "exotel call failing 408": Exotel trunks speak SIP, so a SIP-range number
  // among words is read as a code there too.
  if (namespace === null || namespace === "sip" || namespace === "exotel") {
    const prose = numberInProse(compact);
    if (prose) return codeQuery(namespace, prose.code, null, prose.words, !prose.plural);
  }

  // Words, not the digits of a pasted line's stamp, addresses or extensions, are searched for.
  const normal = normalizeText(foldDotted(withoutLogNoise(words)));
  return { type: "text", namespace, text: normal };
}
