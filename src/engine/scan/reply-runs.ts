// OkHttp logs each response as it arrives: requests answered close together give `<-- 403 …` lines
// in a row, then (from the interceptor or the app) their bodies in the same order. Each reply's
// body is then the one at its own place in the run, not simply the next body: the first reply
// takes the first body, the second the second, so each attempt keeps its mobius-error. Every reply
// of the run takes its place, a 200 as much as a 403: the app logs the call a 200 set up as a body
// too, and skipping it would hand the next 403 the body of the reply before it. When the bodies are
// not as many as the replies, one was not logged and which is whose is a guess: no reply takes one.
// One shape is told apart: successes logged above the run's first failure (polls, a register
// refresh) whose bodies the app never logs, then the failures and exactly their bodies.
// A body may be pretty-printed over several lines: OkHttp's Android logger writes each line of a
// message as its own log line. OkHttp's `<-- END HTTP (48-byte body)` after each body closes it: it
// is no reply and no body line (okhttp-body.ts).
import {
  EXCHANGE,
  HEADER,
  isBodyStart,
  isEmptyMessage,
  isResponseEnd,
  loneBody,
  readBody,
} from "./okhttp-body.js";
import { sameThread, threadOf } from "./okhttp-threads.js";
import { nextLines, prevLines } from "./text-lines.js";

/** An HTTP client's error reply line: OkHttp's `<-- 403 Forbidden https://…`. */
const ERROR_REPLY = /<--[ \t]+[45]\d\d(?!\d)/;
/** Any reply line, whatever its status (`<-- 200 OK …` too); not OkHttp's `<-- END HTTP`. */
const REPLY = /<--[ \t]+\d\d\d(?!\d)/;
/**
 * The longest run read this way. The scanner always keeps 12 lines above the line it reads and
 * 40 below (block-window.ts): the count above and the bodies below are then the same wherever a
 * block of input ends, and the work per reply line stays bounded.
 */
const MAX_RUN = 12;
/** Lines read below a reply: the look-ahead the scanner always holds, less the line itself. */
const MAX_BELOW = 39;

/** How many of `lines` (in order) are replies, before the first that is not one. */
function leadingReplies(lines: readonly string[]): number {
  let n = 0;
  while (n < lines.length && REPLY.test(lines[n] as string)) n++;
  return n;
}

/**
 * A reply that never carries a body (RFC 9110: 204 No Content, 304 Not Modified): OkHttp logs its
 * `<-- END HTTP` with no body, and an app that logs bodies itself logs none for it.
 */
const BODILESS = /<--[ \t]+(?:204|304)(?!\d)/;

/** How many of the first `n` of `lines` are replies that may carry a body. */
function bodied(lines: readonly string[], n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (!BODILESS.test(lines[i] as string)) k++;
  return k;
}

/** The index of the last error reply among the first `n` of `lines`; -1 when all are successes. */
function lastError(lines: readonly string[], n: number): number {
  let k = n - 1;
  while (k >= 0 && !ERROR_REPLY.test(lines[k] as string)) k--;
  return k;
}

/**
 * The body lines of the error reply `line` (which ends at buf[le]) when it is one of a run of
 * replies followed by as many bodies; an empty list when which body is whose cannot be told (the
 * run is too long, its bodies go on past the look-ahead, or they are fewer or more than its
 * replies); undefined when it is not in a run (the plain look-ahead then reads the lines below it).
 */
export function runBody(line: string, buf: string, le: number): string[] | undefined {
  // Cheap test first: almost no line is an HTTP client's reply.
  if (!line.includes("<--") || !ERROR_REPLY.test(line)) return undefined;
  const after = nextLines(buf, le, MAX_BELOW);
  const before = prevLines(buf, buf.lastIndexOf("\n", le - 1) + 1, MAX_RUN);
  const tid = threadOf(line);
  if (tid === undefined) return bodyIn(after, before, after.length < MAX_BELOW);
  // Logcat names each line's thread: this reply's lines are its own thread's, whatever other
  // calls logged between them, and the plain look-ahead reads only those too.
  const mine = sameThread(after, tid);
  const body = bodyIn(mine, sameThread(before, tid), after.length < MAX_BELOW);
  if (body !== undefined) return body;
  const k = mine.slice(0, 4).findIndex((l) => EXCHANGE.test(l));
  return (k < 0 ? mine.slice(0, 4) : mine.slice(0, k)).map((l) => l.trim());
}

/**
 * runBody for the lines below (`after`) and above (`before`, nearest first) one reply; `complete`
 * when `after` reaches the end of the log.
 */
