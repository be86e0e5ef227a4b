import * as v from 'valibot';
import type { Clock } from '../clock.js';
import { isWellFormedUnicode } from '../encoding/well-formed-unicode.js';
import { expected, functionSchema, numberIn } from '../validation/option-schemas.js';
import { MAX_IDENTIFIER_BYTES, MAX_SDK_APP_ID, MAX_USER_SIG_EXPIRE_SECONDS } from './user-sig-limits.js';

// The fields UserSig signing, verification and the Tencent client share. Messages describe the rule and never echo
// the value: the secret key is a secret, and an identifier may be personal data.

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
    v.check(isWellFormedUnicode, 'must be well-formed Unicode (it has a lone surrogate)'),
  ))();

/**
 * A UserSig lifetime in seconds: an integer from `min` to {@link MAX_USER_SIG_EXPIRE_SECONDS} (10 years).
 *
 * @internal
 */
export function expireSecondsSchema(min: number): v.GenericSchema<number> {
  const message = `must be an integer from ${min} to ${MAX_USER_SIG_EXPIRE_SECONDS} seconds`;
  return v.pipe(
    v.number(expected(message)),
    v.check((seconds) => Number.isInteger(seconds) && seconds >= min && seconds <= MAX_USER_SIG_EXPIRE_SECONDS, message),
  );
}

/** Latest instant a clock may return, in milliseconds: the end of ECMAScript's `Date` range. */
const MAX_CLOCK_MILLISECONDS = 8.64e15;

/**
 * A {@link Clock}, read once while the options are parsed: the output is the current Unix time in whole seconds
 * (`TLS.time`, the expiry check). Refused: a value that is not a function, and a clock that returns anything but
 * a number of milliseconds from 0 to 8.64e15.
 *
 * @internal
 */
export const ClockSecondsSchema: v.GenericSchema<Clock, number> = /* @__PURE__ */ (() =>
  v.pipe(
    functionSchema<Clock>('a clock function'),
    v.transform((now): unknown => now()),
    numberIn(0, MAX_CLOCK_MILLISECONDS, 'must return milliseconds since the epoch'),
    v.transform((milliseconds) => Math.floor(milliseconds / 1000)),
  ))();
