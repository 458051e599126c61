// On a terminal the shell cannot stop the line editor echoing a paste, so what it says about
// redaction must be true there: its answer is redacted, the echoed paste above it is not.
import { describe, expect, it } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";
import { shellOnTerminal } from "../../helpers/terminal.js";

const terminal = async (chunks: string[], pauseMs = 600) =>
  (await shellOnTerminal(chunks.map((c): [string, number] => [c, pauseMs]))).out;

const paste = [
  "INVITE sip:+14155550123@203.0.113.10 SIP/2.0",
  'Proxy-Authorization: Digest username="alice", realm="example.com", response="6629fae49393a05397450978507c4ef1"',
  "CSeq: 2 INVITE",
  "",
  "SIP/2.0 403 Forbidden",
  "CSeq: 2 INVITE",
  "",
  "",
].join("\n");

describe("redaction as the shell words it", () => {
  it("on a terminal, a scanned paste says its answer is redacted and the echoed paste is not", async () => {
    const out = await terminal([paste]);
    expect(out).toContain(
      "redacted in sipcode's answer; the terminal still shows your paste above as you pasted it.",
    );
    expect(out).not.toContain("redacted before anything is shown");
    expect(out).toMatch(
      /Answers redact secrets and phone numbers; what you paste stays on screen as pasted\./,
    );
  });

  it("over a pipe nothing is echoed, so the scan card's own sentence stands", async () => {
    const io = memoryIo(paste);
    await main(["shell"], io);
    expect(io.out()).toContain("redacted before anything is shown");
    expect(io.out()).not.toContain("6629fae49393a05397450978507c4ef1");
  });
});
