// A call whose ring-group or queue legs were not answered or busy and that then went to voicemail:
// the summary leads with that outcome instead of blaming one extension's no answer or busy.
// The voicemail step comes from the scanner as an event (kind "voicemail", see scan/voicemail.ts).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { type ScanOutput, scanText, type TimingEvent } from "../../src/engine/scan/scanner.js";
import { voicemailLine } from "../../src/engine/scan/voicemail.js";
import { catalog } from "../helpers/catalog.js";

/** The scan of `log`, with the voicemail step the scanner records on `line`. */
function withStep(log: string, line: number, note: string): ScanOutput {
  const scan = scanText(catalog(), log);
  const step = { kind: "voicemail", line, tsMs: Number.NaN, note } as unknown as TimingEvent;
  return { ...scan, events: [...scan.events, step] };
}

const ringGroup = [
  "2024-05-02 09:10:00.100000 [NOTICE] switch_channel.c:1118 New Channel sofia/external/+12025550100@192.0.2.20 [0c1d2e3f-0000-4000-8000-000000000001]",
  "2024-05-02 09:10:00.130000 [NOTICE] switch_channel.c:1118 New Channel sofia/internal/2001@10.1.1.31:5060 [0c1d2e3f-0000-4000-8000-000000000002]",
  "2024-05-02 09:10:00.131000 [NOTICE] switch_channel.c:1118 New Channel sofia/internal/2002@10.1.1.32:5060 [0c1d2e3f-0000-4000-8000-000000000003]",
  "2024-05-02 09:10:25.131000 [NOTICE] sofia.c:1065 Hangup sofia/internal/2001@10.1.1.31:5060 [CS_CONSUME_MEDIA] [NO_ANSWER]",
  "2024-05-02 09:10:25.136000 [NOTICE] sofia.c:1065 Hangup sofia/internal/2002@10.1.1.32:5060 [CS_CONSUME_MEDIA] [NO_ANSWER]",
  "2024-05-02 09:10:25.140000 [INFO] mod_dptools.c:3745 Originate Failed.  Cause: NO_ANSWER",
  "2024-05-02 09:10:25.150000 [INFO] switch_cpp.cpp:1466 EXECUTE [depth=0] sofia/external/+12025550100@192.0.2.20 answer()",
  "2024-05-02 09:10:25.170000 [INFO] switch_cpp.cpp:1466 EXECUTE [depth=0] sofia/external/+12025550100@192.0.2.20 voicemail(default pbx.example.com 2000)",
  "2024-05-02 09:11:05.000000 [NOTICE] sofia.c:1065 Hangup sofia/external/+12025550100@192.0.2.20 [CS_EXECUTE] [NORMAL_CLEARING]",
].join("\n");

