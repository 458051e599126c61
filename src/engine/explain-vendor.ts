// A provider's name with a number the catalog has no entry for ("twilio 31005", "vonage 1001"): the
// answer says so and names the number, instead of opening another provider's entry or one that
// only shares the provider's name. SIP and HTTP numbers (100–699) are left to the code lookup,
// since carriers answer with those too ("twilio 503").
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { unknownAnswer } from "./explain-no-entry.js";

/** Providers without a namespace of their own, by the words people type, with their display names. */
const PROVIDERS: Readonly<Record<string, string>> = {
  twilio: "Twilio",
  vonage: "Vonage",
  nexmo: "Vonage (Nexmo)",
  telnyx: "Telnyx",
  plivo: "Plivo",
  bandwidth: "Bandwidth",
  sinch: "Sinch",
  signalwire: "SignalWire",
  ringcentral: "RingCentral",
  zoom: "Zoom",
  "8x8": "8x8",
  genesys: "Genesys",
  five9: "Five9",
  aircall: "Aircall",
  dialpad: "Dialpad",
  messagebird: "MessageBird",
  infobip: "Infobip",
};

const QUERY_RE = /^([a-z0-9]+)\s+(?:(?:api\s+)?(?:error|code|err)\s*(?:code)?\s*[:#]?\s*)?(\d{1,7})$/i;

/** Entries that name the provider in their title or aliases. */
function providerEntries(catalog: Catalog, word: string): Entry[] {
  const named = (s: string) => new RegExp(`\\b${word}\\b`, "i").test(s);
  return catalog.entries.filter((e) => named(e.title) || (e.aliases ?? []).some(named));
}

/** The unknown answer for a provider's code the catalog lacks, or null when it has one or none is asked. */
export function providerCodeAnswer(
  catalog: Catalog,
  base: Pick<ExplainResult, "query" | "parsed">,
  text: string,
): ExplainResult | null {
  const m = QUERY_RE.exec(text.trim());
  const word = m?.[1]?.toLowerCase() ?? "";
  const name = PROVIDERS[word];
  if (!m?.[2] || !name) return null;
  const code = Number(m[2]);
  if (code >= 100 && code <= 699) return null;
  const entries = providerEntries(catalog, word);
  const names = (e: Entry) =>
    [e.title, ...(e.aliases ?? [])].some((s) => new RegExp(`\\b${m[2]}\\b`).test(s));
  if (entries.some(names)) return null;
  if (entries.length === 0) {
    return unknownAnswer(
      base,
      `The catalog has no ${name} codes, so ${m[2]} was not looked up as another provider's code. ` +
        "Ask about the SIP code or Q.850 cause the call ended with, e.g. `sip 503` or `cause 34`.",
    );
  }
  // Only entries of the same thousand are suggested: providers number their errors by area
  // (Twilio's 11xxx are webhook fetches, 31xxx the Voice SDK), so another area's entry would send
  // the engineer to the wrong checks.
  const near = entries.filter((e) =>
    numbersIn(e).some((n) => Math.floor(n / 1000) === Math.floor(code / 1000)),
  );
  if (near.length === 0) {
    return unknownAnswer(
      base,
      `The catalog has no ${name} error ${m[2]}, nor any other ${name} error of that range, so nothing is suggested. ` +
        "Check the provider's error reference, or ask about the SIP code or Q.850 cause the call ended with.",
    );
  }
  return unknownAnswer(
    base,
    `The catalog has no ${name} error ${m[2]}. The ${name} entries of the same range are suggested below; ` +
      "or ask about the SIP code or Q.850 cause the call ended with.",
    near.slice(0, 3),
  );
}

/** The provider error numbers (four digits or more) an entry's title and aliases name. */
function numbersIn(e: Entry): number[] {
  return [e.title, ...(e.aliases ?? [])].flatMap((s) =>
    [...s.matchAll(/\b\d{4,7}\b/g)].map((x) => Number(x[0])),
  );
}
