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
