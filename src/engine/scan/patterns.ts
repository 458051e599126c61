// The detector regexes, one per way a code shows up in a log. Every one is linear: no nested
// quantifiers, bounded gaps. gates.ts states, next to each, what a line must contain to match it.

/**
 * Header lines whose numbers are values, never response codes. Reason and status lines are exempt,
 * and so is Asterisk's X-Asterisk-HangupCauseCode, which carries the Q.850 cause. A Warning header
 * starts with its warn-code; "WARNING: <script>: …" is a log level.
 */
export const VALUE_HEADER =
  /^\s*(?:CSeq|Content-Length|l|Max-Forwards|Expires|Session-Expires|x|Min-SE|Min-Expires|Retry-After|RSeq|RAck|Via|v|Call-ID|i|From|f|To|t|Contact|m|Route|Record-Route|Warning(?=\s*:\s*\d)|Allow|Supported|k|Require|Content-Type|c|Accept|Date|Timestamp|P-[\w-]+|X-(?!Asterisk-HangupCause)[\w-]+|Subject|Event|o|Subscription-State|Refer-To|Referred-By|Priority|Privacy|Identity|WWW-Authenticate|Proxy-Authenticate|Authorization|Proxy-Authorization|Organization|Call-Info|Alert-Info|Session-ID|Allow-Events|u|Accept-Contact)\s*:/i;
export const SDP_LINE = /^\s*[a-z]=\S/;
export const STATUS_IN_HEADER = /SIP\/2\.0\s+\d{3}/;

/**
 * An HTTP client's or server's words: a URL, a cookie, a client library, the ACS SDK's logger. "API"
 * as a word of its own: Twilio's `Direction=outbound-api` names no HTTP exchange. Exotel's v1 API
 * answers errors with `{"RestException":{"Status":429,…}}`, and a line naming Exotel with a numeric
 * `"Status"` field carries its HTTP status (its call Status is a word: `Status=completed`). Twirp
 * (LiveKit's API) is RPC over HTTP, and a JWT is what REST APIs (Vonage's) authenticate with.
 * An arrow is no such word: SIP ladders draw responses as `<-- 486 Busy Here` too (OkHttp's
 * `<-- 503 … https://…` has its URL).
 */
export const HTTP_CONTEXT =
  /https?:\/\/|\bHTTP\/\d|\bHTTP \d|\btwirp\b|\bjwt\b|axios|okhttp|fetch|XMLHttpRequest|Client Error|Server Error|HttpClient|statusCode|statusText|\bREST\b|(?<![\w-])API\b|CXAPI|CPAPI|webex-calling|retrofit|\bCookie\b|JSESSIONID|azure:communication|RestException|\bexotel\b[^\n]{0,300}?"Status"\s*:\s*"?\d|"Status"\s*:\s*"?\d[^\n]{0,300}?\bexotel\b/i;
/**
 * Members that make a one-line JSON object an API's response or a service's log record (Homer's
 * `{"status":200,…,"data":[`, `{"msg":"upstream call failed","status":503,"service":"billing"}`):
 * its "status" is that API's, not a SIP response.
 */
export const API_ENVELOPE = /"(?:data|service|endpoint)"\s*:|\bupstream\b/;
/** A request method before a path: HTTP, whatever the rest of the line says (SIP methods take a URI). */
export const HTTP_METHOD_PATH = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+\//;
/** A line about Mobius, where a bare status is Mobius's own (unless SIP or its SIP edge, SSE, is named). */
export const MOBIUS_CONTEXT = /\bmobius\b/i;
export const NOT_MOBIUS = /\bSIP\b|\bSSE\b/i;
/** Words that put a bare number in a SIP conversation (trunks, carriers, SIP stacks). */
export const SIP_CONTEXT =
  /\bSIP\b|INVITE|REGISTER|\bBYE\b|trunk|carrier|\bSBC\b|\bPBX\b|proxy|\bUA[SC]?\b|sips?:/i;

export const SIP_STATUS = /SIP\/2\.0[ \t]+([1-6]\d\d)(?!\d)(?:[ \t]+([^\r\n]{1,60}))?/g;
export const PJSIP = /Response msg (\d{3})\/([A-Z]+)\/cseq=\d+/g;
/**
 * Asterisk res_pjsip_outbound_registration.c: "Fatal response '403' received from 'sip:…' on
 * registration attempt to '…', stopping outbound registration", and its "Temporal response '503'
 * … retrying in '60'" (or "instructed to retry in …"). The response answers a REGISTER.
 */
