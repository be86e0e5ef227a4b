import { sha256 } from '@noble/hashes/sha2.js';
import { systemClock, type Clock } from '../clock.js';
import { constantTimeEqual } from '../crypto/constant-time-equal.js';
import { CallbackSignatureError } from '../errors/callback-signature-error.js';
import * as v from 'valibot';
import { ValidationError } from '../errors/validation-error.js';
import { functionSchema, numberIn, optionsObject } from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';
import { parseRequestTime } from './parse-request-time.js';

/** Input of {@link verifyCallback}: the callback's `Sign` and `RequestTime` query parameters and your token(s). */
export interface VerifyCallbackOptions {
  /**
   * The callback token, or several during a rotation (the new one and the old one). Blank and missing entries
   * are ignored, so `[env.NEW_TOKEN, env.OLD_TOKEN]` works while one of them is unset.
   */
  readonly tokens: string | readonly (string | null | undefined)[];
  /** The `Sign` query parameter (hex, any case). */
  readonly sign: string | null | undefined;
  /** The `RequestTime` query parameter: Unix seconds as plain decimal text, or a safe integer number. */
  readonly requestTime: string | number | null | undefined;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: Clock;
  /** Largest accepted distance between `RequestTime` and now, in seconds, past or future. Defaults to 60. */
  readonly toleranceSeconds?: number;
}

const DIGEST_LENGTH = 32;
const encoder = /* @__PURE__ */ (() => new TextEncoder())();

/** Decodes 64 hex digits of either case; anything else gives an empty array, which never matches a digest. */
function hexDigestToBytes(hex: string): Uint8Array {
  if (hex.length !== DIGEST_LENGTH * 2) return new Uint8Array(0);
  const bytes = new Uint8Array(DIGEST_LENGTH);
  for (let index = 0; index < DIGEST_LENGTH; index++) {
    const high = hexDigit(hex.charCodeAt(index * 2));
    const low = hexDigit(hex.charCodeAt(index * 2 + 1));
    if (high < 0 || low < 0) return new Uint8Array(0);
    bytes[index] = (high << 4) | low;
  }
  return bytes;
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * The options' own checks. `tokens`, `sign` and `requestTime` come from the request (or a misconfigured
 * deployment) and fail as {@link CallbackSignatureError}s below, not as invalid options.
 */
const VerifyCallbackOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      tokens: v.unknown(),
      sign: v.unknown(),
      requestTime: v.unknown(),
      now: v.optional(functionSchema<Clock>()),
      toleranceSeconds: v.optional(numberIn(0, Number.MAX_VALUE, 'must be a finite non-negative number of seconds')),
    },
    'an object',
  ))();

function fail(reason: CallbackSignatureError['reason'], message: string): never {
  throw new CallbackSignatureError(reason, message);
}

/**
 * Verifies the signature of a Tencent LiveKit / Chat callback: `Sign` must equal the hex SHA-256 of
 * `token + RequestTime` for one of `tokens`, and `RequestTime` must lie within `toleranceSeconds` of now
 * (replay protection). Every token is checked, in constant time, whatever matches first. Returns nothing on
 * success. The signature does not cover the body; also check `SdkAppid` (see `verifyLiveCallback`).
 *
 * @throws {@link CallbackSignatureError} with `reason` `no_tokens`, `missing_signature`,
 *   `malformed_request_time`, `stale_request_time` or `signature_mismatch`.
 * @throws {@link ValidationError} for a negative or non-finite `toleranceSeconds`, or a clock that does not
 *   return a finite number.
 * @example
 * ```ts
 * const query = new URL(request.url).searchParams;
 * verifyCallback({ tokens: [newToken, oldToken], sign: query.get('Sign'), requestTime: query.get('RequestTime') });
 * ```
 */
export function verifyCallback(options: VerifyCallbackOptions): void {
  const {
    tokens,
    sign,
    requestTime,
    now = systemClock,
    toleranceSeconds = 60,
  } = parseInput(VerifyCallbackOptionsSchema, options, 'callback verification options');

  const candidates: string[] = [];
  for (const token of typeof tokens === 'string' ? [tokens] : Array.isArray(tokens) ? (tokens as unknown[]) : []) {
    if (typeof token === 'string' && token.trim() !== '') candidates.push(token);
  }
  if (candidates.length === 0) fail('no_tokens', 'No callback token is configured to verify the callback with');
  if (typeof sign !== 'string' || sign === '') fail('missing_signature', 'The callback has no Sign parameter');
  const seconds = parseRequestTime(requestTime);
  if (seconds === undefined) fail('malformed_request_time', 'The callback RequestTime is not a plain decimal number of Unix seconds');

  const nowMilliseconds = now();
  if (typeof nowMilliseconds !== 'number' || !Number.isFinite(nowMilliseconds)) {
    throw new ValidationError('callback verification options', [{ path: 'now', message: 'must return milliseconds since the epoch' }]);
  }
  const skewSeconds = seconds - Math.floor(nowMilliseconds / 1000);
  if (Math.abs(skewSeconds) > toleranceSeconds) {
    fail(
      'stale_request_time',
      `The callback RequestTime is ${Math.abs(skewSeconds)} s ${skewSeconds > 0 ? 'ahead of' : 'behind'} this server's clock ` +
        `(tolerance ${toleranceSeconds} s): a replayed or delayed callback, or clock skew (check this server's NTP sync)`,
    );
  }

  const received = hexDigestToBytes(sign);
  let matched = false;
  for (const token of candidates) {
    // No early exit: every token costs the same, so timing does not tell which one (if any) matched.
    const equal = constantTimeEqual(sha256(encoder.encode(token + seconds)), received);
    matched = equal || matched;
  }
  if (!matched) fail('signature_mismatch', 'The callback Sign does not match any configured token');
}
