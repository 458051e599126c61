// The registrar chan_sip names in its own REGISTER results, which carry no transport line: "Got
// 404 Not found on SIP register to service user@host", "Registration for 'user@host' timed out",
// "Giving up forever trying to register 'user@host'". The host after the user is the registrar.

/**
 * chan_sip's registry string after the words of each message (handle_response_register,
 * sip_reg_timeout): group 1 the registrar's address, group 2 its port when one is written.
 */
const REGISTRY =
  /\b(?:register to service|Interval too brief for service|on register to|on REGISTER to '|Registration for '|trying to register ')[ \t]*[^@\s']{1,120}@\[?((?:\d{1,3}\.){3}\d{1,3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}|[A-Za-z][\w-]*(?:\.[\w-]+)*)\]?(?::(\d{2,5}))?/;
/** The messages where the REGISTER got no answer at all: the registrar stayed silent. */
const NO_ANSWER = /\btimed out\b|\bGiving up forever\b/;

/**
 * The registrar a chan_sip registration message names, and its part: it answered the REGISTER
 * ("sender"), or it never did and chan_sip made up the 408 itself ("upstream").
 */
export function registrarOf(line: string): { host: string; role: "sender" | "upstream" } | undefined {
  // Most lines are no registration message: two literal tests rule them out.
  if (
    !line.includes("@") ||
    !(line.includes("egist") || line.includes("EGISTER to '") || line.includes("too brief"))
  )
    return undefined;
  const m = REGISTRY.exec(line);
  if (!m?.[1]) return undefined;
  const host = m[2] ? `${m[1]}:${m[2]}` : m[1];
  return { host, role: NO_ANSWER.test(line) ? "upstream" : "sender" };
}
