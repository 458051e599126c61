// A binary file Slack calls text (sbc-trace.log, text/plain), shared with a mention or in sipcode's
// own DM, end to end: the real server downloads it from the file host faked with nock. It must not
// get a public "No error codes found" card, which would tell the channel the log is clean.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, notesOf } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";
import { fileInOwnDm, fileMention, sendFileEvent, sharedFile } from "./shared-files.js";

const THREAD = "1700000700.000100";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

/** An ELF header and random bytes: what a core dump or a binary renamed .log starts with. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(1200)]);
/** Random bytes with a SIP status line in the middle, as a capture holds its messages. */
const WITH_503 = Buffer.concat([
  randomBytes(600),
  Buffer.from("\nSIP/2.0 503 Service Unavailable\r\nCSeq: 1 INVITE\r\n\n"),
  randomBytes(600),
]);

const textLabelled = (name: string, bytes: Buffer) => sharedFile(name, bytes, "application/octet-stream");
const mention = (files: Body[], text?: string) => fileMention(files, { thread_ts: THREAD }, text);
const ownDm = fileInOwnDm;
const send = (event: Body) => sendFileEvent(server, event);

describe("a binary file named and labelled as a text log", () => {
  it("gets no public card in the thread; the asker is told privately it is no text log", async () => {
    const { posts, privately } = await send(mention([textLabelled("sbc-trace.log", ELF)]));
    expect(posts).toEqual([]);
    expect(privately[0]).toMatchObject({ channel: "C1", user: "U1", thread_ts: THREAD });
    const text = String(privately[0]?.text);
    expect(text).toContain("sbc-trace.log: it looks like a binary file, not a text log");
    expect(text).toContain("the text inside it holds no error codes");
    expect(text).not.toMatch(/I read the text/);
  });

  it("in sipcode's own DM gets the same reason as a reply, not a card", async () => {
    const { posts } = await send(ownDm([textLabelled("sbc-trace.txt", ELF)]));
    expect(posts).toHaveLength(1);
    const text = String(posts[0]?.text);
    expect(text).toContain("sbc-trace.txt: it looks like a binary file, not a text log");
    expect(text).not.toMatch(/No error codes found/);
  });

  it("still shows the codes in the text inside it, with a note saying what the file is", async () => {
    const { posts, privately } = await send(mention([textLabelled("capture.log", WITH_503)]));
    expect(privately).toEqual([]);
    expect(posts[0]).toMatchObject({ channel: "C1", thread_ts: THREAD });
    expect(String(posts[0]?.text)).toMatch(/SIP 503 Service Unavailable/);
    expect(notesOf(posts[0])).toContain(
      "capture.log looks like a binary file, not a text log: I read only the text inside it",
    );
  });

  it("leaves the words of the mention answered in the thread, with the reason as a note", async () => {
    const { posts } = await send(mention([textLabelled("core.log", ELF)], "<@UBOT> 488 again"));
    expect(String(posts[0]?.text)).toMatch(/SIP 488 Not Acceptable Here/);
    expect(notesOf(posts[0])).toContain("I skipped core.log: it looks like a binary file");
  });
});
