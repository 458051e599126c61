// What followed a FreeSWITCH gateway's failed OPTIONS ping ("Ping failed carrier_a with code 408 …
// state DOWN"): the calls FreeSWITCH refused through it while it was DOWN ("Gateway 'carrier_a' is
// down!"), and whether it came back. A ping that succeeded later is a recovery only when nothing
// after it shows the gateway down again: a later failed ping or refusal means it flapped, and an
// engineer told "recovered" would close the incident while the trunk is still down.
import { refusalFailover } from "./gateway-failover.js";
import { type GatewayLine, gatewayLine } from "./gateway-lines.js";
import type { Finding } from "./scan/scanner.js";

/** The failed ping of a gateway, when `f` is one. */
export function failedPing(f: Finding | null | undefined): (GatewayLine & { kind: "ping" }) | undefined {
  if (f?.namespace !== "sip" || f.code < 300) return undefined;
  const g = gatewayLine(f.text);
  return g?.kind === "ping" && !g.ok ? g : undefined;
}

/**
 * A failed ping that left its gateway DOWN (or did not say), or one that left it UP when the story
 * told of it (pingStory) shows a later failed ping taking it DOWN: FreeSWITCH refuses calls through it.
 */
export function pingLeftDown(f: Finding | null | undefined): boolean {
  const p = failedPing(f);
  if (p === undefined) return false;
  return p.state !== "UP" || (f !== null && f !== undefined && told.get(f)?.stayedUp === false);
}

export interface PingStory {
  gw: string;
  /** The failed ping left the gateway UP ("count 2/1/3, state UP") and no later failed ping took it
   *  DOWN before a ping succeeded: it never went down. */
  stayedUp: boolean;
  /** For a failed ping that left the gateway UP: the later failed ping (or refusal) that showed it
   *  DOWN before any ping succeeded. FreeSWITCH needs ping-min failures in a row to mark it DOWN. */
  wentDown?: Finding;
  /** FreeSWITCH's refusals of calls through the gateway after the failed ping, in line order. */
  refused: Finding[];
  /** The first later ping that succeeded. */
  up?: Finding;
  /** The first sign after `up` that the gateway was down again: a failed ping or a refusal. */
  downAgain?: Finding;
}

/**
 * The stories told, by failed ping: the failing component tells a ping's story from the whole log,
 * and the words added to it later (other-destinations.ts) are given only the timeline's rows.
 */
const told = new WeakMap<Finding, PingStory>();

/** The story pingStory() told of `first` from the log, if it was asked. */
export function toldStory(first: Finding): PingStory | undefined {
  return told.get(first);
}

/** What the log shows of gateway `first`'s pinged gateway after its failed ping. */
export function pingStory(first: Finding, findings: readonly Finding[]): PingStory | undefined {
  const ping = failedPing(first);
  if (!ping) return undefined;
  const story = tell(first, ping, findings);
  told.set(first, story);
  return story;
}

function tell(first: Finding, ping: { gw: string; state?: string }, findings: readonly Finding[]): PingStory {
  const story: PingStory = { gw: ping.gw, stayedUp: ping.state === "UP", refused: [] };
  for (const f of findings) {
    if (f.line <= first.line) continue;
    // Cheap literal checks first: most findings are about no gateway at all.
    if (!f.text.includes(ping.gw)) continue;
    const g = gatewayLine(f.text);
    if (!g || g.gw !== ping.gw) continue;
    const refusal = g.kind === "refused" && g.why === "down";
    if (refusal) story.refused.push(f);
    // The gateway's state is what its latest ping says: a failed ping that left it UP is only the
    // first step when the next one (ping-min needing more than one failure) takes it DOWN.
    if (story.stayedUp && !story.up && (refusal || (g.kind === "ping" && !g.ok && g.state !== "UP"))) {
      story.stayedUp = false;
      story.wentDown = f;
      continue;
    }
    if (g.kind === "ping" && g.ok && f.code >= 200 && f.code < 300) {
      if (!story.up) story.up = f;
    } else if (story.up && !story.downAgain && (refusal || (g.kind === "ping" && !g.ok))) {
      story.downAgain = f;
    }
  }
  return story;
}

/** "line 7 at 03:31:10.221234": where a finding is, with its time when the log gives one. */
function where(f: Finding): string {
  return f.timestamp ? `line ${f.line} at ${f.timestamp}` : `line ${f.line}`;
}

/** How many refusals a sentence lists before it counts the rest. */
const LISTED = 3;

