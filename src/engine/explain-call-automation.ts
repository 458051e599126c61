// A question about a Call Automation action's result ("acs 400/8510", "RecognizeFailed 8510",
// "PlayFailed 400/8535"). An 85xx subcode says how a media action the app asked for went, not why
// the call ended, so Microsoft's call-end entries do not apply: the answer says what the result
// is, in the words `sipcode scan` uses for the same event, and which side to look at.

import type { ExplainResult } from "./explain.js";
import { unknownAnswer } from "./explain-no-entry.js";
import { isActionSubcode } from "./scan/acs-records.js";

/**
 * Microsoft's messages for the media action results engineers meet most (MediaEventReasonCode in
 * the Call Automation SDKs); a subcode not listed is still read as an action result.
 */
const MESSAGES: Readonly<Record<number, string>> = {
  8510: "Action failed, initial silence timeout reached (the caller gave no input before the initial silence timeout)",
  8511: "Action failed, encountered failure while trying to play the prompt",
  8532: "Action failed, inter-digit silence timeout reached (the caller stopped between digits)",
  8535: "Action failed, file format is invalid (the prompt file is not a format the player accepts)",
};

/** The events that carry such a result, as they are typed ("RecognizeFailed", "playfailed"). */
const EVENT =
  /\b(recognize|play|continuousdtmfrecognition|senddtmftones|startrecording|stoprecording)(failed|completed|canceled|tonefailed)\b/i;
/** "400/8510", "400 8510" or "8510" alone: the code and the 85xx subcode. */
const PAIR = /(?<![\w./])(?:([1-6]\d\d)\s*[/ ]\s*)?(85\d\d)(?![\w./])/;

/** The event name as Microsoft spells it: "recognizefailed" → "RecognizeFailed". */
function eventName(m: RegExpExecArray): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  const base = m[1] ?? "";
  const known: Record<string, string> = {
    continuousdtmfrecognition: "ContinuousDtmfRecognition",
    senddtmftones: "SendDtmfTones",
    startrecording: "StartRecording",
    stoprecording: "StopRecording",
  };
  const tail = (m[2] ?? "").toLowerCase() === "tonefailed" ? "ToneFailed" : cap(m[2] ?? "");
  return `${known[base.toLowerCase()] ?? cap(base)}${tail}`;
}

/**
 * The answer when the question is an 85xx action result: a code/subcode typed with ACS or no
 * family named, or an event name with its subcode. Null otherwise (`sip 400/8510` is a SIP code).
 */
export function callAutomationAnswer(
  base: Pick<ExplainResult, "query" | "parsed">,
  words: string,
): ExplainResult | null {
  const { parsed } = base;
  let code: number | null = null;
  let sub: number | null = null;
  const event = EVENT.exec(words);
  if (parsed.type === "code" && (parsed.namespace === "acs" || parsed.namespace === null)) {
    if (!isActionSubcode(parsed.subcode)) return null;
    code = parsed.code;
    sub = parsed.subcode;
  } else if (event && parsed.type !== "code") {
    const m = PAIR.exec(words);
    if (!m) return null;
    code = m[1] ? Number(m[1]) : null;
    sub = Number(m[2]);
  } else if (event && parsed.type === "code") {
    // "RecognizeFailed 400/8510" read as a code with words: the pair it holds.
    if (!isActionSubcode(parsed.subcode ?? parsed.code)) return null;
    code = parsed.subcode === null ? null : parsed.code;
    sub = parsed.subcode ?? parsed.code;
  }
  if (sub === null || !isActionSubcode(sub)) return null;
  return unknownAnswer(base, actionNote(event ? eventName(event) : null, code, sub));
}

function actionNote(event: string | null, code: number | null, sub: number): string {
  const pair = code === null ? `${sub}` : `${code}/${sub}`;
  const what = event ? `${event} ${pair}` : pair;
  const message = MESSAGES[sub];
  return (
    `${what} is an ACS Call Automation action's result, not a call-end reason: an 85xx subcode in ` +
    "a resultInformation says how a media action the app asked for (play, recognize, continuous DTMF) went" +
    `${message ? `; ${sub} is "${message}"` : ""}. Look at the app's action, the caller's input or the ` +
    "media it asked for (prompt file, text-to-speech), not the ACS infrastructure or the call-end " +
    "codes; `sipcode scan` names such an event by its type and Microsoft's message the same way."
  );
}
