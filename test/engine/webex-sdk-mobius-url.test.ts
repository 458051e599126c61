// A Webex SDK error class (`WebexHttpError.ServiceUnavailable`, or bare `TooManyRequests: …`) whose
// request line below names a Mobius URL is Mobius's answer, in the phase that URL's path names, the
// same reading a browser console's `POST https://mobius-… 503` gets. Other hosts keep HTTP.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const MOBIUS = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web";
const scan = (...lines: string[]) => scanText(catalog(), lines.join("\n"));
const found = (...lines: string[]) =>
  scan(...lines).findings.map((f) => [f.line, f.namespace, f.code, f.id, f.host ?? null]);

describe("a Webex SDK error whose request went to a Mobius URL", () => {
  it("is the Mobius registration 503, as the console's form of the same answer", () => {
    const sdk = analyze(
      catalog(),
      scan("WebexHttpError.ServiceUnavailable: Service Unavailable", `POST ${MOBIUS}/device`),
    );
    const console = analyze(catalog(), scan(`POST ${MOBIUS}/device 503 (Service Unavailable)`));
    expect(sdk.firstFailure?.id).toBe("mobius/503-registration");
    expect(sdk.firstFailure?.id).toBe(console.firstFailure?.id);
    expect(sdk.failingComponent).toBe(console.failingComponent);
  });

  it("printed by its bare class name is Mobius's 429 from that cluster", () => {
    expect(
      found(
        "2024-03-05T03:20:01.100Z [ERROR] registration failed TooManyRequests: Too Many Requests",
        `POST ${MOBIUS}/device`,
        "WEBEX_TRACKING_ID: webex-js-sdk_3f1a_15",
      ),
    ).toEqual([[1, "mobius", 429, "mobius/429", "mobius-us-east-1.prod.infra.webex.com"]]);
  });

  it("written as one JSON string with escaped line breaks reads the same", () => {
    const line = `{"msg":"WebexHttpError.ServiceUnavailable: Service Unavailable\\nPOST ${MOBIUS}/device\\nWEBEX_TRACKING_ID: x_1"}`;
    expect(found(line)).toEqual([
      [1, "mobius", 503, "mobius/503-registration", "mobius-us-east-1.prod.infra.webex.com"],
    ]);
  });

  it("takes the phase its path names: DELETE of a device is unregistration", () => {
    expect(
      found("WebexHttpError.ServiceUnavailable: Service Unavailable", `DELETE ${MOBIUS}/devices/abc-123`),
    ).toEqual([[1, "mobius", 503, "mobius/503-unregistration", "mobius-us-east-1.prod.infra.webex.com"]]);
  });

  it("stays HTTP when Mobius has no entry for that status (a 403 without its mobius-error)", () => {
    expect(found("WebexHttpError.Forbidden: Forbidden", `POST ${MOBIUS}/device`)).toEqual([
      [1, "http", 403, "http/403", "mobius-us-east-1.prod.infra.webex.com"],
    ]);
  });

  it("stays HTTP when the request went to another Webex API host", () => {
    expect(
      found("WebexHttpError.TooManyRequests: Too Many Requests", "POST https://webexapis.com/v1/messages"),
    ).toEqual([[1, "http", 429, "http/429", "webexapis.com"]]);
  });

  it("stays HTTP when no request line follows it", () => {
    expect(
      found("WebexHttpError.ServiceUnavailable: Service Unavailable", "at Object.fn (x.js:1:2)"),
    ).toEqual([[1, "http", 503, "http/503", null]]);
  });
});
