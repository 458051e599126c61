// Secrets in pasted shell commands (the mysql client's -pPASSWORD, httpie's -a user:pass) and in
// Cisco IOS / IOS XE configuration (RADIUS, TACACS+ and SNMP keys, local users, enable secrets,
// CUBE credentials). Same contract as RULES: the first capture group stays, the rest is the secret.

/** A value: quoted, or one token; an IOS encryption type (0, 6, 7, 5, 8, 9) before it goes too. */
const VALUE = String.raw`(?:[0-9][ \t]+(?=\S))?(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s"']+)`;

/**
 * Where a configuration command starts: at the start of a line, after a configuration-mode prompt
 * (`router(config)#`, `router(config-line)# `), or after the `logged command:` of a syslog
 * %PARSER-5-CFGLOG_LOGGEDCMD message, which echoes each command a user typed. The prompt is
 * matched (and kept), not looked behind for: a literal start is several times cheaper to search.
 */
const COMMAND_START = String.raw`(?:^|\(config[\w-]*\)#|logged command:)[ \t]*`;

/**
 * A server key runs to the end of the line: IOS takes the rest of the command, spaces and all, as
 * the key. An encrypted one (type 6 or 7) is one word, so what a log wrote after it stays.
 */
const SERVER_KEY = String.raw`(?:[67][ \t]+[^\s"']+|(?:0[ \t]+)?(?:"[^"\r\n]*"|'[^'\r\n]*'|(?:[^\r\n"\\]|\\(?![rn"]))+))`;

export const COMMAND_RULES: RegExp[] = [
  // mysql -u kamailio -pS3cret: the password is glued to -p (a separate word after -p is the
  // database, and -P is the port). --password=… is a key the general rules take.
  /(\b(?:mysql\w*|mariadb(?:-\w+)?)\b[^\r\n|;&]*?\s-p)(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s"'|;&]+)/g,
  // httpie (and xh): http -a user:pass URL, or a bearer token after -A bearer -a. -a means other
  // things to other commands, so only after the command's name; --auth is taken anywhere.
  /(\b(?:https?|xhs?)[ \t](?:[^\r\n|;&]*?\s)?-a(?:[ \t]+|=)?)(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s"']+)/g,
  /((?<![\w-])--auth(?:[ \t]+|=))(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s"']+)/g,
  // IOS: radius-server key 7 0822455D0A16, radius-server host … key …, tacacs-server key …,
  // server-private 10.0.0.1 key …, and a key line under `radius server X` / `tacacs server X`
  // (also key-string in a key chain, crypto isakmp key). The keyword stays, type and value go.
  new RegExp(
    String.raw`(\b(?:radius-server|tacacs-server|server-private)\b[^\r\n]*?\skey[ \t]+)${SERVER_KEY}`,
    "gi",
  ),
  new RegExp(
    String.raw`(${COMMAND_START}(?:key(?:-string)?|crypto[ \t]+isakmp[ \t]+key)[ \t]+)${VALUE}`,
    "gim",
  ),
  // Local users and enable: username admin [privilege 15] [algorithm-type x] secret 5 $1$…,
  // enable secret 9 $9$…; CUBE's sip-ua `credentials … password 7 …` and `authentication
  // username … password …`. These are configuration lines, so only where a command starts.
  new RegExp(
    String.raw`(${COMMAND_START}(?:username[ \t]+\S+|enable|credentials|authentication)\b(?:[^\r\n]*?\s)?(?:password|secret)[ \t]+)${VALUE}`,
    "gim",
  ),
  // A password or secret with an IOS type wherever it is: the typed value has a shape of its own
  // (type 7 is hex, 5/8/9 are $n$ hashes, 6 is AES), so "password 7 chars" in prose stays.
  /(\b(?:password|secret|key)[ \t]+)(?:7[ \t]+[0-9A-Fa-f]{4,}\b|[589][ \t]+\$\d+\$\S+|6[ \t]+\S{8,})/gi,
  // A bare ` password cisco` line under `line vty`: lower case and alone on its line, as IOS
  // writes it, so a log's "Password incorrect" stays.
  new RegExp(String.raw`(${COMMAND_START}password[ \t]+)${VALUE}(?=[ \t]*$)`, "gm"),
  // SNMP: the v1/v2c community is the password (snmp-server community S3cret RO, snmp-server host
  // 10.0.0.1 version 2c S3cret), and a v3 user's auth and priv passwords (the line is only looked
  // back on after "auth sha" or "priv aes" matched, so other lines pay nothing for it).
  new RegExp(String.raw`(\bsnmp-server[ \t]+community[ \t]+)${VALUE}`, "gi"),
  new RegExp(
    String.raw`(\bsnmp-server[ \t]+host[ \t]+\S+[ \t]+(?:(?:traps|informs)[ \t]+)?version[ \t]+(?:1|2c)[ \t]+)${VALUE}`,
    "gi",
  ),
  new RegExp(
    String.raw`([ \t](?:auth[ \t]+(?:md5|sha\d*)|priv[ \t]+(?:3des|des|aes(?:[ \t]+\d+)?))(?<=\bsnmp-server[ \t]+user\b[^\r\n]*)[ \t]+)${VALUE}`,
    "gi",
  ),
];

/** Literal tests for what these rules need that the general hints (key, secret, pass, auth) miss. */
export const commandHinted = (text: string): boolean =>
  text.includes("mysql") ||
  text.includes("mariadb") ||
  (text.includes("-a") && /\b(?:https?|xhs?)[ \t]/.test(text)) ||
  text.includes("snmp-server");
