// Card clicks and attached files over HTTP with a nock-faked Bot Connector: a tick's invoke is answered
// with the refreshed card without waiting for the message update; a tick from a client without
// Universal Actions (Action.Submit, or a card inserted from the compose search) is never lost when the
// update fails; a file attached to a mention is not mistaken for text, and the user is told it is
// not read.
import type { Activity } from "botbuilder";
import nock from "nock";
import { describe, expect, it, vi } from "vitest";
import { NOT_UPDATED } from "../../../src/adapters/teams/card-actions.js";
import { FILE_NOTE } from "../../../src/adapters/teams/files.js";
import type { RunningServer } from "../../../src/server.js";
import { CONVERSATIONS, cardOf, cardText, executeInvoke, invoke, message } from "./helpers.js";
import { CONNECTOR, guardNetwork, post, teamsServerPerFile } from "./http-harness.js";

guardNetwork();

let server: RunningServer;
teamsServerPerFile((s) => {
  server = s;
});

const encoded = encodeURIComponent(CONVERSATIONS.channel.id);
const tickData = { verb: "tick", ref: "q:488", ticks: {}, "check-0": "true" };

describe("a checklist tick", () => {
  it("answers the invoke with the ticked card at once, and updates the message after", async () => {
    const updates: Partial<Activity>[] = [];
    const put = nock(CONNECTOR)
      .put(`/amer/v3/conversations/${encoded}/activities/card-1`, (b) => updates.push(b) > 0)
      .delay(3_000)
      .reply(200, { id: "card-1" });
    const started = Date.now();
    const res = await post(server.port, executeInvoke("channel", "tick", tickData, { replyToId: "card-1" }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.body?.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(res.body?.value)).toContain("Alice Example");
    await vi.waitFor(() => expect(put.isDone()).toBe(true), { timeout: 5_000 });
    expect(cardText(cardOf(updates[0]))).toContain("Alice Example");
  });

  it("posts the ticked card when an Action.Submit tick cannot update the message", async () => {
    const incoming = message("channel", "", { mention: false, value: tickData, replyToId: "card-2" });
    const posted: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .put(`/amer/v3/conversations/${encoded}/activities/card-2`)
      .reply(403, { error: { code: "Forbidden" } })
      .post(`/amer/v3/conversations/${encoded}/activities/${incoming.id}`, (b) => posted.push(b) > 0)
      .reply(200, { id: "card-3" });
    expect((await post(server.port, incoming)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(posted[0]?.text).toBe(NOT_UPDATED);
    expect(cardText(cardOf(posted[0]))).toContain("Alice Example");
  });

  it("handles a click on a card inserted from the compose search (no Universal Actions)", async () => {
    const incoming = invoke("channel", "composeExtension/onCardButtonClicked", tickData, {
      replyToId: "users-message",
    });
    const posted: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .put(`/amer/v3/conversations/${encoded}/activities/users-message`)
      .reply(400, { error: { code: "BadArgument" } })
      .post(`/amer/v3/conversations/${encoded}/activities/${incoming.id}`, (b) => posted.push(b) > 0)
      .reply(200, { id: "r" });
    const res = await post(server.port, incoming);
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(scope.isDone()).toBe(true), { timeout: 5_000 });
    expect(posted[0]?.text).toBe(NOT_UPDATED);
    expect(cardText(cardOf(posted[0]))).toContain("SIP 488 Not Acceptable Here");
  });
});

describe("a file attached to a mention", () => {
  const file = {
    contentType: "reference",
    contentUrl: "https://contoso.sharepoint.com/sites/voice/Shared%20Documents/sbc.log",
    name: "sbc.log",
  };
  const withFile = (html: string) => {
    const m = message("channel", "", { html });
    return { ...m, attachments: [...(m.attachments ?? []), file] } as Activity;
  };
  const reply = async (incoming: Activity) => {
    const posted: Partial<Activity>[] = [];
    nock(CONNECTOR)
      .post(`/amer/v3/conversations/${encoded}/activities/${incoming.id}`, (b) => posted.push(b) > 0)
      .reply(200, { id: "r" });
    await post(server.port, incoming);
    return posted[0];
  };

  it("answers the question typed with it, ignoring the attachment marker", async () => {
    const r = await reply(withFile(`<p><at>sipcode</at> 488</p><attachment id="4f2c6a1e"></attachment>`));
    expect(cardText(cardOf(r))).toContain("SIP 488 Not Acceptable Here");
  });

  it.each([
    ["nothing else", `<p><at>sipcode</at></p><attachment id="4f2c6a1e"></attachment>`],
    [
      "words that ask nothing",
      `<p><at>sipcode</at> can you check this log</p><attachment id="x"></attachment>`,
    ],
  ])("says files are not read and to paste the lines, for a file with %s", async (_label, html) => {
    const r = await reply(withFile(html));
    expect(r?.text).toBe(FILE_NOTE);
    expect(JSON.stringify(r)).not.toContain("attachment id");
  });

  it("is explained on the help card", async () => {
    const r = await reply(message("channel", "help"));
    expect(cardText(cardOf(r))).toContain("Attached files and images are not read");
  });
});
