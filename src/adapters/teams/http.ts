// POST /api/messages on Node's own http server: reads the activity (bounded), hands it to the adapter
// and writes the adapter's answer (invoke results, expectReplies bodies, 401 for bad credentials).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Activity, ActivityHandler } from "botbuilder";
import type { Logger } from "../../log.js";
import { type TeamsAdapter, UnauthorizedError } from "./adapter.js";
import { stringifyReply } from "./serialized.js";

/** Teams messages top out near 100 KB; anything far larger is not an activity worth parsing. */
export const MAX_BODY_BYTES = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, "activity too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(stringifyReply(body));
}

function isActivity(x: unknown): x is Activity {
  return typeof x === "object" && x !== null && !Array.isArray(x) && typeof (x as Activity).type === "string";
}

export function messagesHandler(adapter: TeamsAdapter, bot: ActivityHandler, logger: Logger) {
  const logic = (context: Parameters<ActivityHandler["run"]>[0]) => bot.run(context);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let activity: unknown;
    try {
      activity = JSON.parse(await readBody(req, MAX_BODY_BYTES));
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 400;
      return send(res, status, { error: status === 413 ? "activity too large" : "body is not JSON" });
    }
    if (!isActivity(activity)) return send(res, 400, { error: "expected a Bot Framework activity" });
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
