// A voicemail step speaks only for the call it ran in: a busy call that hung up is not said to have
// gone to voicemail because another call in the same log did.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const fsBusy = [
  "aaaaaaaa-0000-4000-8000-000000000001 2024-03-05 03:20:01.101234 [DEBUG] switch_core_session.c:2919 EXECUTE [depth=0] sofia/internal/1001@10.0.0.5 bridge(user/2001)",
  "bbbbbbbb-0000-4000-8000-000000000001 2024-03-05 03:20:02.101234 [NOTICE] sofia.c:8736 Hangup sofia/internal/2001@10.0.0.21:5060 [CS_CONSUME_MEDIA] [USER_BUSY]",
  "aaaaaaaa-0000-4000-8000-000000000001 2024-03-05 03:20:02.102234 [DEBUG] switch_ivr_originate.c:3803 Originate Resulted in Error Cause: 17 [USER_BUSY]",
  "aaaaaaaa-0000-4000-8000-000000000001 2024-03-05 03:20:02.201234 [NOTICE] switch_channel.c:4052 Hangup sofia/internal/1001@10.0.0.5 [CS_EXECUTE] [USER_BUSY]",
];
const fsVoicemail = [
  "cccccccc-0000-4000-8000-000000000003 2024-03-05 03:20:05.101234 [DEBUG] switch_core_session.c:2919 EXECUTE [depth=0] sofia/internal/1003@10.0.0.7 bridge(user/3001)",
  "dddddddd-0000-4000-8000-000000000003 2024-03-05 03:20:35.101234 [NOTICE] sofia.c:8736 Hangup sofia/internal/3001@10.0.0.23:5060 [CS_CONSUME_MEDIA] [NO_ANSWER]",
  "cccccccc-0000-4000-8000-000000000003 2024-03-05 03:20:35.102234 [DEBUG] switch_ivr_originate.c:3803 Originate Resulted in Error Cause: 19 [NO_ANSWER]",
  "cccccccc-0000-4000-8000-000000000003 2024-03-05 03:20:35.201234 [DEBUG] switch_core_session.c:2919 EXECUTE [depth=0] sofia/internal/1003@10.0.0.7 voicemail(default 10.0.0.1 3001)",
];

describe("FreeSWITCH: voicemail on another channel UUID", () => {
  it("keeps a busy call's first failure and component when a later call went to voicemail", () => {
    const a = run([...fsBusy, ...fsVoicemail].join("\n"));
    expect(a.firstFailure?.code).toBe(17);
    expect(a.summary).toMatch(/The first failure is Q\.850 cause 17 User busy on line 2/);
    expect(a.summary).not.toMatch(/voicemail/);
    expect(a.failingComponent).not.toMatch(/^none/);
  });

  it("still leads with voicemail when the failed leg is the bridge of the call that reached it", () => {
    const a = run(fsVoicemail.join("\n"));
    expect(a.summary).toMatch(/The call went to voicemail \(FreeSWITCH's voicemail application on line 4\)/);
    expect(a.failingComponent).toMatch(/^none;/);
  });
});

describe("Asterisk: voicemail in another [C-…] call", () => {
  const log = [
    '[2024-03-05 03:20:01] VERBOSE[12345][C-00000001] pbx.c:     -- Executing [2001@from-internal:1] Dial("PJSIP/1001-00000001", "PJSIP/2001,20") in new stack',
    "[2024-03-05 03:20:02] VERBOSE[12345][C-00000001] app_dial.c:     -- PJSIP/2001-00000002 is busy",
    '[2024-03-05 03:20:02] VERBOSE[12345][C-00000001] pbx.c:     -- Executing [2001@from-internal:2] Hangup("PJSIP/1001-00000001", "17") in new stack',
    "[2024-03-05 03:20:23] VERBOSE[12400][C-00000002] app_dial.c:   == Nobody picked up in 20000 ms",
    '[2024-03-05 03:20:23] VERBOSE[12400][C-00000002] pbx.c:     -- Executing [3001@from-internal:2] VoiceMail("PJSIP/1003-00000003", "3001@default,u") in new stack',
  ];

  it("does not say the busy call went to voicemail", () => {
    const a = run(log.join("\n"));
    expect(a.firstFailure?.code).toBe(17);
    expect(a.summary).not.toMatch(/voicemail/);
    expect(a.failingComponent).not.toMatch(/^none/);
  });

  it("does say so when the voicemail step is in the busy call itself", () => {
    const same = log.map((l) => l.replace("[12400][C-00000002]", "[12345][C-00000001]"));
    const a = run(same.join("\n"));
    expect(a.summary).toMatch(/The call went to voicemail \(Asterisk's VoiceMail\(\) on line 5\)/);
  });

  it("does not claim a voicemail step the log cannot tie to the failed call", () => {
    const untied = [...log.slice(0, 4), log[4]?.replace("VERBOSE[12400][C-00000002] ", "") ?? ""];
    const a = run(untied.join("\n"));
    expect(a.summary).not.toMatch(/went to voicemail/);
  });
});
