// Which host a log line names, and its part in the message the line logs: the side that sent it
// ("from 10.0.0.9", "10.0.0.9:5060 -> 10.0.0.5:5060", "<- carrier.example") or the one it went to.
import {
  codeBefore,
  endedRequestRole,
  RELAY_WORD,
  REPLY_WORD,
  REQUEST_WORD,
  requester,
  roleByDirection,
  scriptSource,
  silentBranch,
} from "./host-words.js";
import { isMemberMessage, memberSource } from "./json-source.js";
import { refusedPeer } from "./pbx-refusals.js";
import { registrarOf } from "./registrar.js";
import { quoteEnd } from "./text-lines.js";
import { isTsharkMessage, tsharkFrame } from "./tshark.js";

/** IPv4, IPv6 (an IPv4-mapped one, "::ffff:10.1.2.3", in full) or a host name. */
const ADDRESS =
  "((?:\\d{1,3}\\.){3}\\d{1,3}|(?:[0-9a-f]{0,4}:){2,6}(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}|[a-z][\\w-]*(?:\\.[\\w-]+)+)";
/**
 * "from 10.0.0.9:5060", "to UDP 10.0.0.9:5060", "from [UDP://sip.example.org:5060]" (belle-sip),
 * and JSON or key=value fields: "src":"10.0.0.9:5060", remote_ip=10.0.0.9, "peer":"[2001:db8::1]".
 * The user part of an address ("to":"jane.doe@example.com") is no host.
 */
const HOST = new RegExp(
  `\\b(from|to|(?:src|dst|source|remote|peer)(?:_?(?:ip|addr(?:ess)?|host))?)"?[\\s=:]+["']?\\[?(?:(?:udp|tcp|tls|wss?)(?::\\/\\/|[:/ ])|sips?:|ip:)?\\[?${ADDRESS}\\]?(?::(\\d{2,5}))?(?![\\w.@-]*@)`,
  "i",
);
/** The host part of a key such as remote_ip or srcAddr. */
const KEY_SUFFIX = /_?(?:ip|addr(?:ess)?|host)$/i;
/** A packet line: "10.0.0.9:5060 -> 10.0.0.5:5060" (ngrep, sngrep) names the sender first. */
const ARROW = /(?<![\w.:])((?:\d{1,3}\.){3}\d{1,3})(?::(\d{2,5}))?\s*-{1,3}>\s*(?:\d{1,3}\.){3}\d{1,3}/;
/** "<- carrier.example.net SIP/2.0 486": the message came from the host after the arrow. */
const FROM_ARROW = new RegExp(`<-{1,3}\\s+\\[?${ADDRESS}\\]?(?::(\\d{2,5}))?`, "i");
/** tcpdump: "IP 10.0.0.9.5060 > 10.0.0.5.5060: SIP…" names the sender first, port after a dot. */
const TCPDUMP = /\bIP6? ((?:\d{1,3}\.){3}\d{1,3})\.(\d{1,5}) > (?:\d{1,3}\.){3}\d{1,3}\.\d{1,5}:/;
/**
 * A request sent to a SIP URI in prose: "INVITE to sip:+1415…@203.0.113.20:5060 failed with 503"
 * (a Kamailio failure_route's xlog). The URI's host was asked, and answered. Only in prose: a
 * `to=sip:…` or `from=sip:…` field is a party's address, not a hop.
 */
const REQUEST_TO_URI = new RegExp(
  `\\b(?:INVITE|REGISTER|OPTIONS|SUBSCRIBE|NOTIFY|MESSAGE|REFER|UPDATE|BYE|request|call) to sips?:(?:[^@\\s;>"']{1,64}@)?\\[?${ADDRESS}\\]?(?::(\\d{2,5}))?`,
  "i",
);
/**
 * "sender" sent the message the line logs, "receiver" got it. "upstream" is the next hop the log's
 * own system passed the request to and that failed it: it never answered ("no reply received from
 * X, sending 408"), or it is the upstream of a proxy's own error (nginx's upstream_addr on a 502).
 */
export type HostRole = "sender" | "receiver" | "upstream";

/** "no reply received from X", "no response from X": X is the hop that stayed silent. */
const NO_REPLY_BEFORE = /\bno (?:final )?(?:repl(?:y|ies)|responses?|answer)(?: (?:was )?received)? $/i;
/** nginx's upstream_addr: the server nginx passed the request to. */
const UPSTREAM_KEY = new RegExp(`\\bupstream_addr"?\\s*[=:]\\s*"?${ADDRESS}(?::(\\d{2,5}))?`, "i");
/** A Kamailio acc record's dst_ip=: the request went there, so the response came from there
 *  (its src_ip= is the requester, which got the response). */
