// Questions about cloud calling platforms (Webex Calling, ACS/Teams, Exotel) answered the way an
// on-call engineer expects: Mobius call errors by number, secrets typed in prose kept out of the
// answer, an ACS 403 led by its general meanings, ring timeouts and drops told apart.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("Mobius call errors the Webex Calling SDK names", () => {
  it("answers mobius-error 111 and 116 with their own entries, not Q.850 111", () => {
    expect(ids("mobius 111")[0]).toBe("mobius/403-111");
    expect(ids("mobius-error: 116")[0]).toBe("mobius/403-116");
    expect(ids("INVALID_STATUS_UPDATE")[0]).toBe("mobius/403-111");
    expect(ids("webex parsing error")[0]).toBe("mobius/403-116");
  });

  it("says that a 503 carrying 111 is listed under 403", () => {
    const r = explain(catalog(), "mobius 503 111");
    expect(r.results[0]?.id).toBe("mobius/403-111");
    expect(r.note).toMatch(/listed with code 403/);
  });

  it("reads the Mobius log line of a 116 as that error", () => {
    const found = scanText(
      catalog(),
      "Call: Error code: 403 : FORBIDDEN, mobius-error: 116, due to bad body",
    ).findings.map((f) => f.id);
    expect(found).toEqual(["mobius/403-116"]);
  });
});
