// The sender of a SIP message logged as one member of a pretty-printed JSON record, as Homer exports
// it: `"srcIp": "198.51.100.20",` and `"srcPort": 5060,` are sibling members of `"raw": "SIP/2.0 503
// …"`, above it or (keys sorted, `jq -S`) below it. The record's source address sent the message.
import { lineAt, prevLineStart } from "./text-lines.js";

/** How many lines either way the record's members are looked at. */
const MAX_LINES = 30;
/** `"srcIp": "10.0.0.1",`, `"source_ip": "…"`, `"srcPort": 5060`: a source key and its value. */
const SOURCE_MEMBER = /^\s*"(?:src|source)_?(ip|addr(?:ess)?|port)"\s*:\s*"?([\w.:[\]-]{1,64}?)"?\s*,?\s*$/i;

/** Whether the line at text[ls…] opens a message inside a pretty-printed member (`  "raw": "SIP/2.0 …`). */
export function isMemberMessage(text: string, ls: number): boolean {
  const c = text.charCodeAt(ls);
  if (c !== 32 && c !== 9) return false;
  let i = ls;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i) === 34 && text.startsWith('": "', text.indexOf('"', i + 1));
}

/**
 * The source address ("198.51.100.20:5060") of the record whose member holding a message starts at
 * text[ls], or undefined when its siblings name none. The walk stays inside the record: it ends at
 * a line that opens or closes an object or array (a nested object is no sibling).
 */
export function memberSource(text: string, ls: number): string | undefined {
  const found: { ip?: string; port?: string } = {};
  // Above: the members before the message, back to the record's opening "{".
  for (let k = 0, start = ls; k < MAX_LINES && start > 0; k++) {
    const prev = prevLineStart(text, start);
    const l = lineAt(text, prev, start - 1);
    start = prev;
    if (!take(l, found)) break;
  }
  // Below: past the message's own lines (its headers and body end with the string's closing quote).
  let start = text.indexOf("\n", ls) + 1;
  let inMessage = true;
  for (let k = 0; k < MAX_LINES && start > 0 && start < text.length; k++) {
    const e = text.indexOf("\n", start);
    const l = lineAt(text, start, e < 0 ? text.length : e);
    start = e + 1;
    if (inMessage) {
      // The string ends on the line of its closing quote: `"` or `",` after the last "\r\n".
      const t = l.trim();
      if (t === '"' || t.endsWith('",')) inMessage = false;
      continue;
    }
    if (!take(l, found) || e < 0) break;
  }
  if (!found.ip) return undefined;
  const ip = found.ip.includes(":") && !found.ip.startsWith("[") ? `[${found.ip}]` : found.ip;
  return found.port ? `${ip}:${found.port}` : ip;
}

/** Reads a source member of line `l` into `found`; false once `l` leaves the record's members. */
function take(l: string, found: { ip?: string; port?: string }): boolean {
  const t = l.trim();
  const c = t.charCodeAt(0);
  // "{", "}", "[", "]" or anything that is no member: the record ends here.
  if (c !== 34) return false;
  const last = t.charCodeAt(t.endsWith(",") ? t.length - 2 : t.length - 1);
  if (last === 123 || last === 91) return false;
  if (!t.includes("rc") && !t.includes("ource")) return true;
  const m = SOURCE_MEMBER.exec(l);
  if (!m?.[1] || !m[2]) return true;
  if (m[1].toLowerCase() === "port") {
    if (/^\d{1,5}$/.test(m[2])) found.port ??= m[2];
  } else found.ip ??= m[2];
  return true;
}