export const PJSIP_OUTBOUND_REG =
  /\b(?:Fatal|Temporal) response '([1-6]\d\d)' received from '[^'\n]{0,300}' on registration attempt/g;
export const REASON =
  /\bReason\s*:\s*"?(SIP|Q\.850)\s*;\s*cause\s*=\s*"?(\d{1,3})(?!\d)(?:[^\r\n]{0,40}?text\s*=\s*"([^"\r\n]{0,60})")?/gi;
/**
 * A mobius-error, with the HTTP status before it when the line has one ("Error code: 403 :
 * FORBIDDEN, mobius-error: 112", "403 mobius-error: 112"); without it (group 1 empty) the catalog
 * knows which status the mobius-error comes with.
 */
export const MOBIUS_ERR =
  /(?:(?<![\w.:/=-])([1-6]\d\d)(?!\d)[ \t]{0,4}:?[ \t]{0,4}(?:[A-Z][A-Z ]{0,30}?[ \t]{0,4})?,?[ \t]{0,4})?mobius[-_]error"?[ \t]{0,4}[:=][ \t]{0,4}"?(\d{2,4})(?!\d)/g;
export const MOBIUS_PHASE = /\b(Registration|Unregistration|Call)\s*:\s*Error code\s*:\s*(\d{3})(?!\d)/g;
export const MOBIUS_JSON = /"mobius[-_]?[eE]rror"\s*:\s*"?(\d{2,4})/;
/**
 * webex-js-sdk calling client: "Status code: -> 403" then "Error code found : 101" a line or two
 * later. The error code belongs to that status only up to the next "Status": a later one starts
 * another record (another request's "Status code: -> 200").
 */
export const MOBIUS_SDK =
  /\bStatus(?: code)?\s*:?\s*->\s*(\d{3})(?!\d)(?:(?:[^\nS]|S(?!tatus\b)){0,900}?Error code found\s*:\s*(\d{2,4}))?/g;
/**
 * The Webex Calling SDK's error body without a mobius-error key: `{"statusCode":503,"body":
 * {"errorCode":117}}` on a `[webex-calling]` (or Mobius) line. Mobius errors are 1xx; an errorCode
 * such as 503 only repeats the status.
 */
export const MOBIUS_BODY_ERROR = /"errorCode"\s*:\s*"?(1\d\d)(?!\d)/;
/** Lines of the Webex Calling SDK (its logger's tag) or about Mobius: where MOBIUS_BODY_ERROR is read. */
export const MOBIUS_SDK_CONTEXT = /webex-calling|mobius/;
/**
 * An HTTP client talking to Mobius, with an `errorCode` in the response body: a mobius-error when
 * it is 1xx; otherwise (`"errorCode":503`) the body only repeats the status.
 */
export const MOBIUS_OKHTTP =
  /<--[ \t]+(\d{3})(?!\d)[^\n]{0,200}?mobius[^\n]{0,800}?"errorCode"\s*:\s*(\d{2,4})(?!\d)/g;
/**
 * A request to Mobius and its status on one line, as a browser console logs a failed fetch
 * (`POST https://mobius-…/calling/web/device 403 (Forbidden)`), with the response body's
 * `errorCode` on that line or the next (`Response: {…"errorCode":102…}`).
 */
