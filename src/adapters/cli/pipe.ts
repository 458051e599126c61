// A reader that stops early (`sipcode --json scan big.log | head`, quitting `less`) closes the pipe
// while we are still writing. Like any Unix filter we then stop and leave quietly with status 0,
// instead of dying on the EPIPE error with a stack trace.

const guarded = new WeakSet<object>();

export function endQuietlyOnClosedPipe(
  stream: NodeJS.WritableStream,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") exit(0);
    else throw err;
  });
}
