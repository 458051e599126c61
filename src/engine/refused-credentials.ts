// A 401/407 to a request sent again with credentials after a first challenge (a higher CSeq of the
// same call): the first challenge was normal digest authentication, the second is the server
// refusing the credentials. The headline says so, and the failing component is those credentials
// as the client has them configured, or the account they belong to on the server, not the server
// for challenging.
import { type ChallengeOutcome, requestMethod } from "./challenge.js";
import { hostRole } from "./scan/hosts.js";
import type { Finding } from "./scan/scanner.js";

export interface RefusedCredentials {
  /** The headline failure's label. */
  label: string;
  /** The failing component, in words. */
  component: string;
}

const WHAT = "username, auth ID, password and realm";

/** The server that refused, by the request it refused: a registrar, a proxy (407), else the server. */
function serverWord(f: Finding, method: string | undefined): string {
  if (method === "REGISTER") return "registrar";
  return f.code === 407 ? "proxy" : "server";
}

/** What to say when `first` is the second challenge of a request sent again with credentials. */
export function refusedCredentials(
  first: Finding | null,
  challenges: readonly ChallengeOutcome[],
  named: (f: Finding) => string,
): RefusedCredentials | undefined {
  if (!first) return undefined;
  const refused = challenges.find((o) => o.kind === "refused" && o.final === first);
  if (!refused) return undefined;
  const method = requestMethod(first);
  const server = serverWord(first, method);
  const label = `${named(first)} to the ${method ?? "request"} sent again with credentials, so the ${server} refused them (wrong password, username or realm)`;
  const agent = first.agent ? ` (${first.agent})` : "";
  const when = `which refused them on line ${first.line} after challenging the first try on line ${refused.of.line}`;
  const role = first.host ? hostRole(first.text, first.host, first.direction) : undefined;
  // The log's own system refused them (a registrar logging the 401 it sent): the client is the host.
  if (first.direction === "local" || role === "receiver" || (first.direction === "out" && !role)) {
    const client = first.host ? ` at ${first.host}` : "";
    return {
      label,
      component: `the credentials configured on the client${client} (${WHAT}), or its account on this ${server}, the system that wrote this log${agent}, ${when}`,
    };
  }
  const at = first.host && role === "sender" ? ` ${first.host}` : "";
  return {
    label,
    component: `the credentials configured on this client (${WHAT}), or the account for them on the ${server}${at}${agent}, ${when}`,
  };
}
