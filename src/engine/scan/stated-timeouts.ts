// Lines where a stack says itself that a request got no response (chan_sip's "Retransmission
// timeout reached", Asterisk's "No response received from", pjsip's tsx timer, "Timer B fired",
// Kamailio tm's fr_timer), and packet lines that close a TCP connection: the timing events that
// end a silent transaction.

/** What a stated timeout names, when it does: the request, where it went, how long it waited. */
export interface StatedTimeout {
  method?: string;
  to?: string;
  callId?: string;
  cseq?: number;
  /** "Packet timed out after 31999ms": how long the stack waited. */
  waitedMs?: number;
  /** pjsip's transaction ("tsx0x7f2a…") whose timer fired. */
  tsx?: string;
}

/**
 * The literals of those lines, for the anchor search: chan_sip, Asterisk's outbound registration,
 * pjsip's transaction state, an explicit Timer B/F, and a FIN in ngrep ("[AF]") or tcpdump
 * ("Flags [F.]") packet lines. Capitalised literals keep the whole-block search cheap.
 */
export const TIMEOUT_ANCHORS =
  "Retransmission timeout|No response received|event=TIMER|Timer [BF] |stop retr\\. and send CANCEL|\\[A?FP?[.\\]]";

const CHAN_SIP =
  /Retransmission timeout reached on transmission (\S+) for seqno (\d+) \((?:Critical|Non-critical) Request\)/;
const WAITED = /\bPacket timed out after (\d+) ?ms with no response/;
/** "No response received from 'sip:sip.carrier.example:5061;transport=tls' on registration attempt
 *  to …": the server URI as configured, parameters and all (uriHost keeps its host and port). */
const NO_RESPONSE = /\bNo response received from '([^'\s]+)'(?: on (registration|qualify))?/;
/** pjsip: "tsx0x7f2a… .State changed from Calling to Terminated, event=TIMER" (Timer B/F), not
 *  Completed to Terminated, which is Timer D/K ending a transaction that was answered. */
const PJSIP_TSX =
  /\b(tsx0x[0-9a-f]+)\b.*State changed from (?:Calling|Proceeding) to Terminated, event=TIMER/;
/** "Timer B fired for transaction … (INVITE sip:bob@10.40.0.9:5060), no response received". */
const TIMER_BF =
  /\bTimer ([BF]) (?:fired|expired|timed out|timeout)\b(?:[^(\n]{0,80}\(([A-Z]+) (sips?:[^\s)]+)\))?/;

/**
 * Kamailio/OpenSIPS tm's final response timer ("final_response_handler(): stop retr. and send
 * CANCEL"): fr_timer fired and tm answers 408 itself. When the line after it shows a provisional
 * the branch had received ("T_code=180", "uac[0]=183"), it is fr_inv_timer on a ringing call, not
 * a request nothing answered.
 */
const TM_FR_TIMER = "stop retr. and send CANCEL";
const TM_PROVISIONAL = /\b(?:T_code|uac\[\d+\])=1\d\d\b/;

/** The host (and port) of a SIP URI: "sip:bob@10.40.0.9:5060;transport=tcp" → "10.40.0.9:5060". */
export function uriHost(uri: string): string | undefined {
  const rest = uri.replace(/^<?sips?:/, "");
  const at = rest.lastIndexOf("@");
  const host = (at >= 0 ? rest.slice(at + 1) : rest).split(/[;>?]/)[0];
  return host ? host : undefined;
}

/** The timeout `line` states, if it states one; `next` is the line after it, for chan_sip's wait. */
export function statedTimeout(line: string, next: () => string): StatedTimeout | undefined {
  if (line.includes("Retransmission timeout")) {
    const m = CHAN_SIP.exec(line);
    if (!m) return undefined;
    const out: StatedTimeout = { callId: m[1], cseq: Number(m[2]) };
    const waited = WAITED.exec(next());
    if (waited) out.waitedMs = Number(waited[1]);
    return out;
  }
  if (line.includes("No response received")) {
    const m = NO_RESPONSE.exec(line);
    const to = m?.[1] ? uriHost(m[1]) : undefined;
    if (m && to)
      return m[2] === "registration" ? { method: "REGISTER", to } : m[2] ? { method: "OPTIONS", to } : { to };
  }
  if (line.includes("event=TIMER")) {
    const m = PJSIP_TSX.exec(line);
    if (m) return { tsx: m[1] };
  }
  if (line.includes(TM_FR_TIMER)) return TM_PROVISIONAL.test(next()) ? undefined : {};
  if (line.includes("Timer ")) {
    const m = TIMER_BF.exec(line);
    if (m) {
      const out: StatedTimeout = { method: m[2] ?? (m[1] === "B" ? "INVITE" : undefined) };
      const to = m[3] ? uriHost(m[3]) : undefined;
      if (to) out.to = to;
      return out;
    }
  }
  return undefined;
}

/** ngrep's "T 10.0.0.5:41234 -> 198.51.100.200:5060 [AF]" and tcpdump's
 *  "IP 10.0.0.5.41234 > 198.51.100.200.5060: Flags [F.]": a side closing a TCP connection. */
const NGREP_FIN = /\bT \[?([0-9a-f.:]+?)\]?:(\d+) -> \[?([0-9a-f.:]+?)\]?:(\d+) \[A?FP?\]/;
const TCPDUMP_FIN =
  /\bIP6? ((?:\d{1,3}\.){3}\d{1,3})\.(\d+) > ((?:\d{1,3}\.){3}\d{1,3})\.(\d+): Flags \[FP?\.\]/;

/** The connection a FIN packet line closes: who closed it and toward whom. */
export function closedConnection(line: string): { from: string; to: string } | undefined {
  if (!line.includes("F")) return undefined;
  const m = NGREP_FIN.exec(line) ?? TCPDUMP_FIN.exec(line);
  return m ? { from: `${m[1]}:${m[2]}`, to: `${m[3]}:${m[4]}` } : undefined;
}
