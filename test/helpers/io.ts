// In-memory stdin/stdout/stderr for running the CLI in-process.
import { PassThrough, Readable } from "node:stream";
import type { Io } from "../../src/adapters/cli/main.js";

export function memoryIo(stdinText = "", tty = false): Io & { out(): string; err(): string } {
  let out = "";
  let err = "";
  const stdout = new PassThrough();
  stdout.on("data", (d) => {
    out += String(d);
  });
  const stderr = new PassThrough();
  stderr.on("data", (d) => {
    err += String(d);
  });
  const stdin = Readable.from([stdinText]) as Readable & { isTTY?: boolean };
  stdin.isTTY = tty;
  return {
    stdout: Object.assign(stdout, { isTTY: tty }),
    stderr,
    stdin,
    out: () => out,
    err: () => err,
  };
}
