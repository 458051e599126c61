// FreeSWITCH's own hangup causes, which have no Q.850 value (MANAGER_REQUEST, NOT_ACCEPTABLE), that
// no catalog note explains (those that one does, like MEDIA_TIMEOUT or GATEWAY_DOWN, are quoted
// from it): what each means where that is certain. Others are named FreeSWITCH's, never guessed.

interface FreeswitchCause {
  /** What ended the call, in a sentence of its own. */
  when: string;
  /** Catalog ids that explain it further, the closest first. */
  related: readonly string[];
  /** The first related entry is the answer itself (found), not only a pointer. */
  answers?: true;
}

/** Names FreeSWITCH defines on top of Q.850 (switch_types.h), with what they mean in practice. */
export const FREESWITCH_CAUSES: Readonly<Record<string, FreeswitchCause>> = {
  MANAGER_REQUEST: {
    when: "a command ended the call (an API or event-socket request such as uuid_kill), not either party",
    related: [],
  },
  BLIND_TRANSFER: { when: "this leg ended because the call was blind-transferred elsewhere", related: [] },
  ATTENDED_TRANSFER: {
    when: "this leg ended because the call was transferred after consultation",
    related: [],
  },
  SYSTEM_SHUTDOWN: { when: "FreeSWITCH was shutting down", related: [] },
  BUSY_EVERYWHERE: {
    when: "FreeSWITCH's name for a SIP 600 Busy Everywhere answer",
    related: ["sip/600"],
    answers: true,
  },
  DECLINE: { when: "FreeSWITCH's name for a SIP 603 Decline answer", related: ["sip/603"], answers: true },
  DOES_NOT_EXIST_ANYWHERE: {
    when: "FreeSWITCH's name for a SIP 604 Does Not Exist Anywhere answer",
    related: ["sip/604"],
    answers: true,
  },
  NOT_ACCEPTABLE: {
    when: "FreeSWITCH's name for a SIP 606 Not Acceptable answer",
    related: ["sip/606"],
    answers: true,
  },
  UNWANTED: { when: "FreeSWITCH's name for a SIP 607 Unwanted answer", related: ["sip/607"], answers: true },
};

/**
 * Names FreeSWITCH defines without a meaning the catalog can state with certainty: they are still
 * named as FreeSWITCH's own, so nobody looks for them in Q.850.
 */
export const FREESWITCH_ONLY: ReadonlySet<string> = new Set([
  "NO_PICKUP",
  "USER_CHALLENGE",
  "SRTP_READ_ERROR",
  "BOWOUT",
  "INVALID_PROFILE",
  "CRASH",
]);
