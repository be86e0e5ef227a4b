import { describe, expect, it } from 'vitest';
import { encodePrivateMapKeyUserBuf } from './private-map-key-user-buf.js';

describe('encodePrivateMapKeyUserBuf', () => {
  it('writes every u32 field big-endian, including values above 2^31', () => {
    const bytes = encodePrivateMapKeyUserBuf({
      userId: 'u',
      sdkAppId: 0x80000001,
      roomId: 0xfffffffe,
      expiresAt: 0xffffffff,
      privilegeMap: 0x81,
    });
    expect([...bytes]).toEqual([0, 0, 1, 0x75, 0x80, 0, 0, 1, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0x81, 0, 0, 0, 0]);
  });

  it('appends a length-prefixed UTF-8 string room and writes 0 as the numeric room', () => {
    const bytes = encodePrivateMapKeyUserBuf({ userId: 'é', sdkAppId: 1, roomId: 'ü1', expiresAt: 2, privilegeMap: 3 });
    expect([...bytes]).toEqual([1, 0, 2, 0xc3, 0xa9, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 3, 0xc3, 0xbc, 0x31]);
  });
});
