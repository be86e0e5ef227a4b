import { TencentApiError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { redactToken } from './redact-token.js';

const TOKEN = 'secret-token-0123';

describe('redactToken', () => {
  it('redacts strings, cutting out long tokens and withholding texts that contain a short one', () => {
    expect(redactToken(`a ${TOKEN} b`, TOKEN)).toBe('a *** b');
    expect(redactToken('Token "ab" is invalid', 'ab')).toBe('***');
    expect(redactToken('nothing here', 'ab')).toBe('nothing here');
    expect(redactToken(`a ${TOKEN}`, undefined)).toBe(`a ${TOKEN}`);
  });

  it('cuts out URL-encoded and hex copies of the token too (an ErrorInfo may echo it encoded)', () => {
    const token = 'tok/en+with=chars';
    const hex = Array.from(new TextEncoder().encode(token), (byte) => byte.toString(16).padStart(2, '0')).join('');
    expect(redactToken(`bad Token=${encodeURIComponent(token)}`, token)).toBe('bad Token=***');
    expect(redactToken(`bad ${hex.toUpperCase()} and ${hex}`, token)).toBe('bad *** and ***');
    const error = new TencentApiError({ code: 100002, info: `invalid ${encodeURIComponent(token)}` });
    expect((redactToken(error, token) as TencentApiError).info).toBe('invalid ***');
  });

  it('returns an error that does not contain the token as the same object', () => {
    const error = new TencentApiError({ code: 100002, info: 'invalid parameter' });
    expect(redactToken(error, TOKEN)).toBe(error);
  });

  it('copies an error that contains the token, keeping its class, brand and fields', () => {
    const error = new TencentApiError({ code: 100002, info: `bad ${TOKEN}`, requestId: 'r-1' });
    const redacted = redactToken(error, TOKEN) as TencentApiError;
    expect(TencentApiError.isInstance(redacted)).toBe(true);
    expect(redacted).toMatchObject({ code: 100002, info: 'bad ***', requestId: 'r-1', name: 'TencentApiError', retryable: false });
    expect(redacted.message).not.toContain(TOKEN);
    expect(error.info).toBe(`bad ${TOKEN}`);
    const wrapped = redactToken(new Error('outer', { cause: new Error(`sent ${TOKEN}`) }), TOKEN) as Error;
    expect((wrapped.cause as Error).message).toBe('sent ***');
  });

  it("reads own accessors (an engine's `stack`) through the original and redacts them", () => {
    const error = new Error('plain');
    Object.defineProperty(error, 'stack', { get: () => `Error: ${TOKEN}\n    at somewhere`, configurable: true });
    const redacted = redactToken(error, TOKEN) as Error;
    expect(redacted.stack).toBe('Error: ***\n    at somewhere');
    expect(redacted).toBeInstanceOf(Error);
  });
});
