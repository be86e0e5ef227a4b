import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../encoding/hex.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseRequestTime } from './parse-request-time.js';

/** Input of {@link signCallback}. */
export interface SignCallbackOptions {
  /** The callback authentication token set with `set_callback_token`. */
  readonly token: string;
  /** Unix seconds: a safe non-negative integer, or its plain decimal text. */
  readonly requestTime: number | string;
}

/**
 * Computes the `Sign` Tencent appends to a LiveKit / Chat callback URL: the lowercase hex SHA-256 (plain
 * SHA-256, not HMAC) of the UTF-8 text `token + requestTime`, with no separator. Useful to test a receiver or
 * to emulate Tencent; receivers verify with {@link verifyCallback}.
 *
 * @throws {@link ValidationError} when `token` is not a non-empty string or `requestTime` is not a plain
 *   non-negative integer.
 * @example
 * ```ts
 * signCallback({ token: 'xxxxyyyy', requestTime: 1669872112 });
 * // '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061'
 * ```
 */
export function signCallback(options: SignCallbackOptions): string {
  const { token, requestTime } = (options ?? {}) as Partial<SignCallbackOptions>;
  const issues = [];
  if (typeof token !== 'string' || token.length === 0) issues.push({ path: 'token', message: 'must be a non-empty string' });
  const seconds = parseRequestTime(requestTime);
  if (seconds === undefined) {
    issues.push({ path: 'requestTime', message: 'must be a non-negative integer of Unix seconds, as a number or plain decimal text' });
  }
  if (issues.length > 0) throw new ValidationError('callback signing input', issues);
  return bytesToHex(sha256(new TextEncoder().encode(`${token}${seconds}`)));
}
