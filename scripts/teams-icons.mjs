#!/usr/bin/env node
// Draws the Teams app icons (color.png 192×192, outline.png 32×32 white on transparent) with nothing
// but Node's zlib, so the PNGs in manifests/teams are reproducible from this file.
// Usage: node scripts/teams-icons.mjs [--out-dir DIR]   (default manifests/teams)
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels → PNG (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// 5×7 glyphs for the wordmark.
const GLYPHS = {
  S: [".###.", "#...#", "#....", ".###.", "....#", "#...#", ".###."],
  I: [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
  P: ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
  "!": ["..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."],
};

function inRoundRect(x, y, [x0, y0, x1, y1], r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by);
  const d2 = s(x, y, bx, by, cx, cy);
  const d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function inText(x, y, text, left, top, scale) {
  const col = Math.floor((x - left) / scale);
  const row = Math.floor((y - top) / scale);
  if (row < 0 || row >= 7 || col < 0) return false;
  const letter = Math.floor(col / 6);
  const g = GLYPHS[text[letter]];
  return Boolean(g && col % 6 < 5 && g[row][col % 6] === "#");
}

/** A speech bubble (rounded outline plus a tail) around the wordmark: "what this code says". */
function bubble(size, stroke) {
  const k = size / 32;
  const outer = [2.5 * k, 4 * k, 29.5 * k, 23 * k];
  const inner = [outer[0] + stroke, outer[1] + stroke, outer[2] - stroke, outer[3] - stroke];
  const tail = [
    [7 * k, 22 * k],
    [14 * k, 22 * k],
    [7 * k, 29 * k],
  ];
  return (x, y) =>
    (inRoundRect(x, y, outer, 5 * k) && !inRoundRect(x, y, inner, Math.max(0, 5 * k - stroke))) ||
    (inTriangle(x, y, ...tail) && !inRoundRect(x, y, inner, Math.max(0, 5 * k - stroke)));
}

/** Supersampled coverage (0..1) of `shape` over each pixel. */
function render(size, shape, samples = 4) {
  const cover = new Float64Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let hit = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++)
          if (shape(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) hit++;
      cover[y * size + x] = hit / (samples * samples);
    }
  return cover;
}

function colorIcon() {
  const size = 192;
  const scale = 6;
  const textW = (3 * 6 - 1) * scale;
  const left = Math.round((size - textW) / 2);
  const top = Math.round(13.5 * (size / 32) - 3.5 * scale);
  const ring = bubble(size, 10);
  const cover = render(size, (x, y) => ring(x, y) || inText(x, y, "SIP", left, top, scale));
  const bg = [0x24, 0x57, 0xc5];
  const px = Buffer.alloc(size * size * 4);
  cover.forEach((a, i) => {
    for (let c = 0; c < 3; c++) px[i * 4 + c] = Math.round(bg[c] * (1 - a) + 255 * a);
    px[i * 4 + 3] = 255;
  });
  return encodePng(size, size, px);
}

function outlineIcon() {
  const size = 32;
  const ring = bubble(size, 2);
  // Teams wants pure white on full transparency: coverage is thresholded, never blended.
  const cover = render(size, (x, y) => ring(x, y) || inText(x, y, "!", 13.5, 8, 1.4));
  const px = Buffer.alloc(size * size * 4);
  cover.forEach((a, i) => {
    if (a >= 0.5) px.fill(255, i * 4, i * 4 + 4);
  });
  return encodePng(size, size, px);
}

export function icons() {
  return { "color.png": colorIcon(), "outline.png": outlineIcon() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const outIdx = argv.indexOf("--out-dir");
  const outDir = outIdx >= 0 ? resolve(argv[outIdx + 1] ?? ".") : join(ROOT, "manifests", "teams");
  mkdirSync(outDir, { recursive: true });
  for (const [name, png] of Object.entries(icons())) writeFileSync(join(outDir, name), png);
  console.log(`wrote color.png (192×192) and outline.png (32×32) to ${outDir}`);
}
