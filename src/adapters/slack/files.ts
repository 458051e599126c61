// Text log files shared with a mention (or on a shortcut's message): looked up when Slack sent only
// a stub, downloaded with the bot token, size-capped, text only (by its type, then by its bytes).
// Anything else gets a clear sentence instead of a silent skip.
import { Readable } from "node:stream";
import type { WebClient } from "@slack/web-api";
import { decodeText, sniff } from "../../decode.js";
import { MAX_PASTE_CHARS } from "../../respond.js";
import { withSignals } from "../../shutdown-deadline.js";
import { judgeFile } from "./binary-file.js";
import type { SlackDeps } from "./deps.js";
import { completeFile, isPartial } from "./file-info.js";

/** One file's download, body included, may take this long. */
const DOWNLOAD_TIMEOUT_MS = 15_000;

export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
  /** "check_file_info": only the id was sent; files.info has the rest. */
  file_access?: string;
  hidden_by_limit?: boolean;
}

const TEXT_TYPES = new Set([
  "text",
  "log",
  "txt",
  "csv",
  "json",
  "xml",
  "yaml",
  "yml",
  "ini",
  "sh",
  "javascript",
  "markdown",
]);

export function isTextFile(f: SlackFile): boolean {
  return Boolean(
    f.mimetype?.startsWith("text/") ||
      f.mimetype === "application/json" ||
      TEXT_TYPES.has(f.filetype ?? "") ||
      // A rotated log (syslog.2.gz): decoded below.
      f.mimetype === "application/gzip" ||
      f.mimetype === "application/x-gzip" ||
      f.filetype === "gzip",
  );
}

/**
 * The text of a downloaded file, whatever way it was saved (UTF-8, UTF-16, gzip). `cut`: the bytes
 * are only the file's start, so a gzip file is decompressed as far as they go.
 */
async function textOf(buf: Buffer, cut: boolean): Promise<string> {
  let text = "";
  for await (const chunk of decodeText(Readable.from([buf]), { truncated: cut })) {
    text += chunk;
    // A small gzip file can inflate a thousandfold: stop where a reply stops reading anyway.
    if (text.length > MAX_PASTE_CHARS) break;
  }
  return text;
}

/** The note for a file read only up to SLACK_MAX_FILE_BYTES. */
function cutNote(name: string, maxBytes: number, gzip: boolean, text: string): string {
  const kB = (n: number) => Math.round(n / 1000);
  const read = gzip ? ` of it (compressed; ${kB(text.length)} kB of log once unpacked)` : "";
  return `${name} is larger than ${kB(maxBytes)} kB: I read only the first ${kB(maxBytes)} kB${read}.`;
}

/** Whitespace, or a format character (zero-width space, word joiner, BOM, soft hyphen, bidi mark). */
const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * Why a file's text counts as empty, or undefined when something in it can be read. Some exports
 * and copy-pastes leave only zero-width characters behind: trim() keeps them, yet nothing is there.
 */
function blankness(text: string): string | undefined {
  if (VISIBLE.test(text)) return undefined;
  return text.trim() === "" ? "it is empty" : "it is empty (it holds only invisible characters)";
}

export interface FileText {
  text: string;
  notes: string[];
  /** How many files were attached, and how many of them could be read. */
  attached: number;
  read: number;
}

/**
 * Slack's sign-in page, which it serves instead of the file when the token lacks files:read or
 * the link has expired: HTML, for a file that is not HTML.
 */
function isWebPage(res: Response, f: SlackFile): boolean {
  if (f.mimetype === "text/html" || f.filetype === "html") return false;
  return /^text\/html\b/i.test(res.headers.get("content-type") ?? "");
}

export async function readFiles(
  files: SlackFile[] | undefined,
  client: WebClient,
  deps: SlackDeps,
): Promise<FileText> {
  const out: FileText = { text: "", notes: [], attached: 0, read: 0 };
  const { botToken: token, maxFileBytes: maxBytes } = deps.slack;
  // Without a server (a test building deps by hand) no shutdown ever ends a download.
  const shutdown = deps.shutdown?.signal ?? new AbortController().signal;
  for (const stub of (files ?? []).slice(0, 5)) {
    out.attached++;
    let f = stub;
    // A stub is looked up unless what it says already shows it is no text log (a screenshot).
    const typed = Boolean(stub.mimetype || stub.filetype);
    if (isPartial(stub) && (!typed || isTextFile(stub))) {
      const full = await completeFile(client, stub, deps.logger);
      if ("problem" in full) {
        out.notes.push(full.problem);
        continue;
      }
      f = full.file;
    }
    const name = f.name ?? f.title ?? "file";
    if (!isTextFile(f)) {
      out.notes.push(
        `I skipped ${name}: I can only read text logs (.log, .txt, .json…), and it is ${f.mimetype ?? f.filetype ?? "not text"}.`,
      );
      continue;
    }
    const url = f.url_private_download ?? f.url_private;
    if (!url) continue; // isPartial() made sure there is one
    try {
      // A download still running at a shutdown's deadline ends then, as a timeout, like the
      // Web API calls: the reply fails through its normal path instead of holding up the stop.
      const { buf, cut } = await withSignals(AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), shutdown, (signal) =>
        download(url, token, f, maxBytes, signal),
      );
      const text = await textOf(buf, cut);
      // An empty log would get a public "No error codes found" card, as if it had been read and
      // were clean: it counts as a file that could not be read, so only the asker hears why.
      const blank = blankness(text);
      if (blank) {
        out.notes.push(`I skipped ${name}: ${blank}, so there is nothing in it to scan.`);
        continue;
      }
      const judged = judgeFile(deps.catalog, name, text);
      if (judged.binary) {
        out.notes.push(judged.note);
        if (!judged.keep) continue;
      }
      out.text += `\n${text}`;
      out.read++;
      if (cut || (f.size ?? 0) > maxBytes) out.notes.push(cutNote(name, maxBytes, sniff(buf).gzip, text));
    } catch (err) {
      const timedOut = (err as Error | null)?.name === "TimeoutError";
      deps.logger.warn("file download failed", {
        file: f.id,
        name,
        ...(timedOut ? { code: "timeout" } : {}),
        ...(timedOut && deps.shutdown?.passed ? { cutByShutdown: true } : {}),
        err,
      });
      out.notes.push(
        `I couldn't download ${name} (${(err as Error).message}). Check that I can see the file, or paste the log.`,
      );
    }
  }
  return out;
}

/** The file's bytes, at most `max` of them, from Slack's file host with the bot token. */
async function download(
  url: string,
  token: string,
  f: SlackFile,
  max: number,
  signal: AbortSignal,
): Promise<{ buf: Buffer; cut: boolean }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  if (isWebPage(res, f)) {
    await res.body?.cancel();
    throw new Error(
      "Slack answered with a web page, not the file: I may lack the files:read permission, or the link has expired",
    );
  }
  return readCapped(res, max);
}

/** Reads at most `max` bytes of a response body and cancels the rest of the download. */
async function readCapped(res: Response, max: number): Promise<{ buf: Buffer; cut: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return { buf: Buffer.alloc(0), cut: false };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { buf: Buffer.concat(chunks), cut: false };
    chunks.push(Buffer.from(value));
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return { buf: Buffer.concat(chunks).subarray(0, max), cut: true };
    }
  }
}
