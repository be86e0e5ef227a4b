/// <reference types="node" />
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallbackSignatureError, type CallbackSignatureErrorReason } from '../errors/callback-signature-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { signCallback } from './sign-callback.js';
import { verifyCallback, type VerifyCallbackOptions } from './verify-callback.js';

const REQUEST_TIME = 1669872112;
const OFFICIAL_SIGN = '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061';
const at = (seconds: number) => () => seconds * 1000;

function caught(options: VerifyCallbackOptions): unknown {
  try {
    verifyCallback(options);
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectReason(options: VerifyCallbackOptions, reason: CallbackSignatureErrorReason): CallbackSignatureError {
  const error = caught(options);
  expect(CallbackSignatureError.isInstance(error), `expected CallbackSignatureError(${reason}), got ${String(error)}`).toBe(true);
  expect((error as CallbackSignatureError).reason).toBe(reason);
  expect((error as CallbackSignatureError).retryable).toBe(false);
  return error as CallbackSignatureError;
}

const valid: VerifyCallbackOptions = { tokens: 'xxxxyyyy', sign: OFFICIAL_SIGN, requestTime: String(REQUEST_TIME), now: at(REQUEST_TIME) };

describe('verifyCallback', () => {
  it('accepts the official vector, with RequestTime as text or number', () => {
    expect(verifyCallback(valid)).toBeUndefined();
    expect(() => verifyCallback({ ...valid, requestTime: REQUEST_TIME })).not.toThrow();
  });

  it('accepts uppercase and mixed-case hex', () => {
    expect(() => verifyCallback({ ...valid, sign: OFFICIAL_SIGN.toUpperCase() })).not.toThrow();
    const mixed = [...OFFICIAL_SIGN].map((char, index) => (index % 2 ? char.toUpperCase() : char)).join('');
    expect(() => verifyCallback({ ...valid, sign: mixed })).not.toThrow();
  });

  it('accepts any token of a rotation, in any position', () => {
    const oldToken = 'old-token-1';
    const newToken = 'new-token-2';
    for (const token of [oldToken, newToken]) {
      const sign = signCallback({ token, requestTime: REQUEST_TIME });
      expect(() => verifyCallback({ ...valid, tokens: [newToken, oldToken], sign })).not.toThrow();
      expect(() => verifyCallback({ ...valid, tokens: [oldToken, newToken], sign })).not.toThrow();
    }
    const retired = signCallback({ token: 'retired-token', requestTime: REQUEST_TIME });
    expectReason({ ...valid, tokens: [newToken, oldToken], sign: retired }, 'signature_mismatch');
  });

  it('skips blank and missing entries of a rotation list', () => {
    expect(() => verifyCallback({ ...valid, tokens: [undefined, '', '   ', null, 'xxxxyyyy'] })).not.toThrow();
  });

  it.each([
    ['an empty string', ''],
    ['a blank string', '  \t'],
    ['an empty list', []],
    ['a list of blanks', ['', ' ', undefined, null]],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
  ])('fails with no_tokens for %s', (_label, tokens) => {
    expectReason({ ...valid, tokens: tokens as never }, 'no_tokens');
  });

  it.each([[undefined], [null], ['']])('fails with missing_signature for sign %j', (sign) => {
    expectReason({ ...valid, sign }, 'missing_signature');
  });

  it.each([
    '',
    '1.5',
    '1e9',
    ' 123',
    '123 ',
    '+123',
    '-1',
    '0x10',
    '01669872112',
    '00',
    'abc',
    '16698721120000000000',
    1.5,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
  ])('fails with malformed_request_time for %j', (requestTime) => {
    expectReason({ ...valid, requestTime: requestTime as never }, 'malformed_request_time');
  });

  it('accepts RequestTime 0 as a well-formed (and here fresh) time', () => {
    const sign = signCallback({ token: 't', requestTime: 0 });
    expect(() => verifyCallback({ tokens: 't', sign, requestTime: '0', now: at(30) })).not.toThrow();
  });

  it('accepts exactly at the tolerance boundary in both directions and rejects one second beyond', () => {
    expect(() => verifyCallback({ ...valid, now: at(REQUEST_TIME + 60) })).not.toThrow();
    expect(() => verifyCallback({ ...valid, now: at(REQUEST_TIME - 60) })).not.toThrow();
    expectReason({ ...valid, now: at(REQUEST_TIME + 61) }, 'stale_request_time');
    expectReason({ ...valid, now: at(REQUEST_TIME - 61) }, 'stale_request_time');
  });

  it('compares whole seconds of the clock', () => {
    expect(() => verifyCallback({ ...valid, now: () => (REQUEST_TIME + 60) * 1000 + 999 })).not.toThrow();
    expectReason({ ...valid, now: () => (REQUEST_TIME + 61) * 1000 }, 'stale_request_time');
  });

  it('rejects old replays and far-future times, saying which way and how far the clocks differ', () => {
    const old = expectReason({ ...valid, now: at(REQUEST_TIME + 3600) }, 'stale_request_time');
    expect(old.message).toContain("3600 s behind this server's clock (tolerance 60 s)");
    const future = expectReason({ ...valid, now: at(REQUEST_TIME - 86400) }, 'stale_request_time');
    expect(future.message).toContain("86400 s ahead of this server's clock");
    expect(future.message).toContain('clock skew');
  });

  it('honours a custom tolerance, including zero', () => {
    expect(() => verifyCallback({ ...valid, now: at(REQUEST_TIME + 300), toleranceSeconds: 300 })).not.toThrow();
    expectReason({ ...valid, now: at(REQUEST_TIME + 301), toleranceSeconds: 300 }, 'stale_request_time');
    expect(() => verifyCallback({ ...valid, toleranceSeconds: 0 })).not.toThrow();
    expectReason({ ...valid, now: at(REQUEST_TIME + 1), toleranceSeconds: 0 }, 'stale_request_time');
  });

  it('uses the system clock by default', () => {
    const requestTime = Math.floor(Date.now() / 1000);
    const sign = signCallback({ token: 'live', requestTime });
    expect(() => verifyCallback({ tokens: 'live', sign, requestTime: String(requestTime) })).not.toThrow();
    expectReason({ tokens: 'xxxxyyyy', sign: OFFICIAL_SIGN, requestTime: String(REQUEST_TIME) }, 'stale_request_time');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '60'])(
    'throws ValidationError for toleranceSeconds %s',
    (toleranceSeconds) => {
      const error = caught({ ...valid, toleranceSeconds: toleranceSeconds as never });
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues[0]?.path).toBe('toleranceSeconds');
    },
  );

  it('throws ValidationError for a clock that is not a function or returns no finite number', () => {
    expect(ValidationError.isInstance(caught({ ...valid, now: 5 as never }))).toBe(true);
    expect(ValidationError.isInstance(caught({ ...valid, now: () => Number.NaN }))).toBe(true);
    expect(ValidationError.isInstance(caught({ ...valid, now: () => '1669872112000' as never }))).toBe(true);
  });

  it("lets the caller's own clock failure through unchanged", () => {
    const failure = new Error('clock broke');
    expect(
      caught({
        ...valid,
        now: () => {
          throw failure;
        },
      }),
    ).toBe(failure);
  });

  it('throws ValidationError when options are missing', () => {
    expect(ValidationError.isInstance(caught(undefined as never))).toBe(true);
    expect(ValidationError.isInstance(caught(null as never))).toBe(true);
  });

  it.each([
    ['the doc-conflict token', { tokens: 'xxxyyy' }],
    ['a flipped last digit', { sign: `${OFFICIAL_SIGN.slice(0, -1)}0` }],
    ['a flipped first digit', { sign: `0${OFFICIAL_SIGN.slice(1)}` }],
    ['a truncated sign', { sign: OFFICIAL_SIGN.slice(0, 63) }],
    ['an extended sign', { sign: `${OFFICIAL_SIGN}0` }],
    ['a sign with surrounding space', { sign: ` ${OFFICIAL_SIGN}` }],
    ['a non-hex sign of the right length', { sign: 'g'.repeat(64) }],
    ['an HMAC-SHA256 instead of SHA-256', { sign: createHmac('sha256', 'xxxxyyyy').update('1669872112').digest('hex') }],
    ['time then token order', { sign: createHash('sha256').update('1669872112xxxxyyyy').digest('hex') }],
    ['a signature of another time', { sign: signCallback({ token: 'xxxxyyyy', requestTime: REQUEST_TIME + 1 }) }],
    ['a base64 digest', { sign: createHash('sha256').update('xxxxyyyy1669872112').digest('base64') }],
    ['a Unicode look-alike digit', { sign: `${OFFICIAL_SIGN.slice(0, -1)}１` }],
  ])('fails with signature_mismatch for %s', (_label, change) => {
    expectReason({ ...valid, ...change }, 'signature_mismatch');
  });

  it('never reveals a token or the expected signature in the message', () => {
    const error = expectReason({ ...valid, tokens: ['secret-token-a', 'secret-token-b'] }, 'signature_mismatch');
    expect(error.message).not.toContain('secret-token');
    expect(error.message).not.toContain(signCallback({ token: 'secret-token-a', requestTime: REQUEST_TIME }));
    expect(error.message).not.toContain(OFFICIAL_SIGN);
  });

  it('agrees with node:crypto for random tokens, times and clocks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((token) => token.trim() !== ''),
          { minLength: 1, maxLength: 3 },
        ),
        fc.nat({ max: 3 }),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.integer({ min: -120, max: 120 }),
        (tokens, pick, requestTime, skew) => {
          const signer = pick < tokens.length ? tokens[pick]! : 'not-configured';
          const sign = createHash('sha256').update(`${signer}${requestTime}`, 'utf8').digest('hex');
          const error = caught({ tokens, sign, requestTime: String(requestTime), now: at(requestTime + skew) });
          if (Math.abs(skew) > 60) expect((error as CallbackSignatureError).reason).toBe('stale_request_time');
          else if (tokens.includes(signer)) expect(error).toBeUndefined();
          else expect((error as CallbackSignatureError).reason).toBe('signature_mismatch');
        },
      ),
    );
  });

  it('only ever throws CallbackSignatureError or ValidationError, whatever the input', () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 64, maxLength: 64 }),
      fc.constant(OFFICIAL_SIGN),
      fc.constant('xxxxyyyy'),
      fc.constant(String(REQUEST_TIME)),
      fc.constant(['xxxxyyyy', 'other']),
      fc.integer(),
      fc.double(),
      fc.array(fc.oneof(fc.string(), fc.constant(undefined), fc.integer())),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            tokens: anything,
            sign: anything,
            requestTime: anything,
            now: fc.oneof(anything, fc.func(fc.oneof(fc.double(), fc.anything())), fc.constant(at(REQUEST_TIME))),
            toleranceSeconds: anything,
          },
          { requiredKeys: [] },
        ),
        (options) => {
          const error = caught(options as never);
          if (error !== undefined) expect(CallbackSignatureError.isInstance(error) || ValidationError.isInstance(error)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
