// A retrying client's request line with a bracketed aside before the arrow still gives the
// request's HTTP status, from the host its URL names.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

describe("a request line with an aside before its arrow", () => {
  it("reads the status from the URL's host, as without the aside", () => {
    const line =
      "2024-03-05T03:20:07Z WARN POST https://api.exotel.com/v1/Accounts/acme/Calls/connect.json (attempt 2) -> 401";
    const [f, ...rest] = scanText(catalog(), line).findings;
    expect(rest).toEqual([]);
    expect([f?.namespace, f?.code, f?.host]).toEqual(["http", 401, "api.exotel.com"]);
  });

  it.each([
    ["POST /v1/calls (attempt 2)->401", "http 401 @1"],
    ["GET https://api.example.com/v1/x [retry 1/3] -> 503", "http 503 @1"],
    ["GET https://api.example.com/v1/x (took 120ms) => 429", "http 429 @1"],
    ["PUT /v1/devices/7 (retry) \u2192 502", "http 502 @1"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it.each([
    // No arrow: the aside's numbers and whatever follows are not the request's status.
    "POST /v1/calls (attempt 2) 401",
    // No request before the aside.
    "retrying (attempt 2) -> 401",
  ])("gives no code: %s", (line) => {
    expect(found(line)).toEqual([]);
  });
});
