import { ValidationError } from '@tokenwire/core';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CallbackTokenSchema } from '../callback/callback-token-schema.js';
import { CALLBACK_TOKEN_ALPHABET, generateCallbackToken } from './generate-callback-token.js';

/** A deterministic source that writes 0, 1, 2, … (mod 256) across calls. */
function countingSource() {
  let next = 0;
  return (array: Uint8Array) => {
    for (let index = 0; index < array.length; index++) array[index] = next++ & 255;
    return array;
  };
}

describe('generateCallbackToken', () => {
  it('makes 128 URL-safe characters by default, valid for set_callback_token', () => {
    const token = generateCallbackToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{128}$/);
    expect(v.is(CallbackTokenSchema, token)).toBe(true);
    expect(CALLBACK_TOKEN_ALPHABET).toHaveLength(64);
    expect(new Set(CALLBACK_TOKEN_ALPHABET).size).toBe(64);
  });

  it('honours the length, from 1 to 128', () => {
    for (const length of [1, 2, 32, 127, 128]) expect(generateCallbackToken(length)).toHaveLength(length);
  });

  it.each([0, 129, 1.5, -1, Number.NaN, '32', null])('refuses length %s before touching the random source', (length) => {
    let called = false;
    const source = (array: Uint8Array) => {
      called = true;
      return array;
    };
    expect(() => generateCallbackToken(length as number, { getRandomValues: source })).toThrow(ValidationError);
    expect(called).toBe(false);
  });

  it('maps bytes to characters without modulo bias: every byte value hits its character exactly 4 times out of 256', () => {
    const source = countingSource();
    const counts = new Map<string, number>();
    for (let round = 0; round < 2; round++) {
      for (const character of generateCallbackToken(128, { getRandomValues: source })) {
        counts.set(character, (counts.get(character) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(64);
    expect([...counts.values()].every((count) => count === 4)).toBe(true);
  });

  it('is deterministic for an injected source and differs between real calls', () => {
    expect(generateCallbackToken(8, { getRandomValues: countingSource() })).toBe('ABCDEFGH');
    expect(generateCallbackToken(4, { getRandomValues: (array) => array.fill(255) })).toBe('____');
    expect(generateCallbackToken()).not.toBe(generateCallbackToken());
  });

  it('refuses a source that does not fill and return the array', () => {
    expect(() => generateCallbackToken(16, { getRandomValues: () => new Uint8Array(4) })).toThrow(/getRandomValues/);
    expect(() => generateCallbackToken(16, { getRandomValues: (() => undefined) as never })).toThrow(ValidationError);
  });
});
