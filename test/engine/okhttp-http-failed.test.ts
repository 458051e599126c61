// OkHttp's `<-- HTTP FAILED: <exception>`: the app's request got no HTTP response at all (a timeout,
// a name that did not resolve, a failed TLS handshake, a refused connection). The scan shows it as
// a failure, names the host of the request logged above it, and says how it failed.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scanned = (log: string) => scanText(catalog(), log);
const analysed = (log: string) => analyze(catalog(), scanned(log));

const EAST = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/device";
const WEST = "https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web/device";
const cat = (tid: number, t: string, msg: string) =>
  `03-05 14:22:${t} 12345 ${tid} I okhttp.OkHttpClient: ${msg}`;

describe("OkHttp's request that got no response", () => {
  it("is the first failure, not 'No failures', and names the Mobius cluster that did not answer", () => {
    const log = [
      cat(12399, "01.102", `--> POST ${EAST} h2`),
      cat(12399, "01.102", "--> END POST (142-byte body)"),
      cat(12399, "11.110", "<-- HTTP FAILED: java.net.SocketTimeoutException: timeout"),
      cat(12399, "12.000", `--> POST ${WEST} h2`),
      cat(12399, "12.300", `<-- 200 ${WEST} (300ms)`),
    ].join("\n");
    const a = analysed(log);
    expect(a.summary).not.toMatch(/No failures/);
    expect(a.firstFailure).toMatchObject({
      namespace: "symptom",
      id: "symptom/http-client-no-response",
      line: 3,
      host: "mobius-us-east-1.prod.infra.webex.com",
      reason: "no response before the client's timeout (SocketTimeoutException: timeout)",
    });
    expect(a.failingComponent).toMatch(/^Mobius \(mobius-us-east-1\.prod\.infra\.webex\.com/);
    expect(a.failingComponent).toContain("did not answer");
    expect(a.failingComponent).toContain("DNS");
    expect(a.failingComponent).toContain("TLS");
    expect(a.checklist.some((c) => c.includes("openssl s_client"))).toBe(true);
  });

  it("says how the request failed: DNS, TLS, connection", () => {
    const reasons = scanned(
      [
        'D/OkHttp: <-- HTTP FAILED: java.net.UnknownHostException: Unable to resolve host "api.example.com": No address associated with hostname',
        "D/OkHttp: <-- HTTP FAILED: javax.net.ssl.SSLHandshakeException: Chain validation failed",
        "D/OkHttp: <-- HTTP FAILED: java.net.ConnectException: Failed to connect to api.example.com/203.0.113.5:443",
      ].join("\n"),
    ).findings.map((f) => f.reason);
    expect(reasons[0]).toMatch(/^the host name did not resolve \(DNS\) \(UnknownHostException: /);
    expect(reasons[1]).toBe("the TLS handshake failed (SSLHandshakeException: Chain validation failed)");
    expect(reasons[2]).toMatch(/^could not connect to the host \(ConnectException: /);
  });

  it("takes the host from the request of its own thread when two calls interleave", () => {
    const log = [
      cat(12399, "01.000", `--> POST ${EAST} h2`),
      cat(12400, "01.010", "--> GET https://api.example.com/v1/config h2"),
      cat(12399, "01.020", "--> END POST (142-byte body)"),
      cat(12400, "01.030", "--> END GET"),
      cat(12399, "11.000", "<-- HTTP FAILED: java.net.SocketTimeoutException: timeout"),
    ].join("\n");
    expect(scanned(log).findings[0]?.host).toBe("mobius-us-east-1.prod.infra.webex.com");
  });

  it("names no host when the request above it was already answered", () => {
    const log = [
      cat(12399, "31.102", `--> POST ${EAST} h2`),
      cat(12399, "31.588", `<-- 200 ${EAST} (403ms)`),
      cat(12399, "31.588", "<-- END HTTP (503-byte body)"),
      cat(12399, "33.000", "<-- HTTP FAILED: javax.net.ssl.SSLHandshakeException: Chain validation failed"),
    ].join("\n");
    const failed = scanned(log).findings.find((f) => f.namespace === "symptom");
    expect(failed?.host).toBeUndefined();
    // A host the exception itself names is still used.
    const dns = scanned(
      'D/OkHttp: <-- HTTP FAILED: java.net.UnknownHostException: Unable to resolve host "mobius.example.com": No address associated with hostname',
    ).findings[0];
    expect(dns?.host).toBe("mobius.example.com");
  });

  it("names another host plainly, without calling it Mobius", () => {
    const log = [
      "D/OkHttp: --> GET https://api.example.com/v1/config http/1.1",
      "D/OkHttp: <-- HTTP FAILED: java.net.ConnectException: Failed to connect to api.example.com/203.0.113.5:443",
    ].join("\n");
    const a = analysed(log);
    expect(a.failingComponent).toMatch(/^api\.example\.com, which gave the app's request no HTTP response/);
    expect(a.failingComponent).not.toContain("Mobius");
  });

  it("is no failure when the app cancelled its own call, or without OkHttp's arrow", () => {
    expect(scanned("D/OkHttp: <-- HTTP FAILED: java.io.IOException: Canceled").findings).toEqual([]);
    expect(scanned("the docs say HTTP FAILED: java.net.SocketTimeoutException appears").findings).toEqual([]);
  });
});
