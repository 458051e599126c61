// A shutdown while a log file shared with a mention is still downloading from a file host that
// never finishes: the download ends at the shutdown's deadline as a timeout, through the normal
// path (logged with the file's name), the reply is named, and the stop ends inside its window.
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import type { RunningServer } from "../../../src/server.js";
import { type FakeHttp, startFakeHttp } from "../../helpers/fake-http.js";
import { eventBody, postSigned, startSlackServer } from "./harness.js";

let api: FakeHttp | undefined;
let server: RunningServer | undefined;
const hold = new Set<() => void>();

afterEach(async () => {
  for (const done of hold) done();
  await server?.close();
  await api?.close();
  server = undefined;
  api = undefined;
});

describe("shutting down while a shared log file is still downloading", () => {
  it("ends the download at the deadline as a named timeout and stops within the window", async () => {
    // The file host takes the request and never answers; the Web API answers at once.
    api = await startFakeHttp(async (r) => {
      if (r.path.startsWith("/files/")) await new Promise<void>((done) => hold.add(done));
      return { body: { ok: true, ts: "1700000099.000100" } };
    });
    const logs: string[] = [];
    const logger = createLogger("info", {}, (line) => logs.push(line));
    server = await startSlackServer({ SLACK_API_URL: `${api.url}/api/` }, { logger });
    const event = {
      type: "app_mention",
      channel: "C7",
      user: "U1",
      ts: "1700000050.000500",
      thread_ts: "1700000040.000100",
      text: "<@UBOT>",
      files: [
        {
          id: "FSLOW1",
          name: "sbc.log",
          mimetype: "text/plain",
          filetype: "text",
          size: 4000,
          url_private_download: `${api.url}/files/sbc.log`,
        },
      ],
    };
    const ack = await postSigned(server, eventBody(event, "EvSlowFile1"), "application/json");
    expect(ack.status).toBe(200);
    await api.waitFor((r) => r.path.startsWith("/files/"));

    const began = performance.now();
    await server.close();
    const took = performance.now() - began;

    expect(took).toBeLessThan(8_000);
    const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(
      lines.find((l) => l.msg === "shutdown deadline: Slack calls still open are given up"),
    ).toMatchObject({
      left: 1,
      replies: [{ channel: "C7", event_id: "EvSlowFile1", ts: "1700000050.000500" }],
    });
    expect(lines.find((l) => l.msg === "file download failed")).toMatchObject({
      file: "FSLOW1",
      name: "sbc.log",
      code: "timeout",
      cutByShutdown: true,
    });
    expect(lines.some((l) => l.msg === "stopped with Slack replies unfinished")).toBe(false);
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: false });
  }, 20_000);
});
