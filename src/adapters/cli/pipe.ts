// A reader that stops early (`sipcode --json scan big.log | head`, quitting `less`) closes the pipe
// while we are still writing. Like any Unix filter we then stop and leave quietly with status 0,
// instead of dying on the EPIPE error with a stack trace. Any other write error (a full disk behind
// `> report.json`, an I/O error) is a real failure: one line on standard error and status 1, as
// cat and grep report it, still without a stack trace.

const guarded = new WeakSet<object>();

/** "ENOSPC: no space left on device, write" → "no space left on device"; the code when unworded. */
export function writeErrorText(err: NodeJS.ErrnoException): string {
  const worded = /^[A-Z0-9_]+: (.+?)(?:, \w+)?$/.exec(err.message ?? "")?.[1];
  return worded ?? err.code ?? err.message ?? "unknown error";
}

export function endQuietlyOnClosedPipe(
  stream: NodeJS.WritableStream,
  exit: (code: number) => void = (code) => process.exit(code),
  say: (line: string) => void = (line) => {
    // Standard error may be the stream that failed; then the status alone has to tell.
    if (stream !== process.stderr) process.stderr.write(line);
  },
): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") {
      exit(0);
      return;
    }
    try {
      say(`sipcode: cannot write the output: ${writeErrorText(err)}\n`);
    } catch {
      // Nothing more can be said when even standard error cannot be written.
    }
    exit(1);
  });
}
