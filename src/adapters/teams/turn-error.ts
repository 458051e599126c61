// The adapter's onTurnError: logs the detail and tells the user one sentence that names the cause
// (never a stack trace or developer text). The sentence is sent once and never retried, since the
// conversation just refused or throttled a post. A proactive turn (a reminder) is not a conversation
// with anyone: its error goes back to the caller, which retries or drops the reminder.
import type { TurnContext } from "botbuilder";
import { userMessageOf } from "../../errors.js";
import type { Logger } from "../../log.js";
import { ConnectorTimeoutError, networkErrorOf, statusOf } from "./retry.js";
import { SINGLE_TRY } from "./turn-state.js";

export const THROTTLED =
  "Teams is rate-limiting my messages in this conversation right now. Please ask again in a minute.";
export const FORBIDDEN =
  "Teams didn't let me post here: the bot was removed from this chat or lacks permission in it.";
export const TOO_LARGE =
  "That answer was too large for Teams to post. Ask about one code at a time, or paste fewer lines.";
export const UNREACHABLE = "I couldn't reach Teams to post my answer. Please try again in a minute.";
export const TEAMS_FAILED =
  "Teams kept failing to take my answer (its service returned errors). Please try again in a minute.";

/** The sentence for a failed turn: the connector's refusal in words, else the error's own sentence. */
export function sentenceFor(error: unknown): string {
  const status = statusOf(error);
  if (status === 429) return THROTTLED;
  if (status === 403) return FORBIDDEN;
  if (status === 413) return TOO_LARGE;
  // The connector itself failing (5xx, or 412 it kept answering): a Teams-side problem, not ours.
  if (status !== undefined && (status >= 500 || status === 412)) return TEAMS_FAILED;
  if (networkErrorOf(error)) return UNREACHABLE;
  return userMessageOf(error);
}

/** Turns botbuilder starts itself (continueConversationAsync, createConversationAsync). */
const isProactive = (name: string | undefined) =>
  name === "ContinueConversation" || name === "CreateConversation";

export function turnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const a = context.activity;
    if (a.type === "event" && isProactive(a.name)) throw error;
    logger.error("turn failed", {
      err: error,
      stack: error instanceof Error ? error.stack?.split("\n").slice(0, 8).join("\n") : undefined,
      activityType: a.type,
      name: a.name,
      conversationType: a.conversation?.conversationType,
      status: statusOf(error),
    });
    const sentence = sentenceFor(error);
    try {
      // The connector just failed to answer: a message to the user would only wait out the deadline
      // again (invoke answers travel in the HTTP response, so those still go).
      if (error instanceof ConnectorTimeoutError && a.type !== "invoke") return;
      if (a.type === "invoke") {
        const body =
          a.name === "adaptiveCard/action"
            ? { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: sentence }
            : a.name?.startsWith("composeExtension/")
              ? { composeExtension: { type: "message", text: sentence } }
              : undefined;
        await context.sendActivity({ type: "invokeResponse", value: { status: body ? 200 : 500, body } });
      } else {
        context.turnState.set(SINGLE_TRY, true);
        await context.sendActivity({ type: "message", text: sentence });
      }
    } catch (err) {
      logger.error("could not tell the user about a failed turn", { err });
    }
  };
}
