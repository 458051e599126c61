// The columns of CDR and accounting exports that hold codes (Kamailio/OpenSIPS acc, FreeSWITCH CSV
// CDRs, Teams Direct Routing PSTN usage, ACSCallSummary, Asterisk's Master.csv and CDR tables), and
// how a CSV line splits into cells: a header row is recognised by its column names, never its values.

/** What a column holds, for the columns the scanner reads. */
export type Role =
  | "sip" // a SIP status (sip_code, sip_term_status, "Final SIP code")
  | "reason" // its reason phrase
  | "subcode" // Teams' "Final Microsoft subcode" or ACSCallSummary's ParticipantEndSubCode
  | "acs" // ACSCallSummary's ParticipantEndReason: the code of an ACS call-end pair
  | "q850" // a Q.850 cause number (FreeSWITCH also writes its own causes, 487, here)
  | "cause" // a hangup cause by name (NORMAL_CLEARING), or a number
  | "disposition" // Asterisk's ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION
  | "hangup" // FreeSWITCH's sip_hangup_disposition: who ended the call (recv_refuse, send_bye …)
  | "gateway"
  | "method"
  | "callId"
  | "time"
  // AudioCodes SBC CDRs: who sent the leg's INVITE (Orig), the leg's addresses, and which side
  // ended the call (TrmSd): LCL is the SBC, RMT the far end.
  | "origin"
  | "srcIp"
  | "dstIp"
  | "endedBy";

/** Header names (lower case, runs of spaces, dots and dashes as "_") and what they hold. */
const ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ["sip_code", "sip"],
  ["sipcode", "sip"],
  ["sip_status", "sip"],
  ["sip_status_code", "sip"],
  ["sip_response_code", "sip"],
  ["sipresponsecode", "sip"],
  ["sip_term_status", "sip"],
  ["final_sip_code", "sip"],
  // AudioCodes SBC CDRs: SIPTrmReason holds the final SIP status, or the request that ended the
  // call (BYE, CANCEL); SIPTermDesc its reason phrase.
  ["siptrmreason", "sip"],
  ["siptermdesc", "reason"],
  ["sip_reason", "reason"],
  ["sip_reason_phrase", "reason"],
  ["sip_hangup_phrase", "reason"],
  ["final_sip_phrase", "reason"],
  ["final_microsoft_subcode", "subcode"],
  ["microsoft_subcode", "subcode"],
  ["participantendreason", "acs"],
  ["participantendsubcode", "subcode"],
  ["hangup_cause_q850", "q850"],
  ["q850_cause", "q850"],
  ["q850", "q850"],
  ["hangup_cause", "cause"],
  ["hangupcause", "cause"],
  ["disposition", "disposition"],
  ["sip_hangup_disposition", "hangup"],
  ["sip_gateway_name", "gateway"],
  ["method", "method"],
  ["sip_method", "method"],
  ["sipmethod", "method"],
  ["orig", "origin"],
  ["sourceip", "srcIp"],
  ["destip", "dstIp"],
  ["trmsd", "endedBy"],
  ["callid", "callId"],
  ["call_id", "callId"],
  ["sip_call_id", "callId"],
  ["sipcallid", "callId"],
  // ACSCallSummary: one call's participants share its CorrelationId.
  ["correlationid", "callId"],
]);

/**
 * Columns that may hold the row's time, best first: when the code was produced (a failure, the
 * end of the call), else when the record was written, else when the call started.
 */
const TIMES = [
  "failure_time",
  "end_stamp",
  "end_time",
  "end",
  "releasetime",
  "time",
  "timestamp",
  "timegenerated",
  "utc_time",
  "calldate",
  "start_stamp",
  "start_time",
  "participantstarttime",
  "start",
  "setuptime",
  "invite_time",
];

/** Roles that make a header worth reading: it names a column with a code. */
export const CODE_ROLES: ReadonlySet<Role> = new Set<Role>(["sip", "acs", "q850", "cause", "disposition"]);

/**
 * Columns whose numbers are never phone numbers (times, durations, ids, codes): every other cell
 * that is a long run of digits is masked like a phone number before a row is shown.
 */
const NOT_A_PARTY = /time|stamp|date|dur|sec|uuid|(?:^|_)id$|code|cause|status|seq|port|bytes|size|count/;

export interface Column {
  name: string;
  role: Role | undefined;
  /** Its digits may be a phone number. */
  party: boolean;
}

export interface Layout {
  sep: string;
  columns: Column[];
  /** Indexes of the time columns, best first. */
  times: number[];
  /** Index of the first column of each role. */
  at: Partial<Record<Role, number>>;
}

export function normalizeName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, "_");
}

