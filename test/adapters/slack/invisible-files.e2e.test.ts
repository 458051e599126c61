// A log file that holds only invisible characters (zero-width spaces, word joiners, a BOM, other
// format characters, which some exports and copy-pastes leave behind) is as empty as one with no
// bytes: end to end against the real server with the file host faked by nock.
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, notesOf, PASTED_488 } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";
import { fileMention, sendFileEvent, sharedFile } from "./shared-files.js";

const THREAD = "1700000910.000100";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const logFile = (name: string, content: string) => sharedFile(name, content);
const mention = (files: Body[]) => fileMention(files, { thread_ts: THREAD });
const send = (event: Body) => sendFileEvent(server, event);

describe("a log file holding only invisible characters", () => {
  it.each([
    ["zero-width spaces and a word joiner", "\u200b\u200b\n\u2060\n"],
    ["a single zero-width space", "\u200b"],
    ["a BOM, a soft hyphen and bidi marks", "\ufeff\u00ad\r\n\u200e\u200f\u202a\u2066\n"],
  ])("(%s) gets no public card; the person who shared it is told privately it is empty", async (_, text) => {
    const { posts, privately } = await send(mention([logFile("sbc-export.log", text)]));
    expect(posts).toEqual([]);
    expect(privately).toHaveLength(1);
    expect(privately[0]).toMatchObject({ channel: "C1", user: "U1", thread_ts: THREAD });
    expect(String(privately[0]?.text)).toContain("I skipped sbc-export.log: it is empty");
    expect(String(privately[0]?.text)).not.toMatch(/No error codes found|What would you like to look up/);
  });

  it("beside a real log, the log is answered and the invisible one named in a note", async () => {
    const { posts, privately } = await send(
      mention([logFile("ghost.log", "\u200b\u2060\n"), logFile("pbx.log", PASTED_488)]),
    );
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(/SIP 488 Not Acceptable Here/);
    expect(notesOf(posts[0])).toContain("I skipped ghost.log: it is empty");
  });

  it("a code hidden between zero-width spaces is still read", async () => {
    const { posts, privately } = await send(mention([logFile("zw.log", `\u200b${PASTED_488}\u200b\n`)]));
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(/SIP 488 Not Acceptable Here/);
  });
});
