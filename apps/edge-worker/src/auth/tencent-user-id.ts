/** Longest Tencent UserID, in UTF-8 bytes (Chat accounts: 32). */
export const MAX_USER_ID_BYTES = 32;

/**
 * Characters no UserID minted for may hold: controls (C0, DEL, C1: `\p{Cc}`), format characters (`\p{Cf}`: the
 * bidi overrides and isolates, zero-width space/joiners, the BOM, soft hyphen …), lone surrogates (`\p{Cs}`, which
 * UTF-8 cannot carry: a UserSig minted for one would verify for another identifier) and line/paragraph separators.
 */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * Whether `identifier` can be a Chat / TUILiveKit UserID the worker mints for: 1–32 UTF-8 bytes, no control,
 * format, zero-width or separator character, no lone surrogate, and no white space at either end (a padded
 * identifier looks like another user's).
 */
export function isTencentUserId(identifier: string): boolean {
  return (
    identifier !== '' &&
    identifier === identifier.trim() &&
    !INVISIBLE_OR_CONTROL.test(identifier) &&
    new TextEncoder().encode(identifier).length <= MAX_USER_ID_BYTES
  );
}
