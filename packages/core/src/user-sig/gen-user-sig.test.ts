import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { genUserSig } from './gen-user-sig.js';
import { MAX_USER_SIG_LENGTH } from './user-sig-limits.js';
import { verifyUserSig } from './verify-user-sig.js';

const SAMPLE_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const VECTOR_NOW = () => 1_700_000_000_000;
const VECTOR_A_JSON =
  '{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.time":1700000000,"TLS.expire":15552000,"TLS.sig":"LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="}';
const VECTOR_B_JSON =
  '{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.time":1700000000,"TLS.expire":15552000,"TLS.userbuf":"YWJj","TLS.sig":"QjT201xPkXk/aM1e+y0vakZb0K2iPrFue++0s5y6bFM="}';

/** Reverses the packing with node:zlib, independently of our decoder. */
function zlibBytes(userSig: string): Buffer {
  return Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
}
const inflateJson = (userSig: string) => inflateSync(zlibBytes(userSig)).toString('utf8');

function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  return expect.fail('expected a ValidationError');
}

const valid = { sdkAppId: 1400000000, secretKey: SAMPLE_KEY, identifier: 'xiaojun', now: VECTOR_NOW };

afterEach(() => {
  vi.useRealTimers();
});

describe('genUserSig', () => {
  it('reproduces reference vector A: same JSON, byte for byte, in the Node key order', () => {
    const userSig = genUserSig({ ...valid, expireSeconds: 15552000 });
    expect(inflateJson(userSig)).toBe(VECTOR_A_JSON);
  });

  it('reproduces reference vector B (userbuf "abc")', () => {
    const userSig = genUserSig({ ...valid, userBuf: new TextEncoder().encode('abc') });
    expect(inflateJson(userSig)).toBe(VECTOR_B_JSON);
  });

  it('packs the JSON in a stored-block zlib stream and uses only the Tencent alphabet', () => {
    const userSig = genUserSig(valid);
    expect(userSig).toMatch(/^[A-Za-z0-9*-]+_{0,2}$/);
    const bytes = zlibBytes(userSig);
    expect([...bytes.subarray(0, 3)]).toEqual([0x78, 0x01, 0x01]); // zlib header, final stored block
    expect(bytes.readUInt16LE(3)).toBe(VECTOR_A_JSON.length);
    expect(bytes.subarray(7, 7 + VECTOR_A_JSON.length).toString()).toBe(VECTOR_A_JSON);
  });

  it('escapes identifiers with JSON.stringify and signs their UTF-8 form', () => {
    for (const identifier of ['a"b\\c', 'tab\there', '用户😀', '\u2028', '</script>']) {
      const userSig = genUserSig({ ...valid, identifier });
      expect(JSON.parse(inflateJson(userSig))['TLS.identifier']).toBe(identifier);
      expect(verifyUserSig(userSig, { sdkAppId: 1400000000, secretKey: SAMPLE_KEY, identifier, now: VECTOR_NOW }).identifier).toBe(
        identifier,
      );
    }
  });

  it('defaults to 180 days and the system clock, flooring milliseconds', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_700_000_000_999);
    const document = JSON.parse(inflateJson(genUserSig({ sdkAppId: 1400000000, secretKey: SAMPLE_KEY, identifier: 'xiaojun' })));
    expect(document['TLS.time']).toBe(1_700_000_000);
    expect(document['TLS.expire']).toBe(15_552_000);
    expect(document['TLS.sig']).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');
  });

  it('accepts the extremes of every range', () => {
    const userSig = genUserSig({ ...valid, sdkAppId: 4294967295, expireSeconds: 1, now: () => 0 });
    expect(JSON.parse(inflateJson(userSig))).toMatchObject({ 'TLS.sdkappid': 4294967295, 'TLS.time': 0, 'TLS.expire': 1 });
    expect(JSON.parse(inflateJson(genUserSig({ ...valid, sdkAppId: 1, expireSeconds: 315360000 })))['TLS.expire']).toBe(315360000);
  });

  it('keeps the largest input it accepts below the decoder limit, and that UserSig verifies', () => {
    const identifier = '\u0001'.repeat(512); // 512 UTF-8 bytes, each escaped to 6 JSON characters
    const userBuf = new Uint8Array(1024).fill(0xfb);
    const userSig = genUserSig({ ...valid, identifier, userBuf, sdkAppId: 4294967295, expireSeconds: 315360000 });
    expect(userSig.length).toBeLessThanOrEqual(MAX_USER_SIG_LENGTH);
    const document = verifyUserSig(userSig, { sdkAppId: 4294967295, secretKey: SAMPLE_KEY, identifier, now: VECTOR_NOW });
    expect([...document.userBuf!]).toEqual([...userBuf]);
  });

  it('rejects each bad sdkAppId', () => {
    for (const sdkAppId of [0, -1, 1.5, 4294967296, Number.NaN, Number.POSITIVE_INFINITY, '1400000000', undefined, null]) {
      const error = validationError(() => genUserSig({ ...valid, sdkAppId: sdkAppId as number }));
      expect(error.issues).toEqual([{ path: 'sdkAppId', message: expect.stringContaining('integer from 1 to 4294967295') }]);
    }
  });

  it('rejects each bad expireSeconds (0, negative, fractional, NaN, absurd, wrong type)', () => {
    for (const expireSeconds of [0, -86400, 0.5, 86400.5, Number.NaN, Number.POSITIVE_INFINITY, 315360001, 1e12, '86400', null]) {
      const error = validationError(() => genUserSig({ ...valid, expireSeconds: expireSeconds as number }));
      expect(error.issues).toEqual([{ path: 'expireSeconds', message: expect.stringContaining('from 1 to 315360000') }]);
    }
  });

  it('rejects each bad secretKey and identifier', () => {
    for (const secretKey of ['', 42, undefined, new Uint8Array(4)]) {
      expect(validationError(() => genUserSig({ ...valid, secretKey: secretKey as string })).issues.map((issue) => issue.path)).toEqual([
        'secretKey',
      ]);
    }
    for (const identifier of ['', 7, undefined, 'x\uD800', 'a'.repeat(513)]) {
      expect(validationError(() => genUserSig({ ...valid, identifier: identifier as string })).issues.map((issue) => issue.path)).toEqual([
        'identifier',
      ]);
    }
  });

  it('rejects each bad userBuf and clock', () => {
    for (const userBuf of [[1, 2, 3], 'abc', new Uint8Array(0), new Uint8Array(1025), new Uint16Array(2), null]) {
      expect(validationError(() => genUserSig({ ...valid, userBuf: userBuf as Uint8Array })).issues.map((issue) => issue.path)).toEqual([
        'userBuf',
      ]);
    }
    for (const now of [() => Number.NaN, () => -1, 1_700_000_000_000, () => '1700000000000']) {
      expect(validationError(() => genUserSig({ ...valid, now: now as () => number })).issues.map((issue) => issue.path)).toEqual(['now']);
    }
  });

  it('lists every issue at once, never echoing the secret key', () => {
    const secretKey = 'TOP-SECRET-KEY-0123456789';
    const error = validationError(() =>
      genUserSig({ sdkAppId: 0, secretKey, identifier: '', expireSeconds: 0, userBuf: [] as unknown as Uint8Array, now: () => Number.NaN }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['sdkAppId', 'identifier', 'expireSeconds', 'userBuf', 'now']);
    expect(error.message).toContain('Invalid UserSig input');
    expect(error.message).not.toContain(secretKey);
    expect(JSON.stringify(error.issues)).not.toContain(secretKey);
  });

  it('rejects missing options and missing fields with a ValidationError, not a TypeError', () => {
    for (const options of [undefined, null, 'options']) {
      const error = validationError(() => genUserSig(options as never));
      expect(error.issues).toEqual([
        { path: '', message: expect.stringMatching(/^must be an options object, got (undefined|null|string)$/) },
      ]);
    }
    expect(validationError(() => genUserSig({} as never)).issues).toEqual([
      { path: 'sdkAppId', message: 'is required' },
      { path: 'secretKey', message: 'is required' },
      { path: 'identifier', message: 'is required' },
    ]);
  });

  it('refuses an unknown option (a misspelt one would otherwise be ignored)', () => {
    const error = validationError(() => genUserSig({ ...valid, expiresIn: 60 } as never));
    expect(error.issues).toEqual([{ path: 'expiresIn', message: 'is not a known option' }]);
  });

  it('checks options again when they are the same as the last ones but changed, and reads the clock every time', () => {
    let now = 1_700_000_000_000;
    const options: { -readonly [K in keyof typeof valid]: unknown } = { ...valid, now: () => now };
    const first = genUserSig(options as never);
    now += 5_000;
    const second = genUserSig(options as never);
    expect(JSON.parse(inflateJson(second))['TLS.time']).toBe(JSON.parse(inflateJson(first))['TLS.time'] + 5);
    now = Number.NaN;
    expect(validationError(() => genUserSig(options as never)).issues.map((issue) => issue.path)).toEqual(['now']);
    now = 1_700_000_000_000;
    expect(genUserSig(options as never)).toBe(first);
    options.identifier = 'x\uD800';
    expect(validationError(() => genUserSig(options as never)).issues.map((issue) => issue.path)).toEqual(['identifier']);
    options.identifier = 'xiaojun';
    expect(genUserSig(options as never)).toBe(first);
    expect(validationError(() => genUserSig({ ...options, extra: true } as never)).issues.map((issue) => issue.path)).toEqual(['extra']);
    const { identifier, ...rest } = options;
    expect(validationError(() => genUserSig({ ...rest, unknown: identifier } as never)).issues.map((issue) => issue.path)).toEqual([
      'identifier',
      'unknown',
    ]);
  });
});
