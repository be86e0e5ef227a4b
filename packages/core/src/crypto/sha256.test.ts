/// <reference types="node" />
import { createHash, createHmac } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256, prepareHmacSha256Key, sha256 as ownSha256 } from './sha256.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const nodeHex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ascii = (text: string) => new TextEncoder().encode(text);

describe('sha256', () => {
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
    expect(hex(ownSha256(ascii(text)))).toBe(expected);
  });

  it('hashes one million "a" (many blocks)', () => {
    expect(hex(ownSha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('is correct at every padding boundary', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(length).map((_, index) => (index * 31 + length) & 0xff);
      expect(hex(ownSha256(bytes)), `length ${length}`).toBe(nodeHex(bytes));
    }
  });

  it('agrees with node:crypto and @noble/hashes on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), (bytes) => {
        const digest = hex(ownSha256(bytes));
        expect(digest).toBe(nodeHex(bytes));
        expect(digest).toBe(hex(sha256(bytes)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the view it is given and leaves the input untouched', () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9, 9]);
    const view = backing.subarray(2, 5);
    expect(hex(ownSha256(view))).toBe(nodeHex(new Uint8Array([1, 2, 3])));
    expect([...backing]).toEqual([9, 9, 1, 2, 3, 9, 9]);
  });

  it('returns a fresh 32-byte array per call', () => {
    const first = ownSha256(ascii('a'));
    const second = ownSha256(ascii('b'));
    expect(first.length).toBe(32);
    expect(first).not.toBe(second);
    expect(hex(first)).toBe(nodeHex(ascii('a')));
  });
});

describe('hmacSha256', () => {
  const hmacHex = (key: Uint8Array, message: Uint8Array) => hex(hmacSha256(prepareHmacSha256Key(key), message));
  const fromHex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

  it.each([
    // RFC 4231 test cases 1, 2, 3, 4, 6 and 7 (6 and 7 use a 131-byte key, which is hashed first).
    ['0b'.repeat(20), ascii('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    [Buffer.from('Jefe').toString('hex'), ascii('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['aa'.repeat(20), new Uint8Array(50).fill(0xdd), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    ['0102030405060708090a0b0c0d0e0f10111213141516171819', new Uint8Array(50).fill(0xcd), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
    ['aa'.repeat(131), ascii('Test Using Larger Than Block-Size Key - Hash Key First'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
    [
      'aa'.repeat(131),
      ascii('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ])('matches RFC 4231 (key %s)', (keyHex, message, expected) => {
    expect(hmacHex(fromHex(keyHex), message)).toBe(expected);
  });

  it('agrees with node:crypto for random keys and messages, reusing one prepared key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 4 }), (key, messages) => {
        const prepared = prepareHmacSha256Key(key);
        for (const message of messages) {
          expect(hex(hmacSha256(prepared, message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes into the output buffer it is given', () => {
    const out = new Uint8Array(32);
    const result = hmacSha256(prepareHmacSha256Key(ascii('key')), ascii('message'), out);
    expect(result).toBe(out);
    expect(hex(out)).toBe(createHmac('sha256', 'key').update('message').digest('hex'));
  });
});
