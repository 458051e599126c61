#!/usr/bin/env node
// Builds the Teams app package (build/sipcode-teams.zip): manifest.json with the bot's app id filled
// in, plus color.png and outline.png at the zip's root, written by a minimal zip writer over zlib.
// Usage: MICROSOFT_APP_ID=<guid> [BOT_DOMAIN=bot.example.com] node scripts/package-teams.mjs [--out FILE]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";
import { crc32 } from "./teams-icons.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "manifests", "teams");
/** The same pattern as src/config-teams.ts, which the server checks with (a test keeps them equal). */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ICONS = { "color.png": 192, "outline.png": 32 };

function fail(message) {
  console.error(`package:teams: ${message}`);
  process.exit(2);
}

/** Width and height from a PNG's IHDR, or null when the file is not a PNG. */

/** The fields a local file header and a central directory record share, written from `at` on:
 *  version needed, flags (UTF-8 names), method (deflate), time, date, CRC, sizes, name length. */
function writeEntryFields(buf, at, { crc, packed, size, name }) {
  buf.writeUInt16LE(20, at);
  buf.writeUInt16LE(0x0800, at + 2);
  buf.writeUInt16LE(8, at + 4);
  buf.writeUInt16LE(DOS_TIME, at + 6);
  buf.writeUInt16LE(DOS_DATE, at + 8);
  buf.writeUInt32LE(crc, at + 10);
  buf.writeUInt32LE(packed, at + 14);
  buf.writeUInt32LE(size, at + 18);
  buf.writeUInt16LE(name, at + 22);
}

function pngSize(buf) {
  if (buf.length < 24 || buf.toString("ascii", 1, 4) !== "PNG") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// A fixed timestamp (2024-01-01 00:00) keeps the zip byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

/** Deflated entries, local headers, central directory, end record: the subset Teams' importer reads. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBuf = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, { crc, packed: packed.length, size: data.length, name: nameBuf.length });
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    writeEntryFields(central, 6, { crc, packed: packed.length, size: data.length, name: nameBuf.length });
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function main() {
  const argv = process.argv.slice(2);
  const outIdx = argv.indexOf("--out");
  const out = outIdx >= 0 ? resolve(argv[outIdx + 1] ?? "") : join(ROOT, "build", "sipcode-teams.zip");
  const appId = (process.env.MICROSOFT_APP_ID ?? "").trim();
  if (!appId)
    fail(
      "set MICROSOFT_APP_ID to the bot's Microsoft Entra app (client) id, e.g. MICROSOFT_APP_ID=<guid> npm run package:teams",
    );
  if (!GUID.test(appId))
    fail(`MICROSOFT_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${appId}")`);
  const domain = (process.env.BOT_DOMAIN ?? "")
    .trim()
    .replace(/^https?:\/\//, "")
    .replace(/\/.*$/, "");

  const manifest = JSON.parse(readFileSync(join(SRC, "manifest.json"), "utf8"));
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  manifest.version = pkg.version;
  // The bot's own domain is optional (bots don't need it); without BOT_DOMAIN the entry is dropped.
  manifest.validDomains = (manifest.validDomains ?? []).filter((d) => d !== "{{BOT_DOMAIN}}" || domain);
  const text = JSON.stringify(manifest, null, 2)
    .replaceAll("{{MICROSOFT_APP_ID}}", appId.toLowerCase())
    .replaceAll("{{BOT_DOMAIN}}", domain);
  const left = text.match(/\{\{[A-Z_]+\}\}/);
  if (left) fail(`manifest.json still has the placeholder ${left[0]}`);

  const files = [["manifest.json", Buffer.from(`${text}\n`, "utf8")]];
  for (const [name, size] of Object.entries(ICONS)) {
    let png;
    try {
      png = readFileSync(join(SRC, name));
    } catch {
      fail(`${name} is missing; run node scripts/teams-icons.mjs`);
    }
    const dims = pngSize(png);
    if (!dims || dims.width !== size || dims.height !== size) fail(`${name} must be a ${size}×${size} PNG`);
    files.push([name, png]);
  }
  const archive = zip(files);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, archive);
  console.log(
    `wrote ${relative(process.cwd(), out) || out} (${archive.length} bytes): ${files.map(([n]) => n).join(", ")}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
