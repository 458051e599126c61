// A reader that stops early (`sipcode --json scan big.log | head`) ends the output quietly with
// exit 0, with no stack trace, whatever the output and its size.
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { endQuietlyOnClosedPipe } from "../../../src/adapters/cli/pipe.js";
import { memoryIo } from "../../helpers/io.js";

describe("a closed pipe", () => {
  it("ends quietly with status 0 on EPIPE", () => {
    const stream = new PassThrough();
    const exits: number[] = [];
    endQuietlyOnClosedPipe(stream, (code) => exits.push(code));
    endQuietlyOnClosedPipe(stream, (code) => exits.push(code));
    stream.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    expect(exits).toEqual([0]);
  });

  it("says why in one line and exits 1 on other write errors", () => {
    const stream = new PassThrough();
    const exits: number[] = [];
    const said: string[] = [];
    endQuietlyOnClosedPipe(
      stream,
      (code) => exits.push(code),
      (line) => said.push(line),
    );
    stream.emit(
      "error",
      Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }),
    );
    stream.emit("error", Object.assign(new Error("EIO: i/o error, write"), { code: "EIO" }));
    expect(exits).toEqual([1, 1]);
    expect(said).toEqual([
      "sipcode: cannot write the output: no space left on device\n",
      "sipcode: cannot write the output: i/o error\n",
    ]);
  });

  it("is how the command ends when its reader goes away mid-scan", async () => {
    const log = Array.from(
      { length: 200 },
      (_, i) => `2024-05-02 02:13:${String(i % 60).padStart(2, "0")} SIP/2.0 503 Service Unavailable`,
    ).join("\n");
    // Standard output as a pipe whose reader is gone: every write fails with EPIPE.
    const stdout = new Writable({
      write(_chunk, _enc, done) {
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const io = memoryIo(log);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    try {
      await main(["--json", "scan"], { ...io, stdout });
      await new Promise((r) => setImmediate(r));
      expect(exit).toHaveBeenCalledWith(0);
      expect(io.err()).toBe("");
    } finally {
      exit.mockRestore();
    }
  });
});
