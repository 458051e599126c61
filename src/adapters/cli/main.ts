// The sipcode command: explain (default), search, scan, timers, shell, serve, start.
// Exit status: 0 answered (an unknown code is an answer), 2 usage error, 1 internal failure.
import { loadCatalog } from "../../catalog/load.js";
import { type CliConfig, type Config, loadCliConfig, loadConfig, PLATFORM_VARIABLES } from "../../config.js";
import { analyze } from "../../engine/analyze.js";
import { explain } from "../../engine/explain.js";
import { route } from "../../engine/route.js";
import { scanText } from "../../engine/scan/scanner.js";
import { searchText } from "../../engine/search.js";
import { computeTimers } from "../../engine/timers.js";
import { ConfigError, SipcodeError, UsageError } from "../../errors.js";
import { entryLabel, explainCards } from "../../render/card.js";
import { labelLinks } from "../../render/link-labels.js";
import { scanCard } from "../../render/scan-card.js";
import { cardsToText } from "../../render/text.js";
import { timersCard } from "../../render/timers-card.js";
import { commandText, parseArgs, type Subcommand, version } from "./args.js";
import { fileHint, logPathsNamed } from "./file-args.js";
import { explainJson, scanFileJson, timersJson } from "./json.js";
import { readsAsLog } from "./paste.js";
import { endQuietlyOnClosedPipe } from "./pipe.js";
import { runScan } from "./scan-command.js";

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

const USAGE = `Usage:
  sipcode <query>                 explain a code (same as: sipcode explain <query>)
  sipcode "<log of several lines>" scan the pasted log (same as: sipcode scan, from the argument)
  sipcode trace.log [FILE …]      scan log files named alone (same as: sipcode scan FILE …)
  sipcode explain <query> [--json]
  sipcode search <words> [--json] list entries matching free text
  sipcode scan [--json] [FILE …]  find every code in log files (stdin when no FILE or -)
  sipcode timers [--json] [expires=3600] [t1=1s] [session-expires=1800] [keepalive] [32s] [ims]
  sipcode shell                   interactive chat with the same engine
  sipcode serve                   run the Slack/Teams HTTP server
  sipcode start                   server when chat credentials are set, else the shell (npm start)

Queries: 488 · sip 488 · q850 16 · cause 16 · mobius 118 · mobius 503 · acs 3112 · acs 410/3112
         acs 410 3112 · exotel 1008 · http 429 · one way audio · busy here · not aceptable
Options (before or after the command): --json  machine-readable output   --no-color  plain text
         -h, --help   -v, --version
`;

const TIMERS_FORMS =
  "Accepted: sipcode timers [t1=500ms] [t2=4s] [t4=5s] [expires=3600] [session-expires=1800] [min-se=90] [32s] [keepalive] [ims]";

