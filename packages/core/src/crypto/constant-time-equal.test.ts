/// <reference types="node" />
import { timingSafeEqual } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, constantTimeEqualStrings } from './constant-time-equal.js';

describe('constantTimeEqual', () => {
  it('is true for equal bytes, including empty arrays', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('is false when any single byte or bit differs', () => {
    const base = new Uint8Array(32).fill(0xa5);
    for (let index = 0; index < base.length; index++) {
      for (const bit of [0x01, 0x80]) {
        const other = base.slice();
        other[index]! ^= bit;
        expect(constantTimeEqual(base, other)).toBe(false);
      }
    }
  });

  it('is false for different lengths, also when one is a prefix of the other', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array(0))).toBe(false);
  });

  it('agrees with node timingSafeEqual', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), fc.boolean(), (a, b, same) => {
        const other = same ? a.slice() : b;
        const expected = a.length === other.length && timingSafeEqual(a, other);
        expect(constantTimeEqual(a, other)).toBe(expected);
      }),
    );
  });
});

describe('constantTimeEqualStrings', () => {
  it('compares hex and base64 strings exactly', () => {
    expect(constantTimeEqualStrings('17773bc3', '17773bc3')).toBe(true);
    expect(constantTimeEqualStrings('17773bc3', '17773BC3')).toBe(false);
    expect(constantTimeEqualStrings('abc', 'abcd')).toBe(false);
    expect(constantTimeEqualStrings('', '')).toBe(true);
  });

  it('compares full UTF-16 code units, not just the low byte', () => {
    expect(constantTimeEqualStrings('\u0141', 'A')).toBe(false);
    expect(constantTimeEqualStrings('\u0141', '\u0241')).toBe(false);
  });

  it('agrees with === on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.boolean(),
        (a, b, same) => {
          const other = same ? a : b;
          expect(constantTimeEqualStrings(a, other)).toBe(a === other);
        },
      ),
    );
  });
});
