// What a Teams turn carries beside the activity: whether its connector calls may be retried, how to
// hand the invoke answer to the HTTP response before the turn ends, and the work left for after it
// (a card button's in-place update, which must not hold up the click's answer).
import type { InvokeResponse, TurnContext } from "botbuilder";

/** Set on a turn whose sends get one try only (an apology into a conversation that just failed). */
export const SINGLE_TRY = Symbol("sipcode.singleTry");

/** Where the adapter puts its "answer the HTTP request now" callback for an invoke turn. */
export const EARLY_ANSWER = Symbol("sipcode.earlyAnswer");
export type EarlyAnswer = (response: InvokeResponse) => void;

const AFTER_ANSWER = Symbol("sipcode.afterAnswer");

/**
 * Runs `work` in this turn without holding up the invoke answer: the turn waits for it after the
 * answer has gone out (see finishAfterAnswer). `work` handles and logs its own failures.
 */
export function afterAnswer(context: TurnContext, work: Promise<unknown>): void {
  const list = (context.turnState.get(AFTER_ANSWER) as Promise<unknown>[] | undefined) ?? [];
  list.push(work);
  context.turnState.set(AFTER_ANSWER, list);
}

/** Waits for the turn's after-answer work; the context stays usable until the turn ends. */
export async function finishAfterAnswer(context: TurnContext): Promise<void> {
  const list = context.turnState.get(AFTER_ANSWER) as Promise<unknown>[] | undefined;
  if (list) await Promise.allSettled(list);
}
