// Log files shared with a mention, end to end: the real server reads them through the Web API and
// the file host, both faked with nock, with SLACK_MAX_FILE_BYTES at 20 kB.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, into, notesOf, PASTED_488, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const JSON_TYPE = "application/json";
const LOG = PASTED_488;

let server: RunningServer;
serverPerFile(
  (s) => {
    server = s;
  },
  { slack: { maxFileBytes: 20_000 } },
);

let n = 0;
/** `@sipcode` in thread 1700000200.000100 with these files and nothing else. */
function mentionWith(files: Body[], text = "<@UBOT>"): string {
  n++;
  return eventBody({
    type: "app_mention",
    user: "U1",
    channel: "C1",
    ts: `17000002${String(n).padStart(2, "0")}.000200`,
    thread_ts: "1700000200.000100",
    text,
    files,
  });
}

describe("a gzip log larger (compressed) than SLACK_MAX_FILE_BYTES", () => {
  it("is unpacked as far as its first 20 kB go, and says so", async () => {
    // The failure first, then incompressible noise, so the compressed file is well over 20 kB.
    const noise = Array.from({ length: 2000 }, () => `debug ${randomBytes(24).toString("hex")}`).join("\n");
    const gz = gzipSync(Buffer.from(`${LOG}\n${noise}\n`));
    expect(gz.length).toBeGreaterThan(40_000);
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .get("/files/syslog.2.gz")
      .reply(200, gz, { "content-type": "application/gzip" })
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000200.000300" });
    const file = {
      id: "FGZ",
      name: "syslog.2.gz",
      mimetype: "application/gzip",
      filetype: "gzip",
      size: gz.length,
      url_private_download: `${SLACK_API}/files/syslog.2.gz`,
    };
    await postSigned(server, mentionWith([file]), JSON_TYPE);
    await until(() => scope.isDone());
    expect(String(posts[0]?.text)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    const notes = notesOf(posts[0]);
    expect(notes).toMatch(
      /syslog\.2\.gz is larger than 20 kB: I read only the first 20 kB of it \(compressed; \d+ kB of log/,
    );
    expect(notes).not.toMatch(/couldn't download/);
  });
});

describe("a file Slack sends as a stub", () => {
  const full = {
    id: "F9",
    name: "trace.log",
    mimetype: "text/plain",
    filetype: "text",
    size: LOG.length,
    url_private_download: `${SLACK_API}/files/trace.log`,
  };

  it.each([
    ["file_access: check_file_info", { id: "F9", file_access: "check_file_info", created: 1700000000 }],
    ["no download link", { id: "F9", name: "trace.log", mimetype: "text/plain", filetype: "text" }],
  ])("with %s is looked up with files.info and read", async (_, stub) => {
    const lookups: Body[] = [];
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/files.info", into(lookups))
      .reply(200, { ok: true, file: full })
      .get("/files/trace.log")
      .reply(200, LOG)
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000200.000300" });
    await postSigned(server, mentionWith([stub]), JSON_TYPE);
    await until(() => scope.isDone());
    expect(lookups[0]).toMatchObject({ file: "F9" });
    expect(String(posts[0]?.text)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
  });
});

describe("a mention whose files could not be read", () => {
  const log = (path: string) => ({
    id: "F403",
    name: "trace.log",
    mimetype: "text/plain",
    filetype: "text",
    url_private_download: `${SLACK_API}${path}`,
  });

  /** Sends the mention and returns what the thread got and the private notes. */
  async function run(files: Body[], host?: (scope: nock.Scope) => nock.Scope) {
    const posts: Body[] = [];
    const notes: Body[] = [];
    const base = nock(SLACK_API);
    host?.(base);
    const thread = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .reply(200, { ok: true, ts: "1" });
    const note = nock(SLACK_API).post("/api/chat.postEphemeral", into(notes)).reply(200, { ok: true });
    await postSigned(server, mentionWith(files), JSON_TYPE);
    await until(() => note.isDone() || thread.isDone());
    await new Promise((r) => setTimeout(r, 100));
    return { posts, notes };
  }

  it.each([
    [
      "an image",
      [{ id: "FPNG", name: "screenshot.png", mimetype: "image/png", filetype: "png" }],
      undefined,
      /I skipped screenshot\.png: I can only read text logs/,
    ],
    [
      "a log whose download is refused",
      [log("/files/forbidden.log")],
      (s: nock.Scope) => s.get("/files/forbidden.log").reply(403, "forbidden"),
      /I couldn't download trace\.log \(HTTP 403\)/,
    ],
    [
      "a log answered with Slack's sign-in page",
      [log("/files/signin.log")],
      (s: nock.Scope) =>
        s.get("/files/signin.log").reply(200, "<!DOCTYPE html><html><body>Sign in to Slack</body></html>", {
          "content-type": "text/html; charset=utf-8",
        }),
      /I couldn't download trace\.log \(Slack answered with a web page, not the file: I may lack the files:read permission/,
    ],
    [
      "a stub files.info can't find",
      [{ id: "FGONE", file_access: "check_file_info" }],
      (s: nock.Scope) => s.post("/api/files.info").reply(200, { ok: false, error: "file_not_found" }),
      /I couldn't look up the attached file \(Slack said `file_not_found`\)\. It may have been deleted/,
    ],
  ])("tells the user why, privately in the thread, for %s", async (_, files, host, why) => {
    const { posts, notes } = await run(files, host);
    expect(posts).toEqual([]);
    expect(notes[0]).toMatchObject({ channel: "C1", user: "U1", thread_ts: "1700000200.000100" });
    expect(String(notes[0]?.text)).toMatch(/nothing I could read to explain/);
    expect(String(notes[0]?.text)).toMatch(why);
  });

  it("still answers the words of the mention in the thread, with the reason as a note", async () => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000200.000300" });
    const png = { id: "FPNG", name: "screenshot.png", mimetype: "image/png", filetype: "png" };
    await postSigned(server, mentionWith([png], "<@UBOT> 488 again"), JSON_TYPE);
    await until(() => scope.isDone());
    expect(String(posts[0]?.text)).toMatch(/SIP 488 Not Acceptable Here/);
    expect(notesOf(posts[0])).toMatch(/I skipped screenshot\.png/);
  });
});
