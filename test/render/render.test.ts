// Renderers: representative output pinned, every catalog entry within every Slack limit, and no
// secret from a pasted log surviving into any renderer's output.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { toAdaptiveCard } from "../../src/render/adaptive-card.js";
import { toBlocks } from "../../src/render/block-kit.js";
import { explainCards } from "../../src/render/card.js";
import { scanCard } from "../../src/render/scan-card.js";
import { checklistMessage } from "../../src/render/slack-checklist.js";
import { cardsToText, cardToMarkdown } from "../../src/render/text.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";
import { slackViolations } from "./slack-limits.js";

function bigPaste(chars = 40_000): string {
  const lines: string[] = [];
  let i = 0;
  while (lines.join("\n").length < chars) {
    const code = [100, 180, 183, 200, 401, 403, 404, 408, 480, 486, 487, 488, 500, 503, 603][i % 15];
    lines.push(
      `2024-05-01T10:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.123Z SIP/2.0 ${code} X`,
    );
    lines.push(`CSeq: ${i} INVITE`, `Call-ID: call-${i}@10.0.${i % 255}.1`, "");
    lines.push(
      `Reason: Q.850;cause=${(i % 127) + 1}`,
      `{"callEndReason": {"code": 410, "subCode": ${3100 + (i % 13)}}}`,
      "",
    );
    i++;
  }
  return lines.join("\n").slice(0, chars);
}

describe("text renderer", () => {
  it("renders an entry card as readable text", () => {
    const text = cardsToText(explainCards(explain(catalog(), "exotel 1008")));
    expect(text.split("\n").slice(0, 4).join("\n")).toMatchInlineSnapshot(`
      "Exotel API 1008 Duplicate resource
      API error

        Code                  1008"
    `);
  });

  it("renders an unknown code with the class meaning and suggestions", () => {
    const text = cardsToText(explainCards(explain(catalog(), "sip 499")));
    expect(text).toMatch(/^No entry for "sip 499"/);
    expect(text).toMatch(/handle it as 400 Bad Request/);
    expect(text).toMatch(/What the class means/);
  });

  it("renders markdown with a checklist", () => {
    const [card] = explainCards(explain(catalog(), "488"));
    if (!card) throw new Error("no card");
    const md = cardToMarkdown(card);
    expect(md).toMatch(/^\*\*SIP 488 Not Acceptable Here\*\*/);
    expect(md).toMatch(/- \[ \] /);
  });
});

describe("Block Kit limits", () => {
  it("keeps every catalog entry's card within every limit", () => {
    const bad: string[] = [];
    for (const e of catalog().entries) {
      const msg = toBlocks(explainCards(explain(catalog(), e.id)), {
        buttons: { share: true, checklist: true, related: true },
        ref: `q:${e.id}`,
      });
      const v = slackViolations(msg);
      if (v.length > 0) bad.push(`${e.id}: ${v.join(", ")}`);
    }
    expect(bad).toEqual([]);
  });

  it("keeps ambiguous answers (403, 0, 503), help and timers within every limit", () => {
    for (const q of ["403", "0", "503", "404", "help", "timers", "timers t1=1s expires=3600 32s ims"]) {
      const reply = respond(catalog(), q, "slack");
      expect(
        slackViolations(toBlocks(reply.cards, { buttons: { share: true, checklist: true, related: true } })),
        q,
      ).toEqual([]);
    }
  });

  it("keeps a 40,000-character paste within every limit and says what was left out", () => {
    const reply = respond(catalog(), bigPaste(), "slack");
    expect(reply.kind).toBe("scan");
    const msg = toBlocks(reply.cards, {});
    expect(slackViolations(msg)).toEqual([]);
    expect(JSON.stringify(msg.blocks)).toMatch(/… and \d+ more/);
  });

  it("keeps a full checklist within the checkbox limits", () => {
    const items = Array.from({ length: 14 }, (_, i) => ({ text: `Check number ${i} `.repeat(12) }));
    expect(slackViolations(checklistMessage({ title: "x".repeat(400), items }))).toEqual([]);
  });
});

