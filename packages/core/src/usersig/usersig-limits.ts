/** Default UserSig validity: 180 days, the default of the official libraries and the console generator. */
export const DEFAULT_USERSIG_EXPIRE_SECONDS = 15_552_000;

/**
 * Longest validity {@link genUserSig} accepts: 10 years (Tencent's documents disagree between 10 and 50 years;
 * the conservative one is enforced). Shorter is better: Tencent recommends at least 24 hours and re-signing
 * well before expiry.
 */
export const MAX_USERSIG_EXPIRE_SECONDS = 315_360_000;

/** Largest SDKAppID: it travels as an unsigned 32-bit integer. */
export const MAX_SDK_APP_ID = 4_294_967_295;

/**
 * Longest identifier (UserID) {@link genUserSig} signs, in UTF-8 bytes. Tencent limits UserIDs to 32 bytes; this
 * generous cap only guarantees that every UserSig we generate fits the decoder's {@link MAX_USERSIG_LENGTH}.
 */
export const MAX_IDENTIFIER_BYTES = 512;

/** Largest `userBuf` {@link genUserSig} signs, in bytes (a PrivateMapKey needs at most 664). */
export const MAX_USER_BUF_BYTES = 1024;

/**
 * Longest UserSig {@link decodeUserSig} accepts, in characters: it travels in a URL query string, and anything
 * longer is either abuse or not a UserSig. Every UserSig {@link genUserSig} accepts to sign is shorter.
 */
export const MAX_USERSIG_LENGTH = 8192;

/**
 * Largest inflated JSON document {@link decodeUserSig} accepts, in bytes; larger streams are rejected unread.
 * Not exported from the package: the doc comment of {@link decodeUserSig} states the value (8192), keep it in sync.
 */
export const MAX_USERSIG_DOCUMENT_BYTES = 8192;
