// What the command line does with input that is not a plain log file or a code: a log pasted to
// `explain`, an empty or binary input, a log behind a directory the user may not enter.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { binaryInputNote, emptyInputText } from "../../../src/adapters/cli/input-kind.js";
import { main } from "../../../src/adapters/cli/main.js";
import { InputSample } from "../../../src/input-kind.js";
import { memoryIo } from "../../helpers/io.js";

async function run(args: string[], stdin = "") {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const dir = mkdtempSync(join(tmpdir(), "sipcode-input-"));

describe("a log pasted to explain", () => {
  const digest =
    'INVITE sip:1001@pbx SIP/2.0\nAuthorization: Digest username="1001", realm="pbx", nonce="abc", response="6629fae49393a05397450978507c4ef1"\nContent-Length: 300\n';
  const refused =
    "INVITE sip:1001@203.0.113.5 SIP/2.0\nCSeq: 1 INVITE\n\nSIP/2.0 403 Forbidden\nCSeq: 1 INVITE\n";

  it("is scanned as the bare form scans it, never answered with a byte count as a code", async () => {
    const r = await run(["--json", "explain", digest]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files[0].findings).toEqual([]);
    expect(r.out).not.toContain("sip/300");
    expect(r.err).toContain("so it was scanned");
  });

  it('finds the failure in it, as `sipcode "<log>"` does', async () => {
    const explained = await run(["--no-color", "explain", refused]);
    const bare = await run(["--no-color", refused]);
    expect(explained.out).toMatch(/First failure: SIP 403 Forbidden/);
    expect(explained.out).toBe(bare.out);
    const j = JSON.parse((await run(["--json", "explain", refused])).out);
    expect(j.files[0].summary.firstFailure.id).toBe("sip/403");
  });

  it("still looks up a one-line question", async () => {
    const r = await run(["--no-color", "explain", "488"]);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here/);
  });
});

describe("empty and binary input", () => {
  it("says standard input was empty instead of reporting a clean log, exit 0", async () => {
    for (const stdin of ["", "\n\n  \n"]) {
      const r = await run(["--no-color", "scan"], stdin);
      expect(r.code).toBe(0);
      expect(r.out).toBe("Standard input was empty: there was no log to scan.\n");
    }
  });

  it("keeps the JSON document for an empty input, with a note on stderr", async () => {
    const empty = join(dir, "empty.log");
    writeFileSync(empty, "");
    const r = await run(["--json", "scan", empty]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files[0].summary.counts.lines).toBe(0);
    expect(JSON.parse(r.out).files[0].summary.text).toBe(`${empty} was empty: there was no log to scan.`);
    expect(r.err).toBe(`sipcode: ${empty} was empty: there was no log to scan.\n`);
  });

  it("names a relative path as typed, never capitalised", () => {
    expect(emptyInputText("empty.log")).toBe("empty.log was empty: there was no log to scan.");
    expect(binaryInputNote("sub/bin.dat", false)).toMatch(/^sub\/bin\.dat looks like a binary file/);
  });

  it("says a binary file is not a text log", async () => {
    const bin = join(dir, "capture.bin");
    const bytes = Buffer.alloc(20000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(bin, bytes);
    const r = await run(["--no-color", "scan", bin]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/looks like a binary file, not a text log: no codes were found/);
    expect(r.out).not.toMatch(/I read the text/);
  });

  it("reads the text inside a binary file, with a warning, when it holds codes", async () => {
    const bin = join(dir, "capture.pcap");
    const junk = Buffer.alloc(4000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    writeFileSync(
      bin,
      Buffer.concat([junk, Buffer.from("\nSIP/2.0 486 Busy Here\nCSeq: 1 INVITE\n\n"), junk]),
    );
    const r = await run(["--no-color", "scan", bin]);
    expect(r.out).toMatch(/First failure: SIP 486 Busy Here/);
    expect(r.err).toMatch(/looks like a binary file, not a text log: only the text inside it was scanned/);
  });

  it("takes a log with a few undecodable bytes or colours for text", () => {
    const s = new InputSample();
    s.observe("\u001b[31mERROR\u001b[0m SIP/2.0 486 Busy Here caf\ufffd\n".repeat(50));
    expect(s.kind()).toBe("text");
  });
});

// Root may enter any directory, so the refusal can only be seen as another user.
describe.skipIf(process.getuid?.() === 0)("a log inside a directory the user may not enter", () => {
  const closed = join(dir, "closed");
  mkdirSync(closed);
  const log = join(closed, "x.log");
  writeFileSync(log, "SIP/2.0 486 Busy Here\n");
  chmodSync(closed, 0o000);

  it("is reported as unreadable by the bare form, exit 2, not looked up as words", async () => {
    const r = await run(["--no-color", log]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`sipcode: Cannot read ${log}: permission denied.\n`);
  });
});
