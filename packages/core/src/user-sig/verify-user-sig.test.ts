import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserSigError, type UserSigErrorReason } from '../errors/user-sig-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { genUserSig } from './gen-user-sig.js';
import { verifyUserSig } from './verify-user-sig.js';

const SAMPLE_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const VECTOR_A =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__';
const VECTOR_B =
  'eJxVzF8LgjAUBfDvcl8Xto1WMOjVh0owEvrzNvEa15HJ5kSJvntkFnTezu-AeUC2O0QdOtAgIw6zsVOBdUsljdyTuVehniZfWNM0VIAWCz7ls7R0Q9Bi9a-YN*TerpSSPw0eXR5K0HA*bqrvNV1Bw77KJBd9ak92bhKBbOCdsZecbyWlLg7IGPdqWOZxsobnC*QSN9o_';
/** One second after vector A/B were generated. */
const SOON = () => 1_700_000_001_000;
const options = { sdkAppId: 1400000000, secretKey: SAMPLE_KEY, identifier: 'xiaojun', now: SOON };

const unpack = (userSig: string): Record<string, unknown> =>
  JSON.parse(inflateSync(Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString());
const pack = (document: Record<string, unknown>) =>
  deflateSync(Buffer.from(JSON.stringify(document)))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');

function rejection(run: () => unknown): UserSigError {
  try {
    run();
  } catch (error) {
    if (UserSigError.isInstance(error)) return error;
    throw error;
  }
  return expect.fail('expected a UserSigError');
}
const reasonOf = (run: () => unknown): UserSigErrorReason => rejection(run).reason;

afterEach(() => {
  vi.useRealTimers();
});

describe('verifyUserSig', () => {
  it('accepts reference vectors A and B (compressed by Node zlib) and returns their documents', () => {
    expect(verifyUserSig(VECTOR_A, options)).toMatchObject({ identifier: 'xiaojun', time: 1700000000, expire: 15552000 });
    expect(verifyUserSig(VECTOR_B, options).userBufBase64).toBe('YWJj');
    expect(verifyUserSig(VECTOR_A, { sdkAppId: 1400000000, secretKey: SAMPLE_KEY, now: SOON }).identifier).toBe('xiaojun');
  });

  it('uses the system clock by default', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_715_552_000_999);
    expect(verifyUserSig(VECTOR_A, { sdkAppId: 1400000000, secretKey: SAMPLE_KEY }).expiresAtSeconds).toBe(1_715_552_000);
    vi.setSystemTime(1_715_552_001_000);
    expect(reasonOf(() => verifyUserSig(VECTOR_A, { sdkAppId: 1400000000, secretKey: SAMPLE_KEY }))).toBe('expired');
  });

  it('is valid through the second time + expire and expired after it', () => {
    expect(() => verifyUserSig(VECTOR_A, { ...options, now: () => 1_715_552_000_999 })).not.toThrow();
    const error = rejection(() => verifyUserSig(VECTOR_A, { ...options, now: () => 1_715_552_061_000 }));
    expect(error.reason).toBe('expired');
    expect(error.message).toContain('expired 61 s ago');
  });

  it('reports sdkappid_mismatch and identifier_mismatch', () => {
    const sdkError = rejection(() => verifyUserSig(VECTOR_A, { ...options, sdkAppId: 1400000001 }));
    expect(sdkError.reason).toBe('sdkappid_mismatch');
    expect(sdkError.message).toContain('1400000000');
    const idError = rejection(() => verifyUserSig(VECTOR_A, { ...options, identifier: 'administrator' }));
    expect(idError.reason).toBe('identifier_mismatch');
    expect(idError.message).toContain('"xiaojun"');
  });

  it('reports signature_mismatch for a wrong key or any altered field', () => {
    expect(reasonOf(() => verifyUserSig(VECTOR_A, { ...options, secretKey: `${SAMPLE_KEY.slice(0, -1)}f` }))).toBe('signature_mismatch');
    const original = unpack(VECTOR_B);
    const alterations: Record<string, unknown>[] = [
      { 'TLS.expire': 15552001 },
      { 'TLS.time': 1700000001 },
      { 'TLS.userbuf': 'YWJk' },
      { 'TLS.userbuf': undefined },
      { 'TLS.sig': 'QjT201xPkXk/aM1e+y0vakZb0K2iPrFue++0s5y6bFN=' }, // same bytes, non-canonical text: the server compares text
    ];
    for (const alteration of alterations) {
      expect(reasonOf(() => verifyUserSig(pack({ ...original, ...alteration }), options))).toBe('signature_mismatch');
    }
    expect(reasonOf(() => verifyUserSig(pack({ ...unpack(VECTOR_A), 'TLS.userbuf': 'YWJj' }), options))).toBe('signature_mismatch');
  });

  it('checks in the official order: malformed, sdkappid, identifier, expiry, signature', () => {
    const wrongEverything = { sdkAppId: 1400000001, secretKey: 'wrong', identifier: 'someone', now: () => 1_800_000_000_000 };
    expect(reasonOf(() => verifyUserSig('garbage', wrongEverything))).toBe('malformed');
    expect(reasonOf(() => verifyUserSig(VECTOR_A, wrongEverything))).toBe('sdkappid_mismatch');
    expect(reasonOf(() => verifyUserSig(VECTOR_A, { ...wrongEverything, sdkAppId: 1400000000 }))).toBe('identifier_mismatch');
    expect(reasonOf(() => verifyUserSig(VECTOR_A, { ...wrongEverything, sdkAppId: 1400000000, identifier: 'xiaojun' }))).toBe('expired');
    expect(reasonOf(() => verifyUserSig(VECTOR_A, { ...options, secretKey: 'wrong' }))).toBe('signature_mismatch');
  });

  it('never puts the secret key or the UserSig in a message', () => {
    const secretKey = 'SECRET-KEY-THAT-MUST-NOT-LEAK';
    const userSig = genUserSig({ sdkAppId: 1400000000, secretKey, identifier: 'xiaojun', now: SOON });
    const attempts = [
      () => verifyUserSig(userSig, { ...options, secretKey, sdkAppId: 1 }),
      () => verifyUserSig(userSig, { ...options, secretKey, identifier: 'other' }),
      () => verifyUserSig(userSig, { ...options, secretKey, now: () => 9e12 }),
      () => verifyUserSig(userSig, options),
      () => verifyUserSig(`${userSig}A`, { ...options, secretKey }),
    ];
    for (const attempt of attempts) {
      const { message } = rejection(attempt);
      expect(message).not.toContain(secretKey);
      expect(message).not.toContain(userSig.slice(0, 16));
    }
  });

  it('rejects bad options with a ValidationError before looking at the UserSig', () => {
    const bad: [Record<string, unknown>, string[]][] = [
      [{ sdkAppId: 0 }, ['sdkAppId']],
      [{ sdkAppId: '1400000000' }, ['sdkAppId']],
      [{ secretKey: '' }, ['secretKey']],
      [{ identifier: 42 }, ['identifier']],
      [{ identifier: 'victim\uD800' }, ['identifier']],
      [{ now: () => Number.NaN }, ['now']],
      [{ sdkAppId: undefined, secretKey: undefined }, ['sdkAppId', 'secretKey']],
    ];
    for (const [override, paths] of bad) {
      for (const userSig of [VECTOR_A, 'garbage']) {
        try {
          verifyUserSig(userSig, { ...options, ...override } as never);
          expect.fail('expected a ValidationError');
        } catch (error) {
          expect(ValidationError.isInstance(error) && error.issues.map((issue) => issue.path)).toEqual(paths);
          expect((error as Error).message).not.toContain(SAMPLE_KEY);
        }
      }
    }
    expect(() => verifyUserSig(VECTOR_A, undefined as never)).toThrow(ValidationError);
  });

  it('refuses a UserSig relabelled to an identifier with a lone surrogate (it signs as U+FFFD in UTF-8)', () => {
    const genuine = genUserSig({ sdkAppId: 1400000000, secretKey: SAMPLE_KEY, identifier: 'victim\uFFFD', now: SOON });
    // The same signature under "victim\uD800": the signed text's UTF-8 bytes are the same.
    const relabelled = pack({ ...unpack(genuine), 'TLS.identifier': 'victim\uD800' });
    const error = rejection(() => verifyUserSig(relabelled, { sdkAppId: 1400000000, secretKey: SAMPLE_KEY, now: SOON }));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('TLS.identifier must be well-formed Unicode');
    expect(verifyUserSig(genuine, { ...options, identifier: 'victim\uFFFD' }).identifier).toBe('victim\uFFFD');
    expect(() => verifyUserSig(genuine, { ...options, identifier: 'victim\uD800' })).toThrow(ValidationError);
  });
});

