// Interactive chat with the engine in a terminal: prompt, history, multi-line pastes ended by an
// empty line (a blank line inside a SIP message, before its SDP, does not end it), `help` and
// `quit`. Works on pipes too (no prompt), which keeps it testable.
import { createInterface } from "node:readline";
import type { Catalog } from "../../catalog/indexes.js";
import type { Config } from "../../config.js";
import { cardsToText } from "../../render/text.js";
import { respond } from "../../respond.js";
import type { Io } from "./main.js";

/** A line that starts a pasted log rather than a one-line question. */
const LOG_START =
  /^(?:SIP\/2\.0|INVITE|REGISTER|OPTIONS|BYE|ACK|CANCEL|UPDATE|PRACK|NOTIFY|SUBSCRIBE|REFER|INFO|MESSAGE)\b|^\d{4}-\d\d-\d\d|^\d\d:\d\d:\d\d|^[A-Z][a-z]{2} +\d+ \d\d:|^\[|^<\d+>|^\{|^-{5,}|^[UT] \d{4}\/\d\d\/\d\d|^(?:UDP|TCP|TLS|WSS?) message (?:received|sent)|^paste$/;
/**
 * After an empty line inside a paste, a line like these continues the same log: the SDP after a
 * SIP message's blank line, a header, an indented or timestamped line, the next message.
 */
const LOG_CONTINUES = /^[a-z]=|^[A-Za-z][\w.-]*\s*:\s|^\s+\S|^[}\]]/;
/** On a terminal, lines arriving this soon after an empty line are the rest of the same paste. */
const PASTE_BURST_MS = 150;
/** How long an empty line waits for more of a paste before the paste is answered. */
const PASTE_SETTLE_MS = 400;

export async function runShell(catalog: Catalog, io: Io, config: Config): Promise<void> {
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const rl = createInterface({
    input: io.stdin,
    output: interactive ? io.stdout : undefined,
    terminal: interactive,
    historySize: 500,
    prompt: "sipcode> ",
  });
  const colour = interactive && !config.noColor;
  const say = (s: string) => io.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
  if (interactive) {
    say(
      "sipcode shell: type a code (488, acs 410/3112, q850 16), a symptom, `timers`, or paste a log and end it with an empty line. `help`, `quit`.",
    );
  }
  let paste = null as string[] | null;
  /** Inside a paste: when an empty line arrived (0 when the last line was not empty). */
  let blankAt = 0;
  let settle: NodeJS.Timeout | undefined;
  const answer = (text: string) => {
    const reply = respond(catalog, text, "shell", { maskPhoneNumbers: config.maskPhoneNumbers });
    say(cardsToText(reply.cards, { colour }));
  };
  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt(paste ? "....... " : "sipcode> ");
    rl.prompt();
  };
  const finishPaste = () => {
    clearTimeout(settle);
    const text = paste?.join("\n") ?? "";
    paste = null;
    blankAt = 0;
    if (text.trim() !== "") answer(`scan ${text}`);
  };
  const command = (line: string): boolean => {
    const cmd = line.trim();
    if (cmd === "quit" || cmd === "exit" || cmd === "\\q") return false;
    if (cmd === "paste") paste = [];
    else if (LOG_START.test(cmd) || cmd.length > 200) paste = [line];
    else if (cmd !== "") answer(cmd);
    return true;
  };
  prompt();
  for await (const raw of rl) {
    const line = raw.replace(/\r$/, "");
    if (paste && blankAt > 0) {
      // The line after an empty one: more of the same log, or the paste is over.
      clearTimeout(settle);
      const burst = interactive && Date.now() - blankAt < PASTE_BURST_MS;
      if (line.trim() !== "" && (burst || LOG_CONTINUES.test(line) || LOG_START.test(line.trim()))) {
        paste.push("", line);
        blankAt = 0;
      } else {
        finishPaste();
        if (!command(line)) break;
      }
    } else if (paste) {
      if (line.trim() === "") {
        blankAt = Date.now();
        // On a terminal the answer comes once the paste has stopped arriving.
        if (interactive)
          settle = setTimeout(() => {
            finishPaste();
            prompt();
          }, PASTE_SETTLE_MS);
      } else paste.push(line);
    } else if (!command(line)) break;
    if (blankAt === 0) prompt();
  }
  clearTimeout(settle);
  if (paste) finishPaste();
  rl.close();
}
