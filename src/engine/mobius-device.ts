// Whether two Mobius failures concern the same device. A client's own log (OkHttp, the Webex SDK)
// holds one device, so every line in it does; a Mobius server log serves many devices at once, so
// two of its lines belong together only when they share a trackingId or a device id.
import type { Entry } from "../catalog/schema.js";
import { entryLabel } from "./labels.js";
import { mobiusCluster, REGISTER_PATH } from "./mobius-failover.js";
import { MOBIUS_REGISTERED } from "./scan/mobius-registered.js";
import type { Finding } from "./scan/scanner.js";

/** "trackingId=WEBCLIENT_1b2c…_7": the client session, without the per-request counter "_7". */
const TRACKING = /\btrackingId[=:][ \t]*([\w.-]+?)(?:_\d+)?(?=[\],;\s]|$)/gi;
/** A device id: "device: 6f0e…", "deviceId=6f0e…", "/devices/6f0e…". */
const DEVICE =
  /\b(?:device(?:Id)?[=:][ \t]*|devices\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

function ids(text: string): Set<string> {
  const out = new Set<string>();
  // Cheap literal checks first: most lines name neither.
  if (/trackingid/i.test(text)) for (const m of text.matchAll(TRACKING)) out.add(`t:${m[1]?.toLowerCase()}`);
  if (/device/i.test(text)) for (const m of text.matchAll(DEVICE)) out.add(`d:${m[1]?.toLowerCase()}`);
  return out;
}

/**
 * A Mobius server line: Spring Boot's MDC bracket names the request ("[trackingId=…]",
 * "[callId=…]"). A client's own log (OkHttp, the Webex SDK console) has none.
 */
const SERVER_LINE = /\[(?:trackingId|callId)[=:]/i;

/**
 * True when `a` and `b` are about one device as far as the log shows: lines that share a
 * trackingId or device id, or two lines of a client's own log. Server lines that show different
 * ids, or not one id in common, are not linked: guessing would tie one device's failure to another's.
 */
export function sameDevice(a: Finding, b: Finding): boolean {
  const x = ids(a.text);
  const y = ids(b.text);
  for (const id of x) if (y.has(id)) return true;
  if (x.size > 0 && y.size > 0) return false;
  return !SERVER_LINE.test(a.text) && !SERVER_LINE.test(b.text);
}

/** True when two Mobius lines each name a trackingId or device id and share none: two devices. */
export function otherDevices(a: Finding, b: Finding): boolean {
  if (a.namespace !== "mobius" || b.namespace !== "mobius") return false;
  const x = ids(a.text);
  if (x.size === 0) return false;
  const y = ids(b.text);
  if (y.size === 0) return false;
  for (const id of x) if (y.has(id)) return false;
  return true;
}

/** Mobius's "Device is not registered": the call says the registration never came back. */
export const NOT_REGISTERED = 112;

/**
 * How long after a registration failure a device's refused call can still be put down to it. The
 * SDK retries registration within seconds and re-registers every few minutes; a 112 much later
 * means the registration was lost since (missed keepalives, an unregister, a rehome), which is
 * where to look, not the old failure.
 */
const STILL_UNREGISTERED_MS = 5 * 60_000;

/**
 * Whether the device registered again between the registration failure `reg` and the call `call`:
 * a 2xx to its registration (OkHttp's `<-- 200 …/device`, the web SDK's "Registration successful")
 * in between, or a time gap longer than a failed registration stays the state of the device.
 */
function registeredSince(reg: Finding, call: Finding, findings: readonly Finding[]): boolean {
  if (reg.tsMs !== undefined && call.tsMs !== undefined && call.tsMs - reg.tsMs > STILL_UNREGISTERED_MS)
    return true;
  return findings.some(
    (g) =>
      g.line > reg.line &&
      g.line < call.line &&
      g.code >= 200 &&
      g.code < 300 &&
      (g.detector === MOBIUS_REGISTERED || (mobiusCluster(g) !== undefined && REGISTER_PATH.test(g.text))) &&
      sameDevice(reg, g),
  );
}

/**
 * A call Mobius refused because the device is not registered (112), after a registration failure
 * of the same device (`failed`: the failing findings by entry) that it never recovered from (no
 * successful registration in between, in `findings`, and not long before): the registration failure
 * is the cause. Marks the pair in `linked`, so the catalog's plain link between them is not said twice.
 */
export function unregisteredCallNotes(
  failed: Map<Entry, Finding[]>,
  linked: Set<string>,
  findings: readonly Finding[] = [],
): string[] {
  const regs: Array<[Entry, Finding]> = [];
  const calls: Array<[Entry, Finding]> = [];
  for (const [e, fs] of failed) {
    if (e.namespace !== "mobius") continue;
    for (const f of fs) {
      if (e.phase === "registration") regs.push([e, f]);
      else if (f.subcode === NOT_REGISTERED) calls.push([e, f]);
    }
  }
  for (const [ce, call] of calls) {
    // The latest failure before the call is the state the device was left in.
    const reg = regs.filter(([, r]) => r.line < call.line && sameDevice(r, call)).pop();
    if (!reg) continue;
    const [re, r] = reg;
    if (registeredSince(r, call, findings)) {
      // The catalog's plain link would send the reader back to a failure that was over too.
      linked.add(`${re.id}|${ce.id}`).add(`${ce.id}|${re.id}`);
      continue;
    }
    linked.add(`${re.id}|${ce.id}`).add(`${ce.id}|${re.id}`);
    return [
      `${entryLabel(ce)} (line ${call.line}) follows from ${entryLabel(re)} (line ${r.line}): the device was still not registered, so Mobius refused its call.`,
    ];
  }
  return [];
}
