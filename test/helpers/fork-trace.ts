// A forked INVITE as a proxy's ngrep capture shows it (the caller's INVITE, one INVITE per branch
// with the proxy's Via on top, the branches' answers, the proxy's own response to the caller), and
// the analysis and card text of a log.
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "./catalog.js";
import { ngrepPacket } from "./ngrep.js";

export const PROXY = "10.0.0.1:5060";
export const CALLER = "192.0.2.10:5060";
const CALL = "a84b4c76e66710@192.0.2.10";

export function run(log: string) {
  const a = analyze(catalog(), scanText(catalog(), log));
  return { a, text: cardToText(scanCard(a), { full: true }) };
}

/** One message of the call; the proxy's Via (branch .0, .1 …) tops what goes to or comes from a branch. */
export function msg(
  time: string,
  from: string,
  to: string,
  first: string,
  branch?: number,
  method = "INVITE",
): string {
  return ngrepPacket({
    date: "2024/05/14",
    time: `02:11:${time}`,
    from,
    to,
    lines: [
      first,
      ...(branch === undefined ? [] : [`Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKf8d5.73f6.${branch}`]),
      `Via: SIP/2.0/UDP ${CALLER};branch=z9hG4bK776asdhds`,
      `Call-ID: ${CALL}`,
      `CSeq: 314159 ${method}`,
      "Content-Length: 0",
      "",
    ],
  });
}

/** The caller's INVITE, the proxy's INVITE to each branch, each branch's answer (none for "-"),
 *  then the proxy's own response to the caller when given. */
export function fork(answers: Array<[string, string]>, relay?: string): string {
  const out = [msg("03.100000", CALLER, PROXY, "INVITE sip:1001@example.com SIP/2.0")];
  answers.forEach(([host], i) => {
    out.push(msg(`03.1${i + 1}0000`, PROXY, host, `INVITE sip:1001@${host} SIP/2.0`, i));
  });
  answers.forEach(([host, status], i) => {
    if (status !== "-") out.push(msg(`03.${3 + i}00000`, host, PROXY, `SIP/2.0 ${status}`, i));
  });
  if (relay) out.push(msg("03.900000", PROXY, CALLER, `SIP/2.0 ${relay}`));
  return out.join("\n");
}
