// A one-line paste that names one code ("SIP/2.0 486 Busy Here" in Slack or Teams) is answered
// with that code's card (meaning, causes, other meanings), not with a one-row timeline; longer
// pastes, lines with several codes and an explicit "scan" keep the scan answer.
import { describe, expect, it } from "vitest";
import { cardsToText } from "../../src/render/text.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const title = (input: string) => respond(catalog(), input, "slack").cards[0]?.title;

describe("one pasted line", () => {
  it.each([
    ["SIP/2.0 486 Busy Here", "SIP 486 Busy Here"],
    ["HANGUPCAUSE=34", "Q.850 cause 34 No circuit/channel available"],
    ["Reason: Q.850;cause=41", "Q.850 cause 41 Temporary failure"],
    ["mobius-error: 118", "Mobius 403 · mobius-error 118 Not Acceptable"],
  ])("%s gets the card of its code", (line, want) => {
    const reply = respond(catalog(), line, "teams");
    expect(reply.kind).toBe("scan");
    expect(reply.cards[0]?.title).toBe(want);
    expect(cardsToText(reply.cards)).toMatch(/Likely causes/);
  });

  it("with two codes keeps the scan answer", () => {
    expect(title("Reason: Q.850;cause=17 on SIP/2.0 503 Service Unavailable")).toMatch(/^First failure/);
  });

  it("scanned on request keeps the scan answer", () => {
    expect(title("scan SIP/2.0 486 Busy Here")).toMatch(/^First failure: SIP 486/);
    expect(title("scan nothing to see here")).toBe("No error codes found");
  });

  it("without a code the scanner knows is answered as a question", () => {
    expect(title("callEndReason 410/3112")).toMatch(/^ACS 410\/3112/);
  });

  it("across two lines keeps the scan answer", () => {
    expect(title("SIP/2.0 486 Busy Here\nCSeq: 1 INVITE")).toMatch(/^First failure: SIP 486/);
  });
});

describe("timer words in chat", () => {
  it.each([
    ["timer B fired", /^Timer: Timer B$/],
    ["Timer F expired", /^Timer: Timer F$/],
    ["timer t1=2s", /^SIP and Webex Calling timers$/],
    ["timer 32s", /^SIP and Webex Calling timers$/],
  ])("%s", (input, want) => {
    expect(title(input)).toMatch(want);
  });
});

describe("one log line the catalog has no entry for", () => {
  it.each([
    ["HANGUPCAUSE=52", /^Q\.850 has no cause 52\. FreeSWITCH and Asterisk use 52 for OUTGOING_CALL_BARRED/],
    ["SIP/2.0 418 Whatever", /^SIP 418 is not a registered response code/],
  ])("%s is explained by namespace and number", (line, want) => {
    expect(respond(catalog(), line, "slack").cards[0]?.subtitle).toMatch(want);
  });

  it.each([
    [
      "[ERROR] sofia.c:1234 Hangup sofia/external/1000@10.0.0.5 [CS_EXECUTE] [USER_BUSY]",
      "Q.850 cause 17 User busy",
    ],
    ["Disconnect Cause=0x22", "Q.850 cause 34 No circuit/channel available"],
  ])("%s, which no question matches, is read as the log line it is", (line, want) => {
    expect(title(line)).toBe(want);
  });
});
