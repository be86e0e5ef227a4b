/// <reference types="node" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64.js';

describe('bytesToBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('matches RFC 4648 §10 for %j', (text, expected) => {
    expect(bytesToBase64(new TextEncoder().encode(text))).toBe(expected);
  });

  it('uses + and / for the high values', () => {
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/');
  });

  it('agrees with Buffer for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes only the view of a subarray', () => {
    const backing = new Uint8Array([1, 2, 3, 4, 5]);
    expect(bytesToBase64(backing.subarray(1, 3))).toBe(Buffer.from([2, 3]).toString('base64'));
  });
});

describe('base64ToBytes', () => {
  it('round-trips random bytes, with and without padding, like Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const padded = Buffer.from(bytes).toString('base64');
        expect(base64ToBytes(padded)).toEqual(new Uint8Array(bytes));
        expect(base64ToBytes(padded.replace(/=+$/, ''))).toEqual(new Uint8Array(bytes));
        expect(base64ToBytes(padded)).toEqual(new Uint8Array(Buffer.from(padded, 'base64')));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes the empty string to no bytes', () => {
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });

  it.each([
    ['a single character', 'A'],
    ['five characters', 'AAAAA'],
    ['padding alone', '='],
    ['double padding alone', '=='],
    ['too much padding', 'QQ==='],
    ['four pads', 'QUJD===='],
    ['padding on an unpadded length', 'QUJD='],
    ['one pad where two are needed', 'QQ='],
    ['padding inside', 'QQ==QQ=='],
    ['an inner pad', 'Q=Q='],
    ['URL-safe minus', 'a-b_'],
    ['whitespace', 'Zm9v YmFy'],
    ['a newline', 'Zm9v\nYmFy'],
    ['the UserSig alphabet star', 'eJy*'],
    ['non-ASCII', 'Zm9vé'],
    ['a NUL', 'Zm9\u0000'],
    ['a character above 127 that masks to a valid one', `${String.fromCharCode(0x41 + 256)}AAA`],
  ])('returns undefined for %s', (_label, text) => {
    expect(base64ToBytes(text)).toBeUndefined();
  });

  it('returns undefined for any string containing a character outside the alphabet', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('-', '_', '*', ' ', '.', '!', '\u00e9', '\u2028'),
        fc.string({ maxLength: 20 }),
        (before, bad, after) => {
          expect(base64ToBytes(`${before.replace(/[^A-Za-z0-9+/]/g, '')}${bad}${after.replace(/[^A-Za-z0-9+/]/g, '')}`)).toBeUndefined();
        },
      ),
    );
  });

  it('never throws and only decodes what Buffer decodes the same way', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='), maxLength: 24 }),
        (text) => {
          const decoded = base64ToBytes(text);
          if (decoded !== undefined) expect(decoded).toEqual(new Uint8Array(Buffer.from(text, 'base64')));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
