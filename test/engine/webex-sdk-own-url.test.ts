// A Webex SDK error written on one line with its own request URL (a logger that joined the
// message's lines with spaces, or an app that names the request itself) is Mobius's answer when
// that URL is a Mobius one, in the phase its path names, as the console's form of it reads.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const HOST = "mobius-us-east-1.prod.infra.webex.com";
const MOBIUS = `https://${HOST}/api/v1/calling/web`;
const scan = (...lines: string[]) => scanText(catalog(), lines.join("\n"));
const found = (...lines: string[]) =>
  scan(...lines).findings.map((f) => [f.line, f.namespace, f.code, f.id, f.host ?? null]);

describe("a Webex SDK error line that names its own Mobius URL", () => {
  it("is the Mobius registration 503 when its message was joined onto one line", () => {
    const line = `WebexHttpError.ServiceUnavailable: Service Unavailable POST ${MOBIUS}/device WEBEX_TRACKING_ID: webex-js-sdk_3f1a_15`;
    const sdk = analyze(catalog(), scan(line));
    const console = analyze(catalog(), scan(`POST ${MOBIUS}/device 503 (Service Unavailable)`));
    expect(sdk.firstFailure?.id).toBe("mobius/503-registration");
    expect(sdk.failingComponent).toBe(console.failingComponent);
  });

  it("reads the request the app names before the class, and its DELETE as unregistration", () => {
    expect(
      found(
        `2024-03-05T03:20:01.100Z [ERROR] DELETE ${MOBIUS}/devices/abc-123 failed: WebexHttpError.ServiceUnavailable: Service Unavailable`,
      ),
    ).toEqual([[1, "mobius", 503, "mobius/503-unregistration", HOST]]);
  });

  it("reads a bare class name with the Mobius URL in brackets as Mobius's 429", () => {
    expect(
      found(
        `2024-03-05T03:20:01.100Z [ERROR] registration failed TooManyRequests: Too Many Requests (${MOBIUS}/device)`,
      ),
    ).toEqual([[1, "mobius", 429, "mobius/429", HOST]]);
  });

  it("takes no stack frame's script URL for the request: the request line below still counts", () => {
    expect(
      found(
        "WebexHttpError.ServiceUnavailable: Service Unavailable at r (https://web.webex.com/static/main.js:1:2)",
        `POST ${MOBIUS}/device`,
      ),
    ).toEqual([[1, "mobius", 503, "mobius/503-registration", HOST]]);
  });

  it("stays HTTP for a status Mobius has no entry for, and for another host", () => {
    expect(found(`WebexHttpError.Forbidden: Forbidden POST ${MOBIUS}/device`)).toEqual([
      [1, "http", 403, "http/403", HOST],
    ]);
    expect(
      found("WebexHttpError.TooManyRequests: Too Many Requests POST https://webexapis.com/v1/messages"),
    ).toEqual([[1, "http", 429, "http/429", "webexapis.com"]]);
  });

  it("counts once when the console's status and the SDK's class share the line", () => {
    expect(
      found(
        `POST ${MOBIUS}/device 503 (Service Unavailable) WebexHttpError.ServiceUnavailable: Service Unavailable`,
      ),
    ).toEqual([[1, "mobius", 503, "mobius/503-registration", HOST]]);
  });
});
