// POST /api/messages on Node's own http server: reads the activity (bounded), hands it to the adapter
// and writes the adapter's answer (invoke results, expectReplies bodies, 401 for bad credentials, 403 for a
// serviceUrl off this machine when there are no credentials to check).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Activity, ActivityHandler } from "botbuilder";
import type { Logger } from "../../log.js";
import { type TeamsAdapter, UnauthorizedError } from "./adapter.js";
import { isLoopbackPeer, isLoopbackServiceUrl, serviceHost } from "./dev-mode.js";
import { stringifyReply } from "./serialized.js";

/** Teams messages top out near 100 KB; anything far larger is not an activity worth parsing. */
export const MAX_BODY_BYTES = 1_000_000;
/**
 * A larger body is still read to its end and dropped, up to this size: closing a socket the client is
 * still writing to resets it, and the client would see the reset instead of the 413.
 */
export const DRAIN_BYTES = 16_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The rest of the request was not read: the connection cannot be reused. */
    readonly close = false,
  ) {
    super(message);
  }
}

const tooLarge = (close = false) => new HttpError(413, "activity too large", close);

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > DRAIN_BYTES) return reject(tooLarge(true));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > DRAIN_BYTES) {
        req.off("data", onData);
        req.pause();
        reject(tooLarge(true));
      }
    };
    req.on("data", onData);
    req.on("end", () =>
      size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
    .end(stringifyReply(body));
}

function isActivity(x: unknown): x is Activity {
  return typeof x === "object" && x !== null && !Array.isArray(x) && typeof (x as Activity).type === "string";
}

export interface MessagesOptions {
  /** No credentials: activities are unauthenticated, so only a local Emulator or Playground is served. */
  loopbackOnly?: boolean;
}

export function messagesHandler(
  adapter: TeamsAdapter,
  bot: ActivityHandler,
  logger: Logger,
  { loopbackOnly = false }: MessagesOptions = {},
) {
  const logic = (context: Parameters<ActivityHandler["run"]>[0]) => bot.run(context);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let activity: unknown;
    try {
      activity = JSON.parse(await readBody(req, MAX_BODY_BYTES));
    } catch (err) {
      if (!(err instanceof HttpError)) return send(res, 400, { error: "body is not JSON" });
      // A body left unread ends the connection after this answer (Node closes it once it is written).
      return send(res, err.status, { error: err.message }, err.close ? { connection: "close" } : {});
    }
    if (!isActivity(activity)) return send(res, 400, { error: "expected a Bot Framework activity" });
    if (
      loopbackOnly &&
      (!isLoopbackPeer(req.socket.remoteAddress) || !isLoopbackServiceUrl(activity.serviceUrl))
    ) {
      logger.warn("refused an unauthenticated activity not from and for this machine", {
        serviceHost: serviceHost(activity.serviceUrl),
        type: activity.type,
      });
      return send(res, 403, {
        error:
          "without MICROSOFT_APP_ID only a Bot Framework Emulator or Agents Playground on this machine (connecting from it, serviceUrl on localhost) is served",
      });
    }
    const auth = req.headers.authorization ?? "";
    try {
      const result = await adapter.run(auth, activity, logic);
      send(res, result?.status ?? 200, result?.body);
    } catch (err) {
      if (err instanceof UnauthorizedError) {
        logger.warn("rejected an unauthenticated activity", { reason: err.reason, type: activity.type });
        return send(res, 401, { error: "unauthorized" });
      }
      logger.error("activity failed", { err, type: activity.type });
      send(res, 500, { error: "internal error" });
    }
  };
}
