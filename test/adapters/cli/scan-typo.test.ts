// `sipcode scna trace.log`: a mistyped scan word before a file scans it as `sipcode scan` would,
// instead of only saying what was meant.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";

async function run(args: string[], stdin = "") {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const dir = mkdtempSync(join(tmpdir(), "sipcode-typo-"));
const trace = join(dir, "trace.log");
writeFileSync(trace, "SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\n");

describe("a typo of scan on the command line", () => {
  it("scans the file named after it, like sipcode scan", async () => {
    for (const typo of ["scna", "sacn", "scann"]) {
      const r = await run(["--no-color", typo, trace]);
      const plain = await run(["--no-color", "scan", trace]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^First failure: SIP 503 Service Unavailable/);
      expect(r.out).toBe(plain.out);
    }
  });

  it("gives the scan document with --json", async () => {
    const j = JSON.parse((await run(["scna", trace, "--json"])).out);
    expect(j.files[0].path).toBe(trace);
    expect(j.files[0].findings[0]).toMatchObject({ namespace: "sip", code: 503 });
  });

  it("reports a missing file as scan does", async () => {
    const missing = join(dir, "missing.log");
    const r = await run(["scna", missing]);
    const plain = await run(["scan", missing]);
    expect(r.code).toBe(plain.code);
    expect(r.err).toBe(plain.err);
  });
});
