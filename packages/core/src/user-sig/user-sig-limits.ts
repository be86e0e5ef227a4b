/** Default UserSig validity: 180 days, the default of the official libraries and the console generator. */
export const DEFAULT_USER_SIG_EXPIRE_SECONDS = 15_552_000;

/**
 * Longest validity {@link genUserSig} accepts: 10 years (Tencent's documents disagree between 10 and 50 years;
 * the conservative one is enforced). Shorter is better: Tencent recommends at least 24 hours and re-signing
 * well before expiry.
 */
export const MAX_USER_SIG_EXPIRE_SECONDS = 315_360_000;

/** Largest SDKAppID: it travels as an unsigned 32-bit integer. */
export const MAX_SDK_APP_ID = 4_294_967_295;

/**
 * Longest identifier (UserID) {@link genUserSig} signs, in UTF-8 bytes. Tencent limits UserIDs to 32 bytes; this
 * generous cap only guarantees that every UserSig we generate fits the decoder's {@link MAX_USER_SIG_LENGTH}.
 */
export const MAX_IDENTIFIER_BYTES = 512;

/** Largest `userBuf` {@link genUserSig} signs, in bytes (a PrivateMapKey needs at most 664). */
export const MAX_USER_BUF_BYTES = 1024;

/**
 * Longest UserSig {@link decodeUserSig} accepts, in characters: it travels in a URL query string, and anything
 * longer is either abuse or not a UserSig. Every UserSig {@link genUserSig} accepts to sign is shorter.
 */
export const MAX_USER_SIG_LENGTH = 8192;

/** Bytes a JSON encoder may spend on one byte of a string, at worst: a control character as `\u001f`. */
const MAX_JSON_ESCAPE_BYTES = 6;
/**
 * What a UserSig document holds besides its three strings, generously: `"2.0"`, the seven keys, three safe
 * integers of at most 16 digits, the punctuation, and a pretty-printer's newlines and indentation.
 */
const DOCUMENT_FRAME_BYTES = 256;

/**
 * Largest inflated JSON document {@link decodeUserSig} accepts, in bytes: inflating stops at the first byte
 * past it, so a zlib bomb costs no more than a genuine UserSig of the same length. It is the longest document
 * any signer writes for fields within the limits above, each string at its worst JSON escaping (the official
 * libraries differ: PHP writes `/` as `\/` and non-ASCII as `\uXXXX`, every encoder escapes control characters):
 *
 * - `TLS.identifier`: {@link MAX_IDENTIFIER_BYTES} of UTF-8, at most 6 bytes each (`\u001f`; `\uXXXX` spends at
 *   most 6 per 2-byte character and 12 per 4-byte one) = 3072, plus quotes;
 * - `TLS.userbuf`: the base64 of {@link MAX_USER_BUF_BYTES} (1368 characters), at most 2 bytes each (`\/`), plus quotes;
 * - `TLS.sig`: 44 base64 characters, at most 2 bytes each, plus quotes;
 * - the rest: 256 bytes.
 *
 * 6158 bytes. It is also above what a stored (uncompressed) zlib stream within {@link MAX_USER_SIG_LENGTH} can
 * carry (6144 bytes less 11 of framing), so the size limit never refuses a UserSig the length limit lets through
 * uncompressed. Not exported from the package: the doc comment of {@link decodeUserSig} states the value, keep it
 * in sync.
 */
export const MAX_USER_SIG_DOCUMENT_BYTES = /* @__PURE__ */ (() =>
  MAX_IDENTIFIER_BYTES * MAX_JSON_ESCAPE_BYTES + 2 + Math.ceil(MAX_USER_BUF_BYTES / 3) * 4 * 2 + 2 + 44 * 2 + 2 + DOCUMENT_FRAME_BYTES)();
