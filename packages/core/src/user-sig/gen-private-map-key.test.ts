import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { decodeUserSig } from './decode-user-sig.js';
import { genPrivateMapKey } from './gen-private-map-key.js';
import { PRIVILEGE } from './private-map-key-privilege.js';
import { verifyUserSig } from './verify-user-sig.js';

const SECRET_KEY = 'private-map-key-test-secret-0123456789';
const NOW = () => 1_700_000_000_500;
const base = { sdkAppId: 1400000000, secretKey: SECRET_KEY, userId: 'alice', now: NOW };

/** Independent parser of the reference §4.6 layout; fails on any leftover byte. */
function parseUserBuf(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(0);
  const accountLength = view.getUint16(1);
  const account = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3, 3 + accountLength));
  let offset = 3 + accountLength;
  const fields = {
    version,
    accountLength,
    account,
    sdkAppId: view.getUint32(offset),
    roomNumber: view.getUint32(offset + 4),
    expiresAt: view.getUint32(offset + 8),
    privilegeMap: view.getUint32(offset + 12),
    accountType: view.getUint32(offset + 16),
    roomLength: undefined as number | undefined,
    room: undefined as string | undefined,
  };
  offset += 20;
  if (version === 1) {
    fields.roomLength = view.getUint16(offset);
    fields.room = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset + 2, offset + 2 + fields.roomLength));
    offset += 2 + fields.roomLength;
  }
  expect(offset).toBe(bytes.length);
  return fields;
}

function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) {
      expect(error.message).not.toContain(SECRET_KEY);
      return error.issues.map((issue) => issue.path);
    }
    throw error;
  }
  return expect.fail('expected a ValidationError');
}

describe('PRIVILEGE', () => {
  it('has the documented bits', () => {
    expect(PRIVILEGE).toEqual({
      createRoom: 1,
      enterRoom: 2,
      sendAudio: 4,
      receiveAudio: 8,
      sendVideo: 16,
      receiveVideo: 32,
      sendSubStream: 64,
      receiveSubStream: 128,
      all: 255,
    });
    expect(PRIVILEGE.enterRoom | PRIVILEGE.receiveAudio | PRIVILEGE.receiveVideo).toBe(42);
    expect(Object.isFrozen(PRIVILEGE)).toBe(true);
  });
});

describe('genPrivateMapKey', () => {
  it('lays out a numeric-room userbuf byte for byte (cVer 0, big-endian)', () => {
    const key = genPrivateMapKey({ ...base, roomId: 0x01020304, privilegeMap: 42, expireSeconds: 300 });
    const { userBuf } = decodeUserSig(key);
    const expiresAt = 1_700_000_300;
    expect([...userBuf!]).toEqual([
      0,
      0,
      5,
      ...new TextEncoder().encode('alice'),
      0x53,
      0x72,
      0x4e,
      0x00, // 1400000000
      0x01,
      0x02,
      0x03,
      0x04,
      expiresAt >>> 24,
      (expiresAt >>> 16) & 0xff,
      (expiresAt >>> 8) & 0xff,
      expiresAt & 0xff,
      0,
      0,
      0,
      42,
      0,
      0,
      0,
      0,
    ]);
  });

  it('appends a string room (cVer 1, numeric room 0), even when it looks numeric', () => {
    const parsed = parseUserBuf(decodeUserSig(genPrivateMapKey({ ...base, roomId: '1234' })).userBuf!);
    expect(parsed).toMatchObject({ version: 1, account: 'alice', roomNumber: 0, roomLength: 4, room: '1234', accountType: 0 });
  });

  it('encodes non-ASCII user and room ids as UTF-8 (the official libraries truncate UTF-16 code units)', () => {
    const parsed = parseUserBuf(decodeUserSig(genPrivateMapKey({ ...base, userId: '用户', roomId: '房间😀' })).userBuf!);
    expect(parsed).toMatchObject({ accountLength: 6, account: '用户', roomLength: 10, room: '房间😀' });
  });

  it('defaults to every privilege and 180 days, and stores the absolute expiry', () => {
    const key = genPrivateMapKey({ ...base, roomId: 7 });
    const document = verifyUserSig(key, { sdkAppId: 1400000000, secretKey: SECRET_KEY, identifier: 'alice', now: NOW });
    const parsed = parseUserBuf(document.userBuf!);
    expect(parsed).toMatchObject({
      version: 0,
      sdkAppId: 1400000000,
      roomNumber: 7,
      privilegeMap: 255,
      expiresAt: 1_700_000_000 + 15_552_000,
    });
    expect(document.expire).toBe(15_552_000);
    expect(parsed.expiresAt).toBe(document.expiresAtSeconds);
  });

  it('accepts the range limits', () => {
    expect(parseUserBuf(decodeUserSig(genPrivateMapKey({ ...base, roomId: 4294967295, privilegeMap: 0 })).userBuf!)).toMatchObject({
      roomNumber: 4294967295,
      privilegeMap: 0,
    });
    expect(parseUserBuf(decodeUserSig(genPrivateMapKey({ ...base, roomId: 'r'.repeat(127) })).userBuf!).roomLength).toBe(127);
    const lastSecond = 4_294_967_295;
    expect(() => genPrivateMapKey({ ...base, roomId: 1, expireSeconds: 100, now: () => (lastSecond - 100) * 1000 })).not.toThrow();
  });

  it('rejects each bad roomId', () => {
    for (const roomId of [0, -1, 1.5, 4294967296, Number.NaN, '', 'r'.repeat(128), '中'.repeat(43), 'a\uDC00', null, undefined, {}]) {
      expect(issuePaths(() => genPrivateMapKey({ ...base, roomId: roomId as number }))).toEqual(['roomId']);
    }
  });

  it('rejects each bad privilegeMap, userId and expiry', () => {
    for (const privilegeMap of [-1, 256, 1.5, '255', null]) {
      expect(issuePaths(() => genPrivateMapKey({ ...base, roomId: 1, privilegeMap: privilegeMap as number }))).toEqual(['privilegeMap']);
    }
    for (const userId of ['', 42, 'x'.repeat(513), '\uD800']) {
      expect(issuePaths(() => genPrivateMapKey({ ...base, roomId: 1, userId: userId as string }))).toEqual(['userId']);
    }
    for (const expireSeconds of [0, -1, 0.5, 315360001]) {
      expect(issuePaths(() => genPrivateMapKey({ ...base, roomId: 1, expireSeconds }))).toEqual(['expireSeconds']);
    }
    const lastSecond = 4_294_967_295;
    expect(issuePaths(() => genPrivateMapKey({ ...base, roomId: 1, expireSeconds: 101, now: () => (lastSecond - 100) * 1000 }))).toEqual([
      'expireSeconds',
    ]);
  });

  it('lists every issue at once', () => {
    expect(
      issuePaths(() =>
        genPrivateMapKey({ sdkAppId: -5, secretKey: '', userId: '', roomId: 0, privilegeMap: 999, expireSeconds: 0, now: () => -1 }),
      ),
    ).toEqual(['sdkAppId', 'secretKey', 'userId', 'roomId', 'privilegeMap', 'expireSeconds', 'now']);
    expect(issuePaths(() => genPrivateMapKey(undefined as never))).toEqual(['']);
    expect(issuePaths(() => genPrivateMapKey({} as never))).toEqual(['sdkAppId', 'secretKey', 'userId', 'roomId']);
    expect(issuePaths(() => genPrivateMapKey({ ...base, roomId: 1, room: 2 } as never))).toEqual(['room']);
  });
});
