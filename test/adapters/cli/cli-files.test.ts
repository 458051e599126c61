// `sipcode trace.log` with `scan` forgotten: a query that only names existing log files is scanned,
// as a log pasted as the argument is; a lookup of something written like a file says what happened.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logFilesNamed } from "../../../src/adapters/cli/file-args.js";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";

async function run(args: string[], stdin = "") {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const dir = mkdtempSync(join(tmpdir(), "sipcode-files-"));
const trace = join(dir, "trace.log");
writeFileSync(trace, "SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\n");
const other = join(dir, "other.txt");
writeFileSync(other, "SIP/2.0 486 Busy Here\nCSeq: 7 INVITE\n");

describe("a file named without scan", () => {
  it("scans it like sipcode scan, exit 0", async () => {
    const r = await run(["--no-color", trace]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^First failure: SIP 503 Service Unavailable/);
    expect(r.out).not.toMatch(/No entry/);
    const j = JSON.parse((await run([trace, "--json"])).out);
    expect(j.files).toHaveLength(1);
    expect(j.files[0].path).toBe(trace);
    expect(j.files[0].findings[0]).toMatchObject({ namespace: "sip", code: 503 });
  });

  it("scans several files named together", async () => {
    const j = JSON.parse((await run(["--json", trace, other])).out);
    expect(j.files.map((f: { path: string }) => f.path)).toEqual([trace, other]);
  });

  it("keeps explain a lookup and says how to scan the file", async () => {
    const r = await run(["--no-color", "explain", trace]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^No entry for/);
    expect(r.err).toBe(
      `sipcode: ${trace} is a file: run \`sipcode scan ${trace}\` to find the codes in it.\n`,
    );
  });

  it("says when a file written like a path is not there", async () => {
    const missing = join(dir, "missing.log");
    const r = await run(["--no-color", missing]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`there is no file ${missing} here, so it was looked up as words`);
  });

  it("never takes a code, an id or a question for a file", async () => {
    for (const words of [
      ["488"],
      ["sip/488"],
      ["mobius/403-118"],
      ["acs", "410/3112"],
      ["one", "way", "audio"],
    ])
      expect(logFilesNamed(words)).toBeNull();
    expect(logFilesNamed([trace, "488"])).toBeNull();
    const r = await run(["--no-color", "488"]);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here/);
    expect(r.err).toBe("");
  });

  it("scans a file typed alone in the shell", async () => {
    const r = await run(["--no-color", "shell"], `${trace}\nquit\n`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/First failure: SIP 503 Service Unavailable/);
  });
});

describe("files that cannot be read among several", () => {
  const missing = join(dir, "rotated.log.1");

  it("still scans the others, says which one failed on stderr, exit 2", async () => {
    const j = await run(["--json", "scan", trace, missing, other]);
    expect(j.code).toBe(2);
    // One JSON document, holding the files that were read.
    expect(JSON.parse(j.out).files.map((f: { path: string }) => f.path)).toEqual([trace, other]);
    expect(j.err).toBe(`sipcode: Cannot read ${missing}: no such file.\n`);
    const t = await run(["--no-color", "scan", missing, trace]);
    expect(t.code).toBe(2);
    expect(t.out).toMatch(/^First failure: SIP 503 Service Unavailable/);
    expect(t.err).toContain(`Cannot read ${missing}: no such file.`);
  });

  it("still prints the JSON document when no file could be read, naming the unreadable ones", async () => {
    const r = await run(["--json", "scan", missing]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      files: [],
      errors: [{ path: missing, message: `Cannot read ${missing}: no such file.` }],
    });
    expect(r.err).toBe(`sipcode: Cannot read ${missing}: no such file.\n`);
  });
});

describe("a directory where a log was expected", () => {
  const logs = join(dir, "logs");
  mkdirSync(logs, { recursive: true });

  it("says it is a directory and how to scan the logs in it", async () => {
    for (const args of [[logs], [`${logs}/`], ["scan", logs]]) {
      const r = await run(["--no-color", ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toBe(
        `sipcode: Cannot read ${args.at(-1)}: it is a directory. Scan the files in it: sipcode scan ${logs}/*.log\n`,
      );
    }
  });

  it("scans the files beside it, as a shell glob that caught a folder would give them", async () => {
    const r = await run(["--no-color", trace, logs]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^First failure: SIP 503 Service Unavailable/);
    expect(r.err).toContain("it is a directory");
  });

  it("names it as a directory when explain looks it up", async () => {
    const r = await run(["--no-color", "explain", logs]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${logs} is a directory, so it was looked up as words`);
  });
});
