// The bit masks that name detectors (D) and the word anchors found in a block of text (W).

/** One bit per detector (or pair of detectors sharing a gate), in detect() order. */
export const D = {
  SIP_STATUS: 1 << 0,
  PJSIP: 1 << 1,
  REASON: 1 << 2,
  MOBIUS_ERR: 1 << 3,
  MOBIUS_JSON: 1 << 4,
  RESPONSE_STATUS: 1 << 5,
  MESSAGES: 1 << 6,
  MOBIUS_SDK: 1 << 7,
  OKHTTP: 1 << 8,
  AXIOS: 1 << 9,
  DETAILS: 1 << 10,
  ACS: 1 << 11,
  EXOTEL: 1 << 12,
  CAUSE_NAME: 1 << 13,
  CAUSE_NUM: 1 << 14,
  HTTP_LINE: 1 << 15,
  ACCESS: 1 << 16,
  PY_HTTP: 1 << 17,
  SOFIA: 1 << 18,
  SIP_WORD: 1 << 19,
  SIP_KEY: 1 << 20,
  HTTP_CLIENT: 1 << 21,
  QUOTED: 1 << 22,
  BRACKETED: 1 << 23,
  KEY_VALUE: 1 << 24,
  CODE_PHRASE: 1 << 25,
  PHRASED: 1 << 26,
  PROSE_BEFORE: 1 << 27,
  PROSE_AFTER: 1 << 28,
  KEYWORD: 1 << 29,
  SCRIPT: 1 << 30,
} as const;
/** Every bit of D (bit 31, the sign bit, stays unused). */
export const ALL_DETECTORS = 0x7fffffff;
/** The detectors detectVendor() runs; they are gated only by word and name anchors, never digits. */
export const VENDOR =
  D.MOBIUS_ERR |
  D.MOBIUS_JSON |
  D.RESPONSE_STATUS |
  D.MESSAGES |
  D.MOBIUS_SDK |
  D.OKHTTP |
  D.AXIOS |
  D.DETAILS |
  D.ACS |
  D.EXOTEL;

/** Word anchors (found case-insensitively by anchors.ts). */
export const W = {
  CAUSE: 1,
  CODE: 2,
  STATUS: 4,
  MOBIUS: 8,
  /** `details`, `error_data`: only the JSON-pair hint needs them. */
  HINT: 16,
  /** `<--` (OkHttp's response arrow). */
  ARROW: 32,
} as const;
