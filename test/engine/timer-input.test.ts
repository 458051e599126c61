// How the timers card reads what people type or paste: header parameters with spaces around ";"
// (RFC 3261 §25.1 SEMI = SWS ";" SWS).
import { describe, expect, it } from "vitest";
import { computeTimers } from "../../src/engine/timers.js";
import { catalog } from "../helpers/catalog.js";

const timers = (text: string) => computeTimers(catalog(), text.split(" "));

describe("pasted Session-Expires headers", () => {
  const callee =
    "Session-Expires 1800 s: the callee (refresher=uas) sends a re-INVITE or UPDATE at 900 s; if none arrives, the caller sends BYE at about 1768 s and the session is dead at 1800 s.";

  it.each([
    "Session-Expires: 1800;refresher=uas",
    "Session-Expires: 1800; refresher=uas",
    "Session-Expires: 1800 ;refresher=uas",
    "Session-Expires: 1800 ; refresher = uas",
    "Session-Expires:1800;REFRESHER=UAS",
  ])("%s reads the refresher", (header) => {
    const t = timers(header);
    expect(t.errors).toEqual([]);
    expect(t.calculations).toEqual([callee]);
  });

  it("keeps a setting that follows a ';' as a setting of its own", () => {
    const t = timers("session-expires=1800; t1=1s");
    expect(t.errors).toEqual([]);
    expect(t.base.t1).toBe(1000);
    expect(t.calculations.join(" ")).toMatch(/the refresher sends a re-INVITE or UPDATE at 900 s/);
  });

  it("reads the refresher and Min-SE pasted together with spaces", () => {
    const t = timers("Session-Expires: 1800 ; refresher=uac Min-SE: 90");
    expect(t.errors).toEqual([]);
    expect(t.calculations[0]).toMatch(/^Session-Expires 1800 s: the caller \(refresher=uac\)/);
    expect(t.calculations[1]).toMatch(/^Min-SE 90 s:/);
  });
});
