import { ValidationError, type RandomUint32Source } from '@tokenwire/core';

const HEX = '0123456789abcdef';
const MAX_UINT32 = 0xffff_ffff;

/**
 * `count` random bytes from a source of random unsigned 32-bit integers (four bytes per draw), so every random
 * identifier of the emulator (RequestIds, AccessTokens, Scopes, `ccmessaging-token` nonces, upload object keys)
 * comes from the one injectable source.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} (path `random`) when the source returns anything but
 *   an integer from 0 to 4294967295, so a faulty source (`Math.random`) fails loudly.
 */
export function randomBytes(random: RandomUint32Source, count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  for (let offset = 0; offset < count; offset += 4) {
    const value = random();
    if (!Number.isInteger(value) || value < 0 || value > MAX_UINT32) {
      throw new ValidationError('random source', [
        { path: 'random', message: `must return an integer from 0 to ${MAX_UINT32} on every call` },
      ]);
    }
    for (let index = 0; index < 4 && offset + index < count; index++) bytes[offset + index] = (value >>> (24 - 8 * index)) & 0xff;
  }
  return bytes;
}

/** `byteCount` random bytes from `random` as lower-case hex (two characters per byte). */
export function randomHex(random: RandomUint32Source, byteCount: number): string {
  let hex = '';
  for (const byte of randomBytes(random, byteCount)) hex += HEX[byte >> 4]! + HEX[byte & 15]!;
  return hex;
}
