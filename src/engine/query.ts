// Turns what a person typed ("acs 410/3112", "cause 16", "one way audio") into a structured query.
// Pure and total: any string yields a ParsedQuery, never an exception.
import type { Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";

export type ParsedQuery =
  | { type: "empty" }
  | { type: "id"; id: string }
  | { type: "code"; namespace: Namespace | null; code: number; subcode: number | null }
  | { type: "text"; namespace: Namespace | null; text: string };

/** Words that name a namespace, including the aliases people actually type. */
export const NAMESPACE_WORDS: Readonly<Record<string, Namespace>> = {
  sip: "sip",
  q850: "q850",
  "q.850": "q850",
  cause: "q850",
  isdn: "q850",
  hangupcause: "q850",
  mobius: "mobius",
  webex: "mobius",
  wxc: "mobius",
  "mobius-error": "mobius",
  acs: "acs",
  azure: "acs",
  teams: "acs",
  exotel: "exotel",
  http: "http",
  https: "http",
  symptom: "symptom",
  timer: "timer",
};

/** Longest query we try to interpret; anything longer is treated as (the start of) free text. */
export const MAX_QUERY_CHARS = 500;

const ID_RE = /^(sip|q850|http|mobius|acs|exotel|symptom|timer)\/[a-z0-9][a-z0-9.-]*$/;
const PAIR_RE = /^(\d{1,3})\s*[/:-]\s*(\d{1,7})$/;
const NUM_RE = /^\d{1,7}$/;

export function parseQuery(input: string): ParsedQuery {
  let text = input.slice(0, MAX_QUERY_CHARS).trim();
  if (text === "") return { type: "empty" };
  const lower = text.toLowerCase();
  if (ID_RE.test(lower)) return { type: "id", id: lower };

  // A leading namespace word ("acs 3112", "cause 16", "mobius-error: 118").
  let namespace: Namespace | null = null;
  const head = /^([a-z][a-z0-9.-]*)\s*[:=]?\s*(.*)$/s.exec(lower);
  if (head?.[1] && NAMESPACE_WORDS[head[1]] && head[2] !== undefined) {
    namespace = NAMESPACE_WORDS[head[1]] ?? null;
    text = text.slice(text.length - head[2].length).trim();
    if (text === "") return { type: "text", namespace, text: head[1] };
  }

  const compact = text.replace(/\s+/g, " ");
  const pair = PAIR_RE.exec(compact) ?? /^(\d{1,3}) (\d{1,7})$/.exec(compact);
  if (pair?.[1] && pair[2])
    return { type: "code", namespace, code: Number(pair[1]), subcode: Number(pair[2]) };
  if (NUM_RE.test(compact)) return { type: "code", namespace, code: Number(compact), subcode: null };

  const normal = normalizeText(compact);
  if (normal === "") return { type: "text", namespace, text: "" };
  return { type: "text", namespace, text: normal };
}
