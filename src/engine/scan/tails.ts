// The words that may stand right before a code in the prose and key=value detectors, and a
// reverse lookup that reads a word backwards from the code without allocating a string.
import { D } from "./gate-bits.js";

/** \s in a JavaScript regex (without the u flag). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** \w in a JavaScript regex. */
export function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

interface Node {
  bits: number;
  next: Array<Node | undefined>;
}

/** Words stored reversed, so a lookup walks back from the character before a number. */
class WordsBefore {
  private readonly root: Node = { bits: 0, next: [] };

  constructor(private readonly foldCase: boolean) {}

  add(words: string, bits: number): void {
    for (const word of words.split(" ")) {
      let node = this.root;
      for (let k = word.length - 1; k >= 0; k--) {
        const c = word.charCodeAt(k);
        let next = node.next[c];
        if (!next) {
          next = { bits: 0, next: [] };
          node.next[c] = next;
        }
        node = next;
      }
      node.bits |= bits;
    }
  }

  /** Bits of the whole \w run that ends at s[j], or 0 when it is not one of the words. */
  at(s: string, j: number): number {
    let node: Node | undefined = this.root;
    let k = j;
    for (; k >= 0; k--) {
      let c = s.charCodeAt(k);
      if (!isWord(c)) break;
      if (this.foldCase && c >= 65 && c <= 90) c += 32;
      node = node.next[c];
      if (!node) return 0;
    }
    return k === j ? 0 : node.bits;
  }
}

/**
 * Case-insensitive: the last word of KEYWORD's keywords or of its optional article, of
 * PROSE_BEFORE's keywords or article, SIP_WORD's "SIP" or field name, and BRACKETED's word.
 */
export const TAILS = new WordsBefore(true);
TAILS.add(
  "got gets getting receive received receives receiving return returns returned returning respond responds responded responding with answer answers answered reply replied replies replying send sends sending sent response code status a an the back sip resp_code respcode response_code responsecode",
  D.KEYWORD,
);
for (const a of ["status", "code", "response"]) {
  for (const j of ["_", ""]) TAILS.add(`sip${j}${a} sip${j}${a}_code sip${j}${a}code`, D.KEYWORD);
}
TAILS.add(
  "sends send sending sent get got gets getting reports report reported reporting returns return returned returning answers answer answered responds respond responded rejects reject rejected declines decline declined fehler error failure after is back says said gives give gave a an final the with",
  D.PROSE_BEFORE,
);
TAILS.add("sip cause code status response error", D.SIP_WORD);
TAILS.add("response reply status code", D.BRACKETED);

/** SCRIPT_REPLY's function names, case-sensitive. */
export const SCRIPT_FNS = new WordsBefore(false);
SCRIPT_FNS.add(
  "sl_send_reply t_send_reply send_reply sl_reply t_reply t_reply_with_body t_check_status",
  D.SCRIPT,
);

/** HTTP_REQUEST's methods, case-sensitive. */
export const METHODS = new WordsBefore(false);
METHODS.add("GET POST PUT PATCH DELETE HEAD OPTIONS", D.HTTP_LINE);

/** KEY_VALUE's keys, case-sensitive (uac[N] is recognised by its "]"). */
export const KV_KEYS = new WordsBefore(false);
KV_KEYS.add(
  "code new_code T_reply_code last_recv reply_code status uas registrationStateCode reason resp_code final_code lastStatusCode last_status_code",
  D.KEY_VALUE,
);

/** SIP_KEY's keys, any case, also with FreeSWITCH's `variable_` prefix. */
export const SIP_KEYS = new WordsBefore(true);
const SIP_KEY_WORDS =
  "sip_status sipstatus sip_code sipcode sip_status_code sipstatuscode dial_sip_status sipresponsecode sip_response_code final_sip_code sip_term_status last_sip_response_num";
SIP_KEYS.add(SIP_KEY_WORDS, D.SIP_KEY);
SIP_KEYS.add(SIP_KEY_WORDS.replace(/(^| )/g, "$1variable_"), D.SIP_KEY);

/** The last word before a plural code in PLURAL ("returning 503s", "lots of 408s"), any case. */
export const PLURAL_TAILS = new WordsBefore(true);
PLURAL_TAILS.add(
  "return returns returned returning get gets getting got see sees seeing seen saw send sends sending sent receive receives received receiving of many more intermittent occasional random repeated constant spurious",
  D.PROSE_BEFORE,
);

/** FAILED_PAREN's words before "(CODE)" ("failed (403)"), any case. */
export const PAREN_TAILS = new WordsBefore(true);
PAREN_TAILS.add("failed rejected error returned", D.SOFIA);
