// Code/subcode pairs the catalog lacks outside ACS: Exotel API errors and HTTP statuses have no
// subcodes, so the code is answered on its own; an unlisted Mobius pair names only the status's own
// entries, or the status a mobius-error number is listed with. Known pairs still open their entry.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

describe("pairs in families without subcodes", () => {
  it("exotel 1001/5 answers Exotel API 1001 and says the 5 is no part of it", () => {
    const r = explain(catalog(), "exotel 1001/5");
    expect(r.kind).toBe("found");
    expect(r.results[0]?.id).toBe("exotel/1001");
    expect(r.note).toContain("Exotel API errors have no subcodes");
    expect(r.note).toContain("the 5 in 1001/5 is not part of the code");
  });

  it("exotel 404/2 answers what exotel 404 answers, with the same note after it", () => {
    const pair = explain(catalog(), "exotel 404/2");
    const alone = explain(catalog(), "exotel 404");
    expect(ids(pair.results)).toEqual(ids(alone.results));
    expect(pair.results.map((e) => e.id)).toContain("exotel/1000");
    expect(pair.note).toContain("Exotel API errors have no subcodes");
    expect(pair.note).toContain(alone.note ?? "");
  });

  it("an Exotel number the catalog lacks stays unknown, with the same note", () => {
    const r = explain(catalog(), "exotel 999/5");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("Exotel API errors have no subcodes");
  });

  it("http 404/2 answers HTTP 404", () => {
    const r = explain(catalog(), "http 404/2");
    expect(r.results[0]?.id).toBe("http/404");
    expect(r.note).toContain("HTTP statuses have no subcodes");
  });
});

describe("Mobius pairs the catalog lacks", () => {
  it("mobius 499/3: 499 has no mobius-errors, so only its general entry is suggested", () => {
    const r = explain(catalog(), "mobius 499/3");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("No Webex Calling (Mobius) entry for 499/3");
    expect(r.note).toContain("no mobius-error under 499");
    expect(r.note).not.toContain("subcodes are listed");
    expect(ids(r.suggestions)).toEqual(["mobius/499"]);
  });

  it("mobius 112/5: 112 is a mobius-error, so the 403 entry that carries it is suggested", () => {
    const r = explain(catalog(), "mobius 112/5");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("112 is not an HTTP status");
    expect(r.note).toContain("403 (Device is not registered)");
    expect(ids(r.suggestions)).toEqual(["mobius/403-112"]);
  });

  it("mobius 503/5 lists 503's general entries and its own mobius-errors only", () => {
    const r = explain(catalog(), "mobius 503/5");
    expect(r.note).toContain("503's mobius-errors 117, 120");
    expect(r.suggestions.every((e) => e.namespace === "mobius" && e.code === 503)).toBe(true);
  });

  it("mobius 500/7 names the one mobius-error 500 comes with", () => {
    const r = explain(catalog(), "mobius 500/7");
    expect(r.note).toContain("only with mobius-error 114");
    expect(ids(r.suggestions)).toEqual(["mobius/500-114"]);
  });

  it("a number that is neither a Mobius status nor a mobius-error is said to be neither", () => {
    const r = explain(catalog(), "mobius 600/5");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("no Mobius HTTP status 600 and no mobius-error 600");
  });

  it.each(["499/3 mobius", "got 499/3 from webex"])("%s is read as the Mobius pair", (q) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("No Webex Calling (Mobius) entry for 499/3");
  });
});

describe("known pairs keep opening their entries", () => {
  it.each([
    ["mobius 403/118", "mobius/403-118"],
    ["mobius 403 118", "mobius/403-118"],
    ["403/118 mobius", "mobius/403-118"],
    ["webex 403/118", "mobius/403-118"],
    ["acs 410/3112", "acs/410-3112"],
  ])("%s opens %s", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results[0]?.id).toBe(id);
  });

  it("acs 410/9999 keeps its ACS answer", () => {
    expect(explain(catalog(), "acs 410/9999").note).toContain(
      "No Azure Communication Services entry for 410/9999",
    );
  });
});