describe("redaction", () => {
  const secrets = [
    "dcd98b7102dd2f0ed8cd39f4c9b2e1a7",
    "6629fae49393a05397450978507c4ef1",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "xoxb-1234-5678-abcdefghijkl",
    "s3cr3tPassw0rd",
    "K8sApiKeyValue99",
    "icepwdX9y8z7w6v5u4t3s2r1",
    "opaqueTOKEN0123456789abcdef0123456789",
    "r3d1sS3cretPw",
    "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz",
    "Zm9vYmFyQWNjZXNzS2V5PT0",
    "AbCdEf123456%2B%2Fsig",
    "XXXXXXXXXXXXwebhookXXXXXXXX",
    "sessionCookie4242",
    "hunter5pass",
    "AKIAIOSFODNN7EXAMPLE",
    "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    "Winter2024!",
    "Tr0ub4dor",
    "Spring2024",
    "5f4dcc3b5aa765d61d8327deb882cf99",
    // A password holding `@`: neither part of it may show.
    "S3cr3tP@ss!",
    "ss!@pbx",
    "Hunter2Db",
    "sha2hashvalue99",
    "camelCaseSecret7",
    // A Basic credential (base64 of an API KEY:TOKEN) logged by an app, not as a header.
    "YTFiMmMzZDRlNWY2YTdiOGM5ZDA6ZjBlOWQ4YzdiNmE1ZjRlMw==",
  ];
  /** National numbers without `+`, each where the line says it is a number. */
  const numbers = [
    "09810012345",
    "08045671234",
    "4155550123",
    "4155550188",
    "4155550177",
    "4155550166",
    "4155550155",
    "02079460958",
  ];
  const log = [
    "2024-05-01T10:00:00.000Z SIP/2.0 401 Unauthorized",
    `WWW-Authenticate: Digest realm="sip.example.com", nonce="${secrets[0]}"`,
    "CSeq: 1 REGISTER",
    "",
    `Authorization: Digest username="alice", realm="sip.example.com", nonce="${secrets[0]}", response="${secrets[1]}"`,
    `2024-05-01T10:00:01.000Z request failed with status code 403 Authorization: Bearer ${secrets[2]}`,
    `token=${secrets[3]} password=${secrets[4]} api_key: ${secrets[5]}`,
    `a=ice-pwd:${secrets[6]}`,
    "2024-05-01T10:00:02.000Z SIP/2.0 403 Forbidden from sip:+14155550123@carrier.example.com",
    // The excerpt around a code deep in a long line starts after the header name it belongs to.
    `${"x".repeat(300)} Authorization: Bearer ${secrets[7]} SIP/2.0 503 Service Unavailable ${"z".repeat(200)}`,
    `2024-05-01T10:00:03.000Z 502 Bad Gateway upstream redis://:${secrets[8]}@redis.internal:6379/0`,
    `SIP/2.0 603 Decline a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:${secrets[9]}|2^20|1:32`,
    `SIP/2.0 480 Temporarily Unavailable endpoint=https://acs-x.communication.azure.com/;accesskey=${secrets[10]}`,
    `SIP/2.0 404 Not Found https://x.blob.core.windows.net/logs?sv=2021-08-06&sig=${secrets[11]}`,
    `2024-05-01T10:00:04.000Z got 500 from https://hooks.slack.com/services/T000/B000/${secrets[12]}`,
    `SIP/2.0 486 Busy Here Cookie: session=${secrets[13]}`,
    `SIP/2.0 500 Server Internal Error pass=${secrets[14]}`,
    `2024-05-01T10:00:05.000Z upload failed 403 Forbidden key id ${secrets[15]} via ${secrets[16]}`,
    `2024-05-14T02:40:16.000Z ERROR config sip_password=${secrets[17]} registration to 198.51.100.10 failed: 403 Forbidden`,
    `2024-05-14T02:40:16.100Z ERROR REGISTER sip:alice:${secrets[18]}@atlanta.example.com failed 403 Forbidden`,
    `2024-05-14T02:40:16.200Z ERROR auth_pass=${secrets[19]} trunk registration: SIP/2.0 401 Unauthorized`,
    `2024-05-14T02:40:16.300Z ERROR subscriber ha1=${secrets[20]} auth failed -> SIP/2.0 403 Forbidden`,
    "2024-05-14T02:40:16.400Z WARN  retrying POST https://admin:S3cr3tP@ss!@pbx.example.net:8089/ari/channels -> HTTP 403 Forbidden",
    `2024-05-14T02:40:16.500Z DB_PASSWORD=${secrets[23]} ha1b=${secrets[24]} dbPassword=${secrets[25]} SIP/2.0 500 Server Internal Error`,
    `2024-05-14 02:31:17 ERROR dialer - call From=${numbers[0]} To=${numbers[1]} CallerId=${numbers[2]} failed: SIP/2.0 486 Busy Here`,
    `[2024-05-14 02:31:18] VERBOSE[31337] pbx.c: Executing [${numbers[2]}@from-pstn:1] Dial("PJSIP/${numbers[3]}@trunk") HANGUPCAUSE=34`,
    `2024-05-14 02:31:19 INVITE tel:${numbers[4]} failed 404 Not Found`,
    `2024-05-14 02:31:20 call from ${numbers[5]} rejected: SIP/2.0 603 Decline CSeq: 1234567 INVITE Call-ID: 7654321098@10.0.0.1`,
    `2024-05-14T02:31:21Z ERROR exotel auth failed: Basic ${secrets[26]} rejected with 401 by api.exotel.com`,
    `Mar  5 03:20:03 10.1.1.5 local0.notice  [S=2345710] [SID=d4a2b8:12:98771] (N 71234610) CALL_RELEASED: Cause=17 SrcPhoneNum=${numbers[6]} DstPhoneNum=${numbers[7]}`,
  ].join("\n");

  it("never echoes a planted secret in any renderer's output", () => {
    const scan = scanText(catalog(), log);
    const card = scanCard(analyze(catalog(), scan));
    const outputs = [
      JSON.stringify(scan.findings),
      cardsToText([card]),
      cardToMarkdown(card),
      JSON.stringify(toBlocks([card])),
      JSON.stringify(respond(catalog(), log, "slack").cards),
      JSON.stringify(toAdaptiveCard([card])),
    ];
    for (const out of outputs) {
      for (const s of secrets) expect(out).not.toContain(s);
      for (const n of numbers) expect(out).not.toContain(n);
    }
    expect(JSON.stringify(scan.findings)).not.toContain("+14155550123");
    // Every planted line was scanned: the codes are still reported, only the secrets are gone.
    const codes = scan.findings.map((f) => f.code);
    for (const code of [401, 403, 503, 502, 603, 480, 404, 500, 486, 34]) expect(codes).toContain(code);
    const excerpts = scan.findings.map((f) => f.text).join("\n");
    expect(excerpts).toContain("Authorization: [redacted]");
    // Only the secret goes: the key, the user and the host stay readable.
    for (const kept of [
      "sip_password=[redacted] registration to 198.51.100.10 failed: 403 Forbidden",
      "sip:alice:[redacted]@atlanta.example.com failed 403 Forbidden",
      "auth_pass=[redacted] trunk",
      "ha1=[redacted] auth failed",
      "https://[redacted]@pbx.example.net:8089/ari/channels -> HTTP 403 Forbidden",
      "DB_PASSWORD=[redacted] ha1b=[redacted] dbPassword=[redacted] SIP/2.0 500",
      // Numbers keep their first three and last two digits; codes, CSeq and Call-ID stay whole.
      "From=098••••••45 To=080••••••34 CallerId=415•••••23 failed: SIP/2.0 486 Busy Here",
      'Executing [415•••••23@from-pstn:1] Dial("PJSIP/415•••••88@trunk") HANGUPCAUSE=34',
      "INVITE tel:415•••••77 failed 404 Not Found",
      "call from 415•••••66 rejected: SIP/2.0 603 Decline CSeq: 1234567 INVITE Call-ID: 7654321098@10.0.0.1",
      "auth failed: Basic [redacted] rejected with 401",
      "SrcPhoneNum=415•••••55 DstPhoneNum=020••••••58",
    ])
      expect(excerpts).toContain(kept);
  });

  it("never echoes a secret typed into a question", () => {
    for (const q of ["zzqx password=hunter2xyz", "search api_key=hunter2xyz", "488 token=hunter2xyz"]) {
      const cards = respond(catalog(), q, "slack").cards;
      const outputs = [
        cardsToText(cards),
        JSON.stringify(toBlocks(cards)),
        JSON.stringify(toAdaptiveCard(cards)),
      ];
      for (const out of outputs) expect(out).not.toContain("hunter2xyz");
    }
    expect(cardsToText(respond(catalog(), "zzqx password=hunter2xyz", "cli").cards)).toMatch(
      /No entry for "zzqx password=\[redacted\]"/,
    );
    // The secret is not searched for either: the number still decides the answer.
    expect(respond(catalog(), "488 token=hunter2xyz", "cli").cards[0]?.title).toBe(
      "SIP 488 Not Acceptable Here",
    );
  });

  it("masks phone numbers and drops secrets in every echo of a question", () => {
    const questions = [
      "From: <sip:+14155550123@carrier.net>;tag=a1 486 Busy Here",
      "INVITE sip:+14155550123@carrier.net SIP/2.0",
      "Contact: <sip:%2B14155550123@10.0.0.1>",
      "To: <sip:09810012345@pbx.example.com> password=hunter2xyz",
      "486 Busy Here from sip:4155550188@carrier.net token=hunter2xyz",
      "got a 503 calling +14155550123 api_key=hunter2xyz",
      "callerid=4155550177 no audio",
      "zzqx sip:+14155550123@carrier.net password=hunter2xyz",
      'Warning: 399 sip.carrier.net "Calling number +14155550123 not provisioned"',
    ];
    const hidden = ["hunter2xyz", "4155550123", "4155550188", "4155550177", "9810012345", "55501"];
    for (const q of questions) {
      const r = explain(catalog(), q);
      const cards = explainCards(r);
      const outputs = [
        r.query,
        r.note ?? "",
        JSON.stringify(r.parsed),
        cardsToText(cards),
        ...cards.map(cardToMarkdown),
        JSON.stringify(toBlocks(cards)),
        JSON.stringify(toAdaptiveCard(cards)),
        ...(["slack", "teams", "cli"] as const).map((s) => JSON.stringify(respond(catalog(), q, s).cards)),
      ];
      for (const out of outputs) for (const h of hidden) expect(out, `${q}: ${out}`).not.toContain(h);
    }
    // The number is masked, not dropped: its first and last digits still say which one it was.
    expect(explain(catalog(), "Contact: <sip:%2B14155550123@10.0.0.1>").query).toMatch(/%2B141•+23@/);
  });
});
