// The compose-box search command "lookupCode": matching catalog entries as thumbnail previews; choosing
// one inserts that entry's full Adaptive Card into the message being written.
import {
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from "botbuilder";
import type { Catalog } from "../../catalog/indexes.js";
import type { Entry } from "../../catalog/schema.js";
import { explain } from "../../engine/explain.js";
import { question, SECRET_ONLY_NOTE } from "../../engine/explain-secrets.js";
import { searchText } from "../../engine/search.js";
import { clip } from "../../render/adaptive-card.js";
import { entryLabel } from "../../render/card.js";
import { cleanQuery } from "./cards.js";
import type { RenderCache } from "./render-cache.js";

export const SEARCH_COMMAND_ID = "lookupCode";
export const SEARCH_PARAMETER = "query";
export const MAX_SEARCH_RESULTS = 10;
/** Results stop here: a Teams invoke response, like a bot message, must stay well under ~100 KB. */
export const MAX_RESPONSE_CHARS = 60_000;

/** Shown before anything is typed (initialRun): the codes on-call engineers ask about most. */
export const POPULAR_IDS = [
  "sip/488",
  "sip/403",
  "sip/503",
  "sip/408",
  "sip/486",
  "sip/404",
  "q850/16",
  "sip/480",
];

/** Entries for what was typed: the explain answer first, then its other meanings, then text matches. */
export function findEntries(catalog: Catalog, query: string, limit = MAX_SEARCH_RESULTS): Entry[] {
  const q = query.trim();
  if (q === "") {
    return POPULAR_IDS.map((id) => catalog.byId.get(id)).filter((e): e is Entry => e !== undefined);
  }
  const r = explain(catalog, q);
  const found = [...r.results, ...r.others, ...r.suggestions];
  // The text search sees what explain searched: no secret, no redaction mark.
  const { asked, secretOnly } = question(q);
  if (found.length < limit && !secretOnly)
    found.push(...searchText(catalog, asked, null, limit).map((s) => s.entry));
  return [...new Set(found)].slice(0, limit);
}

const message = (text: string): MessagingExtensionResponse => ({
  composeExtension: { type: "message", text },
});

function queryText(query: MessagingExtensionQuery): string {
  const params: unknown = query.parameters;
  const p = Array.isArray(params)
    ? (params as Array<{ name?: unknown; value?: unknown } | null>).find((x) => x?.name === SEARCH_PARAMETER)
    : undefined;
  return typeof p?.value === "string" ? p.value : "";
}

/** The compose search's answer; `query` is the invoke's value as received, which may be missing. */
export function searchResponse(
  catalog: Catalog,
  cache: RenderCache,
  query: MessagingExtensionQuery | undefined,
): MessagingExtensionResponse {
  if (typeof query !== "object" || query === null) {
    return message("Type a code or a symptom to look it up, for example 488 or one way audio.");
  }
  if (query.commandId !== SEARCH_COMMAND_ID) return message("That search command isn't supported.");
  const attachments: MessagingExtensionAttachment[] = [];
  let chars = 0;
  for (const e of findEntries(catalog, queryText(query))) {
    const { card } = cache.render({ type: "explain", query: e.id }, e.id);
    const preview = CardFactory.thumbnailCard(entryLabel(e), clip(e.meaning, 160));
    const attachment = { ...CardFactory.adaptiveCard(card), preview };
    // Every result carries its full card; stop before the response nears Teams' payload limit.
    chars += JSON.stringify(attachment).length;
    if (attachments.length > 0 && chars > MAX_RESPONSE_CHARS) break;
    attachments.push(attachment);
  }
  if (attachments.length === 0) {
    if (question(queryText(query)).secretOnly) return message(SECRET_ONLY_NOTE);
    return message(`Nothing in the catalog matches "${clip(cleanQuery(queryText(query)), 60)}".`);
  }
  return { composeExtension: { type: "result", attachmentLayout: "list", attachments } };
}
