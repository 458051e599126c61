// A 487 after the caller's CANCEL (or a FreeSWITCH ORIGINATOR_CANCEL) is a cancelled call, not a
// failure, and so is a losing branch of a forked call that another branch answered (RFC 3261
// §16.7), and a 481 to a CANCEL that crossed the 200 OK (RFC 3261 §9.2: the INVITE transaction
// had already ended, so the CANCEL matched nothing): which findings those are, and the notes that
// say so.
import type { Hangup } from "./hangups.js";
import { OWN_CAUSE } from "./scan/own-causes.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** FreeSWITCH's hangup cause for a caller who hung up while it rang (the catalog reads it as 487). */
const ORIGINATOR_CANCEL = /\bORIGINATOR_CANCEL\b/;
/** A branch the log itself says was answered elsewhere (3CX: "Request Terminated (answered elsewhere)"). */
const ELSEWHERE_TEXT = /\b(?:answered|completed) elsewhere\b/i;
/** A FreeSWITCH channel name ("sofia/internal/201@10.0.0.60:5060"). */
const CHANNEL = /\b(?:sofia|loopback|verto|freetdm|rtc|skinny)\/[^\s[\]]+/;
/** The channel UUID a FreeSWITCH line starts with; the excerpt may have cut its head ("…516a91f39"). */
const LEADING_UUID =
  /^(?:…[0-9a-f-]*?([0-9a-f]{8})|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}([0-9a-f]{8}))\s/i;
/**
 * FreeSWITCH ends a leg itself with a 2xx cause of its own when another leg answered (LOSE_RACE)
 * or the call was picked up (PICKED_OFF): it cancelled that leg, so the leg's 487 is no failure.
 */
function endsOwnLeg(f: Finding): boolean {
  return f.detector === OWN_CAUSE && f.code >= 200 && f.code < 300;
}

/**
 * A leg FreeSWITCH hung up with NO_ANSWER (Q.850 19) when its ring time ran out: FreeSWITCH sent
 * the CANCEL, so the leg's 487 follows from the no-answer, which stays the failure.
 */
function ringTimedOut(f: Finding): boolean {
  return f.code === 19 && f.text.includes("NO_ANSWER") && CHANNEL.test(f.text);
}

/** A 487 and an ORIGINATOR_CANCEL of one channel are this close (ms, or lines without times). */
const CHANNEL_MS = 5000;
const CHANNEL_LINES = 30;

/** What a 487 or a losing branch's refusal is matched against: the log's CANCELs by Call-ID, its
 *  ORIGINATOR_CANCELs by channel, and its answered INVITEs by Call-ID and CSeq. */
export interface CancelIndex {
  byCall: Map<string, TimingEvent[]>;
  byChannel: Map<string, Finding[]>;
  /** 2xx responses to INVITEs by Call-ID (one per CSeq). */
  answered: Map<string, Finding[]>;
  /** 408s by Call-ID: a CANCEL next to one was sent by a proxy that gave up, not by the caller. */
  timeouts: Map<string, Finding[]>;
}

/** The keys a FreeSWITCH line names its channel by: its name and the tail of its UUID. */
function channelKeys(text: string): string[] {
  const keys: string[] = [];
  const name = CHANNEL.exec(text)?.[0];
  if (name) keys.push(name);
  const uuid = LEADING_UUID.exec(text);
  const tail = uuid?.[1] ?? uuid?.[2];
  if (tail) keys.push(`uuid:${tail.toLowerCase()}`);
  return keys;
}

/** A one-line log's 200 OK to a CANCEL and the 487 after it are this close (lines; ms with times). */
const ANSWERED_LINES = 5;
const ANSWERED_MS = 2000;

/**
 * The CANCEL a one-line log shows only by its answer (Kamailio acc's "method=CANCEL;…;code=200",
 * AudioCodes' "recv <-- SIP/2.0 200 OK" right after "send --> CANCEL …"): the request went out
 * before that 2xx, in the same call. Keyed by Call-ID, or "" for one without.
 */
