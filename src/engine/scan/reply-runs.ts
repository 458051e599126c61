// OkHttp logs each response as it arrives: two requests answered close together give two
// `<-- 403 …` lines in a row, then (from the interceptor or the app) their bodies in the same
// order. Each reply's body is then the one at its own place in the run, not simply the next body:
// the first reply takes the first body, the second the second, so each attempt keeps its
// mobius-error.
import { nextLines, prevLines } from "./text-lines.js";

/** An HTTP client's error reply line: OkHttp's `<-- 403 Forbidden https://…`. */
const ERROR_REPLY = /<--[ \t]+[45]\d\d(?!\d)/;
/** A line that starts another exchange (a request, any reply, a console's `POST https://…`). */
const EXCHANGE = /<--|-->|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/|\/)/;
/** The longest run read this way; the scanner keeps many more lines than it needs around a line. */
const MAX_RUN = 4;

/** How many of `lines` (in order) are error replies, before the first that is not one. */
function leadingReplies(lines: readonly string[]): number {
  let n = 0;
  while (n < lines.length && ERROR_REPLY.test(lines[n] as string)) n++;
  return n;
}

/**
 * The body line of the error reply `line` (which ends at buf[le]) when it is one of a run of error
 * replies followed by as many bodies, one a line; undefined when it is not in such a run (the
 * plain look-ahead then reads the lines below it).
 */
export function runBody(line: string, buf: string, le: number): string[] | undefined {
  // Cheap test first: almost no line is an HTTP client's reply.
  if (!line.includes("<--") || !ERROR_REPLY.test(line)) return undefined;
  const after = nextLines(buf, le, 2 * MAX_RUN - 1);
  const below = leadingReplies(after);
  const above = leadingReplies(prevLines(buf, buf.lastIndexOf("\n", le - 1) + 1, MAX_RUN - 1));
  const run = above + 1 + below;
  if (run === 1 || run > MAX_RUN) return undefined;
  const bodies = after.slice(below, below + run);
  // A run counts only when each reply has its body: else which body is whose is a guess.
  if (bodies.length < run || !bodies.every(isBody)) return undefined;
  return [(bodies[above] as string).trim()];
}

/** A response body logged on its own line: a JSON object, and no new exchange. */
function isBody(l: string): boolean {
  return l.includes("{") && !EXCHANGE.test(l);
}