const ACC_DST = new RegExp(`\\bdst_ip=${ADDRESS}(?:\\s+dst_port=(\\d{2,5}))?`, "i");
/** A record of a whole transaction (Kamailio/OpenSIPS acc: "method=INVITE;…;code=486"). */
const ACC_RECORD = /\bmethod=[A-Z]/;
/** An HTTP server's client address (nginx remote_addr, pino-http remoteAddress): the requester. */
const CLIENT_KEY = /^remote_?addr(?:ess)?$/i;

interface Named {
  host: string;
  /** The side the host played in the message the line logs, when the words make it clear. */
  role?: HostRole;
}

function joined(addr: string, port: string | undefined): string {
  return port ? `${addr}:${port}` : addr;
}

/** Whether `line` is tcpdump's line for a packet ("… IP 10.0.0.9.5060 > 10.0.0.5.5060: SIP…"). */
export function isPacketLine(line: string): boolean {
  return line.includes(" > ") && TCPDUMP.test(line);
}

/** The host a line names and, when its words tell, whether that host sent or received. */
export function namedHost(line: string, direction?: "in" | "out" | "local"): Named | undefined {
  // Records that name both ends of a request name the one that answered it by its own key.
  const keyed = line.includes("upstream_addr") || line.includes("dst_ip=") ? answeringKey(line) : undefined;
  if (keyed) return keyed;
  // A Kamailio acc record with no dst_ip names only its requester (src_ip), which got the response:
  // it says nothing about who answered.
  if (line.includes("src_ip=") && ACC_RECORD.test(line)) return undefined;
  // A login the PBX refused itself names the address that tried ("failed for '203.0.113.9:5060'").
  const peer = refusedPeer(line);
  if (peer) return peer;
  const m = HOST.exec(line);
  if (m?.[2]) {
    const host = joined(m[2], m[3]);
    const word = (m[1] ?? "").toLowerCase().replace(KEY_SUFFIX, "");
    if (word === "from") {
      // Prose only: a "from" key or field ("from":"10.0.0.9", from=10.0.0.9) names the sender.
      const prose = line.charCodeAt(m.index + 4) === 32;
      if (prose && NO_REPLY_BEFORE.test(line.slice(Math.max(0, m.index - 40), m.index)))
        return { host, role: "upstream" };
      // A failure_route's branch to the host that timed out with no reply: tm's own 408.
      if (prose && silentBranch(line)) return { host, role: "upstream" };
      const asked = prose && requester(line.slice(0, m.index), line.slice(m.index + m[0].length));
      return { host, role: asked ? "receiver" : "sender" };
    }
    if (word === "src" || word === "source") return { host, role: "sender" };
    // An HTTP server's client sent the request and got the response.
    if (CLIENT_KEY.test(m[1] as string)) return { host, role: "receiver" };
    if (word === "to" || word === "dst") {
      // "request sent to X completed with code 408", "INVITE to X rejected with 503", "relayed to X,
      // reply 200 OK": X is the side that was asked, and answered. "sent 486 to X": X received it.
      const before = line.slice(0, m.index);
      const ended = endedRequestRole(before);
      if (ended) return { host, role: ended };
      const asked =
        (REQUEST_WORD.test(before) || RELAY_WORD.test(before)) &&
        !REPLY_WORD.test(before) &&
        !codeBefore(before);
      return { host, role: asked ? "sender" : "receiver" };
    }
    return { host, ...roleByDirection(direction) };
  }
  // A script's $si ("(IP:192.0.2.44:5060)"): whose it is depends on the way the message went.
  const si = scriptSource(line);
  if (si) return { host: joined(si.addr, si.port), ...roleByDirection(direction) };
  // chan_sip's REGISTER results name their registrar only as "user@host".
  const registrar = registrarOf(line);
  if (registrar) return registrar;
  const uri = line.includes(" to sip") ? REQUEST_TO_URI.exec(line) : null;
  if (uri?.[1]) return { host: joined(uri[1], uri[2]), role: "sender" };
  // Each arrow pattern runs only on lines that hold its arrow (most lines hold neither).
  const a = line.includes("->") ? ARROW.exec(line) : null;
  if (a?.[1]) return { host: joined(a[1], a[2]), role: "sender" };
  const f = line.includes("<-") ? FROM_ARROW.exec(line) : null;
  if (f?.[1]) return { host: joined(f[1], f[2]), role: "sender" };
  const t = line.includes(" > ") ? TCPDUMP.exec(line) : null;
  if (t?.[1]) return { host: joined(t[1], t[2]), role: "sender" };
  return undefined;
}

