import * as v from 'valibot';
import { type Clock, systemClock } from '../clock.js';
import { constantTimeEqualStrings } from '../crypto/constant-time-equal.js';
import { isWellFormedUnicode } from '../encoding/well-formed-unicode.js';
import { UserSigError } from '../errors/user-sig-error.js';
import { expected, optionsObject } from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';
import { decodeUserSig } from './decode-user-sig.js';
import type { UserSigDocument } from './user-sig-document.js';
import { ClockSecondsSchema, SdkAppIdSchema, SecretKeySchema } from './user-sig-field-schemas.js';
import { userSigSignature } from './user-sig-signature.js';

/** Options of {@link verifyUserSig}: what the UserSig must match. */
export interface VerifyUserSigOptions {
  /** The SDKAppID the UserSig must have been issued for. */
  readonly sdkAppId: number;
  /** The application's secret key, used to recompute the signature. */
  readonly secretKey: string;
  /** The UserID the UserSig must have been issued for; omit to accept any identifier. */
  readonly identifier?: string | undefined;
  /** Clock for the expiry check; defaults to {@link systemClock}. */
  readonly now?: Clock | undefined;
}

/** {@link VerifyUserSigOptions} once parsed: the clock read as whole Unix seconds (`now`). */
type ParsedVerifyUserSigOptions = Omit<VerifyUserSigOptions, 'now'> & { readonly now: number };

/**
 * The options of {@link verifyUserSig}. `identifier` is only compared, so any well-formed string is accepted (one
 * with a lone surrogate would match a document signed for U+FFFD).
 */
const VerifyUserSigOptionsSchema: v.GenericSchema<unknown, ParsedVerifyUserSigOptions> = /* @__PURE__ */ (() =>
  optionsObject(
    {
      sdkAppId: SdkAppIdSchema,
      secretKey: SecretKeySchema,
      identifier: v.optional(
        v.pipe(
          v.string(expected('must be a string when given')),
          v.check(isWellFormedUnicode, 'must be well-formed Unicode (it has a lone surrogate)'),
        ),
      ),
      // A function default is called by valibot, so the default is a function returning the clock.
      now: v.optional(ClockSecondsSchema, () => systemClock),
    },
    'an options object',
  ))();

/** Shortens an identifier for an error message and escapes control characters. */
function quote(identifier: string): string {
  return JSON.stringify(identifier.length > 64 ? `${identifier.slice(0, 64)}…` : identifier);
}

/**
 * Verifies a TLSSigAPIv2 UserSig the way the official Go/PHP verifiers and the Tencent server do, in the same
 * order: decode (`malformed`) → SDKAppID (`sdkappid_mismatch`) → identifier, only when one is given
 * (`identifier_mismatch`) → expiry, `now > time + expire` in seconds (`expired`) → HMAC-SHA256 recomputed from
 * the decoded fields with `TLS.userbuf` as-is, compared in constant time (`signature_mismatch`).
 *
 * A PrivateMapKey (from `genPrivateMapKey`: a UserSig carrying `TLS.userbuf`) verifies too, since it is
 * signed the same way. Check `document.userBuf` (present only on a PrivateMapKey) when you need to tell them
 * apart, e.g. to accept only plain UserSigs.
 *
 * @returns the verified document.
 * @throws {@link ValidationError} when the options are bad (checked first); {@link UserSigError} with the
 *   `reason` of the first failed check. Messages never contain the UserSig or the secret key.
 * @example
 * ```ts
 * try {
 *   const { identifier } = verifyUserSig(userSig, { sdkAppId: 1400000000, secretKey });
 * } catch (error) {
 *   if (UserSigError.isInstance(error) && error.reason === 'expired') askClientToRenew();
 *   else throw error;
 * }
 * ```
 */
export function verifyUserSig(userSig: string, options: VerifyUserSigOptions): UserSigDocument {
  const {
    sdkAppId,
    secretKey,
    identifier,
    now: nowSeconds,
  } = parseInput(VerifyUserSigOptionsSchema, options, 'UserSig verification options');

  const document = decodeUserSig(userSig);
  if (document.sdkAppId !== sdkAppId) {
    throw new UserSigError('sdkappid_mismatch', `UserSig was issued for SDKAppID ${document.sdkAppId}, expected ${sdkAppId}`);
  }
  if (identifier !== undefined && document.identifier !== identifier) {
    throw new UserSigError(
      'identifier_mismatch',
      `UserSig was issued for identifier ${quote(document.identifier)}, expected ${quote(identifier)}`,
    );
  }
  if (nowSeconds > document.expiresAtSeconds) {
    throw new UserSigError(
      'expired',
      `UserSig expired ${nowSeconds - document.expiresAtSeconds} s ago (issued at ${document.time}, valid for ${document.expire} s)`,
    );
  }
  const expectedSignature = userSigSignature(
    secretKey,
    document.identifier,
    document.sdkAppId,
    document.time,
    document.expire,
    document.userBufBase64,
  );
  if (!constantTimeEqualStrings(expectedSignature, document.signature)) {
    throw new UserSigError('signature_mismatch', 'UserSig signature does not match: wrong secret key, or the UserSig was altered');
  }
  return document;
}