/** The CANCELs cancelAnswers() stood in for: their line is their answer's. */
const byAnswer = new WeakSet<TimingEvent>();

function cancelAnswers(findings: Finding[]): TimingEvent[] {
  const out: TimingEvent[] = [];
  for (const f of findings) {
    if (f.namespace !== "sip" || f.code < 200 || f.code >= 300) continue;
    // Kamailio's tm answers a CANCEL "200 canceling", whatever else the line says.
    if (f.method !== "CANCEL" && !(f.method === undefined && f.reason === "canceling")) continue;
    const e: TimingEvent = { kind: "request", method: "CANCEL", line: f.line, tsMs: f.tsMs ?? Number.NaN };
    if (f.callId) e.callId = f.callId;
    byAnswer.add(e);
    out.push(e);
  }
  return out;
}

export function cancelIndex(events: TimingEvent[], findings: Finding[]): CancelIndex {
  const byCall = new Map<string, TimingEvent[]>();
  // One without a Call-ID (a one-line log's) is matched by line and time, as its answer would be.
  const requests = events.filter((e) => e.kind === "request" && e.method === "CANCEL");
  // A CANCEL logged as a request keeps its own line; its answer stands in only for one not logged.
  for (const e of [...requests, ...cancelAnswers(findings)]) {
    const key = e.callId ?? "";
    const list = byCall.get(key);
    if (list?.some((c) => c.line < e.line && e.line - c.line <= ANSWERED_LINES)) continue;
    if (list) list.push(e);
    else byCall.set(key, [e]);
  }
  const byChannel = new Map<string, Finding[]>();
  const answered = new Map<string, Finding[]>();
  const timeouts = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.namespace === "q850" && ringTimedOut(f)) {
      for (const k of channelKeys(f.text)) {
        const list = byChannel.get(k);
        if (list) list.push(f);
        else byChannel.set(k, [f]);
      }
    }
    if (f.namespace !== "sip") continue;
    if (f.code === 408 && f.callId && byCall.has(f.callId)) {
      const list = timeouts.get(f.callId);
      if (list) list.push(f);
      else timeouts.set(f.callId, [f]);
    }
    if ((f.code === 487 && f.text.includes("ORIGINATOR_CANCEL")) || endsOwnLeg(f)) {
      for (const k of channelKeys(f.text)) {
        const list = byChannel.get(k);
        if (list) list.push(f);
        else byChannel.set(k, [f]);
      }
    } else if (f.code >= 200 && f.code < 300 && f.method === "INVITE" && f.callId && f.cseq !== undefined) {
      const list = answered.get(f.callId);
      if (!list) answered.set(f.callId, [f]);
      else if (!list.some((a) => a.cseq === f.cseq)) list.push(f);
    }
  }
  return { byCall, byChannel, answered, timeouts };
}

/** The CANCEL a 487 answers: one for the same Call-ID, sent before the 487. Without Call-IDs, the
 *  answer to a CANCEL just before the 487 (a one-line log). */
function cancelOf(f: Finding, cancels: Map<string, TimingEvent[]>): TimingEvent | undefined {
  if (f.method && !/INVITE/i.test(f.method)) return undefined;
  if (!f.callId) {
    return cancels
      .get("")
      ?.find(
        (c) =>
          c.line < f.line &&
          f.line - c.line <= ANSWERED_LINES &&
          (f.tsMs === undefined || !Number.isFinite(c.tsMs) || Math.abs(f.tsMs - c.tsMs) <= ANSWERED_MS),
      );
  }
  return cancels.get(f.callId)?.find((c) => c.line < f.line || (f.tsMs !== undefined && c.tsMs <= f.tsMs));
}

