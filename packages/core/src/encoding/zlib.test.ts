import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { adler32, ZLIB_STORED_HEADER_LENGTH, ZLIB_TRAILER_LENGTH, zlibCompressStored, zlibFrameStoredInPlace } from './zlib.js';

const text = (value: string) => new TextEncoder().encode(value);

/** Textbook Adler-32, one modulo per byte: the oracle for the chunked implementation. */
function referenceAdler32(data: Uint8Array): number {
  let low = 1;
  let high = 0;
  for (const byte of data) {
    low = (low + byte) % 65521;
    high = (high + low) % 65521;
  }
  return (high * 65536 + low) >>> 0;
}

describe('adler32', () => {
  it('matches known values', () => {
    expect(adler32(new Uint8Array(0))).toBe(1);
    expect(adler32(text('Wikipedia'))).toBe(0x11e60398);
    expect(adler32(text('hi'))).toBe(0x013b00d2);
  });

  it('stays exact across chunk boundaries and with maximal bytes', () => {
    const ones = new Uint8Array(200_000).fill(0xff);
    expect(adler32(ones)).toBe(referenceAdler32(ones));
    const trailer = deflateSync(ones).subarray(-4);
    expect(adler32(ones)).toBe(new DataView(trailer.buffer, trailer.byteOffset, 4).getUint32(0));
  });

  it('agrees with the reference on arbitrary data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12_000 }), (data) => adler32(data) === referenceAdler32(data)),
      { numRuns: 100 },
    );
  });
});

describe('zlibCompressStored', () => {
  it('writes the documented bytes for a tiny payload', () => {
    expect([...zlibCompressStored(text('hi'))]).toEqual([0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff, 0x68, 0x69, 0x01, 0x3b, 0x00, 0xd2]);
  });

  it('is inflated by node:zlib for empty, block-sized and multi-block payloads', () => {
    for (const length of [0, 1, 65_534, 65_535, 65_536, 140_000]) {
      const data = new Uint8Array(length).map((_, index) => (index * 31 + 7) & 0xff);
      const compressed = zlibCompressStored(data);
      expect(compressed.length).toBe(length + 6 + 5 * Math.max(1, Math.ceil(length / 65_535)));
      expect(Buffer.compare(inflateSync(compressed), Buffer.from(data))).toBe(0);
    }
  });

  it('round-trips arbitrary data through node:zlib', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        const compressed = zlibCompressStored(data);
        expect(compressed[0]).toBe(0x78);
        expect(compressed[1]).toBe(0x01);
        expect(Buffer.compare(inflateSync(compressed), Buffer.from(data))).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('zlibFrameStoredInPlace', () => {
  it('produces the same stream as zlibCompressStored', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat({ max: 50 }), (data, slack) => {
        const buffer = new Uint8Array(data.length + ZLIB_STORED_HEADER_LENGTH + ZLIB_TRAILER_LENGTH + slack).fill(0xaa);
        buffer.set(data, ZLIB_STORED_HEADER_LENGTH);
        const length = zlibFrameStoredInPlace(buffer, data.length);
        expect([...buffer.subarray(0, length)]).toEqual([...zlibCompressStored(data)]);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a buffer without room for the trailer, or a payload longer than one block', () => {
    expect(() => zlibFrameStoredInPlace(new Uint8Array(13), 2)).not.toThrow();
    expect(() => zlibFrameStoredInPlace(new Uint8Array(13), 3)).toThrow(ValidationError);
    expect(() => zlibFrameStoredInPlace(new Uint8Array(70_000), 65_536)).toThrow(ValidationError);
  });
});
