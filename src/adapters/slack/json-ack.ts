// Slash-command acks serialised once: a cached answer is sent as ready JSON with the content type
// Slack needs, instead of Bolt stringifying the same card object on every request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AckFn, HTTPReceiver, RespondArguments } from "@slack/bolt";

/** Where the HTTP receiver puts the response being answered: on the request, then in its context. */
export const HTTP_RESPONSE = Symbol("http response");
export type WithResponse = { [HTTP_RESPONSE]?: ServerResponse };

/** An ack body together with its JSON, so an answer that is sent many times is serialised once. */
export interface JsonAck {
  readonly value: RespondArguments;
  readonly json: string;
  readonly bytes: number;
}

/**
 * Non-ASCII characters are written as \u escapes (the same JSON to any parser): an ASCII string is
 * half the size in memory of a two-byte one, and Node copies it with the headers on every send.
 */
export function jsonAck(value: RespondArguments): JsonAck {
  const json = JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return { value, json, bytes: json.length };
}

/**
 * Bolt's HTTP receiver stringifies an object ack on every request but writes a string ack as it is,
 * without a content type; over HTTP the prepared JSON goes out with the JSON content type Slack
 * needs, and Socket Mode (which wraps the body in its own envelope) gets the object.
 */
export function ackJson(
  ack: AckFn<string | RespondArguments>,
  context: object,
  body: JsonAck,
): Promise<void> {
  const res = (context as WithResponse)[HTTP_RESPONSE];
  if (!res || res.headersSent) return ack(body.value);
  res.setHeader("content-type", "application/json");
  res.setHeader("content-length", body.bytes);
  return ack(body.json);
}

/**
 * Bolt hands listeners the request's context, never the response: the receiver's handler puts the
 * response on the request, and `customPropertiesExtractor` (see receiverOptions) copies it into
 * the context, where ackJson finds it.
 */
export function carryResponse(receiver: HTTPReceiver): void {
  const listen = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    (req as IncomingMessage & WithResponse)[HTTP_RESPONSE] = res;
    return listen(req, res);
  };
}

export const responseExtractor = (req: IncomingMessage) => ({
  [HTTP_RESPONSE]: (req as WithResponse)[HTTP_RESPONSE],
});
