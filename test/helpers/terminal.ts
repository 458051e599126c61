// The shell on a simulated terminal: each chunk is typed or pasted at once (a "\n" arrives as the
// Enter key's "\r"), then the given pause; the output comes back without the line editor's cursor
// movements and prompts' escape codes.
import { PassThrough } from "node:stream";
import { type Io, main } from "../../src/adapters/cli/main.js";

const ESC = String.fromCharCode(27);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function shellOnTerminal(
  chunks: Array<[string, number]>,
): Promise<{ code: number; out: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  let out = "";
  stdout.on("data", (d) => {
    out += String(d);
  });
  const io: Io = { stdin, stdout, stderr: new PassThrough() };
  const done = main(["--no-color", "shell"], io);
  for (const [chunk, pauseMs] of chunks) {
    stdin.write(chunk.replace(/\n/g, "\r"));
    await sleep(pauseMs);
  }
  stdin.end();
  const code = await done;
  return { code, out: out.replace(new RegExp(`${ESC}\\[[0-9;]*[A-Za-z]`, "g"), "") };
}
