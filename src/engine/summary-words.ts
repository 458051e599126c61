// The summary's opening sentence: how many codes (and media symptoms) a scan found, in how many
// lines, and how many repeats were folded into the counts.

export function foundSentence(
  total: number,
  distinct: number,
  media: number,
  lines: number,
  omitted: number,
): string {
  const folded =
    omitted > 0
      ? `; ${omitted} repeat${omitted === 1 ? " is" : "s are"} folded into the counts, the first of each kept`
      : "";
  const codes = total - media;
  const what =
    media === 0
      ? `${total} code${total === 1 ? "" : "s"} (${distinct} distinct)`
      : `${codes === 0 ? "no codes" : `${codes} code${codes === 1 ? "" : "s"}`} and ${media} media symptom${media === 1 ? "" : "s"}`;
  return `Found ${what} in ${lines} line${lines === 1 ? "" : "s"}${folded}.`;
}