describe('verifyUserSig properties', () => {
  const identifiers = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((text) => new TextEncoder().encode(text).length <= 512);

  it('verifies whatever genUserSig signs, and nothing signed with another key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4294967295 }),
        fc.string({ minLength: 1, maxLength: 100 }),
        fc.string({ minLength: 1, maxLength: 100 }),
        identifiers,
        fc.integer({ min: 1, max: 315360000 }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.option(fc.uint8Array({ minLength: 1, maxLength: 1024 }), { nil: undefined }),
        (sdkAppId, secretKey, otherKey, identifier, expireSeconds, milliseconds, userBuf) => {
          const now = () => milliseconds;
          const userSig = genUserSig({ sdkAppId, secretKey, identifier, expireSeconds, now, userBuf });
          const document = verifyUserSig(userSig, { sdkAppId, secretKey, identifier, now });
          expect(document).toMatchObject({ sdkAppId, identifier, time: Math.floor(milliseconds / 1000), expire: expireSeconds });
          expect(document.userBuf === undefined ? undefined : [...document.userBuf]).toEqual(
            userBuf === undefined ? undefined : [...userBuf],
          );
          if (otherKey !== secretKey) {
            expect(reasonOf(() => verifyUserSig(userSig, { sdkAppId, secretKey: otherKey, identifier, now }))).toBe('signature_mismatch');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws only UserSigErrors for arbitrary input and for bit-flipped UserSigs', () => {
    const valid = genUserSig({ sdkAppId: 1400000000, secretKey: SAMPLE_KEY, identifier: 'xiaojun', now: SOON, userBuf: Uint8Array.of(7) });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.tuple(fc.nat(), fc.integer({ min: 1, max: 63 })).map(([position, bits]) => {
            const index = position % valid.length;
            const value = alphabet.indexOf(valid[index]!);
            return `${valid.slice(0, index)}${value < 0 ? 'A' : alphabet[value ^ bits]}${valid.slice(index + 1)}`;
          }),
        ),
        (input) => {
          try {
            expect(verifyUserSig(input, options).signature).toBe(unpack(valid)['TLS.sig']);
          } catch (error) {
            expect(UserSigError.isInstance(error)).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
