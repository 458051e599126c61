// SIP messages and webhooks as JSON tools write them: a message in a JSON string whose lines end in
// "\n" alone is opened like a "\r\n" one, a JSON time field anywhere on the line is read whole, and
// a pretty-printed webhook's codes get the time of the object they belong to.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (log: string) => scanText(catalog(), log);

describe("a SIP message in a JSON string", () => {
  const message = (key: string) =>
    `{"trunk_id":"tr0000000000000000000009","${key}":"2024-04-02T08:01:02.250Z","session":"s-1","sip_message":"\\nSIP/2.0 403 Forbidden\\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-q1\\nCall-ID: json-lf-1@192.0.2.10\\nCSeq: 4 INVITE\\nServer: Example Edge\\nContent-Length: 0\\n"}`;

  it("is opened when its lines end in \\n alone", () => {
    const f = scan(message("event_timestamp")).findings.find((x) => x.code === 403);
    expect(f?.method).toBe("INVITE");
    expect(f?.cseq).toBe(4);
    expect(f?.callId).toBe("json-lf-1@192.0.2.10");
    expect(f?.agent).toBe("Example Edge");
  });

  it("takes its time from event_timestamp, and keeps the milliseconds of a timestamp far along the line", () => {
    expect(scan(message("event_timestamp")).findings[0]?.timestamp).toBe("2024-04-02T08:01:02.250Z");
    expect(scan(message("timestamp")).findings[0]?.timestamp).toBe("2024-04-02T08:01:02.250Z");
  });
});

describe("a pretty-printed webhook", () => {
  const hook = [
    "{",
    '  "data": {',
    '    "event_type": "call.hangup",',
    '    "occurred_at": "2024-04-02T08:01:05.500000Z",',
    '    "payload": {',
    '      "call_quality_stats": {',
    '        "created_at": "2024-04-02T07:00:00Z"',
    "      },",
    '      "hangup_cause": "call_rejected",',
    '      "sip_hangup_cause": "503",',
    '      "state": "hangup"',
    "    }",
    "  }",
    "}",
  ].join("\n");

  it("gives the codes the time of their event, not of an object closed above them", () => {
    const codes = scan(hook).findings;
    expect(codes.length).toBeGreaterThan(0);
    for (const f of codes) expect(f.timestamp).toBe("2024-04-02T08:01:05.500000Z");
  });

  it("never borrows the time of the webhook before it", () => {
    const two = `{\n  "occurred_at": "2024-04-02T07:59:00Z",\n  "state": "ok"\n}\n${hook.replace('    "occurred_at": "2024-04-02T08:01:05.500000Z",\n', "")}`;
    const f = scan(two).findings.find((x) => x.code === 503);
    expect(f?.timestamp).toBeUndefined();
  });
});

describe("Telnyx webhooks on one line", () => {
  it("tie their codes to the call leg's call_control_id", () => {
    const f = scan(
      '{"data":{"event_type":"call.hangup","occurred_at":"2024-04-02T08:01:05.500000Z","payload":{"call_control_id":"v3:leg-one-0001","hangup_cause":"user_busy","sip_hangup_cause":"486"}}}',
    ).findings.find((x) => x.code === 486);
    expect(f?.callId).toBe("v3:leg-one-0001");
  });
});
