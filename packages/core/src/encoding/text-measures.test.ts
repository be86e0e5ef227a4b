/// <reference types="node" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCount, utf8ByteLength } from './text-measures.js';

describe('text measures', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(characterCount('')).toBe(0);
    expect(characterCount('héllo 👋')).toBe(7);
    expect('👋'.length).toBe(2);
  });

  it('measures UTF-8 bytes like Buffer does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
        expect(characterCount(text)).toBe([...text].length);
      }),
    );
  });
});
