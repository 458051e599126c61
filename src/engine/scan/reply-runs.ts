// OkHttp logs each response as it arrives: requests answered close together give `<-- 403 …` lines
// in a row, then (from the interceptor or the app) their bodies in the same order. Each reply's
// body is then the one at its own place in the run, not simply the next body: the first reply
// takes the first body, the second the second, so each attempt keeps its mobius-error. A body may
// be pretty-printed over several lines: OkHttp's Android logger writes each line of a message as
// its own log line.
import { nextLines, prevLines } from "./text-lines.js";

/** An HTTP client's error reply line: OkHttp's `<-- 403 Forbidden https://…`. */
const ERROR_REPLY = /<--[ \t]+[45]\d\d(?!\d)/;
/** A line that starts another exchange (a request, any reply, a console's `POST https://…`). */
const EXCHANGE = /<--|-->|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/|\/)/;
/**
 * The longest run read this way. The scanner always keeps 12 lines above the line it reads and
 * 40 below (block-window.ts): the count above and the bodies below are then the same wherever a
 * block of input ends, and the work per reply line stays bounded.
 */
const MAX_RUN = 12;
/** Lines read below a reply: the look-ahead the scanner always holds, less the line itself. */
const MAX_BELOW = 39;
/** The most lines one pretty-printed body may take. */
const MAX_BODY_LINES = 24;

/** How many of `lines` (in order) are error replies, before the first that is not one. */
function leadingReplies(lines: readonly string[]): number {
  let n = 0;
  while (n < lines.length && ERROR_REPLY.test(lines[n] as string)) n++;
  return n;
}

/**
 * The body lines of the error reply `line` (which ends at buf[le]) when it is one of a run of
 * error replies followed by as many bodies; an empty list when the run is too long to tell which
 * body is whose; undefined when it is not in such a run (the plain look-ahead then reads the lines
 * below it).
 */
export function runBody(line: string, buf: string, le: number): string[] | undefined {
  // Cheap test first: almost no line is an HTTP client's reply.
  if (!line.includes("<--") || !ERROR_REPLY.test(line)) return undefined;
  const after = nextLines(buf, le, MAX_BELOW);
  const below = leadingReplies(after);
  const above = leadingReplies(prevLines(buf, buf.lastIndexOf("\n", le - 1) + 1, MAX_RUN));
  const run = above + 1 + below;
  if (run === 1) return undefined;
  // Longer than can be counted: when bodies follow, any one picked would be a guess.
  if (run > MAX_RUN) return isBodyStart(after[below]) ? [] : undefined;
  const bodies = bodiesOf(after, below, run);
  // The bodies go on past what the scanner holds: which is whose cannot be told for sure.
  if (bodies === undefined) return [];
  // A run counts only when each reply has its body: else which body is whose is a guess.
  if (bodies.length < run) return undefined;
  return bodies[above];
}

/**
 * Up to `n` bodies that follow one another in `after` from index `from`, each as its trimmed
 * lines; fewer when a line that is no body's comes first; undefined when the lines read end inside
 * them and more lines follow in the log (the window, not the log, ended).
 */
function bodiesOf(after: readonly string[], from: number, n: number): string[][] | undefined {
  const bodies: string[][] = [];
  let i = from;
  while (bodies.length < n) {
    if (i >= after.length) return after.length < MAX_BELOW ? bodies : undefined;
    const first = after[i] as string;
    if (!isBodyStart(first)) return bodies;
    let depth = braceDepth(first, first.indexOf("{"), 0);
    const body = [first.trim()];
    for (i++; depth > 0; i++) {
      if (i >= after.length) return after.length < MAX_BELOW ? bodies : undefined;
      const l = after[i] as string;
      // A new exchange, or a body longer than any error reply's, ends the run's bodies here.
      if (EXCHANGE.test(l) || body.length >= MAX_BODY_LINES) return bodies;
      depth = braceDepth(l, 0, depth);
      body.push(l.trim());
    }
    bodies.push(body);
  }
  return bodies;
}

/** Whether `l` opens a response body logged on its own line(s): a JSON object, and no new exchange. */
function isBodyStart(l: string | undefined): boolean {
  if (l === undefined) return false;
  return l.includes("{") && !EXCHANGE.test(l);
}

/**
 * The brace depth after `l` from index `from`, starting at `depth`: braces inside JSON strings do
 * not count (a string never spans lines in JSON).
 */
function braceDepth(l: string, from: number, depth: number): number {
  let inString = false;
  for (let k = from; k < l.length; k++) {
    const c = l.charCodeAt(k);
    if (inString) {
      if (c === 92)
        k++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && depth > 0 && --depth === 0) return 0;
  }
  return depth;
}
