/// <reference types="node" />
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { signCallback } from './sign-callback.js';

const nodeSign = (token: string, requestTime: number | string) =>
  createHash('sha256').update(`${token}${requestTime}`, 'utf8').digest('hex');

describe('signCallback', () => {
  it('matches the official vector (reference §3.2)', () => {
    expect(signCallback({ token: 'xxxxyyyy', requestTime: 1669872112 })).toBe(
      '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    );
    expect(signCallback({ token: 'xxxxyyyy', requestTime: '1669872112' })).toBe(
      '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    );
  });

  it('gives the real digest for the doc-conflict token xxxyyy, not the documented one', () => {
    const sign = signCallback({ token: 'xxxyyy', requestTime: 1669872112 });
    expect(sign).toBe('e78a85473bed2cdc8d6fa8c4d5a4ba4735fd64156e15a99516b9890293e135de');
    expect(sign).not.toBe('17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061');
  });

  it('is plain SHA-256 of token + decimal time, lowercase hex, as node:crypto computes it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.boolean(),
        (token, seconds, asText) => {
          const sign = signCallback({ token, requestTime: asText ? String(seconds) : seconds });
          expect(sign).toMatch(/^[0-9a-f]{64}$/);
          expect(sign).toBe(nodeSign(token, seconds));
        },
      ),
    );
  });

  it('encodes lone surrogates the way TextEncoder and node do (U+FFFD)', () => {
    expect(signCallback({ token: '\ud800abc', requestTime: 1 })).toBe(nodeSign('\ud800abc', 1));
  });

  it('depends on every character of the token and the time', () => {
    const base = signCallback({ token: 'token', requestTime: 1669872112 });
    expect(signCallback({ token: 'tokeN', requestTime: 1669872112 })).not.toBe(base);
    expect(signCallback({ token: 'token', requestTime: 1669872113 })).not.toBe(base);
  });

  it.each([
    [{ token: '', requestTime: 1 }, ['token']],
    [{ token: 5, requestTime: 1 }, ['token']],
    [{ token: 't', requestTime: -1 }, ['requestTime']],
    [{ token: 't', requestTime: 1.5 }, ['requestTime']],
    [{ token: 't', requestTime: '1e9' }, ['requestTime']],
    [{ token: 't', requestTime: '0123' }, ['requestTime']],
    [{ token: 't', requestTime: ' 1' }, ['requestTime']],
    [{ token: 't', requestTime: Number.NaN }, ['requestTime']],
    [{ token: undefined, requestTime: undefined }, ['token', 'requestTime']],
  ])('rejects %j with a ValidationError', (input, paths) => {
    let caught: unknown;
    try {
      signCallback(input as never);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).issues.map((issue) => issue.path)).toEqual(paths);
  });

  it('rejects a missing options object with a ValidationError', () => {
    expect(() => signCallback(undefined as never)).toThrow(ValidationError);
  });

  it('never puts the token into the error message', () => {
    try {
      signCallback({ token: 'my-secret-callback-token', requestTime: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('my-secret-callback-token');
    }
  });
});
