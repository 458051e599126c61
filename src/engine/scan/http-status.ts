// Which numbers an HTTP server can answer with: the IANA status registry and the few unregistered
// statuses proxies and CDNs send. A number outside it (486, 487, 480) on a line that looks like an
// HTTP client's is a SIP status, never "HTTP 486".

/** IANA's registered statuses, as [first, last] ranges. */
const REGISTERED: ReadonlyArray<readonly [number, number]> = [
  [100, 103],
  [200, 208],
  [226, 226],
  [300, 308],
  [400, 418],
  [421, 426],
  [428, 429],
  [431, 431],
  [451, 451],
  [500, 508],
  [510, 511],
];

/**
 * Statuses servers send without registration: nginx (444, 494–499), AWS load balancers (460, 463),
 * Cloudflare (520–527, 530), and the 598/599 network timeouts some proxies report.
 */
const UNREGISTERED = [
  444, 460, 463, 494, 495, 496, 497, 498, 499, 520, 521, 522, 523, 524, 525, 526, 527, 530, 598, 599,
];

const STATUSES = new Uint8Array(600);
for (const [from, to] of REGISTERED) STATUSES.fill(1, from, to + 1);
for (const code of UNREGISTERED) STATUSES[code] = 1;

/** Whether an HTTP server can answer with `code`. */
export function isHttpStatus(code: number): boolean {
  return code >= 0 && code < 600 && STATUSES[code] === 1;
}

/**
 * The namespace of a number read as `ns`: one no HTTP server sends is read as SIP, the only other
 * family of three-digit statuses a bare number on these lines can be.
 */
export function statusNamespace(ns: "sip" | "http", code: number): "sip" | "http" {
  return ns === "http" && !isHttpStatus(code) ? "sip" : ns;
}
