import { ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { MAX_CALLBACK_TOKEN_LENGTH } from '../callback/callback-token-schema.js';

/** The 64 URL-safe characters of base64url (RFC 4648 §5) a generated token is made of. */
export const CALLBACK_TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A source of random bytes with the signature of `crypto.getRandomValues`; injectable for tests. */
export type RandomBytesSource = (array: Uint8Array) => Uint8Array;

/** Options of {@link generateCallbackToken}. */
export interface GenerateCallbackTokenOptions {
  /** Fills an array with random bytes. Default: `crypto.getRandomValues` (a CSPRNG in every runtime). */
  readonly getRandomValues?: RandomBytesSource | undefined;
}

const LengthSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be an integer'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(MAX_CALLBACK_TOKEN_LENGTH, `must be at most ${MAX_CALLBACK_TOKEN_LENGTH} (Tencent's limit)`),
  ))();

/**
 * Generates a callback authentication token: `length` characters drawn uniformly from the 64 URL-safe
 * characters `A–Z a–z 0–9 - _`, from a cryptographically secure random source. There is no modulo bias: 64
 * divides 256, so each random byte's low six bits pick a character with exactly equal probability. The default
 * 128 characters (Tencent's maximum) carry 768 bits of entropy.
 *
 * @param length - 1 to 128; default 128.
 * @throws `ValidationError` when `length` is not an integer from 1 to 128, or an injected `getRandomValues`
 *   does not return the filled array.
 * @example
 * ```ts
 * const token = generateCallbackToken();      // 128 characters
 * const short = generateCallbackToken(32);    // 192 bits
 * ```
 */
export function generateCallbackToken(length = MAX_CALLBACK_TOKEN_LENGTH, options: GenerateCallbackTokenOptions = {}): string {
  const checked = parseInput(LengthSchema, length, 'callback token length');
  const getRandomValues = options.getRandomValues ?? ((array: Uint8Array) => crypto.getRandomValues(array));
  const bytes = getRandomValues(new Uint8Array(checked));
  if (!(bytes instanceof Uint8Array) || bytes.length !== checked) {
    throw new ValidationError('callback token options', [
      { path: 'getRandomValues', message: 'must fill the given Uint8Array and return it, like crypto.getRandomValues' },
    ]);
  }
  let token = '';
  for (let index = 0; index < checked; index++) token += CALLBACK_TOKEN_ALPHABET[bytes[index]! & 63];
  return token;
}
