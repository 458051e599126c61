// A question holding a secret, over signed HTTP: the private card says it was a secret, the Share
// button carries it marked, and Share posts the card the user saw (the mark is never searched). A
// question that was only a secret has nothing to share: no Share or checklist button.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, ephemeralClick, postSigned, SLACK_API, slashCommand, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";

type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<{ action_id: string; value: string }>;
};

const blocksOf = (m: Body): Block[] =>
  (typeof m.blocks === "string" ? JSON.parse(m.blocks) : (m.blocks ?? [])) as Block[];
const titleOf = (m: Body) => blocksOf(m)[0]?.text?.text;

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

describe("Share in channel for a question holding a secret", () => {
  it.each(["password=hunter2xyz", "xoxb-123456-abcdefSECRET"])(
    "%s alone: the private card says it was a secret and offers nothing to share",
    async (q) => {
      const ack = (await (await postSigned(server, slashCommand(q), FORM)).json()) as Body;
      expect(JSON.stringify(ack)).toContain("That looks like a secret");
      expect(JSON.stringify(ack)).not.toMatch(/hunter2|SECRET/);
      const ids = blocksOf(ack).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
      expect(ids.map((a) => a.action_id)).not.toContain("share_in_channel");
      expect(ids.map((a) => a.action_id)).not.toContain("post_checklist");
    },
  );

  it.each(["sip 401 password=hunter2xyz", "488 token=abcdefSECRET123"])(
    "%s: Share posts the card the user saw, with no secret",
    async (q) => {
      const ack = (await (await postSigned(server, slashCommand(q), FORM)).json()) as Body;
      const share = blocksOf(ack)
        .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
        .find((a) => a.action_id === "share_in_channel");
      expect(share?.value).toContain("[redacted]");

      const shared: Body[] = [];
      const scope = nock(SLACK_API)
        .post("/respond/secret", (b: Body) => shared.push(b) > 0)
        .reply(200, { ok: true });
      const click = {
        type: "button",
        action_id: "share_in_channel",
        block_id: "b",
        value: share?.value,
        action_ts: "1",
      };
      await postSigned(server, ephemeralClick("secret", click), FORM);
      await until(() => scope.isDone());
      expect(shared[0]).toMatchObject({ response_type: "in_channel" });
      expect(titleOf(shared[0] ?? {})).toBe(titleOf(ack));
      expect(JSON.stringify(shared[0])).not.toMatch(/hunter2|SECRET|Rejected/);
    },
  );
});
