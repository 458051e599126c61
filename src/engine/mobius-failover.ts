// A Webex Calling client whose registration one Mobius cluster refused (503, 5xx, 408) and that then
// registered on another: the first cluster is degraded, the device is registered. The same reading
// as a SIP failover, for the clusters an HTTP client's URLs name.
import { MOBIUS_REGISTERED } from "./scan/mobius-registered.js";
import type { Finding } from "./scan/scanner.js";

/** The registration path of a Mobius URL (POST …/calling/web/device). */
export const REGISTER_PATH = /\bmobius\b[^\s"'<>]*\/device\/?(?:[\s"'<>?)]|$)/i;

/** The Mobius cluster a finding's host names, if any. */
export function mobiusCluster(f: Finding): string | undefined {
  return f.host && /\bmobius\b/i.test(f.host) ? f.host : undefined;
}

/** A refusal the client answers by trying its next cluster: overload, server errors, no answer. */
function triesNext(f: Finding): boolean {
  return (
    f.namespace === "mobius" &&
    (f.code === 408 || f.code === 429 || f.code >= 500) &&
    f.id?.endsWith("-registration") === true
  );
}

/**
 * The answer of another Mobius cluster that shows the client registered there after `failed`: a
 * 2xx to its registration request (OkHttp's `<-- 200 OK https://mobius-us-west-2…/device`), or the
 * web SDK's new active Mobius URL with its "Registration successful" (whose URL has no path).
 */
export function mobiusFailover(findings: readonly Finding[], failed: Finding | null): Finding | undefined {
  if (!failed || !triesNext(failed)) return undefined;
  const first = mobiusCluster(failed);
  if (!first) return undefined;
  return findings.find(
    (g) =>
      g.line > failed.line &&
      g.code >= 200 &&
      g.code < 300 &&
      (g.namespace === "http" || g.namespace === "mobius") &&
      mobiusCluster(g) !== undefined &&
      g.host !== first &&
      (g.detector === MOBIUS_REGISTERED || REGISTER_PATH.test(g.text)),
  );
}

export function mobiusFailoverSentence(failed: Finding, ok: Finding, named: (f: Finding) => string): string {
  return (
    `${failed.host} answered ${named(failed)} on line ${failed.line}; the client failed over to ${ok.host} ` +
    `and registered (line ${ok.line}). ${failed.host} is degraded, not the device.`
  );
}
