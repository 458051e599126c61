// Listener registrations collected per payload kind (commands, events, actions, shortcuts) with
// Bolt's own matchers, and handed to Bolt as one chain per kind.
import {
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  type App,
  type Middleware,
  MultipleListenerError,
  matchCommandName,
  matchConstraints,
  matchEventType,
  matchMessage,
} from "@slack/bolt";
import type { SlackDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";

type Listener = Middleware<AnyMiddlewareArgs>;
type ListenerArgs = AnyMiddlewareArgs & AllMiddlewareArgs;
type Pattern = string | RegExp;
type Kind = "command" | "event" | "action" | "shortcut";

const isPattern = (p: unknown): p is Pattern => typeof p === "string" || p instanceof RegExp;

/** Runs one listener chain as Bolt does: each middleware's next() runs the one after it. */
function runChain(chain: Listener[], args: ListenerArgs): Promise<void> {
  let called = -1;
  const step = async (i: number): Promise<void> => {
    const m = chain[i];
    if (i <= called) throw new Error("next() called multiple times");
    called = i;
    if (m) await m({ ...args, next: i + 1 < chain.length ? () => step(i + 1) : () => {} } as ListenerArgs);
  };
  return step(0);
}

/** One Bolt listener for a whole kind: every chain of that kind runs, failures surface as in Bolt. */
function groupListener(chains: Listener[][], kind: Kind): Listener {
  return async (args) => {
    // The catch-all event-type pattern records `matches`; listeners registered by name never see one.
    if (kind === "event") delete args.context.matches;
    const settled = await Promise.allSettled(chains.map((chain) => runChain(chain, args)));
    const failed = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    if (failed.length > 1) throw new MultipleListenerError(failed);
    if (failed[0]) throw failed[0];
  };
}

/**
 * Bolt runs every registered listener chain for every request, and each chain starts by copying
 * the arguments only to reject a payload of another kind; with ten listeners that was most of the
 * cost of answering a slash command. Registrations are collected here with Bolt's own matchers and
 * handed to Bolt as one chain per kind, so a request pays for one chain per kind, not per listener.
 */
function groupByKind(app: App): { app: App; flush(): void } {
  const byKind = new Map<Kind, Array<{ chain: Listener[]; direct: () => void }>>();
  const add = (kind: Kind, chain: unknown[], direct: () => void) => {
    const list = byKind.get(kind) ?? [];
    list.push({ chain: chain as Listener[], direct });
    byKind.set(kind, list);
  };
  // Each mirrors the matching App method: same matchers, same order, same normalisation.
  const methods: Record<string, (...a: unknown[]) => void> = {
    command: (name, ...ls) =>
      add("command", [matchCommandName(name as Pattern), ...ls], () =>
        app.command(name as never, ...(ls as [])),
      ),
    event: (name, ...ls) =>
      add("event", [matchEventType(name as Pattern), ...ls], () => app.event(name as never, ...(ls as []))),
    message: (...ps) =>
      add("event", [matchEventType("message"), ...ps.map((p) => (isPattern(p) ? matchMessage(p) : p))], () =>
        app.message(...(ps as [])),
      ),
    action: (c, ...ls) =>
      add("action", [matchConstraints(isPattern(c) ? { action_id: c } : (c as never)), ...ls], () =>
        app.action(c as never, ...(ls as [])),
      ),
    shortcut: (c, ...ls) =>
      add("shortcut", [matchConstraints(isPattern(c) ? { callback_id: c } : (c as never)), ...ls], () =>
        app.shortcut(c as never, ...(ls as [])),
      ),
  };
  const proxy = new Proxy(app, {
    get: (target, prop, receiver) =>
      typeof prop === "string" && Object.hasOwn(methods, prop)
        ? methods[prop]
        : Reflect.get(target, prop, receiver),
  });
  const flush = () => {
    for (const [kind, list] of byKind) {
      const [only] = list;
      if (list.length === 1 && only) {
        only.direct();
        continue;
      }
      const group = groupListener(
        list.map((l) => l.chain),
        kind,
      );
      if (kind === "command") app.command(/^/, group as never);
      else if (kind === "event") app.event(/^/, group as never);
      else if (kind === "action") app.action({}, group as never);
      else app.shortcut({}, group as never);
    }
    byKind.clear();
  };
  return { app: proxy, flush };
}

/** Registers every listener folder on `app`, grouped by kind. */
export function withListeners(app: App, deps: SlackDeps): App {
  const grouped = groupByKind(app);
  registerListeners(grouped.app, deps);
  grouped.flush();
  return app;
}
