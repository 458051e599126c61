// Everyday on-call phrases that name no code and no vendor: "phones not registering", "calls
// failing", "caller id wrong", "fax not working". Their words appear in passing in many entries
// (a Webex device "not registered", an ACS "caller-ID policy"), so a word match opens some
// vendor's card. Each phrase has a standard place to start instead: the codes that usually answer
// it, most likely first, with a note saying how to tell them apart. Both the answer and `sipcode
// search` lead with it, so they agree.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { MORE_STARTS, type Start } from "./everyday-starts.js";
import { catalogWording } from "./search-forms.js";

/** Standards' codes and symptoms, as against one vendor's entries. */
const STANDARD: ReadonlySet<Namespace> = new Set<Namespace>(["sip", "q850", "http", "symptom"]);

/** A negation or failure before "regist…": "not registering", "won t register", "can t register". */
const NOT_REGISTERED_RE =
  /\b(?:not|never|wont|won t|cant|can t|cannot|unable to|doesnt|doesn t|dont|don t|isnt|isn t|arent|aren t|stopped|no longer|fails? to|failing to)\s+(?:\w+\s+)?regist\w*|\b(?:un|de)registered\b/;
/** "registration issue", "registering problem": the registration itself named as failing. */
const REGISTRATION_TROUBLE_RE = /\bregist\w*\s+(?:not working|issues?|problems?|down|broken|lost)\b/;
/** Registration that comes and goes is the flapping symptom's, which its own aliases answer. */
const FLAPPING_RE = /\b(?:keeps?|flap\w*|random\w*|intermittent\w*|sometimes|every)\b/;
const CALLER_ID_RE = /\b(?:caller ?ids?|cli|clid|calling (?:number|party)|cid|presentation)\b/;
const FAX_RE = /\b(?:fax|faxes|faxing|faxed)\b/;
/** Words a generic "calls failing" says, and nothing more specific. */
const GENERIC_CALL_WORDS: ReadonlySet<string> = new Set(
  (
    "call calls calling failing fail fails failed failure failures not working work works dont don t " +
    "doesnt doesn isnt isn arent aren wont won cant can cannot is are were was be being been all any " +
    "my our the some most inbound outbound incoming outgoing in out rejected rejecting reject rejects " +
    "rejection refused refusing refuse carrier carriers provider providers trunk trunks itsp sip going " +
    "through connecting connect connected get getting gets make making receive receiving to from by " +
    "keep keeps keeping suddenly anymore today why are help please"
  ).split(" "),
);
/** What makes it a failure: at least one of these among the generic words. */
const FAILING_RE =
  /\b(?:fail\w*|not working|reject\w*|refus\w*|not going through|not connecting|cant make|can t make|cannot make)\b/;

/** "trunk down", "sip trunk is down", "gateway offline": the carrier leg as a whole unreachable. */
const TRUNK_DOWN_RE =
  /\b(?:trunks?|gateways?)\s+(?:is\s+|are\s+|went\s+|goes\s+)?(?:down|offline|unreachable|not responding|dead)\b/;
/** "calls go to voicemail", "call goes straight to voicemail": the callee's forwarding took it. */
const VOICEMAIL_RE =
  /\b(?:go|goes|going|went|gone|sent|sends|sending|straight|directly|direct|forwarded|diverted|rolls?|rolling)\s+(?:\w+\s+)?(?:to\s+)?(?:vm|voicemail|voice mail)\b/;
/** "calls ring forever", "phone keeps ringing": nothing ended the ringing. */
const RINGING_ON_RE =
  /\bring\w*\s+(?:forever|endlessly|indefinitely|nonstop|non stop|and ring\w*|for ever)\b|\b(?:keeps?|never stops?|wont stop|won t stop|doesnt stop|doesn t stop)\s+ringing\b/;
/** "tls handshake failed", "certificate expired on the trunk": SIP over TLS that never starts. */
const TLS_RE = /\b(?:tls|ssl|sips|certificate|cert|certs)\b/;
/** "emergency calls failing", "911 not working": calls to emergency numbers. */
const EMERGENCY_RE = /\b(?:emergency|e911|911|999)\b/;

