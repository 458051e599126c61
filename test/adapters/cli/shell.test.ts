// The shell as people use it: pastes kept whole whatever their first line, a line typed alone
// answered alone, quit/help in any case, `scan <file>`. On a terminal a paste arrives at once and
// typed lines arrive one by one, so the terminal tests feed the shell with pauses between chunks.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/adapters/cli/main.js";
import { memoryIo } from "../../helpers/io.js";
import { shellOnTerminal } from "../../helpers/terminal.js";

/** The shell over a pipe (every line arrives at once). */
async function shell(lines: string[]) {
  const io = memoryIo(`${lines.join("\n")}\n`);
  const code = await main(["shell"], io);
  return { code, out: io.out() };
}

const terminal = (chunks: string[], pauseMs = 600) =>
  shellOnTerminal(chunks.map((c): [string, number] => [c, pauseMs]));

const ngrep = [
  "U 10.0.0.9:5060 -> 10.0.0.5:5060",
  "SIP/2.0 488 Not Acceptable Here",
  "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds",
  "CSeq: 314159 INVITE",
  "Content-Type: application/sdp",
  "",
  "v=0",
  "o=- 0 0 IN IP4 10.0.0.9",
];

describe("a paste whose first line is a packet or header line", () => {
  it.each([
    ["ngrep", "U 10.0.0.9:5060 -> 10.0.0.5:5060"],
    ["ngrep TCP", "T 10.0.0.9:5060 -> 10.0.0.5:5060 [AP]"],
    ["pjsip", "RX 512 bytes Response msg 488/INVITE/cseq=1 (rdata0x7f) from UDP 10.0.0.9:5060:"],
    ["sofia-sip", "recv 512 bytes from udp/[10.0.0.9]:5060 at 10:00:00.000:"],
    ["Asterisk", "<--- SIP read from UDP:10.0.0.9:5060 --->"],
    ["tcpdump", "IP 10.0.0.9.5060 > 10.0.0.5.5060: SIP, length: 400"],
  ])("%s: one scan that names the sender of the packet", async (_, first) => {
    const r = await shell([first, "SIP/2.0 488 Not Acceptable Here", "CSeq: 1 INVITE", "", "quit"]);
    expect(r.code).toBe(0);
    expect(r.out.match(/First failure:/g)).toHaveLength(1);
    expect(r.out).toMatch(/Likely failing component +10\.0\.0\.9:5060/);
    expect(r.out).not.toMatch(/No entry for|not a registered response code/);
  });

  it.each([["#"], ["Call-ID: a84b4c76e66710"], ["Session ID: 0"]])(
    "%s: one scan of the whole paste",
    async (first) => {
      const r = await shell([first, "SIP/2.0 488 Not Acceptable Here", "CSeq: 1 INVITE", "", "quit"]);
      expect(r.out.match(/First failure:/g)).toHaveLength(1);
      expect(r.out).toMatch(/First failure: SIP 488 Not Acceptable Here/);
      expect(r.out).not.toMatch(/No entry for|^ACS/m);
    },
  );

  it("on a terminal, a paste arriving at once is one scan whatever its first line", async () => {
    const r = await terminal([
      `${ngrep.join("\n")}\n\n`,
      "Session ID: 0\nSIP/2.0 503 Service Unavailable\n\n",
    ]);
    expect(r.out.match(/First failure:/g)).toHaveLength(2);
    expect(r.out).toMatch(/Likely failing component +10\.0\.0\.9:5060/);
    expect(r.out).toMatch(/First failure: SIP 503 Service Unavailable/);
    expect(r.out).not.toMatch(/No entry for|^ACS/m);
  });
});

describe("a single line typed on its own", () => {
  it("on a terminal, `SIP/2.0 486 Busy Here` typed and Enter gets the 486 card", async () => {
    const r = await terminal(["SIP/2.0 486 Busy Here\n", "488\n"]);
    expect(r.out).toMatch(/^SIP 486 Busy Here$/m);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here$/m);
    expect(r.out).not.toMatch(/First failure|Codes found/);
  });

  it("on a terminal, a pasted trace that starts with a status line is still read whole", async () => {
    const r = await terminal([
      "SIP/2.0 503 Service Unavailable\nCSeq: 2 INVITE\nServer: CarrierSBC/4.2\n\nv=0\n\n",
      "quit\n",
    ]);
    expect(r.out.match(/First failure:/g)).toHaveLength(1);
    expect(r.out).toMatch(/First failure: SIP 503 Service Unavailable/);
    expect(r.out).toMatch(/Codes found +1 /);
  });

  it("over a pipe, a status line followed by a question is answered as a line of its own", async () => {
    const r = await shell(["SIP/2.0 486 Busy Here", "488", "quit", "ignored"]);
    expect(r.out).toMatch(/^SIP 486 Busy Here$/m);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here$/m);
    expect(r.out).not.toMatch(/First failure/);
  });

  it("`paste` then one line scans it", async () => {
    const r = await shell(["paste", "SIP/2.0 486 Busy Here", "", "quit"]);
    expect(r.out).toMatch(/First failure: SIP 486 Busy Here/);
  });
});

describe("related codes in the shell", () => {
  it("are named by their titles", async () => {
    const { out } = await shell(["488", "quit"]);
    expect(out).toMatch(/^Related: SIP 415 Unsupported Media Type/m);
  });
});

