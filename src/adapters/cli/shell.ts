// Interactive chat with the engine in a terminal: prompt, history, multi-line pastes ended by an
// empty line (a blank line inside a SIP message, before its SDP, does not end it), `help` and
// `quit`. Works on pipes too (no prompt), which keeps it testable.
//
// On a terminal a paste arrives all at once while typed lines arrive one at a time, so a line
// followed within a moment by more lines starts a paste whatever it says (a packet line, a header),
// and a line that arrives alone is answered alone: `SIP/2.0 486 Busy Here` typed by hand gets the
// 486 card. The same holds for empty lines: lines that arrive in one burst are one paste whatever
// empty lines they hold (Asterisk's `pjsip set logger on` and `sip set debug on` print two of them
// after every message without a body), while an empty line followed by a pause, or two typed by
// hand, ends it. On a pipe every line arrives at once, so there the lines themselves decide. Bare
// codes pasted one per line are a list of questions, not a log, and a command typed ahead after
// them (`488⏎quit⏎` in one chunk) still runs.
//
// Ctrl-C cancels what is being typed or pasted and keeps the session, as bash and python do; on
// an empty prompt it says how to leave, and a second Ctrl-C in a row leaves.
import { createInterface, type Interface } from "node:readline";
import type { Catalog } from "../../catalog/indexes.js";
import type { CliConfig } from "../../config.js";
import { labelLinks } from "../../render/link-labels.js";
import { cardsToText } from "../../render/text.js";
import { respond } from "../../respond.js";
import { commandText } from "./args.js";
import { logFilesNamed } from "./file-args.js";
import type { Io } from "./main.js";
import { codeQuestions, continuesLog, isBareCode, isPacketHeader, onlyCodes, startsLog } from "./paste.js";
import { scanPathOf, scanPathReply } from "./shell-scan.js";

/** On a terminal, lines arriving this soon after the previous one are the rest of the same paste. */
const PASTE_BURST_MS = 150;
/** How long an empty line waits for more of a paste before the paste is answered. */
const PASTE_SETTLE_MS = 400;
const QUIT = /^(?:quit|exit|\\q)$/i;
const LEAVE_HINT = "(To leave, press Ctrl-C again, Ctrl-D, or type quit.)";
/**
 * On a terminal the line editor echoes a paste as it arrives, and sipcode cannot take that back,
 * so the scan card's "redacted before anything is shown" would be false comfort on a shared
 * screen: the shell says what is redacted and what is not.
 */
const PASTE_FOOTER =
  "Secrets (credentials, tokens, digest values) and phone numbers are redacted in sipcode's answer; the terminal still shows your paste above as you pasted it.";

