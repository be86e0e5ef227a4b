import { genUserSig, ValidationError, type Clock } from '@tokenwire/core';
import { comparableIdentifier } from '../auth/admin-identifier.js';
import { isTencentUserId, MAX_USER_ID_BYTES } from '../auth/tencent-user-id.js';
import type { UserJwtClaims } from '../auth/user-jwt.js';
import type { UserSigConfig } from '../config/user-sig-config.js';
import { errorResponse } from '../http/error-response.js';
import { jsonResponse } from '../http/json-response.js';

/** The answer of `POST /tencent/usersig`. */
export interface UserSigAnswer {
  /** The UserSig for `userId`, for the Chat / TUILiveKit SDK login. */
  readonly userSig: string;
  /** When the UserSig stops being valid, ms since the epoch. */
  readonly expiresAtMs: number;
  readonly sdkAppId: number;
  /** The JWT's `sub`, which the UserSig was minted for. */
  readonly userId: string;
}

const invalidIdentifier = (): Response =>
  errorResponse(
    400,
    'invalid_identifier',
    `The JWT subject is not a valid Tencent UserID (1–${MAX_USER_ID_BYTES} bytes of UTF-8; no control, format or zero-width character; no white space at either end)`,
  );

/**
 * `POST /tencent/usersig`, for the end user the JWT authenticated (`authenticateUser` ran before; no request body
 * needed): mints a UserSig for the JWT's `sub`, valid for `USER_SIG_EXPIRE_SECONDS`. Refuses with 403 `forbidden`
 * when `sub` is `administrator` or in `TENCENT_ADMIN_IDENTIFIERS` — compared in their `comparableIdentifier` form
 * (NFKC, case-insensitive, trimmed): an admin UserSig would grant REST admin rights — and with 400
 * `invalid_identifier` when `sub` is not a UserID the worker mints for (`isTencentUserId`).
 */
export function handleUserSig(user: UserJwtClaims, config: UserSigConfig, now: Clock): Response {
  const nowMilliseconds = now();
  const userId = user.subject;
  if (config.adminIdentifiers.has(comparableIdentifier(userId))) {
    return errorResponse(403, 'forbidden', 'UserSigs are not minted for administrator identifiers');
  }
  if (!isTencentUserId(userId)) return invalidIdentifier();
  let userSig: string;
  try {
    userSig = genUserSig({
      sdkAppId: config.sdkAppId,
      secretKey: config.secretKey,
      identifier: userId,
      expireSeconds: config.expireSeconds,
      now: () => nowMilliseconds,
    });
  } catch (error) {
    if (ValidationError.isInstance(error)) return invalidIdentifier();
    throw error;
  }
  const answer: UserSigAnswer = {
    userSig,
    expiresAtMs: (Math.floor(nowMilliseconds / 1000) + config.expireSeconds) * 1000,
    sdkAppId: config.sdkAppId,
    userId,
  };
  return jsonResponse(200, answer);
}
