// An event that finishes arriving after the shutdown's deadline would be acked and then lose its
// reply (every Web API call fails by then), and Slack never resends an acked event. It is refused
// instead: Slack sends an event again when it gets a non-2xx answer, to a replica still running.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { describeSlackBody } from "./request-log.js";

/**
 * Answers 503 to a signed Events API request (already buffered by screenRequest) and names it in
 * the log. False when the request is no event, or is unsigned: it goes on as usual.
 */
export function refuseLateEvent(
  req: IncomingMessage & { rawBody?: Buffer },
  res: ServerResponse,
  signingSecret: string,
  logger: Logger,
): boolean {
  if (!(req.headers["content-type"] ?? "").startsWith("application/json") || !req.rawBody) return false;
  const raw = req.rawBody.toString();
  const signed = isValidSlackRequest({
    signingSecret,
    body: raw,
    headers: {
      "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""),
      "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
    },
  });
  if (!signed) return false;
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return false; // screenRequest already answered a malformed body
  }
  if ((body as { type?: unknown }).type !== "event_callback") return false;
  logger.warn("Slack event refused after the shutdown deadline; Slack sends it again", {
    ...describeSlackBody(body),
    retry: Number(req.headers["x-slack-retry-num"] ?? 0),
  });
  res
    .writeHead(503, { "content-type": "application/json", connection: "close" })
    .end(JSON.stringify({ error: "shutting down" }));
  return true;
}
