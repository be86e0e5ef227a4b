/// <reference types="node" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './hex.js';

describe('bytesToHex', () => {
  it('renders every byte value as two lowercase digits', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(bytesToHex(all)).toBe(Buffer.from(all).toString('hex'));
    expect(bytesToHex(new Uint8Array(0))).toBe('');
  });

  it('agrees with Buffer on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(bytesToHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
      }),
    );
  });
});
