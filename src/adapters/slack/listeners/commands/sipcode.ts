// /sipcode <query>: the card goes back in the ack itself (ephemeral), so the answer needs no
// network call and arrives within Slack's 3-second window. Only the first command in a DM waits,
// briefly and once, to learn whether it is the bot's own DM (own-dm.ts).
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { LRUCache } from "lru-cache";
import { userMessageOf } from "../../../../errors.js";
import { type ReplySummary, recordAnswer } from "../../../../metrics/index.js";
import { clipEscaped, toBlocks } from "../../../../render/block-kit.js";
import { labelLinks } from "../../../../render/link-labels.js";
import { respond, summarize } from "../../../../respond.js";
import type { SlackDeps } from "../../deps.js";
import { ackJson, type JsonAck, jsonAck } from "../../json-ack.js";
import { checklistPlaces } from "../../own-dm.js";
import { slackToPlain } from "../../text.js";

/** Commands up to this many characters are cached; a bounded number of them. */
const CACHEABLE = 200;
const CACHED_ANSWERS = 1000;

interface Answer {
  /** The ack body, frozen because requests share it, and its JSON. */
  body: JsonAck;
  /** What /metrics counts for this answer, recorded again on every cache hit. */
  summary: ReplySummary;
  /** Help, explanations and timers are pure functions of the catalog and the query text. */
  reusable: boolean;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function sipcodeCommand(deps: SlackDeps) {
  const places = checklistPlaces(deps);
  // Keyed by the command text as Slack sent it, and whether the card may offer a checklist thread
  // there: the same text always gets the same answer.
  const cache = new LRUCache<string, Answer>({ max: CACHED_ANSWERS });
  const answer = (raw: string, checklist: boolean): Answer => {
    const text = slackToPlain(raw);
    const reply = respond(deps.catalog, text, "slack", { maskPhoneNumbers: deps.config.maskPhoneNumbers });
    // Share / Post checklist carry a redacted query or a signed snapshot of the card, never the paste.
    const ref = reply.kind === "help" ? undefined : deps.refs.forReply(reply, text);
    // Related buttons read as entry titles ("SIP 415 Unsupported Media Type"), not bare ids.
    const cards = labelLinks(reply.cards, (id) => deps.catalog.byId.get(id));
    const msg = toBlocks(cards, {
      // A DM between people has no room for the bot's checklist thread (own-dm.ts).
      buttons: { share: ref !== undefined, checklist: ref !== undefined && checklist, related: true },
      ref,
    });
    // The blocks carry the card; the fallback only feeds notifications, so keep it to the headline.
    const fallback = clipEscaped(msg.text.split("\n\n")[0] ?? msg.text, 300);
    return {
      body: jsonAck(deepFreeze({ response_type: "ephemeral", blocks: msg.blocks, text: fallback })),
      summary: summarize(reply),
      reusable: reply.kind !== "scan",
    };
  };
  return async ({ command, ack, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    try {
      const raw = command.text ?? "";
      // Bounded (DM_LOOKUP_MS) and never throws: a slow or failing Slack hides the button.
      const checklist = await places.offered({ id: command.channel_id, name: command.channel_name });
      const key = `${checklist ? "ch" : "dm"}:${raw}`;
      const cacheable = raw.length <= CACHEABLE;
      let found = cacheable ? cache.get(key) : undefined;
      if (found) {
        // respond() counts the answers it builds; one served from here is counted the same way.
        recordAnswer("slack", found.summary);
      } else {
        found = answer(raw, checklist);
        if (cacheable && found.reusable) cache.set(key, found);
      }
      await ackJson(ack, context, found.body);
    } catch (err) {
      deps.logger.error("slash command failed", { err });
      await ack({ response_type: "ephemeral", text: userMessageOf(err) } as never);
    }
  };
}