function bodyIn(after: string[], before: string[], complete: boolean): string[] | undefined {
  const below = leadingReplies(after);
  const above = leadingReplies(before);
  const run = above + 1 + below;
  // A reply on its own: OkHttp's headers may stand between it and its body, closed by END HTTP.
  if (run === 1) return loneBody(after);
  // The run from its first failure on (the successes above that left out), and this reply's place
  // in it.
  const place = lastError(before, above) + 1;
  const fromFailure = place + 1 + below;
  // Longer than can be counted: when bodies follow, any one picked would be a guess.
  if (fromFailure > MAX_RUN) return isBodyStart(after[below]) ? [] : undefined;
  // One body more than the replies tells the counts apart as well as one fewer does.
  const bodies = bodiesOf(after, below, Math.min(run, MAX_RUN) + 1, complete);
  // The bodies go on past what the scanner holds: which is whose cannot be told for sure.
  if (bodies === undefined) return [];
  // The replies' headers, then their bodies, interleaved: no order says which body is whose.
  if (bodies.length === 0 && interleaved(after, below)) return [];
  // No body at all: nothing to misplace, so the plain look-ahead reads on as for a lone reply.
  if (bodies.every((b) => b.length === 0)) return undefined;
  // Each reply of the run has its body, successes included.
  if (run <= MAX_RUN && bodies.length === run) return bodies[above];
  // Successes above the first failure logged no body, and each failure from there on has its own.
  if (bodies.length === fromFailure) return bodies[place];
  // A 204 or 304 in the run logged no body of its own: the others are paired without it, the same
  // two ways (OkHttp's bare END line, when it logged one, already kept its place above).
  // (`before` runs upwards from the line above this one.)
  const aboveBodied = bodied(before, above);
  const belowBodied = bodied(after, below);
  if (aboveBodied + belowBodied < above + below) {
    const placeBodied = bodied(before, place);
    if (run <= MAX_RUN && bodies.length === aboveBodied + 1 + belowBodied) return bodies[aboveBodied];
    if (bodies.length === placeBodied + 1 + belowBodied) return bodies[placeBodied];
  }
  // Else a body was not logged, and which is whose is a guess.
  return [];
}

/**
 * Up to `n` bodies that follow one another in `after` from index `from`, each as its trimmed
 * lines; fewer when a line that is no body's comes first; undefined when the lines read end inside
 * them and more lines follow in the log (the window, not the log, ended). OkHttp's `<-- END HTTP`
 * closes the body above it; one with no body of its own above it is a reply that logged none, which
 * keeps its place as an empty body. Its empty message lines before each body are skipped.
 */
function bodiesOf(
  after: readonly string[],
  from: number,
  n: number,
  complete: boolean,
): string[][] | undefined {
  const bodies: string[][] = [];
  /** Whether the last body still waits for its END line; whether the one before was closed by one. */
  let open = false;
  let ended = true;
  let i = from;
  while (bodies.length < n) {
    if (i >= after.length) return complete ? bodies : undefined;
    const l = after[i] as string;
    if (isResponseEnd(l)) {
      if (!open && ended) bodies.push([]);
      open = false;
      ended = true;
      i++;
      continue;
    }
    if (isEmptyMessage(l)) {
      i++;
      continue;
    }
    if (!isBodyStart(l)) return bodies;
    const read = readBody(after, i);
    if (read === "cut") return complete ? bodies : undefined;
    // A new exchange, or a body longer than any error reply's, ends the run's bodies here.
    if (read === null) return bodies;
    bodies.push(read.body);
    open = true;
    ended = false;
    i = read.next;
  }
  return bodies;
}

/**
 * Whether the lines below a run of replies (from `from`) hold their headers and then more than one
 * body or END line before the next exchange: several replies logged their headers and bodies
 * interleaved (two calls in flight), so none of them can take the next body as its own.
 */
function interleaved(after: readonly string[], from: number): boolean {
  let bodies = 0;
  let ends = 0;
  for (let i = from; i < after.length; i++) {
    const l = after[i] as string;
    if (isResponseEnd(l)) ends++;
    else if (EXCHANGE.test(l)) break;
    else if (isBodyStart(l)) {
      const read = readBody(after, i);
      if (read === null || read === "cut") break;
      bodies++;
      i = read.next - 1;
    } else if (bodies > 0 || ends > 0 || !(isEmptyMessage(l) || HEADER.test(l))) break;
  }
  return bodies > 1 || ends > 1;
}
