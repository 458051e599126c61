// The help card: every query form with an example, the same on every surface.
import type { Card } from "./card.js";

export const QUERY_EXAMPLES: ReadonlyArray<[string, string]> = [
  ["488", "a SIP response code (and every other meaning of the number)"],
  ["sip 488", "only the SIP meaning"],
  ["q850 16 / cause 16", "a Q.850 / ISDN cause value"],
  ["mobius 118", "a Webex Calling mobius-error"],
  ["mobius 503", "every Mobius 503"],
  ["acs 410/3112", "an Azure Communication Services code/subcode (also `acs 410 3112`, `acs 3112`)"],
  ["exotel 1008", "an Exotel trunk API error"],
  ["http 429", "an HTTP status seen in client logs"],
  ["one way audio", "a symptom or a reason phrase, typos welcome (`not aceptable`, `busy here`)"],
  [
    "timers",
    "the 2 AM guide timers; calculators: `timers expires=3600`, `timers t1=1s`, `timers session-expires=1800`, `timers 32s`",
  ],
  ["(paste a log)", "every code in it, the first failure, the likely failing component and a checklist"],
];

export function helpCard(surface: "cli" | "shell" | "slack" | "teams"): Card {
  const prefix =
    surface === "slack"
      ? "/sipcode "
      : surface === "teams"
        ? "@sipcode "
        : surface === "cli"
          ? "sipcode "
          : "";
  const items = QUERY_EXAMPLES.map(([q, what]) => `${prefix}${q} — ${what}`);
  const sections = [{ heading: "Ask about a code", items }];
  if (surface === "slack") {
    sections.push({
      heading: "In an incident thread",
      items: [
        "Mention @sipcode with a pasted log (or attach a .log/.txt file) and it replies in the thread.",
        "Slack has no slash commands in threads: there, mention @sipcode with the query (`@sipcode 488`).",
        "Or use the message shortcut “Explain error codes” on any message.",
      ],
    });
  }
  if (surface === "shell") {
    sections.push({
      heading: "In this shell",
      items: [
        "Paste a log and finish it with an empty line.",
        "`help` shows this, `quit` (or Ctrl-D) leaves.",
      ],
    });
  }
  return {
    title: "sipcode: telecom error codes, explained",
    subtitle:
      "SIP · Q.850 · Webex Calling (Mobius) · Azure Communication Services · Exotel · HTTP · media symptoms",
    severity: "info",
    fields: [],
    sections,
    checklist: [],
    links: [],
    others: [],
  };
}