/** The host a record's key names as the side that answered its request, if it has such a key. */
function answeringKey(line: string): Named | undefined {
  const u = UPSTREAM_KEY.exec(line);
  if (u?.[1]) return { host: joined(u[1], u[2]), role: "upstream" };
  const d = line.includes("src_ip=") ? ACC_DST.exec(line) : null;
  if (d?.[1]) return { host: joined(d[1], d[2]), role: "sender" };
  return undefined;
}

/** The peer a log line names ("from 10.0.0.5:5060"), or undefined. */
export function lineHost(line: string): string | undefined {
  return namedHost(line)?.host;
}

/**
 * The part `host` played in the message logged on `line` (a finding's excerpt): named there with
 * a telling word, or else read from the direction the line was logged in.
 */
export function hostRole(
  line: string,
  host: string,
  direction?: "in" | "out" | "local",
): HostRole | undefined {
  const named = namedHost(line, direction);
  if (named?.host === host && named.role) return named.role;
  if (direction === "in") return "sender";
  if (direction === "out") return "receiver";
  return undefined;
}

/**
 * AudioCodes' "---- Incoming SIP Message from 10.0.0.9:5060 to SIPInterface #0 …" and its kin, and
 * chan_sip's "Reliably Transmitting (NAT) to 203.0.113.88:5060:" and "Retransmitting #2 (NAT) to …:".
 */
const MESSAGE_WORDS =
  "(?:incoming|outgoing|inbound|outbound)\\s+(?:SIP\\s+)?(?:message|msg|packet|request|response)\\b";
const TRANSPORT_VERB = new RegExp(
  `\\b(?:RX|TX|recv|received|receiving|send|sent|sending|(?:re)?transmitting)\\b|-{1,3}>|<-|\\b${MESSAGE_WORDS}`,
  "i",
);
const INBOUND_VERB = /\b(?:RX|recv|received|receiving|incoming|inbound)\b|<-/i;
/** A header line (read past any chat quote marker, as findSource reads every line above). */
const HEADER_LINE = /^\s*[A-Za-z-]+\s*:\s/;
const SEPARATOR = /^\s*[-=]{8,}\s*$/;
/** A quoted line with nothing in it (">") is as blank as an empty one, once its marker is gone. */
function isBlank(l: string): boolean {
  return l.length === 0 || l.trim() === "";
}
/** tcpdump -A prints the packet's IP and UDP headers as dots and stray characters before the payload.
 *  Callers may pass the line with the "\r" of a CRLF copy (a capture saved on Windows) still on it. */
export const HEADER_BYTES = /^\S*\.\.\S*\r?$/;

/** Where a SIP message came from or went to: `host` when the log names it, and `direction` ("in":
 *  it came from host, or from the peer; "out": it was sent to host, or by the log's own system). */
export interface MessageSource {
  host?: string;
  direction: "in" | "out";
  /** The transport line is an SBC's or voice gateway's (Cisco IOS, AudioCodes, Oracle): the log's
   *  own system is that box, not a PBX. */
  sbc?: true;
}

/**
 * The side that sent the SIP message whose first line starts at text[ls], from the transport line
 * logged just above it ("RX 702 bytes … from UDP 10.0.0.9:5060:", "U 10.0.0.9:5060 -> 10.0.0.5:5060",
 * "recv 512 bytes from udp/[10.0.0.9]:5060"), a Kamailio sipdump record's header, the IP layer of
 * its frame in tshark's tree, or Cisco's "Received:"/"Sent:" marker (which names no host).
 */
export function messageSource(text: string, ls: number): MessageSource | undefined {
  // tshark indents a message's first line under its protocol; other logs rarely do.
  const c = text.charCodeAt(ls);
  const indented = c === 32 || c === 9;
  const tshark = indented && isTsharkMessage(text.slice(ls, ls + 40));
  // A message in a pretty-printed JSON record (Homer's "raw"): its record's srcIp sent it.
  const member = indented && !tshark && isMemberMessage(text, ls) ? memberSource(text, ls) : undefined;
  if (member) lastSource = { host: member, direction: "in" };
  else lastSource = tshark ? tsharkSource(text, ls) : findSource(text, ls);
  return lastSource;
}