describe("ring-group legs not answered, then voicemail", () => {
  const a = analyze(catalog(), withStep(ringGroup, 8, "FreeSWITCH's voicemail application"));

  it("leads the summary with the call going to voicemail", () => {
    expect(a.firstFailure?.code).toBe(19);
    expect(a.summary).toMatch(
      /The call went to voicemail \(FreeSWITCH's voicemail application on line 8\) after the extensions it rang did not answer or were busy \(the first such result is Q\.850 cause 19 .* on line 4, 2024-05-02 09:10:25\.131000\)/,
    );
    expect(a.summary).not.toMatch(/The first failure is/);
  });

  it("names no failing component, and says where to look if the call should have been answered", () => {
    expect(a.failingComponent).toMatch(/^none; the PBX sent the call to voicemail \(line 8\)/);
  });

  it("reads as before when the log shows no voicemail step", () => {
    const noStep = ringGroup
      .split("\n")
      .filter((l) => !l.includes("voicemail("))
      .join("\n");
    const plain = analyze(catalog(), scanText(catalog(), noStep));
    expect(plain.summary).toMatch(/The first failure is Q\.850 cause 19/);
    expect(plain.summary).not.toMatch(/voicemail/);
  });
});

describe("a queue member busy, then voicemail", () => {
  const queue = [
    "[2024-05-02 09:30:00] VERBOSE[5012][C-00000042] app_queue.c: Called PJSIP/2001",
    "[2024-05-02 09:30:16] VERBOSE[5012][C-00000042] app_queue.c: PJSIP/2002-00000085 is busy",
    "[2024-05-02 09:30:31] VERBOSE[5012][C-00000042] app_queue.c: Nobody picked up in 15000 ms",
    '[2024-05-02 09:30:31] VERBOSE[5012][C-00000042] pbx.c: Executing [2000@from-pstn:2] VoiceMail("PJSIP/carrier-in-00000081", "2000@default,u") in new stack',
  ].join("\n");

  it("does not present the member's busy as the incident's cause", () => {
    const a = analyze(catalog(), withStep(queue, 4, "Asterisk's VoiceMail()"));
    expect(a.summary).toMatch(
      /^Found .*\. The call went to voicemail \(Asterisk's VoiceMail\(\) on line 4\)/,
    );
    expect(a.summary).toMatch(/\(the first such result is Q\.850 cause 17 User busy on line 2/);
    expect(a.failingComponent).toMatch(/^none;/);
  });
});

describe("another failure before the voicemail step", () => {
  it("keeps the first failure and tells the voicemail step after it", () => {
    const log = [
      "2024-05-02 09:10:00.121000 [ERR] switch_ivr_originate.c:2901 Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]",
      "2024-05-02 09:10:25.131000 [NOTICE] sofia.c:1065 Hangup sofia/internal/2001@10.1.1.31:5060 [CS_CONSUME_MEDIA] [NO_ANSWER]",
      "2024-05-02 09:10:25.170000 [INFO] switch_cpp.cpp:1466 EXECUTE [depth=0] sofia/external/+12025550100@192.0.2.20 voicemail(default pbx.example.com 2000)",
    ].join("\n");
    const a = analyze(catalog(), withStep(log, 3, "FreeSWITCH's voicemail application"));
    expect(a.summary).toMatch(
      /The first failure is .* on line 1 .* The call then went to voicemail \(FreeSWITCH's voicemail application on line 3\)\./,
    );
    expect(a.failingComponent).not.toMatch(/^none;/);
  });
});

describe("the voicemail lines the scanner records", () => {
  it("names each step in fixed words, without the line's channel or mailbox", () => {
    expect(
      voicemailLine(
        "2024-05-02 09:10:25.170000 [INFO] switch_cpp.cpp:1466 EXECUTE [depth=0] sofia/external/+12025550100@192.0.2.20 voicemail(default pbx.example.com 2000)",
      ),
    ).toBe("FreeSWITCH's voicemail application");
    expect(voicemailLine("EXECUTE sofia/internal/2001@10.1.1.31 voicemail(default example.com 2001)")).toBe(
      "FreeSWITCH's voicemail application",
    );
    expect(
      voicemailLine(
        '[2024-05-02 09:30:31] VERBOSE[5012][C-00000042] pbx.c: Executing [2000@from-pstn:2] VoiceMail("PJSIP/carrier-in-00000081", "2000@default,u") in new stack',
      ),
    ).toBe("Asterisk's VoiceMail()");
    expect(
      voicemailLine("[2024-05-02 09:31:02] VERBOSE[5012][C-00000042] app_voicemail.c: Recording the message"),
    ).toBe("app_voicemail recording the caller's message");
  });

  it("ignores lines that only mention voicemail", () => {
    expect(voicemailLine("set voicemail(default) as the no-answer destination")).toBeUndefined();
    expect(voicemailLine("pbx.c: Executing [s@macro-vm:1] Set(VoiceMail(x))")).toBeUndefined();
    expect(voicemailLine("Recording the message of the day")).toBeUndefined();
  });
});

describe("the voicemail step read by the scanner itself", () => {
  it("leads a FreeSWITCH ring group's summary with voicemail", () => {
    const a = analyze(catalog(), scanText(catalog(), ringGroup));
    expect(a.summary).toMatch(/The call went to voicemail \(FreeSWITCH's voicemail application on line 8\)/);
  });

  it("leads an Asterisk queue's summary with voicemail, from VoiceMail() in its dialplan", () => {
    const queue = [
      "[2024-03-05 02:30:16] VERBOSE[5012][C-00000042] app_queue.c: PJSIP/1002-00000085 is busy",
      "[2024-03-05 02:30:31] VERBOSE[5012][C-00000042] app_queue.c: Nobody picked up in 15000 ms",
      '[2024-03-05 02:30:31] VERBOSE[5012][C-00000042] pbx.c: Executing [8005559876@from-pstn:2] VoiceMail("PJSIP/carrier-in-00000081", "100@default,u") in new stack',
      "[2024-03-05 02:31:02] VERBOSE[5012][C-00000042] app_voicemail.c: Recording the message",
    ].join("\n");
    const a = analyze(catalog(), scanText(catalog(), queue));
    expect(a.summary).toMatch(/The call went to voicemail \(Asterisk's VoiceMail\(\) on line 3\)/);
    expect(a.summary).not.toContain("100@default");
  });
});
