// A 404 or 480 Kamailio or OpenSIPS sent itself right after its registrar found no contact for the
// callee ("'alice' Not found in usrloc"): the callee is not registered, and the reply went back to
// the requester the script's $si names.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const kam = (pid: number, sec: number, text: string) =>
  `Mar  5 02:31:${sec} reg1 /usr/sbin/kamailio[${pid}]: ${text}`;
const MISS = (pid: number, user: string) =>
  kam(pid, 44, `DEBUG: registrar [lookup.c:350]: lookup_helper(): '${user}' Not found in usrloc`);
const REPLY = (pid: number) =>
  kam(
    pid,
    44,
    `NOTICE: <script>: INVITE from sip:carol@voip.example.com sent 404 Not Found (IP:192.0.2.44:5060)`,
  );

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), `${lines.join("\n")}\n`));

describe("a proxy's 404 after its registrar found no contact", () => {
  it("says the callee is not registered", () => {
    const a = run([MISS(9921, "alice"), REPLY(9921)]);
    expect(a.failingComponent).toMatch(
      /^the callee, which is not registered: .*no contact for it in usrloc \(line 1\)/,
    );
  });

  it("names the requester the script's (IP:…) gives as the side the 404 went to", () => {
    const a = run([MISS(9921, "alice"), REPLY(9921)]);
    expect(a.firstFailure?.host).toBe("192.0.2.44:5060");
    expect(a.failingComponent).toContain("sent it to 192.0.2.44:5060, the requester");
  });

  it("leaves a reply of another process, or one far below, to its own words", () => {
    const other = run([MISS(9921, "alice"), REPLY(9922)]);
    expect(other.failingComponent).not.toMatch(/not registered/);
    const filler = Array.from({ length: 8 }, (_, k) =>
      kam(9921, 44, `DEBUG: <core> [core/parser.c:${k}]: parsing`),
    );
    const far = run([MISS(9921, "alice"), ...filler, REPLY(9921)]);
    expect(far.failingComponent).not.toMatch(/not registered/);
  });

  it("never marks a 404 a peer sent", () => {
    const a = run([
      MISS(9921, "alice"),
      kam(9921, 44, "INFO: <script>: received 404 Not Found from 198.51.100.7:5060"),
    ]);
    expect(a.failingComponent).not.toMatch(/not registered/);
  });

  it("forgets the registrar's line of an earlier scan", () => {
    run([MISS(9921, "alice")]);
    expect(run([REPLY(9921)]).failingComponent).not.toMatch(/not registered/);
  });
});
