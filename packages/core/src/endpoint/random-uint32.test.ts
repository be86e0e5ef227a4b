import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { drawRandomUint32, isUint32, randomUint32 } from './random-uint32.js';

describe('randomUint32', () => {
  it('returns integers in 0 … 2^32−1', () => {
    for (let index = 0; index < 2000; index++) {
      const value = randomUint32();
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(0xffffffff);
    }
  });

  it('varies between calls and spans the high half of the range', () => {
    const values = Array.from({ length: 1000 }, () => randomUint32());
    expect(new Set(values).size).toBeGreaterThan(990);
    // With 1000 uniform draws, missing the top half (or the bottom half) has probability 2^-1000.
    expect(values.some((value) => value >= 0x80000000)).toBe(true);
    expect(values.some((value) => value < 0x80000000)).toBe(true);
  });
});

describe('drawRandomUint32', () => {
  it('passes an integer in range through', () => {
    expect(drawRandomUint32(() => 0)).toBe(0);
    expect(drawRandomUint32(() => 0xffffffff)).toBe(0xffffffff);
    expect(drawRandomUint32(randomUint32)).toSatisfy(isUint32);
  });

  it.each([Number.NaN, -1, 0.25, 2 ** 32, Number.POSITIVE_INFINITY, '3', undefined])('throws a ValidationError for %s', (value) => {
    expect(() => drawRandomUint32(() => value as number)).toThrow(ValidationError);
    expect(() => drawRandomUint32(() => value as number)).toThrow(
      'Invalid random source: random: must return an integer from 0 to 4294967295 on every call',
    );
  });
});