export const MOBIUS_REQUEST_BODY =
  /\b(?:GET|POST|PUT|PATCH|DELETE)[ \t]+https?:\/\/[^\s"'<>]{0,300}?mobius[^\s"'<>]{0,500}[ \t]+(\d{3})(?!\d)[^\n]{0,800}?"errorCode"\s*:\s*(\d{2,4})(?!\d)/g;
/**
 * The HTTP status next to a JSON mobius-error; some bodies hold it under `errorCode` (a
 * mobius-error is 1xx, so it is never taken for the status).
 */
export const MOBIUS_JSON_STATUS =
  /"(?:statusCode|status|response_status|httpStatus|errorCode)"\s*:\s*"?([2-5]\d\d)(?!\d)/;
export const RESPONSE_STATUS = /\bresponse_status"?\s*[:=]\s*"?(\d{3})(?!\d)/g;
/** code and subCode of one callEndReason / resultInformation: no brace between them. */
export const ACS_PAIR =
  /(?<![a-z])_?code[^\w{}]{1,4}(\d{1,3})(?!\d)[^\n{}]{0,40}?(?<![a-z])_?sub[-_]?code[^\w{}]{1,4}(\d{1,6})(?!\d)/gi;
export const ACS_PAIR_REV =
  /(?<![a-z])_?sub[-_]?code[^\w{}]{1,4}(\d{1,6})(?!\d)[^\n{}]{0,40}?(?<![a-z])_?code[^\w{}]{1,4}(\d{1,3})(?!\d)/gi;
/** ACS Call Automation resultInformation carries the SIP and Q.850 details of a PSTN leg. */
export const SIP_DETAILS = /SipDetails\W{1,8}code\W{1,4}(\d{3})(?!\d)/gi;
export const Q850_DETAILS = /Q850Details\W{1,8}code\W{1,4}(\d{1,3})(?!\d)/gi;
/**
 * Twilio's <Dial><Sip> action callback, form-encoded or as JSON: DialSipResponseCode is the SIP
 * final response the dialled SIP leg got to its INVITE (DialCallStatus=busy only restates it).
 */
export const TWILIO_DIAL_SIP = /\bDialSipResponseCode["']?\s*[=:]\s*["']?([1-6]\d\d)(?![\d.])/g;
export const EXOTEL = /error_data[^\n]{0,160}?"code"\s*:\s*"?(1\d{3})(?!\d)/g;
export const EXOTEL_REV = /"code"\s*:\s*"?(1\d{3})(?!\d)[^\n]{0,160}?"http_code"/g;
/** Cause keys (FreeSWITCH variables may carry a `variable_` prefix; sip_term_cause is the Q.850 cause). */
export const CAUSE_NUM =
  /(?<![A-Za-z0-9])(?:HANGUPCAUSE|hangup[ _-]?cause(?:[_-]?q850|[_-]?code)?|Q\.?850[ _-]?cause|q850[_-]?cause|isdn[ _-]?cause|sip_term_cause)"?\s*[:=(]?\s*["[]?(\d{1,3})(?![\d.])/gi;
/**
 * A cause value in prose: "fail with cause 34", "cause code 17", "release cause: 41", Genesys's
 * "Call 0A1B released, cause 18", and in hex (group 1) as Cisco IOS prints it: "Disconnect
 * Cause=0x22" (34). Not Cisco's "Previous Disconnect Cause", the cause of an earlier disconnect.
 */
export const PROSE_CAUSE =
  /\b(?:(?:with|release(?:d,?)?|(?<!previous )disconnect|clearing|error)[ \t]+cause|cause[ \t]+(?:code|value))[ \t]*[:=#]?[ \t]*(?:0x([0-9a-f]{1,2})(?![\w.])|(\d{1,3})(?![\d.:%/]|x[0-9a-f]|[ \t]*(?:ms|msec|s\b|sec|seconds?|minutes?|min\b|%|x\b|calls?|times?|users?)))/gi;
/**
 * Cisco IOS call history: "DisconnectCause=2F" (show call history voice), "DisconnectCause 2F  ,"
 * (the %VOIPAAA-5-VOIP_CALL_HISTORY syslog of gw-accounting) and the RADIUS VSA
 * "h323-disconnect-cause=2F" all hold the Q.931 cause in hex (their DisconnectText says "(47)").
 */
export const CISCO_DISCONNECT =
  /(?:\bDisconnectCause(?:=|[ \t]+)|\bh323-disconnect-cause[ \t]*=[ \t]*)(?:0x)?([0-9A-Fa-f]{1,2})(?![\w.])/g;
/**
 * Cisco IOS "show call history voice brief": the second line of a call, "dur 00:00:00 tx:0/0
 * rx:0/0 11  (user busy (17))", ends with the disconnect cause in hex and its text.
 */
export const CISCO_BRIEF_CAUSE =
  /\bdur \d{1,3}:\d\d:\d\d tx:\d{1,12}\/\d{1,15} rx:\d{1,12}\/\d{1,15} ([0-9A-Fa-f]{1,2})[ \t]+\(/g;
/**
 * "Cause: 17" (Asterisk AMI, 3CX) and "Cause=17" (AudioCodes' CALL_RELEASED). Not a parameter
 * (";cause=486" in a Reason header or a diverted call's URI), nor Cisco's "Previous Disconnect
 * Cause", the cause of an earlier disconnect, nor Cisco's hex "h323-disconnect-cause=11"
 * (CISCO_DISCONNECT).
 */
export const AMI_CAUSE =
  /(?<![;&?\w])(?<!previous disconnect |h323-disconnect-)Cause\s*[:=]\s*(\d{1,3})(?![\d.]|:\d)/gi;
/** Asterisk's app_dial: "Unable to create channel of type 'PJSIP' (cause 20 - Subscriber absent)". */
export const PAREN_CAUSE = /\(cause (\d{1,3}) - (?=[A-Za-z])/g;
/**
 * Cisco `debug isdn q931`: "Cause i = 0x8291 - User busy", the cause information element in hex.
 * Its first octet is the coding standard and location; when that octet's top bit is clear an
 * octet of recommendation follows. The cause is the next octet without its top bit (0x91: 17).
 */
export const Q931_CAUSE = /\bCause i = 0x([0-9A-Fa-f]{4,16})(?![\w.])/g;
/**
 * A cause name in lower case as the value of a hangup-cause key: Telnyx and other CPaaS built on
 * FreeSWITCH send `"hangup_cause":"unallocated_number"`. Upper-case names are cause names already.
 */
export const LOWER_CAUSE_NAME =
  /(?<![A-Za-z0-9])[Hh]angup[_-]?[Cc]ause["']?\s*[:=]\s*["']?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w-])/g;
export const HTTP_STATUS_LINE = /\bHTTP(?:\/\d(?:\.\d)?)?[ \t]+([1-5]\d\d)(?![\d.]|:\d)/g;
/**
 * A request and its status on one line: `POST /v1/calls -> 401`, `GET https://… failed 403`,
 * `POST /api/callbacks 200 12ms` (Express/morgan). A retrying client may put an aside in brackets
 * between the request and an arrow (`POST https://… (attempt 2) -> 401`): the status is still that
 * request's. Without an arrow the aside's own numbers could be anything, so it needs one.
 * gates.ts reads it back from the status.
 */
export const HTTP_REQUEST =
  /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/|\/)[^ \t\n]{0,500}[ \t]+(?:(?:(?:\([^()\n]{0,60}\)|\[[^[\]\n]{0,60}\])[ \t]*)?(?:->|=>|\u2192)[ \t]*|(?:failed(?: with)?|returned)[ \t]+)?([1-5]\d\d)(?![\d.]|:\d|[ \t]*(?:ms|msec|s\b|sec|seconds?|bytes?|B\b|kB|KB|MB|%))/g;
/** Access logs (nginx, Apache, ingress): `"GET /path HTTP/1.1" 429 162`. */
export const ACCESS_LOG = /HTTP\/\d(?:\.\d)?" ([1-5]\d\d) (?:\d+|-)/g;
export const AXIOS_OBJECT = /\bstatus\W{1,4}([1-5]\d\d)(?!\d)[^\n]{0,30}?statusText/g;
/**
 * An HTTP client's status: OkHttp's `<-- 503 Service Unavailable https://… (120ms)` (with its URL:
 * a SIP ladder's `<-- 503` has none), "status code 503", Spring's exceptions, `statusCode: 503`.
 */
export const HTTP_CLIENT =
  /(?:<--[ \t]+(?=[1-5]\d\d(?!\d)[^\n]{0,200}?https?:\/\/)|status code[ \t]+|HttpClientErrorException\$\w+:[ \t]*|HttpServerErrorException\$\w+:[ \t]*|\bstatus(?:Code)?["']?\s*[:=]\s*)([1-5]\d\d)(?![\d.])/gi;
export const PY_HTTP = /\b([45]\d\d) (?:Client|Server) Error\b/g;
/**
 * A code followed by its reason phrase. Not after a word or a joining character, except a ladder's
 * arrow, which may touch the code: `|<--503 Service Una-|` (sngrep and Avaya-style call flows).
 */
export const PHRASED = /(?:(?<![\w.:/=-])|(?<=<--))([1-6]\d\d)[ \t]+"?(?=[A-Za-z])/g;
/**
 * A code after a word of sending or getting, unless a unit or a counted noun ("packets",
 * "messages": "received 480 messages") follows. A singular "message" may be the response itself.
 */
export const KEYWORD =
  /\b(?:got|gets|getting|receiv(?:e|ed|es|ing)|return(?:s|ed|ing)?|respond(?:s|ed|ing)?(?: with)?|answer(?:s|ed)?(?: with)?|repl(?:y|ied|ies|ying)(?: with)?|send(?:s|ing)?|sent|reject(?:s|ed|ing)? with|fail(?:s|ed|ing)? with|response(?: code)?|reply code|status(?: code)?|sip[_ ]?(?:status|code|response)(?:[_ ]?code)?|resp(?:onse)?[_ ]?code|final response|(?:error|cause|result) code)\b["']?[ \t]*[:=]?[ \t]*(?:an?|the|back|a SIP|SIP|with)?[ \t]*"?([1-6]\d\d)(?![\d.:%/]|[ \t]*(?:ms|msec|milli|s\b|sec|seconds|bytes|byte|B\b|kb|KB|%|x\b|packets?|pkts?\b|octets?|frames?|messages|msgs\b|datagrams))/gi;
/**
 * Media counters: RTP/RTCP statistics print "Packets sent=486, received=503" on every call. A
 * "sent=" or "received:" count on such a line is no status (SIP_CONTEXT still keeps a SIP line's).
 */
export const COUNTER_CONTEXT = /packets?\b|\bpkts?\b|\bRTCP?\b|\boctets\b|\bjitter\b/i;
/** A KEYWORD match that is a count of what was sent or received ("sent=486", "received: 503"). */
export const COUNT_KEY = /^(?:sen[dt]|receiv)\w*["']?[ \t]*[:=]/i;

/** chan_sip and friends sometimes log only the reason phrase: `Received response: "Forbidden"`. */
export const QUOTED_PHRASE = /\b[Rr]eceived response:\s*"([A-Za-z][A-Za-z' -]{2,40})"/g;
/** Stack log statements that print a SIP status code in their own words. */
export const SOFIA_STATE = /entering state \[\w+\]\[([1-6]\d\d)\]/g;
/**
 * FreeSWITCH gateway registration (sofia_reg.c): "carrier_a Failed Registration [403], setting retry
 * to 60 seconds.", "carrier_a Registration Failed with status Forbidden [403]. failure #1" and
 * "carrier_b Failed Registration with status Timeout [408]. failure #1" (the phrase may be empty).
 * The status answers the gateway's REGISTER.
 */
export const SOFIA_REG =
  /\b(?:Failed Registration (?:with status [^[\n]{0,60})?|Registration Failed with status [^[\n]{0,60})\[([1-6]\d\d)\]/g;
/**
 * A code in parentheses right after a word of failure: Asterisk's "Registration to sip:… failed
 * (403)" and "… with client '…' failed (403), stopping registration attempts", "rejected (486)",
 * "error (503)". Only the bare code: "failed (3 attempts)", "(200 ms)" and "(408 bytes)" are none.
 */
export const FAILED_PAREN = /\b(?:failed|rejected|error|returned)[ \t]*\(([1-6]\d\d)\)/gi;
/**
 * A final authentication failure: Asterisk's "Failed to authenticate: 401 received after 3
 * attempts, giving up on INVITE to …". The credentials were sent and refused each time: no
 * challenge a retry answered. The method, when the line names it, is group 2.
 */
export const AUTH_GAVE_UP =
  /(?<![\w./-])([1-6]\d\d) received after \d{1,3} attempts?\b(?:[^\n]{0,40}?\bon (INVITE|REGISTER|SUBSCRIBE|OPTIONS|MESSAGE|REFER|NOTIFY|PUBLISH|BYE|UPDATE|INFO)\b)?/g;
/**
 * A line about a registration: a code it states ("failed (403)", pjsua's "SIP registration failed,
 * status=403") answers a REGISTER. Not "registered", which calls of a registered user say too.
 */
export const REGISTRATION = /\b[Rr]egistration\b|\bREGISTER\b|\b[Rr]egister (?:to|with|at|on)\b/;
export const SIP_WORD =
  /\bSIP(?:[- ]|\s+(?:cause|code|status|response|error)\s*:?\s*)([1-6]\d\d)(?![\d.]|:\d)/gi;
export const BRACKETED = /\b(?:response|reply|status|code)\s*\[([1-6]\d\d)\]/gi;
/**
 * key=value / key: value pairs whose key names a response code (Kamailio/OpenSIPS tm, pjsip, SDKs).
 * Not tm's `T_code`: the status the transaction already had, next to the `new_code` it gets.
 */
export const KEY_VALUE =
  /(?<![\w"'-])(?:code|new_code|T_reply_code|last_recv|reply_code|status|uas|uac\[\d+\]|registrationStateCode|reason|resp_code|final_code|lastStatusCode|last_status_code)\s*[=:]\s*([1-6]\d\d)(?![\d.%]|:\d)/g;
/**
 * Keys that only ever hold a SIP status, in any case (Twilio's `SipResponseCode=404`, `SipCode`,
 * `SIP_STATUS`, Voice Insights' `last_sip_response_num`), quoted JSON keys and FreeSWITCH's
 * `variable_` dumps included.
 */
export const SIP_KEY =
  /\b(?:variable_)?(?:sip_status|sipStatus|sip_code|sipCode|sip_status_code|sipStatusCode|dial_sip_status|sipResponseCode|sip_response_code|final_sip_code|sip_term_status|last_sip_response_num)["']?\s*[=:]\s*["[]?([1-6]\d\d)(?![\d.]|:\d)/gi;
/**
 * FreeSWITCH channel variables that hold the far end's SIP status, as `info`/`uuid_dump` print
 * them (`variable_sip_invite_failure_status: [486]`), JSON CDRs (`"…":"sip:486"`) and XML CDRs
 * (`<proto_specific_hangup_cause>sip%3A486</…>`): sofia writes proto_specific_hangup_cause as
 * "sip:CODE", and the A-leg keeps the B-leg's as last_bridge_proto_specific_hangup_cause.
 * FreeSWITCH's variable names are lower case, and anchors.ts finds them as written.
 */
export const FS_SIP_VARIABLE =
  /\b(?:variable_)?(?:sip_invite_failure_status|(?:last_bridge_)?proto_specific_hangup_cause)["']?\s*[=:>]\s*["[]?(?:sip(?::|%3[Aa]))?([1-6]\d\d)(?![\d.]|:\d)/g;
/**
 * Kamailio/OpenSIPS script functions that send a reply (`sl_send_reply("481", "…")`,
 * `t_reply(404, "Not Found")`), a failure route's `t_check_status 408` on one literal code (not a
 * regex such as "486|408"), and sl_reply_error's "stateless error reply used: 478".
 */
export const SCRIPT_REPLY =
  /(?:\b(?:sl_send_reply|t_send_reply|send_reply|sl_reply|t_reply|t_reply_with_body|t_check_status)(?:[ \t]*\([ \t]*["']?|[ \t]+)|\breply used:[ \t]*)([1-6]\d\d)(?![\d.%|[]|:\d)/g;
/** "picked branch 0, code 487", "completed with code: 408". */
export const CODE_PHRASE = /\b(?:branch \d+, code|with code:?|final code:?)\s+([1-6]\d\d)(?![\d.]|:\d)/g;
/**
 * A known code after a verb of sending or getting ("some get 408 after 32s", "also reports 486
 * busy", "it's a 487 after 30s"), unless a unit or a counted noun follows (durations, sizes,
 * "get 300 of them", "503 calls").
 */
export const PROSE_BEFORE =
  /\b(?:sends?|sending|sent|get|got|gets|getting|returns?|returned|returning|answers?|answered|responds?|responded|rejects?|rejected|declines?|declined|reports?|reported|reporting|Fehler|error|failure|after|code used is|comes back|came back|says|said|gives?|gave|with a|with an|a final|final|it[\u2019']?s an?|it (?:is|was) an?|that[\u2019']?s an?|that (?:is|was) an?)\s+(?:a |an |the |with |back )?([1-6]\d\d)(?![\d.%/]|:\d)(?!\s*(?:ms|msec|milli|s\b|sec|seconds?|minutes?|min\b|bytes?|kb|KB|MB|%|percent|x\b|of\b|users?|calls?|participants?|devices?|channels?|lines?|requests?|messages?|packets?|times?))/gi;
export const PROSE_AFTER =
  /(?<![\w.:/=#+,-])(?<!(?:can't|cannot|couldn't|not|never) (?:generate|send|relay|forward) )([1-6]\d\d)(?=\s+(?:final response|response|error|reply|on (?:re-?)?INVITE|on REGISTER|from (?:the |our |their )?(?:trunk|carrier|provider|SBC|PBX|proxy|server|far end)|back from|instead)\b)/gi;
/**
 * Codes counted in plural ("keeps returning 503s", "lots of 408s"), after a word that makes them
 * codes; "after 180s", "took 503s" or "300s of silence" are durations.
 */
export const PLURAL =
  /\b(?:return(?:s|ed|ing)?|get(?:s|ting)?|got|see(?:s|ing|n)?|saw|send(?:s|ing)?|sent|receiv(?:e|es|ed|ing)|lots of|a lot of|bunch of|tons of|many|more|intermittent|occasional|random|repeated|constant|spurious)[ \t]+([1-6]\d\d)s\b(?![ \t]+(?:of|ago|later|before|after|long|delay|timeout|wait|interval))/gi;
