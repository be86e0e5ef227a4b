import * as v from 'valibot';
import { expected } from '../validation/option-schemas.js';
import { MAX_IDENTIFIER_BYTES, MAX_SDK_APP_ID, MAX_USERSIG_EXPIRE_SECONDS } from './usersig-limits.js';

// The fields UserSig signing and the Tencent client share. Messages describe the rule and never echo the value:
// the secret key is a secret, and an identifier may be personal data.

/** Whether `text` is well-formed UTF-16 (no lone surrogate, which UTF-8 cannot carry). */
function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * An SDKAppID: an integer from 1 to {@link MAX_SDK_APP_ID}.
 *
 * @internal
 */
export const SdkAppIdSchema: v.GenericSchema<number> = /* @__PURE__ */ (() => {
  const message = `must be an integer from 1 to ${MAX_SDK_APP_ID}`;
  return v.pipe(
    v.number(message),
    v.check((id) => Number.isInteger(id) && id >= 1 && id <= MAX_SDK_APP_ID, message),
  );
})();

/**
 * The app's secret key: a non-empty string.
 *
 * @internal
 */
export const SecretKeySchema: v.GenericSchema<string> = /* @__PURE__ */ (() =>
  v.pipe(v.string(expected('must be a non-empty string')), v.nonEmpty('must be a non-empty string')))();

/**
 * A user identifier: a non-empty string of at most {@link MAX_IDENTIFIER_BYTES} bytes of UTF-8, well-formed.
 *
 * @internal
 */
export const IdentifierSchema: v.GenericSchema<string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.string(expected('must be a non-empty string')),
    v.nonEmpty('must be a non-empty string'),
    v.maxBytes(MAX_IDENTIFIER_BYTES, `must be at most ${MAX_IDENTIFIER_BYTES} bytes of UTF-8`),
    v.check(isWellFormed, 'must be well-formed Unicode (it has a lone surrogate)'),
  ))();

/**
 * A UserSig lifetime in seconds: an integer from `min` to {@link MAX_USERSIG_EXPIRE_SECONDS} (10 years).
 *
 * @internal
 */
export function expireSecondsSchema(min: number): v.GenericSchema<number> {
  const message = `must be an integer from ${min} to ${MAX_USERSIG_EXPIRE_SECONDS} seconds`;
  return v.pipe(
    v.number(expected(message)),
    v.check((seconds) => Number.isInteger(seconds) && seconds >= min && seconds <= MAX_USERSIG_EXPIRE_SECONDS, message),
  );
}
