import { genUserSig, ValidationError, type Clock } from '@tokenwire/core';
import type { UserJwtClaims } from '../auth/user-jwt.js';
import type { UserSigConfig } from '../config/usersig-config.js';
import { errorResponse } from '../http/error-response.js';
import { jsonResponse } from '../http/json-response.js';

/** Longest Tencent UserID, in UTF-8 bytes (Chat accounts: 32). */
export const MAX_USER_ID_BYTES = 32;

/** Whether `identifier` can be a Chat / TUILiveKit UserID: 1–32 UTF-8 bytes, no control characters. */
export function isTencentUserId(identifier: string): boolean {
  return new TextEncoder().encode(identifier).length <= MAX_USER_ID_BYTES && !/[\u0000-\u001f\u007f]/.test(identifier);
}

/** The answer of `POST /tencent/usersig`. */
export interface UserSigAnswer {
  /** The UserSig for `userId`, for the Chat / TUILiveKit SDK login. */
  readonly userSig: string;
  /** When the UserSig stops being valid, ms since the epoch. */
  readonly expiresAt: number;
  readonly sdkAppId: number;
  /** The JWT's `sub`, which the UserSig was minted for. */
  readonly userId: string;
}

const invalidIdentifier = (): Response =>
  errorResponse(
    400,
    'invalid_identifier',
    `The JWT subject is not a valid Tencent UserID (1–${MAX_USER_ID_BYTES} bytes of UTF-8, no control characters)`,
  );

/**
 * `POST /tencent/usersig`, for the end user the JWT authenticated (`authenticateUser` ran before; no request body
 * needed): mints a UserSig for the JWT's `sub`, valid for `USERSIG_TTL_SECONDS`. Refuses with 403 `forbidden` when
 * `sub` is `administrator` or in `TENCENT_ADMIN_IDENTIFIERS` (compared case-insensitively: an admin UserSig would
 * grant REST admin rights), 400 `invalid_identifier` when `sub` is not a valid Tencent UserID (1–32 UTF-8 bytes).
 */
export function handleUserSig(user: UserJwtClaims, config: UserSigConfig, now: Clock): Response {
  const nowMilliseconds = now();
  const userId = user.subject;
  if (config.adminIdentifiers.has(userId.toLowerCase())) {
    return errorResponse(403, 'forbidden', 'UserSigs are not minted for administrator identifiers');
  }
  if (!isTencentUserId(userId)) return invalidIdentifier();
  let userSig: string;
  try {
    userSig = genUserSig({
      sdkAppId: config.sdkAppId,
      secretKey: config.secretKey,
      identifier: userId,
      expireSeconds: config.ttlSeconds,
      now: () => nowMilliseconds,
    });
  } catch (error) {
    if (ValidationError.isInstance(error)) return invalidIdentifier();
    throw error;
  }
  const answer: UserSigAnswer = {
    userSig,
    expiresAt: (Math.floor(nowMilliseconds / 1000) + config.ttlSeconds) * 1000,
    sdkAppId: config.sdkAppId,
    userId,
  };
  return jsonResponse(200, answer);
}
