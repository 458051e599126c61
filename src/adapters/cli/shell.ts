// Interactive chat with the engine in a terminal: prompt, history, multi-line pastes ended by an
// empty line, `help` and `quit`. Works on pipes too (no prompt), which keeps it testable.
import { createInterface } from "node:readline";
import type { Catalog } from "../../catalog/indexes.js";
import type { Config } from "../../config.js";
import { cardsToText } from "../../render/text.js";
import { respond } from "../../respond.js";
import type { Io } from "./main.js";

/** A line that starts a pasted log rather than a one-line question. */
const LOG_START =
  /^(?:SIP\/2\.0|INVITE|REGISTER|OPTIONS|BYE|ACK|CANCEL|UPDATE|PRACK|NOTIFY|SUBSCRIBE|REFER|INFO|MESSAGE)\b|^\d{4}-\d\d-\d\d|^\d\d:\d\d:\d\d|^[A-Z][a-z]{2} +\d+ \d\d:|^\[|^<\d+>|^\{|^paste$/;

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
  let paste: string[] | null = null;
  const answer = (text: string) => {
    const reply = respond(catalog, text, "shell", { maskPhoneNumbers: config.maskPhoneNumbers });
    say(cardsToText(reply.cards, { colour }));
  };
  if (interactive) rl.prompt();
  for await (const raw of rl) {
    const line = raw.replace(/\r$/, "");
    if (paste) {
      if (line.trim() === "") {
        const text = paste.join("\n");
        paste = null;
        if (text.trim() !== "") answer(`scan ${text}`);
      } else paste.push(line);
    } else {
      const cmd = line.trim();
      if (cmd === "quit" || cmd === "exit" || cmd === "\\q") break;
      if (cmd === "paste") paste = [];
      else if (LOG_START.test(cmd) || cmd.length > 200) paste = [line];
      else if (cmd !== "") answer(cmd);
    }
    if (interactive) {
      rl.setPrompt(paste ? "....... " : "sipcode> ");
      rl.prompt();
    }
  }
  if (paste && paste.length > 0) answer(`scan ${paste.join("\n")}`);
  rl.close();
}