const STARTS: readonly Start[] = [
  {
    test: (t) => TRUNK_DOWN_RE.test(t),
    ids: ["sip/503", "sip/408", "q850/38", "q850/27"],
    note:
      "A trunk is down when the carrier stops answering: the PBX's OPTIONS pings go unanswered (Asterisk " +
      "qualify UNREACHABLE, FreeSWITCH gateway DOWN, a Kamailio dispatcher destination inactive), calls get " +
      "no response and time out with 408 (Timer B, Q.850 cause 38 or 27), or the carrier or your own PBX " +
      "answers 503 (FreeSWITCH's GATEWAY_DOWN). Check the route to the carrier's address and port, DNS, the " +
      "firewall, and the carrier's status page; `sipcode scan` on the log says which.",
  },
  {
    test: (t) => VOICEMAIL_RE.test(t),
    ids: ["sip/480", "q850/20", "sip/486", "q850/17", "q850/19"],
    note:
      "The callee's forwarding sends a call to voicemail: at once when the callee is not registered (480, " +
      "Q.850 cause 20) or busy or on do-not-disturb (486, cause 17), after ringing when no one answers (cause " +
      "19, the no-answer timer). Check the callee's registration first, then its DND and forward settings and " +
      "the ring timeout before the forward.",
  },
  {
    test: (t) => RINGING_ON_RE.test(t),
    ids: ["q850/19", "sip/408", "timer/c", "sip/487"],
    note:
      "Ringing ends only when someone answers, the caller hangs up (CANCEL, answered 487) or a no-answer timer " +
      "fires: the PBX's dial timeout (Asterisk Dial()'s timeout, FreeSWITCH call_timeout) gives Q.850 cause 19, a " +
      "proxy's Timer C (over 3 minutes) gives 408. If it rings on after the caller hung up, the CANCEL was lost " +
      "or not matched to the INVITE: look for it and its 487.",
  },
  {
    test: (t) => TLS_RE.test(t) && !t.includes("stls"),
    ids: ["sip/503", "sip/408", "q850/38"],
    note:
      "A TLS handshake that fails never carries SIP, so no SIP response explains it: the sender's transaction " +
      "times out (408, Timer B) or its stack reports 503, with the TLS error in the SIP stack's own log. Check " +
      "the certificate chain and expiry, that the name in it matches the host dialled (SNI), the TLS versions " +
      "and ciphers both sides allow, port 5061, and the clock.",
  },
  {
    test: (t) => EMERGENCY_RE.test(t),
    ids: ["sip/380", "sip/403", "sip/404", "sip/488"],
    note:
      "Emergency calls fail most often in routing: the dial plan or trunk must send 911/112/999 unchanged " +
      "(no prefix, no outbound caller-ID check that refuses it), and the carrier must have the site's " +
      "emergency address. A 403 or 404 from the carrier points at that; 380 Alternative Service (RFC 5031) " +
      "means the network wants the call made another way. Test with your carrier's test number, never a live call.",
  },
  {
    // "fax" alone is a word search, which finds the same entries.
    test: (t) => FAX_RE.test(t) && t.includes(" "),
    ids: ["sip/488", "q850/88", "sip/415"],
    note:
      "Fax over SIP fails most often at the switch to T.38: the re-INVITE offering T.38 is refused with " +
      "488 Not Acceptable Here (or a 415, or no answer), so the fax stays on G.711, where packet " +
      "loss, a compressing codec, echo cancellation or silence suppression break it. Check that both " +
      "sides (and every SBC between) allow T.38, and whether the 488 answered the re-INVITE.",
  },
  {
    test: (t) => (NOT_REGISTERED_RE.test(t) || REGISTRATION_TROUBLE_RE.test(t)) && !FLAPPING_RE.test(t),
    ids: [
      "sip/401",
      "sip/403",
      "sip/407",
      "sip/404",
      "sip/408",
      "sip/503",
      "q850/20",
      "symptom/registration-flapping",
    ],
    note:
      "Where to start: the registrar's response to the REGISTER says why. 401 or 407 repeated after " +
      "the credentials were sent means a wrong user, password or realm (one challenge is normal); 403 " +
      "is an account or address the registrar refuses; 404 an unknown user or domain; 408 or 503, or " +
      "no response at all, a registrar the phone cannot reach (DNS, firewall, NAT). Calls to a user " +
      "who is not registered fail with 480 and Q.850 cause 20.",
  },
  {
    test: (t) => CALLER_ID_RE.test(t),
    ids: ["sip/403", "q850/21", "sip/433"],
    note:
      "No response code reports a wrong caller ID: the number shown comes from the From, " +
      "P-Asserted-Identity or Remote-Party-ID header the carrier receives, so check which one your " +
      "PBX or SBC sets and which the carrier reads. A carrier that refuses a calling number not on " +
      "the trunk answers 403 (Q.850 cause 21); a callee that refuses withheld numbers, 433.",
  },
  ...MORE_STARTS,
  {
    test: (t) => FAILING_RE.test(t) && t.split(" ").every((w) => GENERIC_CALL_WORDS.has(w)),
    ids: ["q850/21", "sip/403", "sip/404", "sip/480", "sip/488", "sip/503"],
    note:
      "That is too general for one answer: the failing call's SIP response or Q.850 cause says " +
      "which, so paste it or the log (`sipcode scan`). The usual ones: 403 a refused caller, address " +
      "or account (check the carrier allows your IPs and number), 404 a number not routed, 480 no " +
      "one reachable, 488 no common codec, 503 a trunk or route down.",
  },
];

/** Where to start for an everyday phrase (normalised words), or null when it is none of them. */
export function everydayStart(c: Catalog, text: string): { entries: Entry[]; note: string } | null {
  // A catalog name in any form ("calls rejected", "registrations failing") is answered by the
  // standard entries it names.
  const worded = catalogWording(c, text) ?? text;
  if ((c.byPhrase.get(worded) ?? []).some((e) => STANDARD.has(e.namespace))) return null;
  const start = STARTS.find((s) => s.test(text));
  if (!start) return null;
  const entries = start.ids.map((id) => c.byId.get(id)).filter((e): e is Entry => e !== undefined);
  return entries.length > 0 ? { entries, note: start.note } : null;
}