/** tshark's tree: the frame's IP source sent the message. */
function tsharkSource(text: string, ls: number): MessageSource | undefined {
  const host = tsharkFrame(text, ls).host;
  return host ? { host, direction: "in" } : undefined;
}

/** What messageSource() last returned: the finding store's key for a repeat needs its direction. */
let lastSource: MessageSource | undefined;

/** The direction messageSource() last found for `host` (undefined when it found another host). */
export function lastSourceDirection(host: string): "in" | "out" | undefined {
  return lastSource?.host === host ? lastSource.direction : undefined;
}

/** An SBC's transport line: AudioCodes' "… SIP Message from 10.0.0.9:5060 to SIPInterface #0",
 *  Oracle's "On [1:0]198.51.100.5:5060 received from 10.20.30.40:5060". */
const SBC_TRANSPORT =
  /\bSIP Message (?:from|to) \S+ (?:to|from) SIPInterface\b|\bOn \[\d+:\d+\]\S+ (?:received from|sent to)\b/;
/** Cisco IOS "debug ccsip messages": "Received:" (a peer sent it) or "Sent:" (the gateway did). */
const CISCO_MARKER = /^\s*(Received|Sent):\s*$/;
/** The line between a Kamailio sipdump record's header and its message. */
const SIPDUMP_RULE = /^~{8,}\s*$/;

function findSource(text: string, ls: number): MessageSource | undefined {
  let end = ls - 1;
  for (let k = 0; k < 3 && end > 0; k++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    // A line quoted in chat ("> Received:") reads as it would plain.
    const l = text.slice(quoteEnd(text, start), end);
    end = start - 1;
    // A blank line (the end of the message before) is passed first: it is neither marker below.
    if (isBlank(l)) continue;
    if (k === 0 && l.length < 24) {
      const cisco = CISCO_MARKER.exec(l);
      if (cisco) return { direction: cisco[1] === "Received" ? "in" : "out", sbc: true };
      if (SIPDUMP_RULE.test(l)) return sipdumpSource(text, start);
    }
    // A header of the message above (the common case) ends the search before the other tests.
    if (HEADER_LINE.test(l) && !l.includes(" > ")) return undefined;
    if (SEPARATOR.test(l) || HEADER_BYTES.test(l)) continue;
    // tcpdump's packet line may end with a summary of the message ("SIP: SIP/2.0 403 Forbidden").
    const dump = l.includes(" > ") ? TCPDUMP.exec(l) : null;
    if (dump?.[1]) return { host: joined(dump[1], dump[2]), direction: "in" };
    if (l.includes("SIP/2.0") || HEADER_LINE.test(l) || !TRANSPORT_VERB.test(l)) return undefined;
    const named = namedHost(l.slice(0, 600), INBOUND_VERB.test(l) ? "in" : "out");
    if (!named?.role || named.role === "upstream") return undefined;
    const source: MessageSource = { host: named.host, direction: named.role === "sender" ? "in" : "out" };
    if (SBC_TRANSPORT.test(l)) source.sbc = true;
    return source;
  }
  return undefined;
}

/** A sipdump record's header field ("srcip: 198.51.100.71"). */
const SIPDUMP_FIELD = /^(tag|srcip|srcport|dstip|dstport): (\S+)\s*$/;

/**
 * The header of the Kamailio sipdump record whose "~~~~" rule starts at text[rule]: "tag: rcv"
 * (received from srcip:srcport) or "tag: snd" (sent to dstip:dstport), as sipdump_mod.c writes
 * them; "rx"/"tx" are read the same way.
 */
function sipdumpSource(text: string, rule: number): MessageSource | undefined {
  const field = new Map<string, string>();
  let end = rule - 1;
  for (let k = 0; k < 12 && end > 0; k++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const m = SIPDUMP_FIELD.exec(text.slice(start, end));
    end = start - 1;
    if (m) field.set(m[1] as string, m[2] as string);
  }
  const tag = field.get("tag");
  const received = tag === "rcv" || tag === "rx";
  if (!received && tag !== "snd" && tag !== "tx") return undefined;
  const side = received ? "src" : "dst";
  const ip = field.get(`${side}ip`);
  if (!ip) return { direction: received ? "in" : "out" };
  const port = field.get(`${side}port`);
  return { host: joined(ip.includes(":") ? `[${ip}]` : ip, port), direction: received ? "in" : "out" };
}
