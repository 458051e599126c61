// Slack message text → what the user pasted: drop the bot mention and code fences, undo Slack's
// escaping and auto-linking so a trace scans exactly like the same trace on the CLI.

export function slackToPlain(text: string): string {
  return text
    .replace(/^\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>\s*)+/, "")
    .replace(/<((?:https?|mailto|sips?|tel):[^|>]+)\|([^>]*)>/g, (_, url: string, label: string) =>
      url.endsWith(label) || label.endsWith(url.replace(/^\w+:(\/\/)?/, "")) ? label : `${label} (${url})`,
    )
    .replace(/<((?:https?|mailto|sips?|tel):[^>]+)>/g, "$1")
    .replace(/```/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * A message field that should hold text. Slack always sends a string, but the request screen only
 * checks the envelope, so anything else is read as a number's digits or as nothing (as Teams does).
 */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}
