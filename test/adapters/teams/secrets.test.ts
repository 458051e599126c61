// Pasted secrets never reach Teams: a log or a question carrying a digest nonce/response, a Bearer JWT,
// api_key= and password= is answered over HTTP through the real server, and every body the connector
// receives (the reply, the ticked card, the opened card), every invoke answer and the stored reminder
// are searched for them, the signed checklist snapshots decompressed first.
import { inflateRawSync } from "node:zlib";
import type { Activity } from "botbuilder";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { actionsOf, BOB, CONVERSATIONS, cardOf, cardText, executeInvoke, message } from "./helpers.js";
import { CONNECTOR, env, guardNetwork, post } from "./http-harness.js";

const SECRET = {
  nonce: "84a4cc6f3082121f32b42a2187831a9e",
  response: "7587245234b3434cc3412213e5f113a5",
  jwt: "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSJ9.c2lnbmF0dXJlLXBhcnQ",
  apiKey: "sk_live_9f8e7d6c5b4a3f2e",
  password: "Tr0ub4dor-and-3",
};

const PASTE = [
  "INVITE sip:bob@pbx.example.com SIP/2.0",
  "CSeq: 1 INVITE",
  "",
  "SIP/2.0 401 Unauthorized",
  `WWW-Authenticate: Digest realm="pbx.example.com", nonce="${SECRET.nonce}", algorithm=MD5`,
  "CSeq: 1 INVITE",
  "",
  "INVITE sip:bob@pbx.example.com SIP/2.0",
  `Authorization: Digest username="alice", realm="pbx.example.com", nonce="${SECRET.nonce}", uri="sip:bob@pbx.example.com", response="${SECRET.response}"`,
  "CSeq: 2 INVITE",
  "",
  "SIP/2.0 403 Forbidden",
  "CSeq: 2 INVITE",
  `02:10:01 provisioning call got HTTP 401, sent Authorization: Bearer ${SECRET.jwt}`,
  `02:10:02 trunk config api_key=${SECRET.apiKey} password=${SECRET.password} nonce=${SECRET.nonce}`,
].join("\n");

/** Short single lines are read as questions (explain), not as logs: each is under 200 characters. */
const QUESTIONS = [
  `403 from the trunk with api_key=${SECRET.apiKey} password=${SECRET.password}`,
  `403 after Bearer ${SECRET.jwt}`,
  `403 nonce="${SECRET.nonce}" response="${SECRET.response}"`,
];

/** Everything in `x` a Teams client could read, with every checklist snapshot decompressed. */
function readable(x: unknown): string {
  let s = JSON.stringify(x);
  for (const m of s.matchAll(/z:[\w-]+\.([\w-]+)/g)) {
    s += inflateRawSync(Buffer.from(m[1] ?? "", "base64url")).toString("utf8");
  }
  return s;
}

function expectNoSecrets(x: unknown): void {
  const text = readable(x);
  for (const [name, value] of Object.entries(SECRET)) {
    expect(text.includes(value), `${name} leaked`).toBe(false);
  }
}

guardNetwork();

describe("pasted secrets on Teams", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(env(), { catalog: catalog() });
  });
  afterAll(() => server.close());

  const encoded = encodeURIComponent(CONVERSATIONS.channel.id);
  const path = (id = "") => `/amer/v3/conversations/${encoded}/activities/${id}`;

  const cases: Array<[string, string, RegExp]> = [
    ["a pasted log", PASTE, /^First failure: SIP 403 Forbidden/],
    ...QUESTIONS.map((q, i): [string, string, RegExp] => [`question ${i + 1}`, q, /SIP 403 Forbidden/]),
  ];
  it.each(cases)(
    "never sends them in %s's answer or its buttons' follow-ups",
    async (_label, text, title) => {
      // The answer, in the channel thread.
      const incoming = message("channel", text);
      const sent: Partial<Activity>[] = [];
      const capture = (b: Partial<Activity>) => sent.push(b) > 0;
      nock(CONNECTOR).post(path(incoming.id), capture).reply(200, { id: "reply-1" });
      expect((await post(server.port, incoming)).status).toBe(200);
      const card = cardOf(sent[0]);
      expect(cardText(card)).toMatch(title);
      expectNoSecrets(sent);

      // Bob ticks an item: the invoke answer and the in-place update.
      const tick = actionsOf(card).find((a) => a.verb === "tick");
      expect(tick).toBeDefined();
      const tickData = { ...(tick?.data as object), "check-0": "true" };
      nock(CONNECTOR).put(path("reply-1"), capture).reply(200, { id: "reply-1" });
      const ticked = await post(
        server.port,
        executeInvoke("channel", "tick", tickData, { from: BOB, replyToId: "reply-1" }),
      );
      expect(cardText(ticked.body?.value)).toContain("✓ Bob Builder");
      expect(cardText(cardOf(sent[1]))).toContain("✓ Bob Builder");
      expectNoSecrets([ticked.body, sent[1]]);

      // "Remind me in 15 min": the confirmation, and the reminder waiting in the store.
      const remind = actionsOf(card).find((a) => a.verb === "remind");
      const remindInvoke = executeInvoke("channel", "remind", remind?.data as Record<string, unknown>);
      const confirmed = await post(server.port, remindInvoke);
      expect(String(confirmed.body?.value)).toMatch(/^I'll remind this thread at/);
      const waiting = await server.store.lease("teams", Date.now() + 3_600_000, 60_000, 10);
      expect(waiting).toHaveLength(1);
      for (const r of waiting) await server.store.complete(r);
      expectNoSecrets([confirmed.body, waiting]);

      // A related-code button: the card it posts, and the invoke answer.
      const open = actionsOf(card).find((a) => a.verb === "open");
      expect(open).toBeDefined();
      const openInvoke = executeInvoke("channel", "open", open?.data as Record<string, unknown>);
      nock(CONNECTOR).post(path(openInvoke.id), capture).reply(200, { id: "reply-2" });
      const opened = await post(server.port, openInvoke);
      expect(opened.body?.value).toMatch(/^Opened /);
      expect(cardOf(sent[2])).toBeDefined();
      expectNoSecrets([opened.body, sent[2]]);
    },
  );

  it("re-issues a card whose checklist ref still carries a typed secret without it", async () => {
    // Cards sent before secrets were kept out of refs carry the question itself.
    const data = { verb: "tick", ref: `q:403 password=${SECRET.password}`, ticks: {}, "check-0": "true" };
    const res = await post(server.port, executeInvoke("personal", "tick", data));
    expect(cardText(res.body?.value)).toContain("✓ Alice Example");
    const tick = actionsOf(res.body?.value).find((a) => a.verb === "tick");
    const ref = String((tick?.data as { ref?: unknown } | undefined)?.ref);
    expect(ref).toMatch(/^z:/);
    expectNoSecrets(res.body);
  });

  it("marks a secret out of a question the answer repeats back", async () => {
    const res = await post(server.port, {
      ...message("personal", `search zzqx password=${SECRET.password}`),
      deliveryMode: "expectReplies",
    });
    // The answer quotes what it searched for: the words, with the secret marked out. (A word the
    // catalog describes, like "password" alone, is answered with the entries that discuss it.)
    expect(cardText(cardOf(res.body?.activities?.[0]))).toMatch(/"zzqx password\W+redacted\W*"/);
    expectNoSecrets(res.body);
  });
});
