// Where a checklist item too long for one Slack checkbox option (75 characters) is split between
// the option's text and its grey description. A cut at the last space that fits reads as a broken
// item ("…(Server/User-Agent, Via," then "Reason)"), so the split goes at a phrase boundary instead:
// the option text reads as a whole phrase and the description as its detail. The message's text
// fallback always carries the whole sentence.

/** How an item was split, so it can be rebuilt exactly from the option. */
export type SplitJoin =
  /** Joined with no space: a single word longer than the option, cut hard. */
  | "none"
  /** Joined with one space. */
  | "space"
  /** The head ends with an added "…" (no phrase boundary fitted); strip it, then join with a space. */
  | "ellipsis";

export interface SplitItem {
  head: string;
  rest?: string;
  join: SplitJoin;
}

/** A head shorter than this says too little on its own ("Note:", "Check"). */
const MIN_HEAD = { strong: 8, linking: 15 };

/** Words that start a phrase of their own: splitting before one leaves both halves readable. */
const LINKING = new Set(
  (
    "that which whether when whenever where while if unless until before after because since so " +
    "then but and or to for with without from against via by using in on at during per through"
  ).split(" "),
);

/** The last space at or before `max`, unless that leaves too short a head (one long word: cut hard). */
function wordCut(s: string, max: number): number {
  const at = s.lastIndexOf(" ", max);
  return at >= max / 2 ? at : -1;
}

/** Cut to `max` characters at a word boundary where there is one, marking the cut. */
export function clipWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const at = wordCut(s, max - 1);
  return `${(at > 0 ? s.slice(0, at) : s.slice(0, max - 1)).trimEnd()}…`;
}

/** Words after which a linking word does not start a phrase ("… and whether", "… the for"). */
const NO_SPLIT_AFTER = new Set([...LINKING, "a", "an", "the", "its", "their", "this", "each", "every"]);

/** An introductory phrase ends at its comma: "If it fails again, collect …". */
const INTRO =
  /^(?:if|when|for|after|before|once|unless|while|where|not|during|on|in|with|without|then|otherwise)\b/i;

/** The parenthesis depth just before each character (0: outside any). */
function depths(s: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (const ch of s) {
    out.push(d);
    if (ch === "(" || ch === "[") d++;
    else if ((ch === ")" || ch === "]") && d > 0) d--;
  }
  return out;
}

/**
 * Whether a comma ends a phrase: after an introductory phrase, before a new clause ("…, or change"),
 * and not between list items ("a remove, hang-up or terminate request"), where the list goes on
 * within a few words, with another comma or an "and"/"or".
 */
function clauseComma(head: string, after: string): boolean {
  if (/^(?:and|or|but|then|so)\b/.test(after)) return true;
  if (INTRO.test(head) && !head.slice(0, -1).includes(",")) return true;
  const words = after.trim().split(/\s+/).slice(0, 4);
  return !words.some((w, i) => w === "and" || w === "or" || (i < 3 && /,$/.test(w)));
}

/** The closing bracket matching the opening one at `open`, or -1. */
function closing(s: string, open: number): number {
  let d = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(") d++;
    else if (s[i] === ")" && --d === 0) return i;
  }
  return -1;
}

/**
 * Spaces where the item may split, outside brackets, best first: `strong` ones end a phrase by
 * punctuation (before a closing parenthetical, after a colon, semicolon, dash or clause comma),
 * `linking` ones come before a word that starts a phrase.
 */
function boundaries(s: string): { strong: number[]; linking: number[] } {
  const depth = depths(s);
  const strong: number[] = [];
  const linking: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== " " || depth[i] !== 0) continue;
    const prev = s[i - 1] ?? "";
    const next = s.slice(i + 1);
    if (next.startsWith("(")) {
      // Only a parenthetical that ends the item (or its clause) is detail; one mid-phrase is not.
      const end = closing(s, i + 1);
      if (end > 0 && /^($|[.,;:])/.test(s.slice(end + 1))) strong.push(i);
      continue;
    }
    const before = s.slice(0, i);
    if (/[:;—–]/.test(prev) || (prev === "-" && s[i - 2] === " ")) strong.push(i);
    else if (prev === ",") {
      if (clauseComma(before, next)) strong.push(i);
    } else if (
      LINKING.has((next.split(" ")[0] ?? "").toLowerCase()) &&
      !NO_SPLIT_AFTER.has((before.split(" ").at(-1) ?? "").toLowerCase())
    )
      linking.push(i);
  }
  return { strong, linking };
}

/** The latest boundary whose head fits and says enough, and whose rest fits too when `whole`. */
function pick(s: string, at: number[], min: number, max: number, whole: boolean): number | undefined {
  return at.filter((i) => i >= min && i <= max && (!whole || s.length - i - 1 <= max)).at(-1);
}

/**
 * Splits an item into the option text and its description, each at most `max` characters: at a
 * phrase boundary where the rest then fits, else at the last word that fits with "…" after it.
 * Only an item longer than both can hold loses its end, its description ending with "…".
 */
export function splitItem(text: string, max: number): SplitItem {
  if (text.length <= max) return { head: text, join: "none" };
  const { strong, linking } = boundaries(text);
  const split = (at: number): SplitItem => ({
    head: text.slice(0, at),
    rest: clipWords(text.slice(at + 1), max),
    join: "space",
  });
  const fits =
    pick(text, strong, MIN_HEAD.strong, max, true) ?? pick(text, linking, MIN_HEAD.linking, max, true);
  if (fits !== undefined) return split(fits);
  const cut = wordCut(text, max - 1);
  if (cut < 0) return { head: text.slice(0, max), rest: clipWords(text.slice(max), max), join: "none" };
  const ellipsis: SplitItem = {
    head: `${text.slice(0, cut)}…`,
    rest: clipWords(text.slice(cut + 1), max),
    join: "ellipsis",
  };
  if (text.length - cut - 1 <= max) return ellipsis;
  // The "…" costs the one character that would have let the rest fit: a plain cut between words.
  const plain = wordCut(text, max);
  if (plain > 0 && text.length - plain - 1 <= max) return split(plain);
  const phrase =
    pick(text, strong, MIN_HEAD.strong, max, false) ?? pick(text, linking, MIN_HEAD.linking, max, false);
  return phrase !== undefined ? split(phrase) : ellipsis;
}

/** The item an option shows, rebuilt from its text, its description and how they were split. */
export function joinItem(head: string, rest: string | undefined, join: SplitJoin): string {
  if (!rest) return head;
  if (join === "ellipsis") return `${head.replace(/…$/, "")} ${rest}`;
  return join === "space" ? `${head} ${rest}` : `${head}${rest}`;
}