/** A header cell: a column name, not a value (no digits first, no ":" or "=" of a log line). */
const NAME = /^[A-Za-z_][\w .()/#-]{0,63}$/;

export function layoutOf(names: string[], sep: string): Layout | undefined {
  const columns: Column[] = [];
  const at: Partial<Record<Role, number>> = {};
  for (let i = 0; i < names.length; i++) {
    const raw = (names[i] as string).replace(/^\uFEFF/, "").trim();
    if (raw !== "" && !NAME.test(raw)) return undefined;
    const name = normalizeName(raw);
    const role = ROLES.get(name) ?? (TIMES.includes(name) ? "time" : undefined);
    if (role && at[role] === undefined) at[role] = i;
    columns.push({ name, role, party: role === undefined && raw !== "" && !NOT_A_PARTY.test(name) });
  }
  const times: number[] = [];
  for (const t of TIMES) {
    const i = columns.findIndex((c) => c.name === t);
    if (i >= 0) times.push(i);
  }
  return { sep, columns, times, at };
}

/** Asterisk's Master.csv (cdr_csv): no header, fixed fields; the 15th is the disposition. */
const MASTER = [
  "accountcode",
  "src",
  "dst",
  "dcontext",
  "clid",
  "channel",
  "dstchannel",
  "lastapp",
  "lastdata",
  "start",
  "answer",
  "end",
  "duration",
  "billsec",
  "disposition",
  "amaflags",
  "uniqueid",
  "userfield",
];
export const DISPOSITIONS: ReadonlySet<string> = new Set([
  "ANSWERED",
  "NO ANSWER",
  "BUSY",
  "FAILED",
  "CONGESTION",
]);
const AMA_FLAGS = new Set(["DOCUMENTATION", "BILLING", "OMIT", "DEFAULT", "Unknown"]);
const DISPOSITION_AT = 14;

/** The Master.csv layout when `cells` is one of its rows (extra fields after userfield allowed). */
export function masterLayout(cells: string[]): Layout | undefined {
  if (cells.length < MASTER.length || cells.length > MASTER.length + 6) return undefined;
  if (
    !DISPOSITIONS.has(cells[DISPOSITION_AT] as string) ||
    !AMA_FLAGS.has(cells[DISPOSITION_AT + 1] as string)
  )
    return undefined;
  if (!/^\d+$/.test(cells[12] as string) || !/^\d+$/.test(cells[13] as string)) return undefined;
  const names = cells.map((_, i) => MASTER[i] ?? `extra_${i}`);
  const layout = layoutOf(names, ",") as Layout;
  // src and dst are the parties; the rest of the layout is known.
  for (const c of layout.columns) c.party = c.name === "src" || c.name === "dst";
  return layout;
}

/** At least four cells between bars. */
const BAR_CELLS = /^(?:\|[^|\n]*){4}/;

/**
 * Where the table part of an AudioCodes syslog line starts: CDR rows come after the syslog
 * prefix and the message sequence number ("Mar  5 10:15:22 10.20.0.5  [S=892730] |SBC |…").
 * 0 for a line that has no such prefix.
 */
export function barTableStart(line: string): number {
  if (line.charCodeAt(0) === 124) return 0;
  const k = line.indexOf("] |");
  if (k < 0 || k > 120) return 0;
  return SEQUENCE_TAG.test(line.slice(0, k + 1)) ? k + 2 : 0;
}
const SEQUENCE_TAG = /\[S=\d{1,12}\]$/;

/** The separator of a header row: the most frequent of , ; and tab outside quotes (none: ""). */
export function separatorOf(line: string): string {
  // A mysql client's table ("| id | method | sip_code |"): cells between bars; AudioCodes CDRs
  // ("|CDR_TYPE |SBCReportType |… |SIPTermDesc") have no closing bar.
  if (line.charCodeAt(0) === 124 && (line.trimEnd().endsWith("|") || BAR_CELLS.test(line))) return "|";
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) comma++;
    else if (c === 59) semi++;
    else if (c === 9) tab++;
  }
  const most = Math.max(comma, semi, tab);
  if (most === 0) return "";
  return most === tab ? "\t" : most === semi ? ";" : ",";
}

/**
 * The cells of a CSV line (RFC 4180 quoting, "" inside quotes), trimmed and unquoted, with the
 * offset each starts at; undefined for a line whose quotes do not close.
 */
export function splitCells(line: string, sep: string, starts: number[]): string[] | undefined {
  const out: string[] = [];
  starts.length = 0;
  const s = sep.charCodeAt(0);
  let i = 0;
  for (;;) {
    while (line.charCodeAt(i) === 32) i++;
    starts.push(i);
    if (line.charCodeAt(i) === 34) {
      let v = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return undefined;
        v += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          v += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      while (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 13) j++;
      if (j < line.length && line.charCodeAt(j) !== s) return undefined;
      out.push(v.trim());
      if (j >= line.length) return out;
      i = j + 1;
    } else {
      const e = line.indexOf(sep, i);
      out.push(line.slice(i, e < 0 ? line.length : e).trim());
      if (e < 0) return out;
      i = e + 1;
    }
  }
}
