// `sipcode trace.log` with the word `scan` forgotten: a query that is nothing but the paths of log
// files that exist is scanned, as a log pasted as the argument is. Only words written like paths
// count (./x, /x, ~/x, dir/x.log, x.log), so a file named 488 never hides the code.
import { statSync } from "node:fs";
import { homedir } from "node:os";

/** Written like a path: absolute, ./ ../ or ~/, a Windows drive, or a file name with a log's extension. */
const PATH_LIKE =
  /^(?:~?\/|\.\.?\/|[A-Za-z]:\\)\S*$|^(?:\S*\/)?[^\s/]+\.(?:log|txt|gz|json|out|trace|pcap|csv|cdr)$/i;

/** The path a word names with quotes taken off and ~/ expanded, when it is written like a path. */
export function pathWritten(word: string): string | undefined {
  const written = word.trim().replace(/^(["'])(.*)\1$/, "$2");
  if (!PATH_LIKE.test(written)) return undefined;
  return written.startsWith("~/") ? `${homedir()}${written.slice(1)}` : written;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The files when every word names an existing file written like a path; otherwise null. */
export function logFilesNamed(words: readonly string[]): string[] | null {
  if (words.length === 0) return null;
  const paths = words.map(pathWritten);
  return paths.every((p): p is string => p !== undefined && isFile(p)) ? paths : null;
}

/**
 * The paths when every word names an existing file or directory written like a path (`sipcode
 * ./logs`, a shell glob that caught a folder): scanned, so a directory is reported as one rather
 * than looked up as words. Otherwise null.
 */
export function logPathsNamed(words: readonly string[]): string[] | null {
  if (words.length === 0) return null;
  const paths = words.map(pathWritten);
  return paths.every((p): p is string => p !== undefined && (isFile(p) || isDirectory(p))) ? paths : null;
}

/** What to do with a directory given where a file was expected; null for anything else. */
export function directoryHint(path: string): string | null {
  if (path === "-" || !isDirectory(path)) return null;
  return `Scan the files in it: sipcode scan ${path.replace(/\/+$/, "")}/*.log`;
}

/**
 * A line for standard error when a lookup was given something written like a file: the file is
 * there (`sipcode explain trace.log` looks the words up) or it is not, so nothing was scanned.
 */
export function fileHint(words: readonly string[]): string | null {
  if (words.length !== 1 || !words[0]) return null;
  const path = pathWritten(words[0]);
  if (path === undefined) return null;
  if (isFile(path)) return `${words[0]} is a file: run \`sipcode scan ${words[0]}\` to find the codes in it.`;
  return isDirectory(path)
    ? `${words[0]} is a directory, so it was looked up as words; \`sipcode scan ${words[0].replace(/\/+$/, "")}/*.log\` scans the logs in it.`
    : `there is no file ${words[0]} here, so it was looked up as words; \`sipcode scan FILE\` reads a log.`;
}
