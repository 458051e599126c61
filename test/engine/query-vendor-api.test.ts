// A vendor word that names an HTTP API ("exotel 429") puts the API's HTTP status first.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const first = (q: string) => ask(q).results[0]?.id ?? "-";

describe("a vendor word naming an HTTP API", () => {
  it("exotel 429 is the API's rate limit first", () => {
    const r = ask("exotel 429");
    expect(r.results[0]?.id).toBe("http/429");
    expect(r.note).toContain("SIP 429");
  });

  it("keeps Exotel's trunk note for a SIP code", () => {
    expect(first("exotel 486")).toBe("sip/486");
    expect(first("exotel 503")).toBe("sip/503");
  });

  it("never answers a proxy's status as the API's", () => {
    expect(ask("exotel 407").kind).toBe("unknown");
  });
});