describe("leaving and asking for help", () => {
  it.each([["QUIT"], ["Exit"], ["EXIT"], ["Quit"]])("%s leaves the shell", async (word) => {
    const r = await shell([word, "488"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
  });

  it("QUIT leaves a terminal session", async () => {
    const r = await terminal(["QUIT\n", "488\n"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/SIP 488/);
  });

  it.each([["help me"], ["Help"], ["help?"], ["HELP please"]])("%s shows the help", async (words) => {
    const r = await shell([words, "quit"]);
    expect(r.out).toMatch(/^sipcode: telecom error codes, explained/);
    expect(r.out).not.toMatch(/One-way audio/);
  });

  it.each([["sip timers"], ["Timers?"], ["TIMERS"]])("%s opens the timers card", async (words) => {
    const r = await shell([words, "quit"]);
    expect(r.out).toMatch(/^SIP and Webex Calling timers/);
  });
});

describe("scan <file>", () => {
  const dir = mkdtempSync(join(tmpdir(), "sipcode-shell-"));

  it("scans the file, as sipcode scan FILE does", async () => {
    const file = join(dir, "ngrep.txt");
    writeFileSync(file, `${ngrep.join("\n")}\n`);
    const r = await shell([`scan ${file}`, "quit"]);
    expect(r.out).toMatch(/^First failure: SIP 488 Not Acceptable Here/);
    expect(r.out).toContain(file);
    expect(r.out).toMatch(/Likely failing component +10\.0\.0\.9:5060/);
  });

  it("reads a gzip-compressed file", async () => {
    const file = join(dir, "syslog.2.gz");
    writeFileSync(file, gzipSync("SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\n"));
    const r = await shell([`SCAN ${file}`, "quit"]);
    expect(r.out).toMatch(/First failure: SIP 503 Service Unavailable/);
  });

  it("a path that does not exist says so instead of 'No error codes found'", async () => {
    const r = await shell([`scan ${join(dir, "missing.log")}`, "quit"]);
    expect(r.out).toMatch(/^Cannot read .*missing\.log: no such file\./);
    expect(r.out).not.toMatch(/No error codes found/);
  });

  it("text after scan is still scanned as text", async () => {
    const r = await shell(["scan SIP/2.0 486 Busy Here", "quit"]);
    expect(r.out).toMatch(/First failure: SIP 486 Busy Here/);
  });
});

describe("codes pasted one per line", () => {
  it("on a terminal, `486⏎487⏎` is answered like `sipcode 486 487`", async () => {
    const r = await terminal(["486\n487\n", "\n", "quit\n"]);
    expect(r.out).toMatch(/^SIP 486 Busy Here$/m);
    expect(r.out).toContain("2 codes asked about together: 486 and 487");
    expect(r.out).toMatch(/^SIP 487 Request Terminated$/m);
    expect(r.out).not.toMatch(/No error codes found|found no/);
  });

  it("needs no empty line after the codes", async () => {
    const r = await terminal(["486\n487\n488\n486\n", "quit\n"]);
    expect(r.out).toContain("3 codes asked about together: 486 and 487 and 488");
  });

  it("Q.850 causes or subcodes one per line are answered one by one", async () => {
    const r = await terminal(["16\n17\n", "quit\n"]);
    expect(r.out).toMatch(/^Q\.850 cause 16 Normal call clearing$/m);
    expect(r.out).toMatch(/^Q\.850 cause 17 User busy$/m);
    expect(r.out).not.toMatch(/No error codes found|No entry for/);
  });

  it("type-ahead `488⏎quit⏎` arriving at once answers 488, then leaves", async () => {
    const r = await terminal(["488\nquit\n", "486\n"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here$/m);
    expect(r.out).not.toMatch(/No error codes found|SIP 486/);
  });

  it("a code then a question in one chunk: each answered as typed", async () => {
    const r = await terminal(["488\none way audio\n", "quit\n"]);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here$/m);
    expect(r.out).toMatch(/one-way audio/i);
    expect(r.out).not.toMatch(/No error codes found/);
  });

  it("a code followed by a trace is still one paste, scanned whole", async () => {
    const r = await terminal(["488\nSIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\n\n", "quit\n"]);
    expect(r.out.match(/First failure:/g)).toHaveLength(1);
    expect(r.out).toMatch(/First failure: SIP 503 Service Unavailable/);
  });
});

describe("Ctrl-C", () => {
  const CTRL_C = "\u0003";

  it("drops a paste not yet ended, scans nothing of it, and keeps the shell", async () => {
    const r = await terminal([ngrep.join("\n"), CTRL_C, "486\n", "quit\n"]);
    expect(r.out).not.toMatch(/First failure|Codes found/);
    expect(r.out).toMatch(/^SIP 486 Busy Here$/m);
  });

  it("drops a half-typed line: the next line is asked alone", async () => {
    const r = await terminal(["48", CTRL_C, "486\n", "quit\n"]);
    expect(r.out).toMatch(/^SIP 486 Busy Here$/m);
    expect(r.out).not.toMatch(/No entry for "?48"?|SIP 48486|^SIP 488/m);
  });

  it("on an empty prompt says how to leave; a second one in a row leaves", async () => {
    const r = await terminal([CTRL_C, CTRL_C, "486\n"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("(To leave, press Ctrl-C again, Ctrl-D, or type quit.)");
    expect(r.out).not.toMatch(/SIP 486/);
  });

  it("after other keys, a Ctrl-C on an empty prompt only warns again", async () => {
    const r = await terminal([CTRL_C, "486\n", CTRL_C, "488\n", "quit\n"]);
    expect(r.out.match(/To leave, press Ctrl-C again/g)).toHaveLength(2);
    expect(r.out).toMatch(/^SIP 486 Busy Here$/m);
    expect(r.out).toMatch(/^SIP 488 Not Acceptable Here$/m);
  });

  it("the greeting says what Ctrl-C and Ctrl-D do", async () => {
    const r = await terminal(["quit\n"]);
    expect(r.out).toMatch(/Ctrl-C cancels a line or paste; `quit` or Ctrl-D leaves/);
  });
});
