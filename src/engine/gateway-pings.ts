// What followed a FreeSWITCH gateway's failed OPTIONS ping ("Ping failed carrier_a with code 408 …
// state DOWN"): the calls FreeSWITCH refused through it while it was DOWN ("Gateway 'carrier_a' is
// down!"), and whether it came back. A ping that succeeded later is a recovery only when nothing
// after it shows the gateway down again: a later failed ping or refusal means it flapped, and an
// engineer told "recovered" would close the incident while the trunk is still down.
import { type GatewayLine, gatewayLine } from "./gateway-lines.js";
import type { Finding } from "./scan/scanner.js";

/** The failed ping of a gateway, when `f` is one. */
export function failedPing(f: Finding | null | undefined): (GatewayLine & { kind: "ping" }) | undefined {
  if (f?.namespace !== "sip" || f.code < 300) return undefined;
  const g = gatewayLine(f.text);
  return g?.kind === "ping" && !g.ok ? g : undefined;
}

/** A failed ping that left its gateway DOWN (or did not say): FreeSWITCH refuses calls through it. */
export function pingLeftDown(f: Finding | null | undefined): boolean {
  const p = failedPing(f);
  return p !== undefined && p.state !== "UP";
}

export interface PingStory {
  gw: string;
  /** FreeSWITCH's refusals of calls through the gateway after the failed ping, in line order. */
  refused: Finding[];
  /** The first later ping that succeeded. */
  up?: Finding;
  /** The first sign after `up` that the gateway was down again: a failed ping or a refusal. */
  downAgain?: Finding;
}

/** What the log shows of gateway `first`'s pinged gateway after its failed ping. */
export function pingStory(first: Finding, findings: readonly Finding[]): PingStory | undefined {
  const ping = failedPing(first);
  if (!ping) return undefined;
  const story: PingStory = { gw: ping.gw, refused: [] };
  for (const f of findings) {
    if (f.line <= first.line) continue;
    // Cheap literal checks first: most findings are about no gateway at all.
    if (!f.text.includes(ping.gw)) continue;
    const g = gatewayLine(f.text);
    if (!g || g.gw !== ping.gw) continue;
    const refusal = g.kind === "refused" && g.why === "down";
    if (refusal) story.refused.push(f);
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

/** The component's ending: the gateway recovered, or flapped and was down again. */
export function pingOutcome(story: PingStory): string {
  const { up, downAgain } = story;
  if (!up) return "";
  const upWords = `its ping on line ${up.line} got ${up.code}${upState(up) ? " and the gateway was UP again" : ""}`;
  if (!downAgain) return `; it recovered: ${upWords}`;
  const again =
    downAgain.namespace === "sip" && failedPing(downAgain)
      ? `its ping got ${downAgain.code}`
      : "FreeSWITCH refused a call through it";
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
  if (!story || story.refused.length === 0) return undefined;
  const n = story.refused.length;
  const calls = n === 1 ? "A call through" : `${n} calls through`;
  const were = n === 1 ? "was" : "were";
  return `${calls} FreeSWITCH gateway ${story.gw} ${were} refused by FreeSWITCH itself (GATEWAY_DOWN, nothing sent to the carrier) because it was marked DOWN: ${listed(story.refused)}.`;
}
