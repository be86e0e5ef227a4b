import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../encoding/hex.js';
import * as v from 'valibot';
import { expected, optionsObject } from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';
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
  const { token, requestTime } = parseInput(SignCallbackOptionsSchema, options, 'callback signing input');
  return bytesToHex(sha256(new TextEncoder().encode(`${token}${requestTime}`)));
}

/** The input of {@link signCallback}; `requestTime` comes out as whole seconds. */
const SignCallbackOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      token: v.pipe(v.string(expected('must be a non-empty string')), v.nonEmpty('must be a non-empty string')),
      requestTime: v.pipe(
        v.unknown(),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          const seconds = parseRequestTime(dataset.value);
          if (seconds !== undefined) return seconds;
          addIssue({ message: 'must be a non-negative integer of Unix seconds, as a number or plain decimal text' });
          return NEVER;
        }),
      ),
    },
    'an object',
  ))();