/** The ORIGINATOR_CANCEL of the 487's channel (same name or UUID), just before or after it. */
function channelCancel(f: Finding, byChannel: Map<string, Finding[]>): Finding | undefined {
  for (const k of channelKeys(f.text)) {
    const hit = byChannel
      .get(k)
      ?.find((c) =>
        c.tsMs !== undefined && f.tsMs !== undefined
          ? Math.abs(c.tsMs - f.tsMs) <= CHANNEL_MS
          : Math.abs(c.line - f.line) <= CHANNEL_LINES,
      );
    if (hit) return hit;
  }
  return undefined;
}

/** A finding that ends a call attempt nobody failed: a 487 after a CANCEL of its call or
 *  FreeSWITCH's ORIGINATOR_CANCEL, or a losing branch's refusal after another branch answered. */
export interface Cancelled {
  f: Finding;
  /** The CANCEL; none for FreeSWITCH's own cause name. */
  cancel?: TimingEvent;
  /** The ORIGINATOR_CANCEL line of the 487's channel. */
  channel?: Finding;
  /** The 2xx another branch answered the same INVITE with. */
  answered?: Finding;
  /** A 481 to a CANCEL: the 2xx that answered the INVITE before it. */
  crossed?: Finding;
  /** The CANCEL came from a proxy that gave up after no answer: its Reason says 408, or a 408 of
   *  the call is right next to it. */
  timedOut?: true;
}

/** A CANCEL a proxy sent when its no-answer timer fired, this close to the 408 it also sent. */
const TIMEOUT_MS = 2000;
const TIMEOUT_REASON = /\bcause=408\b/;

function timedOut(c: Cancelled, index: CancelIndex): Cancelled {
  const { cancel } = c;
  if (!cancel) return c;
  const near = (t: Finding) =>
    t.tsMs !== undefined && Number.isFinite(cancel.tsMs)
      ? Math.abs(t.tsMs - cancel.tsMs) <= TIMEOUT_MS
      : Math.abs(t.line - cancel.line) <= 40;
  const by408 =
    TIMEOUT_REASON.test(cancel.note ?? "") ||
    (cancel.callId !== undefined && index.timeouts.get(cancel.callId)?.some(near) === true);
  if (by408) c.timedOut = true;
  return c;
}

/** A 481 to a CANCEL sent after the INVITE (same Call-ID and CSeq) was already answered with a 2xx:
 *  the CANCEL and the 200 OK crossed on the wire. The caller ACKs the 2xx and ends the call with a
 *  BYE; nothing failed. */
function crossedAnswer(f: Finding, index: CancelIndex): Cancelled | undefined {
  if (!f.callId) return undefined;
  const crossed = index.answered
    .get(f.callId)
    ?.find((a) => a.line < f.line && (f.cseq === undefined || a.cseq === f.cseq));
  return crossed ? { f, crossed } : undefined;
}

export function cancelledBy(
  f: Finding,
  index: CancelIndex,
  hangup: Hangup | undefined,
): Cancelled | undefined {
  if (f.namespace !== "sip") return undefined;
  if (f.code === 481 && f.method === "CANCEL") return crossedAnswer(f, index);
  if (f.code !== 487) {
    // A 4xx/6xx final response to an INVITE another branch answered (same Call-ID and CSeq).
    if (f.code < 400 || (f.code >= 500 && f.code < 600) || f.code > 699) return undefined;
    if (f.method !== "INVITE" || !f.callId || f.cseq === undefined || index.answered.size === 0)
      return undefined;
    const answered = index.answered.get(f.callId)?.find((a) => a.cseq === f.cseq);
    return answered ? { f, answered } : undefined;
  }
  // "Reason: SIP;cause=487" in the CANCEL itself.
  if (hangup?.request.method === "CANCEL") return timedOut({ f, cancel: hangup.request }, index);
  const cancel = index.byCall.size > 0 ? cancelOf(f, index.byCall) : undefined;
  if (cancel) return timedOut({ f, cancel }, index);
  if (ORIGINATOR_CANCEL.test(f.text) || ELSEWHERE_TEXT.test(f.text)) return { f };
  const channel = index.byChannel.size > 0 ? channelCancel(f, index.byChannel) : undefined;
  return channel ? { f, channel } : undefined;
}

