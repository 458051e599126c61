// A question holding a secret: the secret and the mark that replaces it are never searched, so a
// question re-run from a button or a Teams ref (already marked) gets the answer the user first saw.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { SECRET_ONLY_NOTE } from "../../src/engine/explain-secrets.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const summary = (q: string) => {
  const r = ask(q);
  return { kind: r.kind, query: r.query, ids: r.results.map((e) => e.id), note: r.note };
};

describe("a question that is only a secret", () => {
  it.each([
    ["password=hunter2xyz", "password=[redacted]"],
    ["xoxb-123456-abcdefSECRET", "[redacted]"],
    ["Authorization: Bearer abc.def", "Authorization: [redacted]"],
    ["Bearer abcdef123", "Bearer [redacted]"],
    ['what is api_key="xyz"', 'what is api_key="[redacted]"'],
  ])("%s is answered as a secret, echoed marked", (q, shown) => {
    expect(summary(q)).toEqual({ kind: "unknown", query: shown, ids: [], note: SECRET_ONLY_NOTE });
    // Re-running what was echoed (a Share button, a Teams ref) gives the same answer.
    expect(summary(shown)).toEqual(summary(q));
  });

  it("never searches the mark's word ('redacted' is close to 'Rejected')", () => {
    for (const q of ["[redacted]", "password=[redacted]", '"[redacted]"'])
      expect(ask(q).results.map((e) => e.id)).not.toContain("sip/608");
  });
});

describe("a question with a secret among other words", () => {
  it.each(["sip 401 password=hunter2", "registration fails password=abc", "488 token=abc123"])(
    "%s searches the other words, the same when re-run marked",
    (q) => {
      const first = summary(q);
      expect(first.note).not.toBe(SECRET_ONLY_NOTE);
      expect(first.ids.length).toBeGreaterThan(0);
      expect(first.query).toContain("[redacted]");
      expect(summary(first.query)).toEqual(first);
    },
  );
});
