import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedUnicode } from './well-formed-unicode.js';

describe('isWellFormedUnicode', () => {
  it('rejects lone surrogates only', () => {
    expect(isWellFormedUnicode('a😀b')).toBe(true);
    expect(isWellFormedUnicode('a\uD83Db')).toBe(false);
    expect(isWellFormedUnicode('\uDE00')).toBe(false);
    expect(isWellFormedUnicode('x\uD83D')).toBe(false);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => isWellFormedUnicode(text)));
  });
});
