// Cross-checks against the official npm library `tls-sig-api-v2` (Node crypto + zlib.deflateSync), in the same
// process and at the same pinned second.
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeUserSig } from './decode-user-sig.js';
import { genPrivateMapKey } from './gen-private-map-key.js';
import { genUserSig } from './gen-user-sig.js';
import { verifyUserSig } from './verify-user-sig.js';

interface OfficialApi {
  genUserSig(userId: string, expire: number): string;
  genPrivateMapKey(userId: string, expire: number, roomId: number, privilegeMap: number): string;
  genPrivateMapKeyWithStringRoomID(userId: string, expire: number, roomId: string, privilegeMap: number): string;
}
const require = createRequire(import.meta.url);
const { Api } = require('tls-sig-api-v2') as { Api: new (sdkAppId: number, secretKey: string) => OfficialApi };

/** The JSON text inside a UserSig, unpacked with node:zlib (independent of our decoder). */
const documentText = (userSig: string) =>
  inflateSync(Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString('utf8');

const sdkAppIds = fc.integer({ min: 1, max: 4294967295 });
const secretKeys = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.string({ minLength: 1, maxLength: 100 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
);
const unicodeIdentifiers = fc
  .oneof(fc.string({ minLength: 1, maxLength: 32 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }))
  .filter((text) => new TextEncoder().encode(text).length <= 512);
const asciiIdentifiers = fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 64 });
/** Any millisecond up to 2093, so `time + expire` (≤ 10 years) also fits the PrivateMapKey's 32-bit field. */
const milliseconds = fc.integer({ min: 0, max: 3_900_000_000_000 });
const expireSeconds = fc.integer({ min: 1, max: 315360000 });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('compatibility with the official tls-sig-api-v2 (npm)', () => {
  it('genUserSig: same JSON document (fields, order, escaping, TLS.sig) as the official library at the same second', () => {
    fc.assert(
      fc.property(sdkAppIds, secretKeys, unicodeIdentifiers, expireSeconds, milliseconds, (sdkAppId, secretKey, identifier, expire, ms) => {
        vi.setSystemTime(ms);
        const theirs = new Api(sdkAppId, secretKey).genUserSig(identifier, expire);
        const ours = genUserSig({ sdkAppId, secretKey, identifier, expireSeconds: expire, now: () => ms });
        expect(documentText(ours)).toBe(documentText(theirs));
        const verifyOptions = { sdkAppId, secretKey, identifier, now: () => ms };
        expect(verifyUserSig(theirs, verifyOptions)).toEqual(verifyUserSig(ours, verifyOptions));
      }),
      { numRuns: 300 },
    );
  });

  it('genPrivateMapKey (numeric room, ASCII user): identical userbuf bytes and TLS.sig', () => {
    fc.assert(
      fc.property(
        sdkAppIds,
        secretKeys,
        asciiIdentifiers,
        fc.integer({ min: 1, max: 4294967295 }),
        fc.integer({ min: 0, max: 255 }),
        expireSeconds,
        milliseconds,
        (sdkAppId, secretKey, userId, roomId, privilegeMap, expire, ms) => {
          vi.setSystemTime(ms);
          const theirs = new Api(sdkAppId, secretKey).genPrivateMapKey(userId, expire, roomId, privilegeMap);
          const ours = genPrivateMapKey({ sdkAppId, secretKey, userId, roomId, privilegeMap, expireSeconds: expire, now: () => ms });
          expect(documentText(ours)).toBe(documentText(theirs));
          const verified = verifyUserSig(theirs, { sdkAppId, secretKey, identifier: userId, now: () => ms });
          expect([...verified.userBuf!]).toEqual([...decodeUserSig(ours).userBuf!]);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('genPrivateMapKey (string room, ASCII ids) equals genPrivateMapKeyWithStringRoomID', () => {
    fc.assert(
      fc.property(
        sdkAppIds,
        secretKeys,
        asciiIdentifiers,
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 127 }),
        fc.integer({ min: 0, max: 255 }),
        expireSeconds,
        milliseconds,
        (sdkAppId, secretKey, userId, roomId, privilegeMap, expire, ms) => {
          vi.setSystemTime(ms);
          const theirs = new Api(sdkAppId, secretKey).genPrivateMapKeyWithStringRoomID(userId, expire, roomId, privilegeMap);
          const ours = genPrivateMapKey({ sdkAppId, secretKey, userId, roomId, privilegeMap, expireSeconds: expire, now: () => ms });
          expect(documentText(ours)).toBe(documentText(theirs));
          expect(() => verifyUserSig(theirs, { sdkAppId, secretKey, identifier: userId, now: () => ms })).not.toThrow();
        },
      ),
      { numRuns: 250 },
    );
  });

  it('deliberately differs for non-ASCII ids: UTF-8 where the official library truncates UTF-16 code units', () => {
    const ms = 1_700_000_000_000;
    vi.setSystemTime(ms);
    const official = new Api(1400000000, 'k').genPrivateMapKeyWithStringRoomID('用户', 300, '房', 255);
    const ours = genPrivateMapKey({
      sdkAppId: 1400000000,
      secretKey: 'k',
      userId: '用户',
      roomId: '房',
      expireSeconds: 300,
      now: () => ms,
    });
    const theirUserBuf = decodeUserSig(official).userBuf!;
    const ourUserBuf = decodeUserSig(ours).userBuf!;
    expect([...theirUserBuf.subarray(0, 5)]).toEqual([1, 0, 2, 0x28, 0x37]); // U+7528 U+6237, low bytes only
    expect([...ourUserBuf.subarray(0, 9)]).toEqual([1, 0, 6, ...new TextEncoder().encode('用户')]);
    expect([...ourUserBuf.subarray(-5)]).toEqual([0, 3, ...new TextEncoder().encode('房')]);
    // Both are internally consistent UserSigs; only the userbuf content differs.
    expect(() => verifyUserSig(official, { sdkAppId: 1400000000, secretKey: 'k', now: () => ms })).not.toThrow();
    expect(() => verifyUserSig(ours, { sdkAppId: 1400000000, secretKey: 'k', now: () => ms })).not.toThrow();
  });
});
