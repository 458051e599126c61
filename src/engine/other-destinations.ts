// A failure repeated for a few destinations (two dispatcher targets that never answered, two
// FreeSWITCH gateways that failed) keeps a timeline row per destination (timeline-rows.ts); the
// failing component names the first failure's, and says the same failure also hit the others.
//
// A gateway's failed OPTIONS ping that left it DOWN is the same failure as another gateway
// FreeSWITCH refused calls through because it was DOWN too: two trunks down at once point at a
// shared cause (this host's network, firewall or DNS), not at one carrier.
import { missBehind, missWords } from "./dialplan.js";
import { deadSetWords } from "./dispatcher-set.js";
import { pingLeftDown, pingStory, toldStory } from "./gateway-pings.js";
import { type Row, TO_WORDS } from "./rows.js";
import type { Finding } from "./scan/scanner.js";
import { SILENT_WORDS } from "./timeline-rows.js";

/** The label FreeSWITCH's own GATEWAY_DOWN refusal is shown with ("… (FreeSWITCH GATEWAY_DOWN)"). */
const DOWN_LABEL = "GATEWAY_DOWN";

/** Whether row `r` is a gateway found down: FreeSWITCH refused calls through it, or its ping failed. */
function gatewayDown(r: Row): boolean {
  return r.item.label.includes(DOWN_LABEL) || r.item.methods.includes("OPTIONS");
}

/** A row's label without the gateway it names ("Q.850 cause 41 Temporary failure"). */
function bare(r: Row): string {
  const tail = ` ${r.dest}`;
  return r.item.label.endsWith(tail) ? r.item.label.slice(0, -tail.length) : r.item.label;
}

/**
 * "; the same failure also hit FreeSWITCH gateway carrier_b" for other gateways found down while the
 * pinged one was (not after it recovered), and calls through another gateway that failed with a
 * cause of their own are named too: the primary down and the backup failing is every outbound call
 * failing, which points at something the two share.
 */
function otherGateways(first: Finding, findings: readonly Finding[], rows: readonly Row[]): string {
  const story = findings.length > 0 ? pingStory(first, findings) : toldStory(first);
  const mine = `via FreeSWITCH gateway ${story?.gw}`;
  // A gateway down only after this one recovered is a later outage, which the component leads with.
  const recoveredAt = story?.up && !story.downAgain ? story.up.line : Number.POSITIVE_INFINITY;
  const same: string[] = [];
  const failed: string[] = [];
  for (const r of rows) {
    if (!r.item.failure || !r.dest?.startsWith("via ") || r.dest === mine) continue;
    const gw = r.dest.slice("via ".length);
    if (!gatewayDown(r)) failed.push(`${gw} (${bare(r)}, line ${r.item.firstLine})`);
    else if (r.item.firstLine < recoveredAt) same.push(gw);
  }
  const sameGws = new Set(same);
  const parts: string[] = [];
  if (sameGws.size > 0) parts.push(`; the same failure also hit ${[...sameGws].join(", ")}`);
  const calls = firstPerGateway(failed).filter((d) => !sameGws.has(d.gw));
  if (calls.length > 0) parts.push(`; calls through ${calls.map((d) => d.words).join(", ")} failed too`);
  return parts.join("");
}

/** The first entry per gateway of "FreeSWITCH gateway b (…)" words. */
function firstPerGateway(list: readonly string[]): { gw: string; words: string }[] {
  const out = new Map<string, string>();
  for (const words of list) {
    const gw = words.replace(/ \(.*$/, "");
    if (!out.has(gw)) out.set(gw, words);
  }
  return [...out].map(([gw, words]) => ({ gw, words }));
}

/** "; the same failure also hit 10.0.0.22:5060" for the other destinations of `first`'s code. */
export function otherDestinations(
  first: Finding | null,
  rows: readonly Row[],
  findings: readonly Finding[] = [],
): string {
  if (!first) return "";
  // A 404 a trace shows Asterisk sending, with Asterisk's own line saying why (dialplan.ts).
  const miss =
    first.code === 404 && !first.reason?.startsWith("extension") ? missBehind(first, findings) : undefined;
  if (miss) return missWords(miss, first);
  if (pingLeftDown(first)) return otherGateways(first, findings, rows);
  const code = `${first.namespace}:${first.code}:${first.subcode}`;
  const row = rows.find((r) => r.code === code && r.item.firstLine === first.line);
  if (row?.to !== undefined) return otherReceivers(first, row, rows);
  const mine = row?.dest;
  // A timeout naming no host whose proxy's probes found a destination silent names it as the
  // component itself (component-choice.ts): nothing to add.
  if (mine === undefined) return "";
  const others = rows
    .filter((r) => r.code === code && r.item.failure && r.dest !== undefined && r.dest !== mine)
    // The row's words say how the failure reached the destination ("via …", "(generated locally:
    // no answer from 10.0.0.22:5060)"): the destination alone is named here.
    .map((r) => destinationOf(r.dest as string));
  const unique = [...new Set(others)];
  const also = unique.length > 0 ? `; the same failure also hit ${unique.join(", ")}` : "";
  // A dispatcher probe: when its set then had nothing left, the calls' 503 follows from it.
  return also + deadSetWords(first, findings);
}

/** The destination a row's words name: "10.0.0.22:5060" for "(generated locally: no answer from
 *  10.0.0.22:5060)", the gateway for "via FreeSWITCH gateway b". */
function destinationOf(words: string): string {
  if (words.startsWith(SILENT_WORDS)) return words.slice(SILENT_WORDS.length, -1);
  return words.replace(/^(?:to|via) /, "");
}

/**
 * "; the same 401 went to 2 addresses in all: 198.51.100.99:5071 (INVITE, line 1), 198.51.100.77:5062
 * (REGISTER ×2, line 2)" when the log's system refused a few hosts with the code of `first` and each
 * kept a row of its own (rows.ts): a scanner and a phone with a wrong password are both named,
 * whichever one the component leads with.
 */
function otherReceivers(first: Finding, mine: Row, rows: readonly Row[]): string {
  const parts: string[] = [];
  for (const r of rows) {
    if (r.code !== mine.code || !r.to || !r.item.failure || !r.item.label.includes(TO_WORDS)) continue;
    const n = r.item.count > 1 ? ` ×${r.item.count}` : "";
    const how = r.item.methods.length > 0 ? `${r.item.methods.join(", ")}${n}, ` : n ? `${n.slice(1)}, ` : "";
    parts.push(`${r.to} (${how}line ${r.item.firstLine})`);
  }
  if (parts.length < 2) return "";
  return `; the same ${first.code} went to ${parts.length} addresses in all: ${parts.join(", ")}`;
}
