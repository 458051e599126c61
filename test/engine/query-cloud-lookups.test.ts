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

describe("a token typed after its name in a question", () => {
  const EXOTEL = "3f8e1d2c4b5a69788a7b6c5d4e3f2a1b";
  const WEBEX =
    "NmE1ZTQ4OWMtNTk4Ni00ZTJlLTk0MWItNmQ0NzIxNjg3NjVjYmI2YjMxMzAtZmU0_PF84_1eb65fdf-9643-417f-9974-ad72cae0e10f";

  it("is neither echoed nor searched", () => {
    const exotel = explain(catalog(), `exotel token ${EXOTEL} failing`);
    expect(exotel.query).toBe("exotel token [redacted] failing");
    expect(JSON.stringify(exotel)).not.toContain("3f8e1d2c");
    const webex = explain(catalog(), `my webex token ${WEBEX} gets 401`);
    expect(webex.query).toBe("my webex token [redacted] gets 401");
    expect(webex.results.map((e) => e.code)).toContain(401);
  });

  it("hides a Webex access token under any word or none", () => {
    expect(explain(catalog(), WEBEX).query).toBe("[redacted]");
    expect(explain(catalog(), `exotel api key is ${EXOTEL}`).query).toBe("exotel api key is [redacted]");
  });

  it("counts as a question that was only a secret when nothing else was said", () => {
    const r = explain(catalog(), `my token is ${EXOTEL}`);
    expect(r.results).toEqual([]);
    expect(r.note).toMatch(/looks like a secret/);
  });

  it("leaves words and codes that only follow the word token or key", () => {
    expect(explain(catalog(), "token expired after 3600 seconds").query).toBe(
      "token expired after 3600 seconds",
    );
    expect(explain(catalog(), "the key to fixing 403").query).toBe("the key to fixing 403");
    expect(explain(catalog(), "token api2.exotel.com refused").query).toBe("token api2.exotel.com refused");
  });
});

describe("an ACS or Teams 403 with no subcode", () => {
  it("leads with the PSTN policy block, the Rooms-only refusals after it", () => {
    for (const q of ["acs 403", "teams 403", "azure 403"]) {
      const found = ids(q);
      expect(found[0], q).toBe("acs/403-510403");
      expect(found.slice(1), q).toEqual(["acs/403-5828", "acs/403-5829", "acs/403-5830"]);
    }
  });

  it("still leads with Rooms when the words say Rooms, and keeps the general entry first elsewhere", () => {
    expect(ids("azure 403 rooms")[0]).toBe("acs/403-5828");
    expect(ids("acs 410")[0]).toBe("acs/410");
    expect(ids("acs 487")[0]).toBe("acs/487-0");
  });

  it("answers a logged REST call's 403 as the scanner reads the line", () => {
    const line =
      "POST https://contoso.communication.azure.com/calling/callConnections?api-version=2024-09-15 -> 403";
    const read = scanText(catalog(), line).findings.map((f) => f.id);
    expect(read).toEqual(["http/403"]);
    expect(ids(line)[0]).toBe("http/403");
  });
});

describe("a call that rings and then ends", () => {
  it("is a ring timeout, never a drop after answer", () => {
    const teams = explain(catalog(), "teams call ends after 2 minutes ringing");
    expect(teams.results.map((e) => e.id)).toEqual([
      "acs/487-10004",
      "q850/19",
      "sip/480",
      "sip/408",
      "timer/c",
    ]);
    expect(teams.note).toMatch(/never answered/);
    for (const q of [
      "call stops ringing after 2 minutes",
      "phone rings then drops",
      "call rings but nobody answers, then ends",
    ]) {
      const found = ids(q);
      expect(found[0], q).toBe("q850/19");
      expect(
        found.some((id) => id.startsWith("symptom/")),
        q,
      ).toBe(false);
    }
  });

  it("puts Timer C before the codes once the ringing lasted past 3 minutes", () => {
    expect(ids("phone rings for 5 minutes then stops").slice(0, 2)).toEqual(["q850/19", "timer/c"]);
  });

  it("leaves answered calls and calls that never rang to the other answers", () => {
    expect(ids("call drops after answer while ringing")[0]).not.toBe("q850/19");
    expect(ids("no ringing then call fails")[0]).not.toBe("q850/19");
    expect(ids("call drops after 30 minutes")).toEqual(["symptom/call-drops-at-session-refresh"]);
  });
});

describe("a cloud call that drops", () => {
  it("is the client's network for ACS and Teams", () => {
    expect(ids("azure call drops network")).toEqual(["acs/410-3101", "acs/410-301005"]);
    expect(ids("teams call disconnects randomly")[0]).toBe("acs/410-3101");
    // With no vendor named, a dropped call is first one of the drop symptoms seen on any platform.
    expect(ids("call drops")[0]).toMatch(/^symptom\/call-drops/);
  });

  it("names the Mobius call keepalive first for a Webex call lost after 15 minutes", () => {
    const r = explain(catalog(), "webex call drops after 15 minutes");
    expect(r.results.map((e) => e.id)).toEqual([
      "timer/mobius-call-keepalive",
      "symptom/call-drops-at-session-refresh",
    ]);
    expect(r.note).toMatch(/keepalive/);
    expect(ids("webex call drops after 30 minutes")).toEqual(["symptom/call-drops-at-session-refresh"]);
    expect(ids("call drops after 15 minutes")).toEqual(["symptom/call-drops-at-session-refresh"]);
  });
});