function write(io: Io, text: string): void {
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** The words after a mistyped command word ("scna trace.log"), given as one argument or several. */
function typoFiles(rest: readonly string[]): string[] {
  const [first = "", ...others] = rest;
  return others.length > 0 ? [...others] : first.trim().split(/\s+/).slice(1);
}

export async function main(argv: string[], io: Io = process): Promise<number> {
  let config: CliConfig;
  try {
    config = loadCliConfig();
  } catch (err) {
    return configProblem(io, err);
  }
  try {
    const args = parseArgs(argv);
    const flags = {
      ...args,
      colour: args.colour ?? (Boolean(io.stdout.isTTY) && !config.noColor),
    };
    // A query that names a command in other words ("sip timers", "timers?", "timer 32s") runs it,
    // as the shell and chat do; the calculator's own arguments follow the command word.
    let cmd: Subcommand = args.command ?? "explain";
    if (args.command === null && args.rest.join("").trim() !== "") {
      const intent = route(commandText(args.rest.join(" ")));
      // `sipcode trace.log`: the files are scanned, as `sipcode scan trace.log` would; a directory
      // among them is reported as `scan` reports it, not looked up as words.
      const files = logPathsNamed(args.rest);
      if (files) {
        cmd = "scan";
        flags.rest = files;
      } else if (intent.type === "help") cmd = "help";
      else if (intent.type === "scan" && intent.asked && typoFiles(args.rest).length > 0) {
        // `sipcode scna trace.log`: a typo of scan scans the files named after it, as chat does.
        cmd = "scan";
        flags.rest = typoFiles(args.rest);
      } else if (intent.type === "timers") {
        cmd = "timers";
        flags.rest = intent.args;
      }
    }
    if (flags.version) {
      write(io, `sipcode ${version()}`);
      return 0;
    }
    if (flags.help || cmd === "help" || argv.length === 0) {
      write(io, USAGE);
      return 0;
    }
    // The server's output is its logs, not an answer someone pipes into `head`.
    if (cmd !== "serve" && cmd !== "start") {
      endQuietlyOnClosedPipe(io.stdout);
      endQuietlyOnClosedPipe(io.stderr);
    }
    if (cmd === "shell" || cmd === "serve" || cmd === "start")
      return await runLong(cmd, io, config, flags.colour);
    const catalog = loadCatalog(config.catalogDir);
    // Related codes read as titles ("SIP 415 Unsupported Media Type"), as in chat.
    const text = (cards: Parameters<typeof cardsToText>[0]) =>
      write(
        io,
        cardsToText(
          labelLinks(cards, (id) => catalog.byId.get(id)),
          { colour: flags.colour },
        ),
      );
    switch (cmd) {
      case "explain": {
        const query = flags.rest.join(" ");
        // A log pasted as the argument (`sipcode "$(cat trace.txt)"`) is scanned, not looked up,
        // with or without the word explain: looked up as words, its header values (a
        // Content-Length of 300) would be taken for codes. `sipcode 488` ≡ `sipcode explain 488`.
        if (query.trim().includes("\n") && readsAsLog(query)) {
          if (args.command === "explain")
            io.stderr.write(
              "sipcode: the text given is a log of several lines, so it was scanned as `sipcode scan` would.\n",
            );
          const scan = scanText(catalog, query, { maskPhoneNumbers: config.maskPhoneNumbers });
          const analysis = analyze(catalog, scan);
          if (flags.json) write(io, JSON.stringify({ files: [scanFileJson(null, scan, analysis)] }, null, 2));
          else text([scanCard(analysis, { source: "the text given on the command line" })]);
          return 0;
        }
        if (query.trim() === "") {
          io.stderr.write(
            `sipcode: the query is empty. Try: sipcode 488, sipcode acs 410/3112, sipcode one way audio\n`,
          );
          return 2;
        }
        const result = explain(catalog, query);
        const hint = fileHint(flags.rest);
        if (hint) io.stderr.write(`sipcode: ${hint}\n`);
        if (flags.json) write(io, JSON.stringify(explainJson(result), null, 2));
        else text(explainCards(result));
        return 0;
      }
      case "search": {
        const words = flags.rest.join(" ");
        if (words.trim() === "") {
          throw new UsageError(
            "search needs some words or a number. Try: sipcode search one way audio, sipcode search 488",
          );
        }
        const ranked = searchText(catalog, words, null, 15);
        if (flags.json) write(io, JSON.stringify(searchJson(words, ranked), null, 2));
        else
          write(
            io,
            ranked.length > 0
              ? ranked.map((r) => `${r.entry.id.padEnd(24)} ${entryLabel(r.entry)}`).join("\n")
              : "No matches.",
          );
        return 0;
      }
      case "scan":
        return await runScan(io, catalog, config, flags.rest.length > 0 ? flags.rest : ["-"], flags.json, {
          line: (t) => write(io, t),
          cards: text,
        });
      case "timers": {
        const t = computeTimers(catalog, flags.rest);
        // A value that could not be used is a usage error: said on stderr, with no card of default
        // values that would read like an answer. --json still prints its result, `errors` included.
        if (t.errors.length > 0) {
          io.stderr.write(`${t.errors.map((e) => `sipcode timers: ${e}`).join("\n")}\n${TIMERS_FORMS}\n`);
        }
        if (flags.json) write(io, JSON.stringify(timersJson(t), null, 2));
        else if (t.errors.length === 0) text([timersCard(t)]);
        return t.errors.length > 0 ? 2 : 0;
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`sipcode: ${err.userMessage}\n`);
      return 2;
    }
    if (err instanceof SipcodeError) {
      io.stderr.write(`sipcode: ${err.userMessage}\n${err.detail ?? ""}\n`);
      return 1;
    }
    io.stderr.write(`sipcode: internal error: ${(err as Error).message}\n`);
    return 1;
  }
}

function configProblem(io: Io, err: unknown): number {
  io.stderr.write(`sipcode: ${(err as SipcodeError).userMessage ?? String(err)}\n`);
  return 2;
}

/**
 * Long-running modes. `start` picks the server when any platform is configured. Both check the
 * whole environment, since the server uses all of it; the shell needs only what the CLI reads.
 */
async function runLong(cmd: string, io: Io, cli: CliConfig, colour: boolean): Promise<number> {
  if (cmd === "serve" || cmd === "start") {
    let config: Config;
    try {
      config = loadConfig();
    } catch (err) {
      return configProblem(io, err);
    }
    // In production a server with no platform would answer 404 to everything and still look
    // ready: a chat secret that was not mounted stops it here instead.
    if (config.production && !config.slack && !config.teams) {
      io.stderr.write(
        `sipcode: NODE_ENV=production and no chat platform is configured. Set one of:\n${PLATFORM_VARIABLES.map((v) => `  ${v}`).join("\n")}\n`,
      );
      return 2;
    }
    if (cmd === "serve" || config.slack || config.teams) {
      const { startServer } = await import("../../server.js");
      try {
        await startServer(config, { handleSignals: true });
      } catch (err) {
        if (err instanceof ConfigError) return configProblem(io, err);
        if (err instanceof SipcodeError) {
          io.stderr.write(`sipcode: ${err.userMessage}\n`);
          return 1;
        }
        throw err;
      }
      return -1; // keep running; the server owns the process lifetime
    }
  }
  if (cmd === "start" && (!io.stdin.isTTY || !io.stdout.isTTY)) {
    io.stderr.write(
      `sipcode: no chat platform is configured and this is not an interactive terminal.\n` +
        `Set one of:\n${PLATFORM_VARIABLES.map((v) => `  ${v}`).join("\n")}\n` +
        `or run it in a terminal for the interactive shell (sipcode shell), or use sipcode <query>.\n`,
    );
    return 2;
  }
  const { runShell } = await import("./shell.js");
  const catalog = loadCatalog(cli.catalogDir);
  await runShell(catalog, io, cli, { colour });
  return 0;
}

/** `search --json`: the explain shape (query, kind, results), each result ranked with its score. */
function searchJson(query: string, ranked: ReturnType<typeof searchText>) {
  return {
    query,
    kind: "search",
    results: ranked.map((r) => ({
      id: r.entry.id,
      namespace: r.entry.namespace,
      code: r.entry.code,
      subcode: r.entry.subcode,
      title: r.entry.title,
      score: Math.round(r.score * 1000) / 1000,
    })),
  };
}
