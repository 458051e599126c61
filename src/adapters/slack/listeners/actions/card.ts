// Buttons on an answer card: share it in the channel (replacing the private copy), start a
// follow-up checklist thread (not offered in DMs between people, see own-dm.ts), or open a related
// entry's card.

import { explain } from "../../../../engine/explain.js";
import { esc, toBlocks } from "../../../../render/block-kit.js";
import { explainCards } from "../../../../render/card.js";
import { labelLinks } from "../../../../render/link-labels.js";
import { checklistMessage } from "../../../../render/slack-checklist.js";
import type { SlackDeps } from "../../deps.js";
import { DIRECT_CHECKLIST_NOTE, isDirectMessage } from "../../direct.js";
import { checklistPlaces } from "../../own-dm.js";
import { clicker, reportFailure, tellPrivately } from "../../private-note.js";
import { postTogether } from "../../send.js";
import type { ButtonArgs } from "./args.js";

const GONE = "I couldn't rebuild this answer any more; ask `/sipcode` again.";

/** Answers a click through its response_url; a refusal is told to whoever clicked. */
async function answer(args: ButtonArgs, deps: SlackDeps, what: string, message: Record<string, unknown>) {
  try {
    await args.respond(message as never);
  } catch (err) {
    await reportFailure(clicker(args), deps.logger, what, err);
  }
}

export function shareInChannel(deps: SlackDeps) {
  const places = checklistPlaces(deps);
  return async (args: ButtonArgs) => {
    const { ack, action, body } = args;
    await ack();
    const found = deps.refs.resolve(action.value ?? "");
    if (!found) {
      await tellPrivately(clicker(args), deps.logger, GONE);
      return;
    }
    const msg = toBlocks(found.cards, {
      buttons: { share: false, checklist: await places.offered(body.channel), related: false },
      ref: found.ref,
    });
    msg.blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `Shared by <@${body.user.id}>` }],
    });
    await answer(args, deps, "share", { response_type: "in_channel", delete_original: true, ...msg });
  };
}

export function postChecklist(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body, client } = args;
    await ack();
    const channel = body.channel?.id;
    const found = deps.refs.resolve(action.value ?? "");
    if (!found) {
      await tellPrivately(clicker(args), deps.logger, GONE);
      return;
    }
    const { checks, title } = found;
    if (!channel || checks.length === 0) {
      await tellPrivately(clicker(args), deps.logger, "There is nothing to check for this answer.");
      return;
    }
    const list = checklistMessage({ title, items: checks.map((text) => ({ text })) });
    // The thread's opening message and its checklist keep one place in a rate-limited channel.
    const posted = await postTogether(client, deps, async (post) => {
      const root = await post({
        channel,
        text: `:clipboard: Follow-up for *${esc(title)}*, started by <@${body.user.id}>. Tick the checks in the thread.`,
      });
      return root.ok ? post({ channel, thread_ts: root.ts, ...list }) : root;
    });
    if (posted.ok) return;
    // In a DM between people, "invite me" cannot be followed: say where checklists can go.
    const shut = posted.code === "channel_not_found" || posted.code === "not_in_channel";
    const note = shut && isDirectMessage(body.channel) ? DIRECT_CHECKLIST_NOTE : posted.problem;
    await tellPrivately(clicker(args), deps.logger, note ?? "");
  };
}

export function openEntry(deps: SlackDeps) {
  const places = checklistPlaces(deps);
  return async (args: ButtonArgs) => {
    const { ack, action, body } = args;
    await ack();
    const id = action.value ?? action.action_id.replace(/^open_entry:/, "");
    const cards = labelLinks(explainCards(explain(deps.catalog, id)), (e) => deps.catalog.byId.get(e));
    const ref = deps.refs.forQuery(id);
    const msg = toBlocks(cards, {
      buttons: {
        share: Boolean(ref),
        checklist: Boolean(ref) && (await places.offered(body.channel)),
        related: true,
      },
      ref,
    });
    const ephemeral = Boolean((body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral);
    await answer(args, deps, "related entry", {
      response_type: "ephemeral",
      replace_original: ephemeral,
      ...msg,
    });
  };
}
