// `sipcode trace.log` with the word `scan` forgotten: a query that is nothing but the paths of log
// files that exist is scanned, as a log pasted as the argument is. Only words written like paths
// count (./x, /x, ~/x, dir/x.log, x.log), so a file named 488 never hides the code.
import { accessSync, constants, statSync } from "node:fs";
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

/**
 * A path that may be there but cannot be looked at: a directory on the way refuses us (a log in a
 * folder only its owner may enter). It is reported as unreadable, never as missing.
 */
function isBarred(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM";
  }
}

/** The files when every word names an existing file written like a path; otherwise null. */
export function logFilesNamed(words: readonly string[]): string[] | null {
  if (words.length === 0) return null;
  const paths = words.map(pathWritten);
  return paths.every((p): p is string => p !== undefined && isFile(p)) ? paths : null;
}

/**
 * A word that names an existing directory: written like a path, or any relative path with a slash
 * (`logs/` as tab completion writes it, `in/logdir`). A word without a slash is never a directory
 * here, so a folder named 488 never hides the code.
 */
function namesDirectory(word: string, path: string | undefined): string | undefined {
  if (path !== undefined) return isDirectory(path) ? path : undefined;
  const written = word.trim().replace(/^(["'])(.*)\1$/, "$2");
  return /^\S+\/\S*$/.test(written) && isDirectory(written) ? written : undefined;
}

/**
 * The paths when every word names an existing file or directory, or one we may not look at (`sipcode ./logs`, `sipcode logs/`,
 * a shell glob that caught a folder): scanned, so a directory is reported as one rather than looked
 * up as words. Otherwise null.
 */
export function logPathsNamed(words: readonly string[]): string[] | null {
  if (words.length === 0) return null;
  const paths: string[] = [];
  for (const word of words) {
    const written = pathWritten(word);
    const path =
      written !== undefined && (isFile(written) || isBarred(written))
        ? written
        : namesDirectory(word, written);
    if (path === undefined) return null;
    paths.push(path);
  }
  return paths;
}

function canList(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * What to do with a directory given where a file was expected; null for anything else. A glob into
 * a directory the user may not open cannot expand either, so then the advice is about access.
 */
export function directoryHint(path: string, listable: (dir: string) => boolean = canList): string | null {
  if (path === "-" || !isDirectory(path)) return null;
  const dir = path.replace(/\/+$/, "");
  if (!listable(path)) {
    return "It is a directory you are not allowed to open, so the logs in it cannot be read either: ask its owner for access, or copy the logs somewhere you can read.";
  }
  return `Scan the files in it: sipcode scan ${dir}/*.log`;
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
  if (isDirectory(path))
    return `${words[0]} is a directory, so it was looked up as words; \`sipcode scan ${words[0].replace(/\/+$/, "")}/*.log\` scans the logs in it.`;
  return isBarred(path)
    ? `${words[0]} cannot be read (permission denied on the way to it), so it was looked up as words.`
    : `there is no file ${words[0]} here, so it was looked up as words; \`sipcode scan FILE\` reads a log.`;
}
