// The host a JSON-logging dialler said it dialled, for its own record of the failure that names
// none. LiveKit SIP logs the trunk address as "toHost" on a call's lines ("sending invite",
// "SIP invite failed"); jambonz logs "trying to dial sip:+1…@sip.carrier.example.net:5060" and,
// a few lines on, the call's "sip_status":503 with no host. The dialled host answered the INVITE
// (or its silence ended it), so it is the side the failure came from. Only a host the same call
// (its callID or callSid) named within a few lines is carried: another call's dial says nothing.

/** How many lines above a failure its dial line may be (jambonz logs it two or three lines before). */
const NEAR_LINES = 4;
/** A call's key in a JSON record: LiveKit's "callID", jambonz's "callSid" and "callId". */
const CALL_KEY = /"call_?(?:id|sid)"\s*:\s*"([^"\s]{3,200})"/gi;
/** LiveKit's "toHost":"sip.telnyx.com" (its trunk address: a host, with a port at most). */
const TO_HOST = /"toHost"\s*:\s*"([^"\s]{1,253})"/;
/** jambonz's "trying to dial sip:+44…@sip.carrier.example.net:5060" (the user part is never kept). */
const DIAL_URI = /\b(?:dial(?:ing)?|outdial)(?: to)? sips?:(?:[^@\s"<>;]{1,64}@)?([^\s"<>;,]{1,260})/i;
/** A clean host: a name or IPv4 address, with a port at most (no user, parameters or path). */
const CLEAN_HOST = /^(?:[a-z0-9](?:[\w-]*[a-z0-9])?(?:\.[a-z0-9](?:[\w-]*[a-z0-9])?)+)(?::\d{2,5})?$/i;

/** The call keys a JSON record names. */
function callKeys(line: string): string[] {
  if (!line.includes("all")) return [];
  const out: string[] = [];
  for (const m of line.matchAll(CALL_KEY)) if (m[1]) out.push(m[1]);
  return out;
}

/** The host `line` says its call dialled, when it names one cleanly. */
function dialled(line: string): string | undefined {
  const host = line.includes("toHost")
    ? TO_HOST.exec(line)?.[1]
    : line.includes("ial") && line.includes("sip")
      ? DIAL_URI.exec(line)?.[1]
      : undefined;
  return host && CLEAN_HOST.test(host) ? host : undefined;
}

/**
 * The host the call of the JSON record `line` (a SIP failure naming no host) dialled, read from the
 * record itself or from a record of the same call at most NEAR_LINES above (`above`, nearest first).
 */
export function dialledHost(line: string, above: (n: number) => string[]): string | undefined {
  if (line.charCodeAt(0) !== 123) return undefined;
  const keys = callKeys(line);
  if (keys.length === 0) return undefined;
  const own = dialled(line);
  if (own) return own;
  for (const l of above(NEAR_LINES)) {
    if (l.charCodeAt(0) !== 123 || !callKeys(l).some((k) => keys.includes(k))) continue;
    const host = dialled(l);
    if (host) return host;
  }
  return undefined;
}
