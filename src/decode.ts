// Turns the bytes of a log file into text whatever way it was saved: UTF-8 (with or without a BOM),
// UTF-16 as Windows tools write it (PowerShell's `>` and Out-File), or gzip-compressed (rotated
// logs such as syslog.2.gz). Memory stays bounded: everything is streamed chunk by chunk.
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { constants, createGunzip } from "node:zlib";

export type Encoding = "utf8" | "utf16le" | "utf16be";

/** What the first bytes of a file say about it. */
export function sniff(head: Buffer): { gzip: boolean; encoding: Encoding; bom: number } {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
    return { gzip: true, encoding: "utf8", bom: 0 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { gzip: false, encoding: "utf8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { gzip: false, encoding: "utf16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { gzip: false, encoding: "utf16be", bom: 2 };
  // No BOM: mostly-ASCII text saved as UTF-16 has a zero in most odd (LE) or even (BE) bytes.
  const pairs = Math.min(256, head.length >> 1);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (pairs >= 8 && oddZero > pairs * 0.6 && evenZero === 0)
    return { gzip: false, encoding: "utf16le", bom: 0 };
  if (pairs >= 8 && evenZero > pairs * 0.6 && oddZero === 0)
    return { gzip: false, encoding: "utf16be", bom: 0 };
  return { gzip: false, encoding: "utf8", bom: 0 };
}

/** Enough bytes to recognise the encoding. */
const HEAD_BYTES = 512;

async function* bytes(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of source) yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

export interface DecodeOptions {
  /**
   * The bytes are only the start of the file (a download cut at a size cap): a gzip stream that
   * stops early is decompressed as far as it goes instead of failing with "unexpected end of file".
   */
  truncated?: boolean;
}

/** The text of a byte stream, in chunks, decoded the way its first bytes say (at most one gzip layer). */
export function decodeText(
  source: AsyncIterable<Buffer | string>,
  opts: DecodeOptions = {},
): AsyncGenerator<string> {
  return decodeLayer(source, opts, false);
}

async function* decodeLayer(
  source: AsyncIterable<Buffer | string>,
  opts: DecodeOptions,
  gunzipped: boolean,
): AsyncGenerator<string> {
  const it = bytes(source);
  let head: Buffer = Buffer.alloc(0);
  let done = false;
  while (head.length < HEAD_BYTES) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  const { gzip, encoding, bom } = sniff(head);
  const rest = async function* () {
    yield head;
    if (!done) yield* it;
  };
  if (gzip && !gunzipped) {
    // Z_SYNC_FLUSH at the end hands over whatever a cut stream decompresses to.
    const gunzip = createGunzip(opts.truncated ? { finishFlush: constants.Z_SYNC_FLUSH } : {});
    yield* decodeLayer(Readable.from(rest()).pipe(gunzip), opts, true);
    return;
  }
  const decoder = new StringDecoder(encoding === "utf8" ? "utf8" : "utf16le");
  let odd: Buffer | undefined;
  let first = true;
  for await (const raw of rest()) {
    let chunk = first ? raw.subarray(bom) : raw;
    first = false;
    if (encoding === "utf16be") {
      // Swap byte pairs to little-endian, carrying an odd last byte to the next chunk.
      if (odd) chunk = Buffer.concat([odd, chunk]);
      const even = chunk.length & ~1;
      odd = even < chunk.length ? Buffer.from(chunk.subarray(even)) : undefined;
      chunk = Buffer.from(chunk.subarray(0, even)).swap16();
    }
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
