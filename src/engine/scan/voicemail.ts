// Lines where a PBX hands a call to voicemail: FreeSWITCH running its voicemail application,
// Asterisk running VoiceMail() or app_voicemail recording the caller's message. They hold no code,
// but they tell how a call that rang no one into an answer ended: the caller reached voicemail.

/** Literals one of which a line must hold before any regex runs (the scan stays cheap). */
export const VOICEMAIL_LITERALS = ["voicemail(", "VoiceMail(", "Recording the message"] as const;

/** FreeSWITCH's execution trace (switch_core_session.c "EXECUTE [depth=%d] %s %s(%s)"; older
 *  versions print no depth): `EXECUTE [depth=0] sofia/external/… voicemail(default … 1000)`. */
const FREESWITCH = /\bEXECUTE (?:\[depth=\d+\] )?\S+ voicemail\(/;
/** Asterisk's pbx.c: `Executing [8005559876@from-pstn:2] VoiceMail("PJSIP/…", "100@default,u") in new stack`. */
const ASTERISK_APP = /\bExecuting \[[^\]\s]+\] VoiceMail\(/;

/**
 * The voicemail step `line` logs, named in fixed words (the line's mailbox and channel are not
 * repeated: they may hold numbers), or undefined.
 */
export function voicemailLine(line: string): string | undefined {
  if (line.includes("voicemail("))
    return FREESWITCH.test(line) ? "FreeSWITCH's voicemail application" : undefined;
  if (line.includes("VoiceMail(")) return ASTERISK_APP.test(line) ? "Asterisk's VoiceMail()" : undefined;
  if (line.includes("Recording the message"))
    // app_voicemail's verbose line once the greeting has played ("app_voicemail.c: Recording the message").
    return line.includes("app_voicemail") ? "app_voicemail recording the caller's message" : undefined;
  return undefined;
}

/**
 * Which call a PBX line belongs to, by what the PBX prints for it: Asterisk's call id ("[C-0000002a]")
 * and thread ("VERBOSE[12400]"), FreeSWITCH's channel UUID at the start of the line. A voicemail step
 * speaks only for the call it ran in; a log of several calls must be able to tie it to the failure.
 */
export interface CallKey {
  /** Asterisk's call id. */
  call?: string;
  /** Asterisk's thread: a call's dialplan runs in one thread, so its lines share it. */
  thread?: string;
  /** FreeSWITCH's channel UUID. */
  uuid?: string;
}

const ASTERISK_CALL = /\[(C-[0-9a-f]{8})\]/;
const ASTERISK_THREAD = /\b(?:VERBOSE|NOTICE|WARNING|DEBUG|ERROR|DTMF)\[(\d+)\]/;
export const UUID_LEAD = /^\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s/i;

/** The call `line` belongs to, as far as the line says. */
export function callKey(line: string): CallKey {
  const key: CallKey = {};
  if (line.includes("[C-")) {
    const c = ASTERISK_CALL.exec(line)?.[1];
    if (c) key.call = c;
  }
  if (line.includes("[")) {
    const t = ASTERISK_THREAD.exec(line)?.[1];
    if (t) key.thread = t;
  }
  if (line.charCodeAt(8) === 45 || line.trimStart().charCodeAt(8) === 45) {
    const u = UUID_LEAD.exec(line)?.[1];
    if (u) key.uuid = u.toLowerCase();
  }
  return key;
}

/**
 * Whether the lines with keys `a` and `b` can be told to be of one call: the same Asterisk call id,
 * else the same thread, else the same FreeSWITCH UUID (or one of `legs`, the UUIDs of legs the call
 * bridged). Neither line naming any call: a log of one call, yes. One naming a call the other does
 * not: the log cannot tie them, no.
 */
export function sameCallKey(a: CallKey, b: CallKey, legs: readonly string[] = []): boolean {
  if (a.call && b.call) return a.call === b.call;
  if (a.thread && b.thread) return a.thread === b.thread;
  if (a.uuid && b.uuid) return a.uuid === b.uuid || legs.includes(a.uuid) || legs.includes(b.uuid);
  return !a.call && !b.call && !a.thread && !b.thread && !a.uuid && !b.uuid;
}

/** FreeSWITCH's A-leg line for a bridge whose legs all failed (switch_ivr_originate.c, mod_dptools.c). */
const ORIGINATE_FAILED = /\bOriginate (?:Resulted in Error|Failed)\b/;
/** How far above a voicemail step its call's failed bridge is looked for. */
const LEGS_LOOKBACK = 60;

/**
 * The UUIDs of the B-legs whose failure FreeSWITCH reported for call `uuid` before its voicemail
 * step: the run of other channels' lines just above the call's "Originate Resulted in Error" line
 * (each leg's hangup is logged right before the A-leg says the bridge failed). `above` holds the
 * lines above the step, nearest last.
 */
export function failedLegs(uuid: string, above: readonly string[]): string[] {
  const legs: string[] = [];
  const from = Math.max(0, above.length - LEGS_LOOKBACK);
  for (let i = above.length - 1; i >= from; i--) {
    const line = above[i] as string;
    if (!line.includes("Originate") || callKey(line).uuid !== uuid || !ORIGINATE_FAILED.test(line)) continue;
    for (let j = i - 1; j >= from; j--) {
      const other = callKey(above[j] as string).uuid;
      if (other === uuid) continue;
      if (!other || !(above[j] as string).includes("Hangup")) break;
      if (!legs.includes(other)) legs.push(other);
    }
  }
  return legs;
}
