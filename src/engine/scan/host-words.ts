// The words around a host a log line names that tell which side of the request it was: the side
// that asked ("REGISTER from X … 200 OK", "auth failed for 1001@… from X - sending 403"), the one
// that answered ("request sent to X completed with code 408"), or a next hop that never answered
// (a Kamailio failure_route's branch that timed out, a dispatcher probe that ended in 408).

/**
 * Words naming a request: a method, a registration or a call. Before "to HOST" ("registration to
 * 10.0.0.9 failed: 403") the host is the side that was asked, and answered; before "from HOST"
 * ("REGISTER sip:1029@… from 10.1.17.226:5060 - … - 200 OK") it is the side that asked, and got
 * the response.
 */
export const REQUEST_WORD =
  /\b(?:request|registration|register|call|invite|options|bye|cancel|subscribe|notify|refer|update|prack|transaction|dial(?:l?ing)?)\b/i;
/** A request passed on to the host before "to HOST" ("relayed to X, reply 200 OK"): X answered it. */
export const RELAY_WORD = /\b(?:relay(?:ed|ing)?|forward(?:ed|ing)?|rout(?:ed|ing))\b/i;
/** A response code: before "to HOST" ("sent 486 to 10.0.0.5") the host received it. */
export const CODE_BEFORE = /(?<![\w.:/-])[1-6]\d\d(?![\w.:])/;
export const REPLY_WORD = /\b(?:repl(?:y|ied)|respon(?:se|ded)|answer(?:ed)?)\b|SIP\/2\.0 \d{3}/i;
/**
 * A proxy refusing a request's credentials ("auth failed for 1001@example.com from X - sending
 * 403", "authentication failure … from X"): the host after "from" sent the request and got the
 * refusal, as after a request word.
 */
export const AUTH_REFUSED =
  /\bauth(?:entication|orization)?[ _-]?(?:failed|failure|error|rejected|denied)\b/i;

/**
 * Whether "from HOST", between `before` and `after`, names the side that sent the request a
 * response after it answers ("REGISTER sip:… from X - saved - 200 OK", "OPTIONS from X answered
 * 200"): a request word (or a refused login) comes first, no reply word or code does ("INVITE
 * rejected with 486 from X"), and a code follows. A transport line ("RX … Request msg INVITE …
 * from UDP X:") has none.
 */
export function requester(before: string, after: string): boolean {
  return (
    (REQUEST_WORD.test(before) || (before.includes("uth") && AUTH_REFUSED.test(before))) &&
    !REPLY_WORD.test(before) &&
    !codeBefore(before) &&
    CODE_BEFORE.test(after)
  );
}

/** A response code in `before`, past its timestamp (whose digits are no code). */
export function codeBefore(before: string): boolean {
  return CODE_BEFORE.test(before.replace(/^[\d\s:.,TZ/+-]*(?:\[[^\]]*\]\s*)?/, ""));
}

/**
 * Kamailio's failure_route logging its branch's state with t_branch_timeout() and t_branch_replied()
 * ("408 Request Timeout from sip:X (t_branch_timeout=1, t_branch_replied=0)"): the branch to X timed
 * out, or got no reply at all, so tm made the 408 up itself and X is the hop that stayed silent.
 */
const BRANCH_SILENT = /\bt_branch_timeout\W{1,4}(?:1|true|yes)\b|\bt_branch_replied\W{1,4}(?:0|false|no)\b/i;

export function silentBranch(line: string): boolean {
  return line.includes("t_branch_") && BRANCH_SILENT.test(line);
}

/**
 * A request of the log's own system and how it ended, just before "(to X": Kamailio dispatcher's
 * "OPTIONS-Request was finished with code 408 (to sip:X, group 1)". X was asked: it sent the code,
 * except a 408, which tm makes up when X never answers (fr_timer).
 */
const REQUEST_ENDED =
  /\b(?:request|options|invite|register|subscribe|notify|message|transaction)\b[^()\n]{0,40}?\b(?:finished|completed|ended|terminated|failed)\s+with\s+(?:code|status)\s+([1-6]\d\d)\s*[(,]?\s*$/i;

/** The part X played for "… finished with code NNN (to X": "upstream" for a 408, else "sender". */
export function endedRequestRole(before: string): "sender" | "upstream" | undefined {
  if (!before.includes("with")) return undefined;
  const m = REQUEST_ENDED.exec(before);
  if (!m) return undefined;
  return m[1] === "408" ? "upstream" : "sender";
}

/** Whether `line` says a request of the log's own system ended with a code ("OPTIONS-Request was
 *  finished with code 408 (to …"). */
export function ownRequestEnded(line: string): boolean {
  const to = line.indexOf("(to ");
  return to > 0 && endedRequestRole(line.slice(0, to + 1)) !== undefined;
}

/**
 * The source address of the message a proxy script is handling, as an xlog writes $si:$sp ("INVITE
 * from sip:bob@… (IP:192.0.2.44:5060)", as in Kamailio's sample configs) or a debug line "(src ip
 * 192.0.2.44:5060)". Group 1 is the address, group 2 the port. For a reply the proxy sends itself,
 * that is the requester it went to; for one it received, the hop that sent it.
 */
const SCRIPT_SOURCE =
  /\((?:IP:|src[ _]?ip[: ]\s?)\[?((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})\]?(?::(\d{2,5}))?\)/i;

/** The address and port of a script's "(IP:X:port)" or "(src ip X:port)", or undefined. */
export function scriptSource(line: string): { addr: string; port: string | undefined } | undefined {
  if (!line.includes("(IP:") && !line.includes("(src") && !line.includes("(SRC")) return undefined;
  const m = SCRIPT_SOURCE.exec(line);
  return m?.[1] ? { addr: m[1], port: m[2] } : undefined;
}

/** A peer's part when only the way the message went tells it: "in" it sent it, "out" it got it. */
export function roleByDirection(direction: string | undefined): { role?: "sender" | "receiver" } {
  return direction === "in" ? { role: "sender" } : direction === "out" ? { role: "receiver" } : {};
}
