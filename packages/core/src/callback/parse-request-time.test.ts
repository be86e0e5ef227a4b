import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestTime } from './parse-request-time.js';

describe('parseRequestTime', () => {
  it.each([
    ['1669872112', 1669872112],
    ['0', 0],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    [1669872112, 1669872112],
    [0, 0],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ])('accepts %j', (input, expected) => {
    expect(parseRequestTime(input)).toBe(expected);
  });

  it.each([
    '',
    ' 123',
    '123 ',
    '+123',
    '-1',
    '1.5',
    '1e9',
    '0x10',
    '00',
    '0123',
    '１２３',
    '9007199254740992',
    '12345678901234567890',
    'Infinity',
    'NaN',
    '1_000',
  ])('rejects the text %j', (input) => {
    expect(parseRequestTime(input)).toBeUndefined();
  });

  it.each([1.5, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, 1e21])('rejects the number %d', (input) => {
    expect(parseRequestTime(input)).toBeUndefined();
  });

  it.each([null, undefined, true, {}, [], [1], 10n])('rejects the non-number %s', (input) => {
    expect(parseRequestTime(input)).toBeUndefined();
  });

  it('round-trips every safe non-negative integer through its decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (seconds) => {
        expect(parseRequestTime(String(seconds))).toBe(seconds);
        expect(parseRequestTime(seconds)).toBe(seconds);
      }),
    );
  });

  it('accepts a string only when it is the canonical decimal text of the result', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const parsed = parseRequestTime(text);
        if (parsed !== undefined) expect(String(parsed)).toBe(text);
      }),
    );
  });
});
