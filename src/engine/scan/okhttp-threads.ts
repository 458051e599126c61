// Android's logcat prints the thread of each line, and OkHttp logs every line of an exchange from
// the thread that runs the call. Two calls in flight interleave their replies, headers and bodies
// line by line: the thread id then says which lines are whose, where their order cannot.

/**
 * The process and thread ids of a logcat line, in the layouts that carry both:
 * `adb logcat -v threadtime` (`03-05 14:22:31.102 12345 12399 D OkHttp  : …`), Android Studio's
 * (`2025-05-14 02:13:20.120 12345-12391/com.app I/okhttp: …`) and `-v thread` (`D(12345:12399) …`).
 */
const THREAD =
  /^\s*(?:(?:\d{4}-)?\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?\s+(\d+)(?:\s+|-)(\d+)[\s/]|[VDIWEF]\(\s*(\d+):\s*(\d+)\))/;

/** The `pid:tid` of logcat line `l`, or undefined when it carries no thread id. */
export function threadOf(l: string): string | undefined {
  const m = THREAD.exec(l);
  if (m === null) return undefined;
  return m[1] !== undefined ? `${m[1]}:${m[2]}` : `${m[3]}:${m[4]}`;
}

/** The lines of `lines` logged by thread `tid`, in order. */
export function sameThread(lines: readonly string[], tid: string): string[] {
  return lines.filter((l) => threadOf(l) === tid);
}
