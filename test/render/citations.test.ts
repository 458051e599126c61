// Cards name the documents they cite, never a bare reference file name.
import { describe, expect, it } from "vitest";
import { citation, DOCUMENT_TITLES, sourcesFooter } from "../../src/render/citations.js";
import { cardsToText } from "../../src/render/text.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const FILE_NAME = /\b\d{3}_[0-9a-f]{16}\.txt\b/;

describe("citations", () => {
  it("has a title for every reference document the catalog cites", () => {
    const cited = new Set(
      catalog().entries.flatMap((e) => [...e.sources, ...e.notes.flatMap((n) => n.sources)]),
    );
    const files = [...cited].filter((s) => FILE_NAME.test(s));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !(f in DOCUMENT_TITLES))).toEqual([]);
  });

  it("shows document titles and passes standards through, each once", () => {
    expect(citation("RFC 3261 §21.4.26")).toBe("RFC 3261 §21.4.26");
    expect(sourcesFooter(["003_289403b9e8f0abac.txt", "RFC 3261 §21.4.26", "003_289403b9e8f0abac.txt"])).toBe(
      "Sources: Exotel SIP trunk troubleshooting guide; RFC 3261 §21.4.26",
    );
  });

  it.each(["488", "mobius 403/118", "acs 410/3112", "exotel 1001", "one way audio", "timers"])(
    "the %s card names its sources by title",
    (query) => {
      const text = cardsToText(respond(catalog(), query, "cli").cards, { colour: false });
      expect(text).toMatch(/Sources: \S/);
      expect(text).not.toMatch(FILE_NAME);
    },
  );
});
