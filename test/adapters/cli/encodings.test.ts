// `sipcode scan` on logs saved the ways real tools save them: UTF-16 from Windows, gzip-rotated
// syslog, a UTF-8 BOM; and the same findings as the plain UTF-8 file every time.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { decodeText, sniff } from "../../../src/decode.js";
import { memoryIo } from "../../helpers/io.js";

const LOG = [
  "2024-05-02 02:13:12.300 10.0.0.9:5060 -> 10.0.0.5:5060",
  "SIP/2.0 503 Service Unavailable",
  "CSeq: 2 INVITE",
  'Reason: Q.850;cause=34;text="No circuit/channel available – réseau"',
  "",
].join("\r\n");

const dir = mkdtempSync(join(tmpdir(), "sipcode-enc-"));
function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function scanJson(path: string) {
  const io = memoryIo();
  const code = await main(["scan", "--json", path], io);
  return { code, json: JSON.parse(io.out()), err: io.err() };
}

const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();

describe("sipcode scan reads any common encoding", () => {
  it.each([
    ["UTF-8", Buffer.from(LOG)],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LOG)])],
    [
      "UTF-16LE with a BOM (PowerShell)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, "utf16le")]),
    ],
    ["UTF-16LE without a BOM", Buffer.from(LOG, "utf16le")],
    ["UTF-16BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(LOG)])],
    ["gzip", gzipSync(Buffer.from(LOG))],
    ["gzip of UTF-16LE", gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, "utf16le")]))],
  ])("%s", async (name, bytes) => {
    const { code, json } = await scanJson(file(`${name.replace(/\W+/g, "-")}.log`, bytes));
    expect(code).toBe(0);
    const file0 = json.files?.[0] ?? json;
    const codes = JSON.stringify(file0);
    expect(codes).toMatch(/"id":\s*"sip\/503"/);
    expect(codes).toMatch(/"id":\s*"q850\/34"/);
    // The text came through intact, accents included: the reason is quoted as written.
    expect(codes).toContain("réseau");
  });

  it("says a corrupt gzip file cannot be read, with exit 2", async () => {
    const bad = gzipSync(Buffer.from(LOG)).subarray(0, 20);
    const io = memoryIo();
    const code = await main(["scan", file("cut.log.gz", bad)], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/Cannot read .*cut\.log\.gz/);
  });
});

describe("decodeText", () => {
  it("keeps characters split across chunks, in every encoding", async () => {
    const text = "ok ✓ 488 – Zoë\n".repeat(50);
    for (const bytes of [Buffer.from(text), Buffer.from(text, "utf16le"), utf16be(`\ufeff${text}`)]) {
      // Odd-sized chunks cut multi-byte characters and UTF-16 pairs in half.
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
      let out = "";
      for await (const t of decodeText(Readable.from(chunks))) out += t;
      expect(out).toBe(text);
    }
  });

  it("treats binary without zero patterns as UTF-8", () => {
    expect(sniff(Buffer.from("SIP/2.0 200 OK")).encoding).toBe("utf8");
    expect(sniff(Buffer.from([0x1f, 0x8b, 8, 0])).gzip).toBe(true);
  });
});
