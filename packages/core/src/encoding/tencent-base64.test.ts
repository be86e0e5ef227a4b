import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTencentBase64, encodeTencentBase64 } from './tencent-base64.js';

const nodeTencentBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');

describe('encodeTencentBase64', () => {
  it('maps + / = to * - _', () => {
    expect(encodeTencentBase64(Uint8Array.of(0xfb, 0xff))).toBe('*-8_');
    expect(encodeTencentBase64(Uint8Array.of(0xfb))).toBe('*w__');
    expect(encodeTencentBase64(new Uint8Array(0))).toBe('');
  });

  it('equals Node base64 with the Tencent replacements, and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const encoded = encodeTencentBase64(bytes);
        expect(encoded).toBe(nodeTencentBase64(bytes));
        expect(encoded).toMatch(/^[A-Za-z0-9*-]*_{0,2}$/);
        expect([...decodeTencentBase64(encoded)!]).toEqual([...bytes]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeTencentBase64', () => {
  it('decodes the Tencent alphabet, and passes standard characters through like the Go verifier', () => {
    expect([...decodeTencentBase64('*-8_')!]).toEqual([0xfb, 0xff]);
    expect([...decodeTencentBase64('+/8=')!]).toEqual([0xfb, 0xff]);
  });

  it('returns undefined for what is not base64 after the mapping', () => {
    for (const bad of ['a b', 'eJw%2B', 'abc.', 'A', 'AB___', '====', 'ab\n', 'é']) expect(decodeTencentBase64(bad)).toBeUndefined();
  });
});
