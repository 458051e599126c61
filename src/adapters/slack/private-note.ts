// Private notes to the person who clicked a button, ran the shortcut or mentioned the bot. A click
// or shortcut comes with a response_url; when that call fails (a 429, an expired URL) the note goes
// by chat.postEphemeral instead. A note that cannot be delivered at all is logged and counted,
// never thrown: a throwing listener leaves the user with nothing and only the log knowing why.
import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../log.js";
import { problemSentence, slackError } from "./send.js";

/** Who a private note is for, and the ways it can reach them. */
export interface Asker {
  client: WebClient;
  user: string;
  /** The response_url of the click or shortcut; events have none. */
  respond?: RespondFn;
  /** Where chat.postEphemeral shows the note; without it only the response_url is tried. */
  channel?: string;
  /** Shows the ephemeral note in this thread, where the user is reading. */
  threadTs?: string;
}

/** What a block action carries about who clicked, where. */
interface Clicked {
  client: WebClient;
  respond: RespondFn;
  body: { user: { id: string }; channel?: { id: string }; message?: unknown };
}

/** The asker of a button click or checkbox tick. */
export function clicker({ client, respond, body }: Clicked): Asker {
  const message = body.message as { thread_ts?: string } | undefined;
  return {
    client,
    respond,
    user: body.user.id,
    channel: body.channel?.id,
    threadTs: message?.thread_ts,
  };
}

/** Tells the asker `text` privately, leaving the message they clicked on as it is. */
export async function tellPrivately(to: Asker, logger: Logger, text: string): Promise<void> {
  if (to.respond) {
    try {
      await to.respond({ response_type: "ephemeral", replace_original: false, text });
      return;
    } catch (err) {
      const { code } = slackError(err);
      logger.warn("private note failed", { code, channel: to.channel });
    }
  }
  if (!to.channel) return;
  try {
    await to.client.chat.postEphemeral({
      channel: to.channel,
      user: to.user,
      text,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
    });
  } catch (err) {
    const { code } = slackError(err);
    logger.warn("could not tell the user either", { code, channel: to.channel });
  }
}

/** Logs and counts a failed call, and tells the asker, privately, what it means for them. */
export async function reportFailure(to: Asker, logger: Logger, what: string, err: unknown): Promise<void> {
  const { code, status, needed } = slackError(err);
  logger.warn(`${what} failed`, { code, status, needed, err });
  await tellPrivately(to, logger, problemSentence(code, needed));
}
