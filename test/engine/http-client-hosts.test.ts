// An HTTP client's error that prints its request URL names the host that answered, and a known
// platform's API host says whose API it is.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { knownApi, requestHost, urlHost } from "../../src/engine/scan/client-url.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (...lines: string[]) => scanText(catalog(), lines.join("\n"));
const run = (...lines: string[]) => analyze(catalog(), scan(...lines));

const exotel429 =
  "2025-05-06 11:20:14,118 ERROR dialer: requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://api.exotel.com/v1/Accounts/acme12/Calls/connect.json";

describe("the host of an HTTP client's error", () => {
  it("is the host of Python requests' 'for url:', and Exotel's API is named", () => {
    const [f] = scan(exotel429).findings;
    expect([f?.code, f?.host, f?.direction]).toEqual([429, "api.exotel.com", "in"]);
    expect(run(exotel429).failingComponent).toMatch(/^api\.exotel\.com \(Exotel's API\) — /);
  });

  it("is the host of OkHttp's response line", () => {
    const line =
      "2025-05-06 11:23:14,118 I/okhttp.OkHttpClient: <-- 503 Service Unavailable https://api.example.com/v1/calls (1234ms)";
    const [f] = scan(line).findings;
    expect([f?.code, f?.host]).toEqual([503, "api.example.com"]);
    expect(run(line).failingComponent).toMatch(/^api\.example\.com — /);
  });

  it("is the host of a fetch Response's url", () => {
    const [f] = scan(
      "fetch failed: Response { status: 504, statusText: 'Gateway Timeout', url: 'https://api.example.com/v1/x' }",
    ).findings;
    expect([f?.code, f?.host]).toEqual([504, "api.example.com"]);
  });

  it("is not named when the client prints no URL", () => {
    const [f] = scan(
      "2025-05-06 11:21:14,118 ERROR worker: AxiosError: Request failed with status code 502",
    ).findings;
    expect([f?.code, f?.host]).toEqual([502, undefined]);
  });
});

describe("request URLs", () => {
  it("never take the API key and token before the host for it", () => {
    expect(urlHost("https://key123:tok456@api.exotel.com/v1/Accounts/x/Calls")).toBe("api.exotel.com");
    expect(urlHost("http://10.0.0.5:8080/api")).toBe("10.0.0.5");
    expect(urlHost("http://[2001:db8::1]:8080/x")).toBe("2001:db8::1");
  });

  it("are read only where a client prints its request's URL", () => {
    expect(
      requestHost('status 401 {"more_info":"https://www.twilio.com/docs/errors/20003"}'),
    ).toBeUndefined();
    expect(requestHost("POST https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json 401")).toBe(
      "api.twilio.com",
    );
  });

  it("name the platforms whose APIs sipcode explains", () => {
    expect(knownApi("api.in.exotel.com")).toBe("Exotel's API");
    expect(knownApi("api.twilio.com")).toBe("Twilio's REST API");
    expect(knownApi("contoso.unitedstates.communication.azure.com")).toBe(
      "Azure Communication Services' API",
    );
    expect(knownApi("api.example.com")).toBeUndefined();
    expect(knownApi("notexotel.com")).toBeUndefined();
  });
});
