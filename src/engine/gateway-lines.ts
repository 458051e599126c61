// The FreeSWITCH gateway a log line is about: a call leg through it ("sofia/gateway/NAME/DEST"),
// its OPTIONS ping (sofia.c: "Ping failed NAME with code 503 - count 1/1/1, state DOWN") or its
// registration (sofia_reg.c: "NAME Failed Registration with status Forbidden [403]"), or
// mod_sofia.c refusing a leg to it before sending anything: "Invalid Gateway 'NAME'" (no such
// gateway is loaded) and "Gateway 'NAME' is down!" (it is marked DOWN).

export type GatewayLine =
  | { kind: "leg"; gw: string; dest: string }
  | { kind: "ping"; gw: string; ok: boolean; state?: "UP" | "DOWN" }
  | { kind: "register"; gw: string }
  | { kind: "refused"; gw: string; why: "invalid" | "down" };

const LEG = /\bsofia\/gateway\/([\w.-]+)\/([^\s\]]+)/;
const PING = /\bPing (failed|succeeded) ([\w.-]+) with code \d{3}\b(?:[^\n]*?\bstate (UP|DOWN)\b)?/;
const REFUSED = /\b(?:Invalid Gateway '([\w.-]+)'|Gateway '([\w.-]+)' is down!)/;
/** Both orders sofia_reg.c has used: "Failed Registration [403]" and "Registration Failed with status". */
const REGISTER = /(?:^|\s)([\w.-]+) (?:Failed Registration|Registration Failed)\b/;

/** The gateway `text` names and what it says about it; cheap literal checks before any regex. */
export function gatewayLine(text: string): GatewayLine | undefined {
  if (text.includes("sofia/gateway/")) {
    const m = LEG.exec(text);
    if (m?.[1] && m[2]) return { kind: "leg", gw: m[1], dest: m[2] };
  }
  if (text.includes("Ping ")) {
    const m = PING.exec(text);
    if (m?.[2]) {
      const ping: GatewayLine = { kind: "ping", gw: m[2], ok: m[1] === "succeeded" };
      if (m[3] === "UP" || m[3] === "DOWN") ping.state = m[3];
      return ping;
    }
  }
  if (text.includes("ateway '")) {
    const m = REFUSED.exec(text);
    if (m?.[1]) return { kind: "refused", gw: m[1], why: "invalid" };
    if (m?.[2]) return { kind: "refused", gw: m[2], why: "down" };
  }
  if (text.includes("Registration")) {
    const m = REGISTER.exec(text);
    if (m?.[1]) return { kind: "register", gw: m[1] };
  }
  return undefined;
}
