import { describe, expect, it } from 'vitest';
import { characterCount, hasCharacterCountBetween, utf8ByteLength } from './text-measures.js';

describe('text measures', () => {
  it('counts code points and UTF-8 bytes', () => {
    expect(characterCount('a😀字')).toBe(3);
    expect(utf8ByteLength('a😀字')).toBe(1 + 4 + 3);
    expect(hasCharacterCountBetween(1, 2)('😀😀')).toBe(true);
    expect(hasCharacterCountBetween(1, 2)('')).toBe(false);
    expect(hasCharacterCountBetween(1, 2)('abc')).toBe(false);
  });
});
