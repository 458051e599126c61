// Answers in an incident thread: the card (findings or explanation) and, when there is anything
// to check, a checklist message people tick off. Used by mentions, the shortcut and auto-explain.
import type { WebClient } from "@slack/web-api";
import { clipEscaped, esc, toBlocks } from "../../render/block-kit.js";
import { labelLinks } from "../../render/link-labels.js";
import { checklistMessage } from "../../render/slack-checklist.js";
import { countReply, draftReply, type Reply } from "../../respond.js";
import type { SlackDeps } from "./deps.js";
import { postTogether } from "./send.js";
import { worthPosting } from "./worth.js";

export interface ThreadRequest {
  channel: string;
  threadTs: string;
  text: string;
  notes?: string[];
  /** Look for codes in the text first (shortcut, auto-explain), even when it is short. */
  scanFirst?: boolean;
  /** Tell this user privately when the thread reply cannot be posted. */
  user?: string;
  /** Post nothing unless the message holds something to explain (see worth.ts). */
  onlyIfWorthIt?: boolean;
}

export interface ThreadOutcome {
  posted: boolean;
  findings: number;
  problem?: string;
  /** The reply is in the thread but its checklist message is not: what to tell the user. */
  checklistProblem?: string;
  /** Nothing was posted because the message had nothing worth explaining (onlyIfWorthIt). */
  nothing?: boolean;
}

/** Replies are built a few at a time (deps.replies), in the order their events arrived. */
export function answerInThread(
  client: WebClient,
  deps: SlackDeps,
  req: ThreadRequest,
): Promise<ThreadOutcome> {
  return deps.replies.run(() => answer(client, deps, req));
}

async function answer(client: WebClient, deps: SlackDeps, req: ThreadRequest): Promise<ThreadOutcome> {
  const opts = { maskPhoneNumbers: deps.config.maskPhoneNumbers };
  // Drafts, counted once below: only the answer given counts (the caller counts "nothing").
  const started = performance.now();
  let reply = draftReply(deps.catalog, req.scanFirst ? `scan ${req.text}` : req.text, "slack", opts);
  // A short message with no code in it is more likely a question ("one way audio") than a log.
  if (
    req.scanFirst &&
    reply.kind === "scan" &&
    reply.analysis.counts.findings === 0 &&
    req.text.trim().length < 200
  ) {
    reply = draftReply(deps.catalog, req.text, "slack", opts);
  }
  if (req.onlyIfWorthIt && !worthPosting(reply)) return { posted: false, findings: 0, nothing: true };
  countReply("slack", reply, started);
  const message = toBlocks(
    labelLinks(reply.cards, (id) => deps.catalog.byId.get(id)),
    {
      buttons: { share: false, checklist: false, related: reply.kind === "explain" },
    },
  );
  if (req.notes && req.notes.length > 0) {
    message.blocks.push({
      type: "context",
      // Notes quote file names people chose: escaped, so "<!channel> pic.png" pings nobody.
      elements: [{ type: "mrkdwn", text: clipEscaped(esc(req.notes.join("\n")), 2000) }],
    });
  }
  const findings = reply.kind === "scan" ? reply.analysis.counts.findings : 0;
  const checklist = checklistFor(reply, req.text);
  // The card and its checklist keep one place in a rate-limited channel's line (send.ts).
  return postTogether(client, deps, async (post) => {
    const first = await post({
      channel: req.channel,
      thread_ts: req.threadTs,
      blocks: message.blocks as never,
      text: message.text,
      unfurl_links: false,
    });
    if (!first.ok) return { posted: false, findings, problem: first.problem };
    if (!checklist) return { posted: true, findings };
    const second = await post({ channel: req.channel, thread_ts: req.threadTs, ...checklist });
    if (!second.ok) return { posted: true, findings, checklistProblem: checklistLost(second.problem) };
    return { posted: true, findings };
  });
}

/** The checklist message to post under the card, when there is anything to check. */
function checklistFor(reply: Reply, asked: string) {
  if (reply.kind === "help" || reply.kind === "timers") return undefined;
  const checks = reply.kind === "scan" ? reply.analysis.checklist : (reply.cards[0]?.checklist ?? []);
  if (checks.length === 0) return undefined;
  const title =
    reply.kind === "scan"
      ? (reply.analysis.firstFailureLabel ?? "pasted log")
      : (reply.cards[0]?.title ?? asked);
  return checklistMessage({ title, items: checks.map((text) => ({ text })) });
}

/** What the user is told when the card reached the thread but the checklist did not. */
function checklistLost(problem: string | undefined): string {
  return `My answer is in the thread, but its checklist message could not be posted. ${problem ?? ""}`.trim();
}
