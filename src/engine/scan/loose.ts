// Numbers with little around them: in prose ("got a 403 from the trunk"), after a reply-like
// keyword, or before a reason phrase the catalog knows. Each is accepted only with that support,
// and a bare number on a line that names Mobius is placed in Mobius's namespace.
import { D } from "./gates.js";
import { all, type Emit, type Hit, hit, put, reasonPhrase } from "./hit.js";
import { statusNamespace } from "./http-status.js";
import { hasMobiusUrl, mobiusReply } from "./mobius-http.js";
import { apiEnvelope, apiStatusMember, countedKeyword, mediaCounter, responseBody } from "./not-codes.js";
import * as P from "./patterns.js";
import { firstWords, phaseIn, phraseConfirms, phraseWords, type ScanIndex } from "./scan-index.js";

/**
 * A bare number on a line that names Mobius (and not SIP) is a Mobius status when the catalog
 * has that status; the line's words give its phase.
 */
export function place(h: Hit, segment: string, index: ScanIndex): Hit {
  if (!index.mobius.codes.has(h.code) || !P.MOBIUS_CONTEXT.test(segment) || P.NOT_MOBIUS.test(segment))
    return h;
  // A client's line with a Mobius URL: the path names the phase ("…/calling/web/device" is no call).
  if (hasMobiusUrl(segment)) return mobiusReply(h, segment, index);
  h.namespace = index.mobius.namespace;
  h.phase = phaseIn(index.mobius, segment);
  return h;
}

/** Numbers in prose and stack logs, accepted only with a reason phrase or a reply-like keyword. */
export function detectLoose(
  segment: string,
  index: ScanIndex,
  bare: () => "sip" | "http",
  emit: Emit,
  gates: number,
): void {
  if (gates & D.PHRASED)
    all(P.PHRASED, segment, (m) => {
      const code = Number(m[1]);
      if (responseBody(segment, m.index)) return;
      const after = segment.slice(m.index + m[0].length);
      // The namespace costs two context regexes: only worth it when a phrase could confirm.
      if (!phraseConfirms(index, "sip", code, after) && !phraseConfirms(index, "http", code, after)) return;
      const ns = statusNamespace(bare(), code);
      const words = phraseWords(index, ns, code, after);
      if (words > 0) {
        // The phrase the catalog knows, as the line spells it: not the words after it.
        const reason = reasonPhrase(firstWords(after.slice(0, 60), words));
        put(emit, place(hit(ns, code, null, 0.85, "phrase", undefined, { reason }), segment, index), m);
      }
    });
  for (const [re, gate] of [
    [P.PROSE_BEFORE, D.PROSE_BEFORE],
    [P.PLURAL, D.PROSE_BEFORE],
    [P.PROSE_AFTER, D.PROSE_AFTER],
  ] as const) {
    if (!(gates & gate)) continue;
    all(re, segment, (m) => {
      const code = Number(m[1]);
      if (bare() === "http" && code >= 600) return;
      const ns = statusNamespace(bare(), code);
      if (!index.catalog.byId.has(`${ns}/${code}`)) return;
      if (countedKeyword(segment, m)) return;
      const h = place(hit(ns, code, null, 0.6, "keyword", m[0]), segment, index);
      h.len = 3;
      emit(h, m.index + m[0].indexOf(m[1] ?? ""));
    });
  }
  if (gates & D.KEYWORD)
    all(P.KEYWORD, segment, (m) => {
      const code = Number(m[1]);
      if (bare() === "http" && code >= 600) return;
      const ns = apiStatusMember(segment, m) ? "http" : statusNamespace(bare(), code);
      if (ns === "sip" && apiEnvelope(segment, m)) return;
      if (mediaCounter(segment, m) || countedKeyword(segment, m)) return;
      const h = place(hit(ns, code, null, 0.7, "keyword", m[0]), segment, index);
      h.len = 3;
      emit(h, m.index + m[0].length - 3);
    });
}
