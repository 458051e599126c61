// Sources as readers see them. Catalog entries cite their reference documents by file name (a
// stable identifier); a card names the document instead, and standards (RFC 3261 §21.4.26, ITU-T
// Q.850) pass through as cited.

/** The reference documents the catalog cites, by file name. */
export const DOCUMENT_TITLES: Readonly<Record<string, string>> = {
  "000_955d0d4cb48bc2ba.txt": "Webex Calling (Mobius) error reference",
  "001_c96f5959a300350f.txt": "SIP response code list with device vendor notes",
  "002_1eaf3bdabe79a899.txt": "Azure Communication Services call-end codes and subcodes",
  "003_289403b9e8f0abac.txt": "Exotel SIP trunk troubleshooting guide",
  "004_58576e789354b91b.txt": "SIP response codes by class, with SBC practice notes",
};

/** A cited source as a card shows it. */
export function citation(source: string): string {
  return DOCUMENT_TITLES[source] ?? source;
}

/** The "Sources:" footer of a card, each source once, in citation order. */
export function sourcesFooter(sources: Iterable<string>): string {
  return `Sources: ${[...new Set([...sources].map(citation))].join("; ")}`;
}