const ELSEWHERE = /cause=200\b|completed elsewhere/i;

type Kind = "branch" | "crossed" | "elsewhere" | "caller" | "proxy" | "ring" | "originator";

function kindOf(c: Cancelled): Kind {
  if (c.crossed) return "crossed";
  if (c.answered) return "branch";
  if (c.timedOut) return "proxy";
  if (c.channel && !c.cancel && endsOwnLeg(c.channel)) return "elsewhere";
  if (c.channel && !c.cancel && c.channel.namespace === "q850") return "ring";
  if (c.cancel) return ELSEWHERE.test(c.cancel.note ?? "") ? "elsewhere" : "caller";
  return ELSEWHERE_TEXT.test(c.f.text) ? "elsewhere" : "originator";
}

/** Why one cancelled finding is no failure, in words. */
function why(c: Cancelled, k: Kind, label: (f: Finding) => string): string {
  const { cancel, channel, answered, crossed } = c;
  if (crossed)
    return `the CANCEL crossed the ${label(crossed)} on line ${crossed.line}: the INVITE had already been answered, so the CANCEL matched no transaction (RFC 3261 §9.2); the caller ACKs the 200 and ends the call with a BYE`;
  const reason = cancel?.note ? `, ${cancel.note}` : "";
  const at =
    cancel && byAnswer.has(cancel)
      ? `CANCEL answered on line ${cancel.line}`
      : `CANCEL on line ${cancel?.line}`;
  if (answered)
    return `a losing branch of a forked call; another branch answered: ${label(answered)} on line ${answered.line} (RFC 3261 §16.7)`;
  if (!cancel && channel && k === "elsewhere")
    return `the call was answered elsewhere, so FreeSWITCH cancelled this leg (${channel.reason ?? "LOSE_RACE"} on line ${channel.line}, same channel)`;
  if (!cancel && channel && k === "ring")
    return `FreeSWITCH cancelled this leg when its ring time ran out (NO_ANSWER on line ${channel.line}, same channel), the failure to look at`;
  if (!cancel)
    return k === "elsewhere"
      ? "the call was answered elsewhere, so this branch was cancelled"
      : `cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL${channel ? ` on line ${channel.line}, same channel` : ""})`;
  if (k === "proxy") return `cancelled by the proxy after no answer (${at}${reason})`;
  return k === "elsewhere"
    ? `the call was answered elsewhere, so this branch was cancelled (${at}${reason})`
    : `cancelled by the caller (${at}${reason})`;
}

/** One sentence per way a cancelled call ended: another branch answered, answered elsewhere,
 *  cancelled by the caller (a CANCEL, or FreeSWITCH's ORIGINATOR_CANCEL). */
export function cancelNotes(cancelled: Cancelled[], label: (f: Finding) => string): string[] {
  const notes: string[] = [];
  for (const k of ["branch", "crossed", "elsewhere", "caller", "proxy", "ring", "originator"] as const) {
    const these = cancelled.filter((c) => kindOf(c) === k);
    const first = these[0];
    if (!first) continue;
    const { f } = first;
    const n = these.length - 1;
    const way =
      k === "branch"
        ? "lost to an answered branch the same way"
        : k === "crossed"
          ? "answered a CANCEL that crossed the 200 OK the same way"
          : first.cancel
            ? "followed a CANCEL the same way"
            : k === "elsewhere"
              ? "were answered elsewhere the same way"
              : k === "ring"
                ? "were cancelled at the end of their ring time the same way"
                : "were cancelled by the caller the same way";
    const what = k === "branch" ? "final response" : k === "crossed" ? "481" : "487";
    const more = n > 0 ? ` ${n} more ${what}${n > 1 ? "s" : ""} ${way}.` : "";
    notes.push(
      `${label(f)} on line ${f.line}${f.method ? ` (${f.method})` : ""}: ${why(first, k, label)}; not a failure.${more}`,
    );
  }
  return notes;
}
