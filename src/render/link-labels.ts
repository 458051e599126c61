// Labels for related-entry buttons. Cards carry related entries by catalog id ("sip/415",
// "symptom/codec-g711-alaw-required"), which means little to someone on call. With the entry at
// hand a button reads like the entry's own title ("SIP 415 Unsupported Media Type"); without it
// the id is read as words ("SIP 415", "Symptom: codec g711 alaw required"). Pure: no catalog import.
import type { Entry } from "../catalog/schema.js";
import { entryLabel } from "../engine/labels.js";
import type { Card } from "./card.js";

/** Slack's button text limit; Teams action titles are best kept as short. */
export const LINK_LABEL_CHARS = 75;

/** Cut to `max` characters at a word break where there is one, marking the cut. */
export function shortLabel(text: string, max = LINK_LABEL_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s·:,/-]+$/, "")}…`;
}

const words = (slug: string) => slug.replace(/[-_]+/g, " ").trim();

/** A label read from the id alone, in the same shape entryLabel gives ("SIP 415", "ACS 410/3112"). */
function labelFromId(id: string): string {
  const slash = id.indexOf("/");
  if (slash < 0) return id;
  const ns = id.slice(0, slash);
  const rest = id.slice(slash + 1);
  const pair = /^(\d+)-(\d+)$/.exec(rest);
  const named = /^(\d+)-(.+)$/.exec(rest);
  switch (ns) {
    case "sip":
      return `SIP ${rest}`;
    case "q850":
      return `Q.850 cause ${rest}`;
    case "http":
      return `HTTP ${rest}`;
    case "mobius":
      if (pair) return `Mobius ${pair[1]} · mobius-error ${pair[2]}`;
      return named ? `Mobius ${named[1]} (${words(named[2] ?? "")})` : `Mobius ${rest}`;
    case "acs":
      return pair ? `ACS ${pair[1]}/${pair[2]}` : `ACS ${rest}`;
    case "exotel":
      return /^\d+$/.test(rest) ? `Exotel API ${rest}` : `Exotel: ${words(rest)}`;
    case "symptom":
      return `Symptom: ${words(rest)}`;
    case "timer":
      // Timer names of one letter and a digit or two are written in capitals (T1, B, SIP timer F).
      return `Timer: ${rest.length <= 2 ? rest.toUpperCase() : words(rest)}`;
    default:
      return id;
  }
}

/** A button label for a related entry: its own label when known, else one read from its id. */
export function linkLabel(id: string, entry?: Entry, max = LINK_LABEL_CHARS): string {
  return shortLabel(entry ? entryLabel(entry) : labelFromId(id), max);
}

/**
 * The cards with every link still labelled by its bare id relabelled from its entry (found with
 * `lookup`, typically the catalog's byId). Links already given a label keep it.
 */
export function labelLinks(cards: Card[], lookup: (id: string) => Entry | undefined): Card[] {
  return cards.map((c) => ({
    ...c,
    links: c.links.map((l) => (l.label === l.id ? { ...l, label: linkLabel(l.id, lookup(l.id)) } : l)),
  }));
}
