// A Basic credential wherever it stands in a line, not only after an Authorization header: the
// token goes, ordinary words after "Basic" stay.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const hidden = (text: string) => redact(text, { maskPhoneNumbers: false });
const EXOTEL = "YTFiMmMzZDRlNWY2YTdiOGM5ZDA6ZjBlOWQ4YzdiNmE1ZjRlMw==";

describe("a Basic credential outside an Authorization header", () => {
  it.each([
    [
      `exotel auth failed: Basic ${EXOTEL} rejected with 401`,
      "exotel auth failed: Basic [redacted] rejected with 401",
    ],
    [`sending basic ${EXOTEL}`, "sending basic [redacted]"],
    ["creds=Basic YWxpY2U6c2VjcmV0, status 403", "creds=Basic [redacted], status 403"],
    ['{"hdr":"Basic QUMxMjM0NTY3ODk6dG9rZW4="}', '{"hdr":"Basic [redacted]"}'],
    ["Basic dXNlcjpQYXNzd29yZA== -> 401", "Basic [redacted] -> 401"],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it.each([
    "Basic Call Flow: INVITE, 100 Trying, 180 Ringing, 200 OK",
    "Basic auth failed for trunk pstn-1 (401)",
    "Basic Registration failed with 403 Forbidden",
    "Basic Authentication required",
    "basic rate interface BRI0/0 down",
    "Basic 1234 retries",
  ])("leaves %s alone", (text) => {
    expect(hidden(text)).toBe(text);
  });

  it("keeps the token out of a scanned finding", () => {
    const log = `2024-03-05T03:20:08Z ERROR exotel auth failed: Basic ${EXOTEL} rejected with 401 by api.exotel.com`;
    const texts = scanText(catalog(), log).findings.map((f) => f.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).not.toContain("YTFiMmMzZDRl");
      expect(t).toContain("Basic [redacted]");
    }
  });
});