function listed(fs: readonly Finding[]): string {
  const shown = fs.slice(0, LISTED).map(where);
  const more = fs.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/** The component's ending: the gateway recovered, or flapped and was down again, and where the
 *  calls it refused went next. */
export function pingOutcome(story: PingStory, findings: readonly Finding[] = []): string {
  const last = story.refused[story.refused.length - 1];
  return upOrDown(story) + (last ? refusalFailover(last, story.gw, findings) : "");
}

function upOrDown(story: PingStory): string {
  return wentDownWords(story) + upOrDownAfter(story);
}

/** "; FreeSWITCH kept the gateway UP after this ping, but its failed ping on line 3 took it DOWN". */
function wentDownWords(story: PingStory): string {
  const f = story.wentDown;
  if (!f) return "";
  const how = failedPing(f)
    ? `its next failed ping on line ${f.line} (${f.code}) took it DOWN`
    : `FreeSWITCH had marked it DOWN by line ${f.line}, where it refused a call through it`;
  return `; FreeSWITCH kept the gateway UP after this first failed ping (ping-min needs more than one), but ${how}`;
}

function upOrDownAfter(story: PingStory): string {
  const { up, downAgain } = story;
  // FreeSWITCH marks a gateway DOWN only once failed pings bring its count below ping-min: a failed
  // ping that left it UP was no outage, and no call was refused for it.
  const kept =
    "the gateway stayed UP (FreeSWITCH marks it DOWN only once failed pings bring its count below ping-min)";
  if (story.stayedUp && !downAgain)
    return up ? `; ${kept}, and its next ping on line ${up.line} got ${up.code}` : `; ${kept}`;
  if (!up) return "";
  const again =
    downAgain && downAgain.namespace === "sip" && failedPing(downAgain)
      ? `its ping got ${downAgain.code}`
      : "FreeSWITCH refused a call through it";
  if (story.stayedUp && downAgain)
    return `; ${kept}, and its ping on line ${up.line} got ${up.code}, but at line ${downAgain.line} ${again}`;
  const upWords = `its ping on line ${up.line} got ${up.code}${upState(up) ? " and the gateway was UP again" : ""}`;
  if (!downAgain) return `; it recovered: ${upWords}`;
  const later = story.refused.filter((f) => f.line > up.line);
  const calls = later.length > 0 ? `, and calls through it were refused (${listed(later)})` : "";
  return `; it flapped: ${upWords}, but it was DOWN again at line ${downAgain.line} (${again})${calls}`;
}

function upState(f: Finding): boolean {
  const g = gatewayLine(f.text);
  return g?.kind === "ping" && g.state === "UP";
}

/** The summary's sentence on the calls the gateway's failed ping cost, if the log shows any. */
export function refusedCallsSentence(
  first: Finding | null,
  findings: readonly Finding[],
): string | undefined {
  if (!first) return undefined;
  const story = pingStory(first, findings);
  if (!story) return undefined;
  // Every gateway's refusals, the pinged one's first: another gateway down later cost calls too.
  const byGateway = new Map<string, Finding[]>([[story.gw, story.refused]]);
  for (const f of findings) {
    if (f.line <= first.line || !f.text.includes("ateway '")) continue;
    const g = gatewayLine(f.text);
    if (g?.kind !== "refused" || g.why !== "down" || g.gw === story.gw) continue;
    const list = byGateway.get(g.gw);
    if (list) list.push(f);
    else byGateway.set(g.gw, [f]);
  }
  const sentences = [...byGateway]
    .filter(([, refused]) => refused.length > 0)
    .map(([gw, refused]) => refusedSentence(gw, refused));
  // No call refused through the pinged gateway: what its ping meant for calls is said all the same.
  const unrefused = story.refused.length === 0 ? pingMeant(first, story) : undefined;
  if (unrefused) sentences.unshift(unrefused);
  return sentences.length > 0 ? sentences.join(" ") : undefined;
}

/** What a failed ping meant for calls through its gateway when the log shows none refused. */
function pingMeant(first: Finding, story: PingStory): string | undefined {
  if (story.downAgain) return undefined;
  if (story.stayedUp)
    return `This was no outage: the failed ping on ${where(first)} left FreeSWITCH gateway ${story.gw} UP, so FreeSWITCH kept placing calls through it.`;
  const until = story.up
    ? `until its ping on line ${story.up.line} succeeded`
    : "and no later ping found it UP";
  // A first failed ping that left it UP: the outage starts at the failed ping that took it DOWN.
  const from = story.wentDown
    ? `${where(story.wentDown)} (its first failed ping, on line ${first.line}, left it UP)`
    : where(first);
  const refuses = story.up
    ? "while it was DOWN, FreeSWITCH would have refused"
    : "while it is DOWN, FreeSWITCH refuses";
  return `FreeSWITCH gateway ${story.gw} went DOWN on ${from} ${until}: ${refuses} every call through it itself (GATEWAY_DOWN, a SIP 503 it makes up, nothing sent to the carrier); the log shows no call refused through it.`;
}

function refusedSentence(gw: string, refused: readonly Finding[]): string {
  const n = refused.length;
  const calls = n === 1 ? "A call through" : `${n} calls through`;
  const were = n === 1 ? "was" : "were";
  return `${calls} FreeSWITCH gateway ${gw} ${were} refused by FreeSWITCH itself (GATEWAY_DOWN, nothing sent to the carrier) because it was marked DOWN: ${listed(refused)}.`;
}
