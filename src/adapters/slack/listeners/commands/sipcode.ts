// /sipcode <query>: the card goes back in the ack itself (ephemeral), so the answer needs no
// network call and arrives within Slack's 3-second window.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { LRUCache } from "lru-cache";
import { userMessageOf } from "../../../../errors.js";
import { clip, toBlocks } from "../../../../render/block-kit.js";
import { respond } from "../../../../respond.js";
import type { SlackDeps } from "../../deps.js";
import { slackToPlain } from "../../text.js";

/** Button values carry the query; longer pastes can't be re-run from a button. */
export const MAX_BUTTON_QUERY = 1900;

type Answer = ReturnType<typeof toBlocks>;
/** Answers to short queries are pure functions of the catalog: render each once. */
const CACHEABLE = 200;

export function sipcodeCommand(deps: SlackDeps) {
  const cache = new LRUCache<string, Answer>({ max: 1000 });
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    try {
      const text = slackToPlain(command.text ?? "");
      const hit = text.length <= CACHEABLE ? cache.get(text) : undefined;
      if (hit) {
        await ack({ response_type: "ephemeral", blocks: hit.blocks, text: hit.text } as never);
        return;
      }
      const reply = respond(deps.catalog, text, "slack", { maskPhoneNumbers: deps.config.maskPhoneNumbers });
      const short = text.length <= MAX_BUTTON_QUERY && reply.kind !== "help";
      const msg = toBlocks(reply.cards, {
        buttons: { share: short, checklist: short, related: true },
        query: text,
      });
      // The blocks carry the card; the fallback only feeds notifications, so keep it to the headline.
      msg.text = clip(msg.text.split("\n\n")[0] ?? msg.text, 300);
      if (text.length <= CACHEABLE) cache.set(text, msg);
      await ack({ response_type: "ephemeral", blocks: msg.blocks, text: msg.text } as never);
    } catch (err) {
      deps.logger.error("slash command failed", { err });
      await ack({ response_type: "ephemeral", text: userMessageOf(err) } as never);
    }
  };
}
