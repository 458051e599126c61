// An empty log file (no bytes, or only blank lines) shared with a mention or in sipcode's own DM,
// end to end against the real server with the file host faked by nock. Scanning it would post a
// public "No error codes found" card, telling the channel the log was read and is clean.
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, notesOf, PASTED_488 } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";
import { fileInOwnDm, fileMention, sendFileEvent, sharedFile } from "./shared-files.js";

const THREAD = "1700000900.000100";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const logFile = (name: string, content: string) => sharedFile(name, content);
const mention = (files: Body[], where: { thread_ts?: string } = { thread_ts: THREAD }) =>
  fileMention(files, where);
const ownDm = fileInOwnDm;
const send = (event: Body) => sendFileEvent(server, event);

describe("an empty log file shared with a mention", () => {
  it("gets no public card; the person who shared it is told privately it is empty", async () => {
    const { posts, privately } = await send(mention([logFile("sbc.log", "")]));
    expect(posts).toEqual([]);
    expect(privately).toHaveLength(1);
    expect(privately[0]).toMatchObject({ channel: "C1", user: "U1", thread_ts: THREAD });
    expect(String(privately[0]?.text)).toContain(
      "I skipped sbc.log: it is empty, so there is nothing in it to scan.",
    );
    expect(String(privately[0]?.text)).not.toMatch(/No error codes found/);
  });

  it("holding only blank lines and spaces counts as empty too, in the channel as in a thread", async () => {
    const { posts, privately } = await send(mention([logFile("blank.txt", "\n  \r\n\t\n\n")], {}));
    expect(posts).toEqual([]);
    expect(privately[0]).toMatchObject({ channel: "C1", user: "U1" });
    expect(privately[0]).not.toHaveProperty("thread_ts");
    expect(String(privately[0]?.text)).toContain("I skipped blank.txt: it is empty");
  });

  it("beside a log that holds a code, the log is answered and the empty one named in a note", async () => {
    const { posts, privately } = await send(
      mention([logFile("empty.log", ""), logFile("pbx.log", PASTED_488)]),
    );
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(/SIP 488 Not Acceptable Here/);
    expect(notesOf(posts[0])).toContain("I skipped empty.log: it is empty");
  });

  it("in sipcode's own DM gets the reason as a reply, not a card", async () => {
    const { posts } = await send(ownDm([logFile("trace.log", "")]));
    expect(posts).toHaveLength(1);
    const text = String(posts[0]?.text);
    expect(text).toContain("I skipped trace.log: it is empty");
    expect(text).not.toMatch(/No error codes found/);
  });
});
