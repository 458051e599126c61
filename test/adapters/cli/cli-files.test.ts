// `sipcode trace.log` with `scan` forgotten: a query that only names existing log files is scanned,
// as a log pasted as the argument is; a lookup of something written like a file says what happened.
import { mkdtempSync, writeFileSync } from "node:fs";
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