export async function runShell(
  catalog: Catalog,
  io: Io,
  config: CliConfig,
  opts: { colour?: boolean } = {},
): Promise<void> {
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const rl = createInterface({
    input: io.stdin,
    output: interactive ? io.stdout : undefined,
    terminal: interactive,
    historySize: 500,
    prompt: "sipcode> ",
  });
  const colour = interactive && (opts.colour ?? !config.noColor);
  const say = (s: string) => io.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
  if (interactive) {
    say(
      "sipcode shell: type a code (488, acs 410/3112, q850 16), a symptom, `timers`, or paste a log and end it with an empty line. `help`; Ctrl-C cancels a line or paste; `quit` or Ctrl-D leaves. Answers redact secrets and phone numbers; what you paste stays on screen as pasted.",
    );
  }
  /** The lines of a paste being collected (null: none). */
  let paste = null as string[] | null;
  /** The paste was asked for with `paste`, so even one line of it is scanned. */
  let explicit = false;
  /** Inside a paste: when an empty line arrived (0 when the last line was not empty). */
  let blankAt = 0;
  /** Inside a paste: how many empty lines in a row came last, kept so line numbers match the paste. */
  let blanks = 0;
  /** When the previous line arrived: a line right after it is part of the same burst. */
  let lastAt = 0;
  let settle: NodeJS.Timeout | undefined;
  /** On a terminal: a first line waiting to see whether more of a paste follows it. */
  let alone: NodeJS.Timeout | undefined;
  /** Answers run one after another, also those a timer starts. */
  let queue: Promise<void> = Promise.resolve();
  const later = (f: () => void | Promise<void>) => {
    queue = queue.then(f).catch((err: Error) => {
      say(`sipcode: internal error: ${err.message}`);
    });
  };

  const answer = (text: string) => {
    const reply = respond(catalog, text, "shell", { maskPhoneNumbers: config.maskPhoneNumbers });
    const cards = interactive
      ? reply.cards.map((c) =>
          c.footer && /\bredacted\b/.test(c.footer) ? { ...c, footer: PASTE_FOOTER } : c,
        )
      : reply.cards;
    say(
      cardsToText(
        labelLinks(cards, (id) => catalog.byId.get(id)),
        { colour },
      ),
    );
  };
  /** One line on its own: a command, a question or a one-line log. */
  const ask = async (line: string) => {
    const text = commandText(line);
    // `scan trace.log`, or `trace.log` alone when that file exists.
    const path = scanPathOf(text) ?? logFilesNamed([text])?.[0];
    if (path !== undefined) say(await scanPathReply(catalog, io, config, path, colour));
    else answer(text);
  };
  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt(paste ? "....... " : "sipcode> ");
    rl.prompt();
  };
  /** Ends the paste now; its answer follows the answers already under way. */
  const finishPaste = () => {
    clearTimeout(settle);
    clearTimeout(alone);
    alone = undefined;
    const lines = paste ?? [];
    const asked = explicit;
    paste = null;
    explicit = false;
    blankAt = 0;
    blanks = 0;
    const filled = lines.filter((l) => l.trim() !== "");
    if (filled.length === 0) return;
    // One line that arrived on its own is a question or a one-line log, answered as typed; codes
    // pasted one per line are asked as a list (see codeQuestions).
    if (filled.length === 1 && !asked) later(() => ask(filled[0]?.trim() ?? ""));
    else if (!asked && onlyCodes(filled)) for (const q of codeQuestions(filled)) later(() => ask(q));
    else later(() => answer(`scan ${lines.join("\n")}`));
  };
  /** A line outside a paste. False when it asks to leave. */
  const command = (line: string): boolean => {
    const cmd = line.trim();
    if (QUIT.test(cmd)) return false;
    if (cmd.toLowerCase() === "paste") {
      paste = [];
      explicit = true;
    } else if (interactive && cmd !== "") {
      paste = [line];
      alone = setTimeout(() => {
        alone = undefined;
        finishPaste();
        later(prompt);
      }, PASTE_BURST_MS);
    } else if (startsLog(cmd) || cmd.length > 200) paste = [line];
    else if (cmd !== "") later(() => ask(cmd));
    return true;
  };
  /** Blank line inside a paste: on a terminal the answer comes once the paste stops arriving. */
  const blank = () => {
    blankAt = Date.now();
    blanks++;
    clearTimeout(settle);
    if (interactive)
      settle = setTimeout(() => {
        finishPaste();
        later(prompt);
      }, PASTE_SETTLE_MS);
  };

  /** The previous key was a Ctrl-C on an empty prompt, so another one leaves. */
  let leaving = false;
  rl.on("SIGINT", () => {
    const typed = rl.line !== "" || paste !== null;
    // The cancelled paste is dropped whole: nothing of it is scanned.
    clearTimeout(settle);
    clearTimeout(alone);
    alone = undefined;
    paste = null;
    explicit = false;
    blankAt = 0;
    blanks = 0;
    if (!typed && leaving) {
      rl.close();
      return;
    }
    leaving = !typed;
    endLine(rl);
    if (leaving) say(LEAVE_HINT);
    prompt();
  });
  // Any other key makes the next Ctrl-C a cancel again.
  const onKey = (_s: string, key?: { name?: string; ctrl?: boolean }) => {
    if (!(key?.ctrl && key.name === "c")) leaving = false;
  };
  io.stdin.on("keypress", onKey);

  prompt();
  for await (const raw of rl) {
    const line = raw.replace(/\r$/, "");
    const now = Date.now();
    // On a terminal, a line this close behind the previous one was pasted with it, not typed.
    const burst = interactive && now - lastAt < PASTE_BURST_MS;
    lastAt = now;
    if (paste && !explicit) clearTimeout(settle);
    if (paste && !explicit && onlyCodes(paste) && typedAhead(line)) {
      // Codes then a command or a question in one chunk (`488⏎quit⏎` typed ahead): answer the
      // codes, then take the line as typed.
      finishPaste();
      if (!command(line)) break;
    } else if (paste && alone) {
      // Terminal: more arrived right after the first line, so this is a paste.
      clearTimeout(alone);
      alone = undefined;
      if (line.trim() === "") blank();
      else paste.push(line);
    } else if (paste && blankAt > 0) {
      // The line after an empty one: more of the same log, or the paste is over.
      clearTimeout(settle);
      if (line.trim() === "" && burst) blank();
      else if (line.trim() !== "" && (burst || continuesLog(line))) {
        paste.push(...Array<string>(blanks).fill(""), line);
        blankAt = 0;
        blanks = 0;
      } else {
        finishPaste();
        if (line.trim() !== "" && !command(line)) break;
      }
    } else if (paste) {
      if (line.trim() === "") blank();
      else if (!interactive && tentative(paste, explicit) && !continuesLog(line)) {
        // Pipe: a log-like line followed by a question was a line on its own.
        finishPaste();
        if (!command(line)) break;
      } else paste.push(line);
    } else if (!command(line)) break;
    // Codes pasted one per line need no empty line after them: they are answered once the paste
    // stops arriving.
    const codes = interactive && paste && !explicit && !alone && blankAt === 0 && onlyCodes(paste);
    if (codes)
      settle = setTimeout(() => {
        finishPaste();
        later(prompt);
      }, PASTE_SETTLE_MS);
    await queue;
    if (blankAt === 0 && !alone && !codes) prompt();
  }
  clearTimeout(settle);
  clearTimeout(alone);
  await queue;
  if (paste) finishPaste();
  await queue;
  io.stdin.off("keypress", onKey);
  rl.close();
}

/** Ends the line being edited where it is (`48^C`) and empties it, as the node REPL does. */
function endLine(rl: Interface): void {
  const withClear = rl as Interface & { clearLine?: () => void };
  if (typeof withClear.clearLine === "function") withClear.clearLine();
  else rl.write(null, { ctrl: true, name: "u" });
}

/** A line after pasted codes that is neither another code nor part of a log: typed on its own. */
function typedAhead(line: string): boolean {
  return line.trim() !== "" && !isBareCode(line) && !startsLog(line);
}

/** A pipe's paste of one line that may still turn out to be a line on its own. */
function tentative(paste: string[], explicit: boolean): boolean {
  return !explicit && paste.length === 1 && !isPacketHeader(paste[0] ?? "");
}
