// A response logged as received from a peer the log never names (Cisco IOS/CUBE debugs print
// "Received:" and the message, no address): the request it answers (same Call-ID, CSeq and method)
// was sent to its Request-URI's host, which is then the best name for that peer ("sip.telnyx.com").
import type { Finding } from "./finding.js";
import type { TimingEvent } from "./timing-event.js";

/** Gives each such response the Request-URI host of the request it answers. */
export function nameRequestPeers(findings: Finding[], events: readonly TimingEvent[]): void {
  let byKey: Map<string, string> | undefined;
  for (const f of findings) {
    if (f.namespace !== "sip" || f.direction !== "in" || f.host || !f.callId || f.cseq === undefined)
      continue;
    byKey ??= requestUris(events);
    if (byKey.size === 0) return;
    const uri = byKey.get(`${f.callId}\n${f.cseq}`);
    if (uri) f.requestUri = uri;
  }
}

/** Request-URI hosts of requests sent to no named address, by Call-ID and CSeq. */
function requestUris(events: readonly TimingEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) {
    if (e.kind !== "request" || !e.uri || !e.callId || e.cseq === undefined) continue;
    out.set(`${e.callId}\n${e.cseq}`, e.uri);
  }
  return out;
}
