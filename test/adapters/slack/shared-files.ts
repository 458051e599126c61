// Files shared in Slack as the file tests need them: a file Slack describes and serves from its file
// host (faked with nock), the mention or own-DM event that shares it, and sending that event to the
// real server until the thread, the DM or the sharer heard back.
import nock from "nock";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, into, postSigned, SLACK_API, until } from "./harness.js";

let n = 0;

/** A file Slack labels text (`text/plain`), served at /files/<id> with `content` and `contentType`. */
export function sharedFile(name: string, content: string | Buffer, contentType = "text/plain"): Body {
  n++;
  const path = `/files/shared${n}`;
  nock(SLACK_API).get(path).reply(200, content, { "content-type": contentType });
  return {
    id: `FSHARED${n}`,
    name,
    title: name,
    mimetype: "text/plain",
    filetype: "text",
    size: Buffer.byteLength(content),
    url_private_download: `${SLACK_API}${path}`,
  };
}

/** An @-mention sharing `files`, in `thread_ts` when given (else top level). */
export function fileMention(files: Body[], where: { thread_ts?: string } = {}, text = "<@UBOT>"): Body {
  n++;
  const ts = `1700000900.${String(100000 + n).padStart(6, "0")}`;
  return { type: "app_mention", user: "U1", channel: "C1", ts, text, files, ...where };
}

/** `files` shared in sipcode's own DM. */
export function fileInOwnDm(files: Body[]): Body {
  n++;
  const ts = `1700000950.${String(100000 + n).padStart(6, "0")}`;
  return {
    type: "message",
    subtype: "file_share",
    channel: "D0BOTDM1",
    channel_type: "im",
    user: "U1",
    ts,
    event_ts: ts,
    text: "",
    files,
  };
}

/** Sends the event; resolves once the thread, the DM or the user heard back. */
export async function sendFileEvent(
  server: RunningServer,
  event: Body,
): Promise<{ posts: Body[]; privately: Body[] }> {
  const posts: Body[] = [];
  const privately: Body[] = [];
  nock(SLACK_API)
    .post("/api/chat.postMessage", into(posts))
    .times(2)
    .reply(200, { ok: true, ts: "1700000900.000900" });
  const note = nock(SLACK_API).post("/api/chat.postEphemeral", into(privately)).reply(200, { ok: true });
  await postSigned(server, eventBody(event), "application/json");
  await until(() => posts.length > 0 || note.isDone());
  await new Promise((r) => setTimeout(r, 150)); // a checklist, or a stray post, comes after
  return { posts, privately };
}
