// Where secrets sit in text: one pattern per form (a header, a key, a URL part, a command-line
// option, a key with a shape of its own), and the cheap tests that let text naming none of them
// skip the patterns. Shell commands and device configuration have rules of their own.

import { COMMAND_RULES, commandHinted } from "./redact-commands.js";

/**
 * A credential header's value in a one-line log ends where the credential does, so what follows
 * (the status, the reason) stays: a scheme and its token (`Bearer x`, `Basic x`, a bare key), or a
 * scheme and its parameter list (`Digest username="a", …, response="r"`), whose unquoted values
 * are only taken under the parameter names those schemes use.
 */
const DQ = String.raw`\\?"[^"\r\n]*?\\?"`;
const PARAM_NAMES = String.raw`username|realm|nonce|uri|response|algorithm|cnonce|opaque|qop|nc|userhash|stale|domain|credential|signedheaders|signature|keyid|headers|created|expires|oauth_\w+`;
const PARAM = String.raw`(?:[\w-]+\s*=\s*${DQ}|(?:${PARAM_NAMES})\s*=\s*(?!\d{1,6}\b)[^\s,"'}\\]+)`;
// A token; an earlier mark counts as one, so redacting twice changes nothing.
const TOKEN = String.raw`(?:\[redacted\]|[A-Za-z0-9][A-Za-z0-9._~+/-]*=*)`;
const CREDENTIAL = String.raw`(?:[A-Za-z][\w-]{0,30}\s+${PARAM}(?:\s*,\s*${PARAM}){0,40}|[A-Za-z][\w-]{0,30}\s+(?![\w-]+[:=][^\s=,}"'])${TOKEN}|[^\s,;"'}&\\]+)`;
/** A user:secret pair (a URI, a host:port, a clock time or a [file.c:line] is none). */
const USER_SECRET = String.raw`(?!(?:sips?|tel|https?|wss?|urn|mailto):|\d{1,2}:\d{2}\b|[\w-]+(?:\.[\w-]+)+:\d{1,5}(?![^\s"',;&}]))[^\s:"',;&}[\](){}<>]+:[^\s"',;&}]+`;
/**
 * A token shaped like base64 (a Basic credential without its scheme word, as `basic_auth=` holds
 * it): 12 characters or more in whole groups of four, holding a digit, "+", "/" or "=", or upper
 * case after lower case, so words ("basic auth failed") stay.
 */
const BASE64 = String.raw`(?=[A-Za-z0-9+/]*[\d+/=]|[A-Za-z]*[a-z][A-Za-z]*[A-Z])(?:[A-Za-z0-9+/]{4}){3,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![\w+/=-])`;
/** Keys whose value is a secret, as an encoded query names them (the plain form has its own rule). */
const SECRET_KEYS = `(?:api[_-]?key|api[_-]?token|access[_-]?key|accesskey|account[_-]?key|private[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|secret|client[_-]?secret|password|passwd|passphrase|pass|pwd|sig|signature|credentials?|[A-Za-z]*(?:Password|Secret|Token|ApiKey|AccessKey))`;
/** A cookie header's value: quoted (JSON), a list of quoted values (Node's set-cookie), or its pairs. */
const COOKIE = String.raw`(?:"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*'|\[[^\]\r\n]*\]|[^\s;,"'}\]\\]+(?:;\s*[^\s;,"'}\]\\]+)*)`;

/**
 * Each rule's first capture group is the part that stays (the header name, the `key=`); the rest
 * of the match is the secret. A digest parameter keeps its quotes around the mark.
 */
