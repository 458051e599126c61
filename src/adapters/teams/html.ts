// Teams message HTML → the plain text a person pasted, so a trace pasted into Teams scans exactly like
// the same trace on the CLI: block tags and <br> become line breaks, <pre>/<code> keep their lines
// (a <br> and the newline after it are one break there), other source newlines are spaces, entities are decoded, and the bot's own @mention and the markers
// of attached files are dropped.

export interface HtmlTextOptions {
  /** Mention texts (e.g. "sipcode") whose <at>…</at> / mention <span> is removed rather than kept. */
  dropMentions?: readonly string[];
}

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  bull: "•",
  middot: "·",
  times: "×",
  rarr: "→",
  larr: "←",
  copy: "©",
};

/** One pass, so "&amp;lt;" becomes "&lt;" (what was typed), not "<". */
export function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const cp =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      const ok = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
      return ok ? (cp === 0xa0 ? " " : String.fromCodePoint(cp)) : whole;
    }
    return NAMED[name] ?? NAMED[name.toLowerCase()] ?? whole;
  });
}

// Only real HTML tag names count as markup: "<sip:bob@example.com>" or "<-- 488" in a plain-text
// paste must survive untouched.
const BLOCK = new Set(
  "p div pre codeblock li ul ol tr table thead tbody blockquote h1 h2 h3 h4 h5 h6 hr section article".split(
    " ",
  ),
);
const INLINE = new Set(
  "span code b i u s em strong strike del ins mark small big sub sup a font at td th img emoji br label".split(
    " ",
  ),
);
const PRE = new Set(["pre", "codeblock"]);
// No part of a match may run past the next "<": that keeps hostile input ("<p<p<p…") linear.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
const MENTION = /<at\b[^<>]*>([^<]*)<\/at>|<span\b[^<>]*schema\.skype\.com\/Mention[^<>]*>([^<]*)<\/span>/gi;

/**
 * Teams marks each attached file in the message body with `<attachment id="…"></attachment>` (the
 * file itself travels as an attachment of the activity): markup, not something the person typed.
 */
const ATTACHMENT = /<attachment\b[^<>]*>(?:[^<]*<\/attachment>)?/gi;

/** Removes <!-- comments --> in one linear pass (an unterminated one hides the rest, as in HTML). */
function stripComments(s: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const start = s.indexOf("<!--", i);
    if (start < 0) return out + s.slice(i);
    out += s.slice(i, start);
    const end = s.indexOf("-->", start + 4);
    if (end < 0) return out;
    i = end + 3;
  }
}

function dropMentions(html: string, names: readonly string[]): string {
  const drop = new Set(names.map((n) => decodeEntities(n).trim().toLowerCase()));
  return html.replace(MENTION, (_whole, at?: string, span?: string) => {
    const inner = at ?? span ?? "";
    const name = decodeEntities(inner.replace(TAG, "")).trim().toLowerCase();
    return drop.has(name) ? "" : inner;
  });
}

const isBlank = (c: string | undefined) => c === " " || c === "\t";

/** `s` without the spaces and tabs at the chosen ends (a loop: a regex would be quadratic on long runs). */
function trimBlanks(s: string, start: boolean, end: boolean): string {
  let a = 0;
  let b = s.length;
  while (start && a < b && isBlank(s[a])) a++;
  while (end && b > a && isBlank(s[b - 1])) b--;
  return s.slice(a, b);
}

/** A tag that makes a line break: text holding one is HTML, whose own newlines are only spaces. */
const LINE_TAG = /<\/?(?:br|p|div|pre|codeblock|li|tr|h[1-6]|blockquote|hr)\b[^<>]*>/i;

export function teamsHtmlToText(input: string, opts: HtmlTextOptions = {}): string {
  const html = dropMentions(
    stripComments(input.replace(/\r\n?/g, "\n")).replace(ATTACHMENT, ""),
    opts.dropMentions ?? [],
  );
  // Plain text (Teams' `text` with only an <at> tag) keeps its newlines as line breaks.
  const isHtml = LINE_TAG.test(html);
  let out = "";
  let pre = 0;
  let preStart = false;
  // Inside <pre>, a line ended "<br>" plus a newline (as some editors write each line) is one break,
  // not two: the newline straight after a <br> is dropped, as a newline straight after <pre> is.
  let afterBr = false;
  // A source newline outside <pre> in HTML ("a<br>\nb", as editors write it): one space, dropped
  // at the start or end of a line, so it never adds a line break of its own.
  let space = false;
  const newline = () => {
    space = false;
    if (out !== "" && !out.endsWith("\n")) out += "\n";
  };
  const append = (text: string) => {
    if (text === "") return;
    if (space && out !== "" && !out.endsWith("\n")) out += " ";
    space = false;
    out += decodeEntities(text).replace(/\u00a0/g, " ");
  };
  const emitText = (raw: string) => {
    if (pre === 0 && isHtml) {
      const parts = raw.split("\n");
      parts.forEach((part, i) => {
        if (i > 0) space = true;
        append(trimBlanks(part, i > 0, i < parts.length - 1));
      });
      return;
    }
    // Outside <pre>, whitespace that only separates tags ("</at>\n<at>") is source formatting.
    if (pre === 0 && raw.includes("\n") && raw.trim() === "") return;
    // As in HTML, a line break straight after <pre> belongs to the markup, not the content.
    const text = preStart || afterBr ? raw.replace(/^\n/, "") : raw;
    if (raw !== "") {
      preStart = false;
      afterBr = false;
    }
    out += decodeEntities(text).replace(/\u00a0/g, " ");
  };
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    const [whole, slash, rawName, attrs] = m;
    const name = (rawName ?? "").toLowerCase();
    if (!BLOCK.has(name) && !INLINE.has(name)) continue;
    emitText(html.slice(last, m.index));
    last = m.index + whole.length;
    if (name === "br") {
      space = false;
      afterBr = pre > 0;
      out += "\n";
    } else if (BLOCK.has(name)) {
      newline();
      if (PRE.has(name)) {
        pre = Math.max(0, pre + (slash ? -1 : 1));
        preStart = !slash;
      }
    } else if ((name === "td" || name === "th") && slash) out += " ";
    else if ((name === "img" || name === "emoji") && !slash) {
      const alt = /\balt\s*=\s*"([^"]*)"/i.exec(attrs ?? "")?.[1];
      if (alt) out += decodeEntities(alt);
    }
  }
  emitText(html.slice(last));
  return out.trim();
}
