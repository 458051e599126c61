// Slack sometimes sends a file as a stub and expects the app to ask files.info for the rest: a file
// shared over Slack Connect or from a conversation the event can't carry (`file_access:
// "check_file_info"`), one hidden by the workspace's plan (`hidden_by_limit`), or one without its
// download links. The manifest's files:read scope allows the lookup.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../log.js";
import type { SlackFile } from "./files.js";
import { slackError } from "./send.js";

/** A file object that lacks what reading it needs. */
export function isPartial(f: SlackFile): boolean {
  return (
    f.file_access === "check_file_info" ||
    f.hidden_by_limit === true ||
    (!f.url_private_download && !f.url_private)
  );
}

export type Completed = { file: SlackFile } | { problem: string };

/** The full file object from files.info, or a sentence for the user saying why there is none. */
export async function completeFile(client: WebClient, f: SlackFile, logger: Logger): Promise<Completed> {
  const name = f.name ?? f.title ?? "the attached file";
  if (!f.id) return { problem: `I couldn't read ${name}: Slack sent no link to it. Paste the log instead.` };
  try {
    const res = await client.files.info({ file: f.id });
    // files.info's object replaces the stub (whose file_access would still say "look me up").
    const file: SlackFile = { id: f.id, name: f.name, ...(res.file as SlackFile | undefined) };
    if (!isPartial(file)) return { file };
    const shown = file.name ?? file.title ?? name;
    return {
      problem: file.hidden_by_limit
        ? `I couldn't read ${shown}: Slack hides it because it is older than your workspace's plan keeps. Paste the log instead.`
        : `I couldn't read ${shown}: Slack gave me no link to download it. Paste the log instead.`,
    };
  } catch (err) {
    const { code, needed } = slackError(err);
    logger.warn("files.info failed", { file: f.id, code, needed });
    return { problem: `I couldn't look up ${name} (Slack said \`${code}\`). ${hint(code)}` };
  }
}

function hint(code: string): string {
  switch (code) {
    case "missing_scope":
    case "no_permission":
    case "not_allowed_token_type":
      return "I may be missing the files:read permission: reinstall the app from its manifest, or paste the log.";
    case "file_not_found":
    case "file_deleted":
      return "It may have been deleted, or shared where I can't see it. Share it in this channel again, or paste the log.";
    case "ratelimited":
    case "timeout":
      return "Try again in a minute, or paste the log.";
    default:
      return "Paste the log instead.";
  }
}