export const RULES: RegExp[] = [
  // A credential or cookie header on a line of its own (a SIP or HTTP message, also one escaped in
  // a JSON string after "\r\n"): all of its value.
  /(?:^|(?<=\\n))([ \t]*(?:Proxy-)?Authorization\s*:\s*)(?:[^\r\n\\]|\\(?![rn]))+/gim,
  /(?:^|(?<=\\n))([ \t]*(?:Set-)?Cookie\s*:\s*)(?:[^\r\n\\]|\\(?![rn]))+/gim,
  // The same headers inside a log line or logged as JSON ("cookie": "…"): the value alone.
  new RegExp(String.raw`(?:\b|(?<=\\[rn]))((?:Proxy-)?Authorization["']?\s*[:=]\s*["']?)${CREDENTIAL}`, "gi"),
  new RegExp(
    String.raw`((?:(?<![A-Za-z0-9])|(?<=\\[rn]))["']?(?:Set-)?Cookie["']?\s*[:=]\s*)${COOKIE}`,
    "gi",
  ),
  // Digest parameters wherever they appear (WWW-Authenticate challenges, logs of them).
  // A short bare number is no digest value: `response=486` is a status and stays readable; a value
  // in escaped quotes (a message inside a JSON string) ends at its closing \".
  /\b((?:nonce|cnonce|response|opaque)\s*=\s*)(?:"[^"\r\n]*"|\\"[^"\r\n]*?\\"|(?!\d{1,6}\b)[^\s,;]+)/gi,
  /\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/g,
  // An HTTP Basic credential (base64 of user:secret, Exotel's KEY:TOKEN) is one wherever it
  // stands, not only after an Authorization header. Only a token shaped like base64 counts: 12
  // characters or more in whole groups of four (padded, as RFC 7617 sends it), holding a digit,
  // "+", "/" or "=", or upper case after lower case; so "Basic Call Flow", "Basic auth failed" and
  // "Basic Registration" stay.
  /(\b[Bb]asic[ \t]+)(?=[A-Za-z0-9+/]*[\d+/=]|[A-Za-z]*[a-z][A-Za-z]*[A-Z])(?:[A-Za-z0-9+/]{4}){3,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![\w+/=-])/g,
  // The same credential URL- or form-encoded (`Basic%20YWRt…%3D`, `Basic+YWRt…`), as request logs
  // print a query or body: "+", "/" and "=" are escaped there, so the groups of four cannot be
  // counted; 12 characters or more holding a digit, or upper case after lower case, still count.
  /(\b[Bb]asic(?:%20|\+))(?=(?:[A-Za-z]|%2[BbFf])*(?:\d|%2[BbFf]|%3[Dd])|[A-Za-z]*[a-z][A-Za-z]*[A-Z])(?:[A-Za-z0-9]|%2[BbFf]){12,}(?:%3[Dd]){0,2}(?![\w%+/=-])/g,
  /()\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g,
  /()\bxox[abprs]-[A-Za-z0-9-]+/g,
  /()\bxapp-[A-Za-z0-9-]+/g,
  // Keys that are recognisable on their own: AWS key ids, GitHub, Google, Stripe, and Telnyx v2
  // API keys as Telnyx prints them (KEY, upper-case letters and digits, "_", base62).
  /()\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /()\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g,
  /()\bAIza[0-9A-Za-z_-]{35}/g,
  /()\b[sr]k_live_[0-9A-Za-z]{16,}/g,
  /()\bKEY[0-9A-Z]{16,48}_[0-9A-Za-z]{16,48}\b/g,
  // A Webex access or bot token: base64 text, "_", a four-character cluster tag (PF84), "_", and
  // the organisation's UUID. Recognisable under any word or none.
  /()\b[A-Za-z0-9]{40,}_P[A-Z0-9]{3}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
  // A token or key written after its name in prose ("exotel token 3f8e…", "api key is AbC…"), with
  // no `=` or `:`: only a value shaped like a secret counts (16 characters or more, letters and
  // digits mixed, no dot), so "token expired", "key 401" or a host name stay; a bare UUID is an
  // identifier and stays too, as does the SID of a SID:secret pair (the rule above takes the secret).
  /(\b(?:api[ _-]?key|access[ _-]?key|secret[ _-]?key|api[ _-]?token|access[ _-]?token|auth[ _-]?token|token|key|secret)s?(?:\s+(?:is|was|=))?\s+["']?)(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)(?=[A-Za-z0-9_~+/-]*\d)(?=[A-Za-z0-9_~+/-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_~+/-]{15,}=*(?![\w~+/=-]|:|%3[Aa])/gi,
  // A Twilio Account SID or API key SID with its auth token or key secret (SID:secret, as HTTP
  // basic auth takes them) is a live credential under any word or none: the SID stays, the
  // secret goes, also URL-encoded (%3A).
  /(\b(?:AC|SK)[0-9a-fA-F]{32}(?::|%3[Aa]))[0-9A-Za-z]{32}\b/g,
  // Request signatures in headers (X-Twilio-Signature, telnyx-signature-ed25519, X-Hub-Signature-256,
  // Stripe-Signature: t=…,v1=…), as headers or JSON keys.
  /((?<![\w-])["']?(?:[A-Za-z0-9]+-)*(?:[A-Za-z0-9]+-signature|signature-[A-Za-z0-9]+)(?:-[A-Za-z0-9]+)*["']?\s*[:=]\s*["']?)[^\s,"'}&<>]+(?:,(?=\w+=)[^\s,"'}&<>]+)*/gi,
  // XML configuration (a FreeSWITCH gateway): <param name="password" value="…"/>.
  /(<param\s+name=["'][\w.-]*(?:password|passwd|secret|pass|pwd|token|key|ha1b?)["']\s+value=["'])[^"']*/gi,
  // A key counts when its last part (after `_`, `-` or `.`) is a secret word: sip_password,
  // DB_PASSWORD, auth_pass, x-api-key, subscriber ha1/ha1b; or, in camelCase, sipPassword. MySQL's
  // "(using password: YES)" only says whether one was given, and stays. An HTML entity (`&amp;` in
  // a log copied from a web page) or an "&" that starts no next parameter is part of the value,
  // not its end.
  /(["']?(?<![A-Za-z0-9])(?:api[_-]?key|api[_-]?token|access[_-]?key|accesskey|account[_-]?key|shared[_-]?access[_-]?key|private[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|secret|md5secret|client[_-]?secret|password|passwd|passphrase|pass|pwd|sip[_-]?secret|credentials?|ha1(?:b|_sha256|_sha512t256)?)\b["']?\s*[:=]\s*)(?!(?:YES|NO)\))(?:"[^"\r\n]*"|'[^'\r\n]*'|(?:&(?:amp|lt|gt|quot|apos|#39|#x27);|&(?![\w.-]+=)|[^\s,;&}])+)/gi,
  /((?<=[a-z0-9])(?:Password|Passwd|Passphrase|Pass|Pwd|Secret|Token|ApiKey|AccessKey|PrivateKey|SecretKey|Credentials?|Ha1b?)\b["']?\s*[:=]\s*)(?:"[^"\r\n]*"|'[^'\r\n]*'|(?:&(?:amp|lt|gt|quot|apos|#39|#x27);|&(?![\w.-]+=)|[^\s,;&}])+)/g,
  // The same keys in a URL that is itself URL-encoded, as Twilio's alert_text and a URL passed as
  // a query parameter carry it (`%3Ftoken%3Dsk_…`, `%26password%3D…`, twice encoded `%253D`): the
  // key follows an encoded "?" or "&" (or a plain one) and the value ends at the next encoded "&".
  new RegExp(
    String.raw`((?:(?<![A-Za-z0-9])|(?<=%(?:25)?(?:3[Ff]|26)))${SECRET_KEYS}(?:%(?:25)?3[Dd]))(?:(?!%(?:25)?(?:26|23|22|20))[^\s&"'<>,;}\\])+`,
    "gi",
  ),
  // Command-line credentials: curl -u SID:TOKEN (Twilio's own examples), --user user:password,
  // --proxy-user; wget --password PASS and --http-password PASS (the `=` forms are keys above).
  /((?<![\w-])(?:-[uU](?:\s+|=)?|--(?:proxy-)?user(?:\s+|=)))(?:"[^"\r\n:]*:[^"\r\n]*"|'[^'\r\n:]*:[^'\r\n]*'|[^\s"':]*:[^\s"']*)/g,
  /((?<![\w-])--(?:http-|proxy-|ftp-)?(?:password|passwd)\s+["']?)[^\s"']+/gi,
  // user:secret after a word that ends in "auth" (auth=, "basic auth", http_auth:, basicAuth),
  // with or without `=`, as curl -u takes it; or a Basic token after one, with or without its
  // scheme word (basic_auth=YWRt…, as a config or env dump prints it). Not a URI
  // (auth sip:alice@x), a host and port, a clock time, or a bracketed source location
  // (Kamailio's "auth [api.c:201]"). The match starts at "auth" itself, as a literal start is
  // three times cheaper to search than the whole key.
  new RegExp(
    String.raw`(auth\b["']?(?:\s*[:=]\s*["']?|[ \t]+)(?:Basic[ \t]+)?)(?:${USER_SECRET}|(?<=Basic[ \t]+)[A-Za-z0-9._~+/-]{8,}=*|(?<=auth["']?\s*[:=]\s*["']?|basic[ _-]?auth[ \t]+)${BASE64})`,
    "gi",
  ),
  // Signatures in URLs: Azure SAS, S3 and GCS presigned URLs, CloudFront signed URLs.
  /(\b(?:sig|X-(?:Amz|Goog)-Signature|Signature)=)[^&\s"'<>]+/gi,
  // A password written in prose: "with password 'kamP4ss'", "secret \"x\"".
  /(\b(?:password|passwd|pwd|secret)\s+)(?:'[^'\r\n]*'|"[^"\r\n]*")/gi,
  /(a=ice-pwd:)\S+/g,
  // SDES-SRTP master keys: a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<key>|2^20|1:32
  /(\binline:)[^\s|"']+/gi,
  // user:password@ and :password@ in URLs (redis://:secret@host); the user part may be an API key.
  // The password may hold `@`: everything up to the last `@` before the path is taken.
  /(\/\/)[^:/\s]*:[^\s/]*(?=@)/g,
  // sip:alice:password@host (the user stays); the password ends at the last `@` of the URI.
  /(\bsips?:[^\s:@;<>"]*:)[^\s<>"]*(?=@)/gi,
  // Incoming-webhook URLs carry their secret in the path.
  /(\bhooks\.slack\.com\/(?:services|workflows|triggers)\/)[^\s"'<>)]+/gi,
  /(\.webhook\.office\.com\/webhookb2\/)[^\s"'<>)]+/gi,
  ...COMMAND_RULES,
];

/**
 * Cheap tests run first: text that names no credential-like thing skips the rules entirely. Words
 * in any case, and the case-exact prefixes apart (one case-insensitive pattern for all of them is
 * twice as slow, and this runs on every echoed line).
 */
const HINT_WORDS =
  /auth|cookie|nonce|response|opaque|bearer|key|token|secret|pass|pwd|credential|ha1|sig=|signature|inline:|hook/i;
const HINT_PREFIXES =
  /[Bb]asic(?:[ \t]|%20|\+)|eyJ|xox|xapp|(?:AC|SK)[0-9a-fA-F]{32}|AKIA|ASIA|gh[pousr]_|github_pat|AIza|k_live_|_P[A-Z0-9]{3}_[0-9a-f]{8}-|:\/\/[^\s/@]*@|(?:sips?|SIPS?):[^\s:@;<>"]*:[^\s<>"]*@/;
/** curl -u and --user: a literal test first, as "-u" in a pattern of words doubles its cost. */
const CLI_USER = /(?<![\w-])(?:-[uU]|--(?:proxy-)?user)/;
export const hinted = (text: string): boolean =>
  HINT_WORDS.test(text) ||
  HINT_PREFIXES.test(text) ||
  ((text.includes("-u") || text.includes("-U")) && CLI_USER.test(text)) ||
  commandHinted(text);
