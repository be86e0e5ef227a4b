import { ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { randomBytes, randomHex } from './random-bytes.js';

/** A source that hands out the given values in turn. */
const values =
  (...list: number[]) =>
  () =>
    list.shift() ?? 0;

describe('randomBytes and randomHex', () => {
  it('takes four big-endian bytes per draw and only the draws it needs', () => {
    expect([...randomBytes(values(0x01020304, 0xa0b0c0d0), 6)]).toEqual([1, 2, 3, 4, 0xa0, 0xb0]);
    expect(randomHex(values(0xdeadbeef, 0x00000001), 8)).toBe('deadbeef00000001');
    expect(randomHex(values(0xffffffff), 2)).toBe('ffff');
  });

  it('rejects a source that returns anything but a uint32', () => {
    for (const bad of [0.5, -1, 2 ** 32, Number.NaN]) {
      expect(() => randomBytes(values(bad), 4)).toThrow(ValidationError);
    }
  });
});
