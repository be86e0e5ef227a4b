/// <reference types="node" />
import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactSha256 } from './compact-sha256.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const nodeHex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ascii = (text: string) => new TextEncoder().encode(text);

describe('compactSha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['xxxxyyyy1669872112', '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061'],
  ])('matches the FIPS 180-4 / reference vector for %j', (text, expected) => {
    expect(hex(compactSha256(ascii(text)))).toBe(expected);
  });

  it('hashes one million "a" (many blocks)', () => {
    expect(hex(compactSha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('is correct at every padding boundary', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(length).map((_, index) => (index * 31 + length) & 0xff);
      expect(hex(compactSha256(bytes)), `length ${length}`).toBe(nodeHex(bytes));
    }
  });

  it('agrees with node:crypto and @noble/hashes on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), (bytes) => {
        const digest = hex(compactSha256(bytes));
        expect(digest).toBe(nodeHex(bytes));
        expect(digest).toBe(hex(sha256(bytes)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the view it is given and leaves the input untouched', () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9, 9]);
    const view = backing.subarray(2, 5);
    expect(hex(compactSha256(view))).toBe(nodeHex(new Uint8Array([1, 2, 3])));
    expect([...backing]).toEqual([9, 9, 1, 2, 3, 9, 9]);
  });

  it('returns a fresh 32-byte array per call', () => {
    const first = compactSha256(ascii('a'));
    const second = compactSha256(ascii('b'));
    expect(first.length).toBe(32);
    expect(first).not.toBe(second);
    expect(hex(first)).toBe(nodeHex(ascii('a')));
  });
});
