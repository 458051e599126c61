// The command line as people type it: options before the subcommand, subcommands in any case,
// unknown options refused, a pasted multi-line log given as the argument.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";

async function run(args: string[], stdin = "") {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const TIMERS_CARD = /^SIP and Webex Calling timers/;

describe("options before the subcommand", () => {
  it("--no-color timers 32s runs the calculator, not a search for 'timers 32s'", async () => {
    const before = await run(["--no-color", "timers", "32s"]);
    const after = await run(["timers", "32s", "--no-color"]);
    expect(before.code).toBe(0);
    expect(before.out).toMatch(TIMERS_CARD);
    expect(before.out).toBe(after.out);
    expect(before.out).not.toMatch(/Several entries match/);
  });

  it("--json timers prints the timers JSON", async () => {
    const r = await run(["--json", "timers"]);
    const j = JSON.parse(r.out);
    expect(r.code).toBe(0);
    expect(j.kind).toBeUndefined();
    expect(j.transaction.length).toBeGreaterThan(0);
  });

  it("--json scan reads standard input", async () => {
    const r = await run(["--json", "scan"], "SIP/2.0 486 Busy Here\nCSeq: 1 INVITE\n");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.files[0].summary.firstFailure).toMatchObject({ namespace: "sip", code: 486, method: "INVITE" });
  });

  it("--no-color shell opens the shell", async () => {
    const r = await run(["--no-color", "shell"], "488\nquit\n");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here/);
    expect(r.out).not.toMatch(/No entry for "shell"/);
  });

  it("words after -- are text even when they name a subcommand", async () => {
    const r = await run(["--", "-1"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Codes are never negative");
    const scan = await run(["--json", "--", "scan"]);
    expect(JSON.parse(scan.out).query).toBe("scan");
  });
});

describe("unknown options", () => {
  it.each([["-x"], ["-j", "488"], ["488", "-q"], ["--bogus"], ["--json", "timers", "-z"]])(
    "%s is a usage error with exit 2",
    async (...argv) => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/^sipcode: Unknown option -/);
    },
  );

  it("-v, -V and --version print the package version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
    for (const flag of ["-v", "-V", "--version"]) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`sipcode ${version}\n`);
    }
  });

  it("a negative number is a query, answered as no code", async () => {
    const r = await run(["sip", "-486"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^No entry for "sip -486"\nSIP codes are never negative/);
    expect(r.out).toContain("SIP 486 Busy Here");
  });
});

describe("subcommands in any case", () => {
  it.each([["Timers"], ["TIMERS"], ["timers?"], ["sip", "timers"], ["sip timers"], ["webex", "timers"]])(
    "%s opens the timers card",
    async (...argv) => {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(TIMERS_CARD);
    },
  );

  it("Sip Timers 32s keeps the calculator's argument", async () => {
    const r = await run(["Sip", "Timers", "32s"]);
    expect(r.out).toBe((await run(["timers", "32s"])).out);
  });

  it("a question about one timer still gets that timer's entry", async () => {
    expect((await run(["sip", "timer", "b"])).out).toMatch(/^Timer: Timer B/);
  });

  it("Help and HELP print the usage; Search lists matches", async () => {
    for (const word of ["Help", "HELP", "help?"]) {
      const r = await run([word]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage:/);
    }
    const search = await run(["Search", "busy"]);
    expect(search.out).toMatch(/^sip\/486 +SIP 486 Busy Here/m);
    expect(search.out).toMatch(/^sip\/600 /m);
  });

  it("SCAN reads a file", async () => {
    const r = await run(["SCAN", "-"], "SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\n");
    expect(r.out).toMatch(/First failure: SIP 503 Service Unavailable/);
  });
});

describe("a log pasted as the argument", () => {
  const ngrep = [
    "U 10.0.0.9:5060 -> 10.0.0.5:5060",
    "SIP/2.0 488 Not Acceptable Here",
    "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds",
    "CSeq: 314159 INVITE",
    "",
  ].join("\n");

  it("is scanned, naming the host in its packet line", async () => {
    const r = await run([ngrep]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^First failure: SIP 488 Not Acceptable Here/);
    expect(r.out).toMatch(/Likely failing component +10\.0\.0\.9:5060/);
    expect(r.out).not.toMatch(/No entry for/);
  });

  it("finds the failure after a request and a provisional response", async () => {
    const log = [
      "INVITE sip:bob@example.com SIP/2.0",
      "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1",
      "CSeq: 1 INVITE",
      "",
      "SIP/2.0 100 Trying",
      "CSeq: 1 INVITE",
      "",
      "SIP/2.0 486 Busy Here",
      "CSeq: 1 INVITE",
    ].join("\n");
    const r = await run([log]);
    expect(r.out).toMatch(/^First failure: SIP 486 Busy Here/);
    expect(r.out).toMatch(/Codes found +2 /);
  });

  it("prints the scan JSON with --json, with no path", async () => {
    const r = await run(["--json", ngrep]);
    const j = JSON.parse(r.out);
    expect(j.files[0].path).toBeNull();
    expect(j.files[0].summary.firstFailure).toMatchObject({ code: 488, host: "10.0.0.9:5060" });
  });

  it("a single line or lines that read as no log are still looked up", async () => {
    expect((await run(["SIP/2.0 486 Busy Here"])).out).toMatch(/^SIP 486 Busy Here/);
    expect((await run(["busy\nhere"])).out).not.toMatch(/Codes found/);
  });
});
