// Files and images attached to a Teams message: sipcode reads only the text of a message, so a
// mention that carries nothing but a file gets a sentence saying so, and the Teams help card says
// what it reads.
import type { Activity } from "botbuilder";
import type { Card } from "../../render/card.js";

export const FILE_NOTE =
  "I can't open files or images attached in Teams; I read only the text of the message. Paste the log lines into your message instead (a code block keeps them intact).";

/** Teams file attachments: a personal-chat file, a SharePoint file in a channel or group chat. */
const FILE_TYPES = new Set(["application/vnd.microsoft.teams.file.download.info", "reference"]);

/** How many files or images the message carries (its HTML body and cards are not files). */
export function fileCount(activity: Partial<Activity>): number {
  const attachments: unknown = activity.attachments;
  if (!Array.isArray(attachments)) return 0;
  let n = 0;
  for (const a of attachments as Array<{ contentType?: unknown } | null>) {
    const type = typeof a?.contentType === "string" ? a.contentType : "";
    if (FILE_TYPES.has(type) || type.startsWith("image/")) n++;
  }
  return n;
}

const TEAMS_HELP = {
  heading: "In a chat or channel",
  items: [
    "Mention @sipcode with a pasted log (a code block keeps its lines) and it replies in the thread.",
    "Attached files and images are not read: paste the log lines into the message instead.",
  ],
};

/** The help card with what sipcode reads on Teams, which the shared help card leaves to each surface. */
export function withTeamsHelp(cards: Card[]): Card[] {
  return cards.map((c, i) => (i === 0 ? { ...c, sections: [...c.sections, TEAMS_HELP] } : c));
}
