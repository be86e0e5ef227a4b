import { constants, deflateRawSync, deflateSync, gzipSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import {
  adler32,
  ZLIB_STORED_HEADER_LENGTH,
  ZLIB_TRAILER_LENGTH,
  zlibCompressStored,
  zlibDecompress,
  zlibFrameStoredInPlace,
} from './zlib.js';

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

  it('round-trips arbitrary data through node:zlib and zlibDecompress', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        const compressed = zlibCompressStored(data);
        expect(compressed[0]).toBe(0x78);
        expect(compressed[1]).toBe(0x01);
        expect(Buffer.compare(inflateSync(compressed), Buffer.from(data))).toBe(0);
        const result = zlibDecompress(compressed, 3000);
        expect(result.ok && Buffer.compare(Buffer.from(result.data), Buffer.from(data)) === 0).toBe(true);
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

describe('zlibDecompress', () => {
  const json = text(JSON.stringify({ 'TLS.ver': '2.0', 'TLS.identifier': 'xiaojun', padding: 'x'.repeat(300) }));

  it('inflates node:zlib output at every level and strategy (78 01 / 5E / 9C / DA headers)', () => {
    for (let level = 0; level <= 9; level++) {
      const result = zlibDecompress(deflateSync(json, { level }), 8192);
      expect(result.ok && new TextDecoder().decode(result.data)).toBe(new TextDecoder().decode(json));
    }
    for (const strategy of [constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED]) {
      const result = zlibDecompress(deflateSync(json, { strategy, windowBits: 9, memLevel: 1 }), 8192);
      expect(result.ok).toBe(true);
    }
  });

  it('accepts output exactly at the cap and rejects one byte over it', () => {
    const data = new Uint8Array(1000).fill(65);
    expect(zlibDecompress(deflateSync(data), 1000)).toMatchObject({ ok: true });
    expect(zlibDecompress(deflateSync(data), 999)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('rejects a decompression bomb without growing past the cap', () => {
    const bomb = deflateSync(new Uint8Array(20_000_000), { level: 9 });
    expect(bomb.length).toBeLessThan(25_000);
    expect(zlibDecompress(bomb, 8192)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('rejects other containers and bad headers', () => {
    expect(zlibDecompress(gzipSync(json), 8192)).toEqual({ ok: false, problem: 'header' });
    expect(zlibDecompress(deflateRawSync(json), 8192)).toEqual({ ok: false, problem: 'header' });
    const withDictionary = deflateSync(json, { dictionary: Buffer.from('TLS.') });
    expect(zlibDecompress(withDictionary, 8192)).toEqual({ ok: false, problem: 'header' });
    const badCheck = Uint8Array.from(deflateSync(json));
    badCheck[1] = badCheck[1]! ^ 0x01;
    expect(zlibDecompress(badCheck, 8192)).toEqual({ ok: false, problem: 'header' });
  });

  it('rejects a wrong Adler-32, a truncated stream and a too-short input', () => {
    const good = Uint8Array.from(deflateSync(json));
    const badChecksum = good.slice();
    badChecksum[badChecksum.length - 1] = badChecksum[badChecksum.length - 1]! ^ 0x01;
    expect(zlibDecompress(badChecksum, 8192)).toEqual({ ok: false, problem: 'checksum' });
    const storedFlip = zlibCompressStored(json);
    storedFlip[20] = storedFlip[20]! ^ 0x10; // a payload byte: only the checksum can notice
    expect(zlibDecompress(storedFlip, 8192)).toEqual({ ok: false, problem: 'checksum' });
    expect(zlibDecompress(good.subarray(0, good.length - 10), 8192).ok).toBe(false);
    expect(zlibDecompress(Uint8Array.of(0x78, 0x01, 0x00, 0x00, 0x00, 0x01), 8192)).toEqual({ ok: false, problem: 'stream' });
  });

  it('never throws on arbitrary bytes, with or without a valid header', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 400 }), (withHeader, body) => {
        const input = withHeader ? Uint8Array.from([0x78, 0x9c, ...body]) : body;
        const result = zlibDecompress(input, 8192);
        if (result.ok) expect(adler32(result.data)).toBe(new DataView(input.buffer).getUint32(input.length - 4));
      }),
      { numRuns: 1000 },
    );
  });
});
