import { constants, deflateRawSync, deflateSync, gzipSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adler32, zlibCompressStored } from '../encoding/zlib.js';
import { inflateZlibWithinLimit } from './inflate-zlib-within-limit.js';

const text = (value: string) => new TextEncoder().encode(value);
const json = text(JSON.stringify({ 'TLS.ver': '2.0', 'TLS.identifier': 'xiaojun', padding: 'x'.repeat(300), more: 'abcdefgh'.repeat(40) }));

/** Writes a deflate stream bit by bit (RFC 1951 §3.1.1): fields least significant bit first, Huffman codes most significant first. */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  bits(value: number, count: number): this {
    for (let bit = 0; bit < count; bit++) {
      this.current |= ((value >>> bit) & 1) << this.used;
      if (++this.used === 8) this.flushByte();
    }
    return this;
  }

  code(code: number, length: number): this {
    for (let bit = length - 1; bit >= 0; bit--) this.bits((code >>> bit) & 1, 1);
    return this;
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.used = 0;
  }

  /** The zlib stream: header 78 9C, the bits written, padding, then the Adler-32 of `inflated`. */
  zlib(inflated: Uint8Array = new Uint8Array(0)): Uint8Array {
    if (this.used > 0) this.flushByte();
    const checksum = adler32(inflated);
    return Uint8Array.from([
      0x78,
      0x9c,
      ...this.bytes,
      checksum >>> 24,
      (checksum >>> 16) & 0xff,
      (checksum >>> 8) & 0xff,
      checksum & 0xff,
    ]);
  }
}

/** The order of the code-length code's lengths in a dynamic block header. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A code length, or a repeat instruction of the code-length alphabet with its extra bits' value. */
type LengthItem = number | readonly [16 | 17 | 18, number];

/**
 * Writes a final dynamic block: its header with a complete code-length code (symbols 0…12 in 4 bits, 13…18 in
 * 5; `dropRepeatZeros` leaves 18 out, which makes it incomplete), then `items`, then `data` (Huffman codes as
 * [code, length] pairs).
 */
function dynamicBlock(options: {
  literalCount: number;
  distanceCount: number;
  items: LengthItem[];
  data: [number, number][];
  dropRepeatZeros?: boolean;
}): Uint8Array {
  const writer = new BitWriter()
    .bits(1, 1)
    .bits(2, 2)
    .bits(options.literalCount - 257, 5)
    .bits(options.distanceCount - 1, 5)
    .bits(19 - 4, 4);
  const codeLengthLength = (symbol: number) => (symbol < 13 ? 4 : symbol === 18 && options.dropRepeatZeros ? 0 : 5);
  for (const symbol of CODE_LENGTH_ORDER) writer.bits(codeLengthLength(symbol), 3);
  const writeSymbol = (symbol: number) => writer.code(symbol < 13 ? symbol : 26 + symbol - 13, codeLengthLength(symbol));
  for (const item of options.items) {
    if (typeof item === 'number') writeSymbol(item);
    else writeSymbol(item[0]).bits(item[1], item[0] === 16 ? 2 : item[0] === 17 ? 3 : 7);
  }
  for (const [code, length] of options.data) writer.code(code, length);
  return writer.zlib();
}

const repeat = (length: number, count: number): number[] => new Array<number>(count).fill(length);
/** Literals 0…255 in 9 bits and the end of block in 1 (code 0): a complete literal/length code. */
const NINE_BIT_LITERALS = [...repeat(9, 256), 1];
const END_OF_BLOCK_ONLY: [number, number][] = [[0, 1]];

/** Node's verdict: the inflated bytes when zlib accepts the whole input as one stream, else undefined. */
function nodeInflate(data: Uint8Array): Buffer | undefined {
  try {
    const { buffer, engine } = inflateSync(data, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return engine.bytesWritten === data.length ? buffer : undefined;
  } catch {
    return undefined;
  }
}

describe('inflateZlibWithinLimit', () => {
  it('inflates node:zlib output at every level, strategy, window and memory level', () => {
    for (let level = 0; level <= 9; level++) {
      const result = inflateZlibWithinLimit(deflateSync(json, { level }), 6158);
      expect(result.ok && Buffer.from(result.data).equals(Buffer.from(json))).toBe(true);
    }
    for (const strategy of [constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED]) {
      for (const windowBits of [9, 15]) {
        const result = inflateZlibWithinLimit(deflateSync(json, { strategy, windowBits, memLevel: 1 }), 6158);
        expect(result.ok && Buffer.from(result.data).equals(Buffer.from(json))).toBe(true);
      }
    }
  });

  it('agrees with node:zlib on arbitrary data at arbitrary settings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 6158 }), fc.string({ maxLength: 2000 }).map(text)),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(constants.Z_DEFAULT_STRATEGY, constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED),
        (data, level, strategy) => {
          const result = inflateZlibWithinLimit(deflateSync(data, { level, strategy }), 6158);
          expect(result.ok && Buffer.from(result.data).equals(Buffer.from(data))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inflates our stored blocks and Go-style streams that end with an empty stored block', () => {
    const stored = inflateZlibWithinLimit(zlibCompressStored(json), 6158);
    expect(stored.ok && Buffer.from(stored.data).equals(Buffer.from(json))).toBe(true);
    // Go's compress/flate: non-final blocks, a sync marker (empty stored block), then an empty final stored block.
    const blocks = deflateRawSync(json, { finishFlush: constants.Z_SYNC_FLUSH });
    const checksum = adler32(json);
    const go = Uint8Array.from([
      0x78,
      0x9c,
      ...blocks,
      0x01,
      0x00,
      0x00,
      0xff,
      0xff,
      checksum >>> 24,
      (checksum >>> 16) & 0xff,
      (checksum >>> 8) & 0xff,
      checksum & 0xff,
    ]);
    expect(nodeInflate(go)?.equals(Buffer.from(json))).toBe(true);
    const result = inflateZlibWithinLimit(go, 6158);
    expect(result.ok && Buffer.from(result.data).equals(Buffer.from(json))).toBe(true);
  });

  it('accepts output exactly at the limit and refuses one byte over it, stored or compressed', () => {
    const data = new Uint8Array(1000).fill(65);
    for (const compressed of [deflateSync(data), deflateSync(data, { strategy: constants.Z_HUFFMAN_ONLY }), zlibCompressStored(data)]) {
      expect(inflateZlibWithinLimit(compressed, 1000)).toMatchObject({ ok: true });
      expect(inflateZlibWithinLimit(compressed, 999)).toEqual({ ok: false, problem: 'too_large' });
    }
  });

  it('stops at the limit: a bomb whose tail is corrupt is refused as too large, not as corrupt', () => {
    const bomb = deflateSync(new Uint8Array(20_000_000), { level: 9 });
    expect(inflateZlibWithinLimit(bomb, 6158)).toEqual({ ok: false, problem: 'too_large' });
    // Reading on after the limit would reach the corrupt tail (an invalid block type) and report it instead.
    const corruptTail = Uint8Array.from(bomb);
    corruptTail.fill(0xff, 40, corruptTail.length - 4);
    expect(nodeInflate(corruptTail)).toBeUndefined();
    expect(inflateZlibWithinLimit(corruptTail, 6158)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('refuses an over-subscribed literal code, which fflate expanded into millions of table entries', () => {
    // 256 literals of 1 bit each and the end of block at 15 bits: no prefix code has that, zlib says
    // "invalid literal/lengths set". Each such 28-byte block cost fflate 20 ms; 219 of them fit in a UserSig.
    const writer = new BitWriter()
      .bits(1, 1)
      .bits(2, 2)
      .bits(0, 5)
      .bits(0, 5)
      .bits(19 - 4, 4);
    const codeLengthLengths: Record<number, number> = { 1: 2, 15: 2, 16: 1 }; // codes: 16 → 0, 1 → 10, 15 → 11
    for (const symbol of CODE_LENGTH_ORDER) writer.bits(codeLengthLengths[symbol] ?? 0, 3);
    writer.code(0b10, 2); // literal 0: length 1
    for (let repeat = 0; repeat < 42; repeat++) writer.code(0b0, 1).bits(3, 2); // previous length 6 more times
    writer.code(0b0, 1).bits(0, 2); // 3 more times: 255 ones
    writer.code(0b11, 2).code(0b10, 2); // end of block: 15; distance 0: 1
    writer.bits(0, 15);
    const stream = writer.zlib();
    expect(nodeInflate(stream)).toBeUndefined();
    expect(inflateZlibWithinLimit(stream, 6158)).toEqual({ ok: false, problem: 'stream' });
  });

  it('checks dynamic Huffman codes the way zlib does', () => {
    const cases: { name: string; stream: Uint8Array; accepted: boolean }[] = [
      {
        name: 'a complete literal code and an empty distance code (a block of literals only)',
        stream: dynamicBlock({ literalCount: 257, distanceCount: 1, items: [...NINE_BIT_LITERALS, 0], data: END_OF_BLOCK_ONLY }),
        accepted: true,
      },
      {
        name: 'a single 1-bit distance code',
        stream: dynamicBlock({ literalCount: 257, distanceCount: 1, items: [...NINE_BIT_LITERALS, 1], data: END_OF_BLOCK_ONLY }),
        accepted: true,
      },
      {
        name: 'lengths written with the repeat instructions 16, 17 and 18',
        stream: dynamicBlock({
          literalCount: 257,
          distanceCount: 1,
          // literals: 13 of 9 bits, 14 zeros, 14 of 8 bits, 215 of 9 bits; end of block: 1 bit; no distance
          items: [9, [16, 3], [16, 3], [17, 0], [18, 0], ...repeat(8, 14), ...repeat(9, 215), 1, 0],
          data: END_OF_BLOCK_ONLY,
        }),
        accepted: true,
      },
      {
        name: 'a single 2-bit distance code (incomplete)',
        stream: dynamicBlock({ literalCount: 257, distanceCount: 1, items: [...NINE_BIT_LITERALS, 2], data: END_OF_BLOCK_ONLY }),
        accepted: false,
      },
      {
        name: 'an incomplete literal code (256 codes of 9 bits and one of 2)',
        stream: dynamicBlock({ literalCount: 257, distanceCount: 1, items: [...repeat(9, 256), 2, 0], data: [[0b00, 2]] }),
        accepted: false,
      },
      {
        name: 'an over-subscribed literal code (257 codes of 8 bits)',
        stream: dynamicBlock({ literalCount: 257, distanceCount: 1, items: [...repeat(8, 257), 0], data: [[0xff, 8]] }),
        accepted: false,
      },
      {
        name: 'an incomplete code-length code',
        stream: dynamicBlock({
          literalCount: 257,
          distanceCount: 1,
          items: [...NINE_BIT_LITERALS, 0],
          data: END_OF_BLOCK_ONLY,
          dropRepeatZeros: true,
        }),
        accepted: false,
      },
      {
        // Without the check, the repeat would copy "nothing" as zeros for literals 0…2 and the code would be complete.
        name: 'repeating the previous length before there is one',
        stream: dynamicBlock({
          literalCount: 257,
          distanceCount: 1,
          items: [[16, 0], 8, 8, 8, ...repeat(9, 250), 1, 0],
          data: END_OF_BLOCK_ONLY,
        }),
        accepted: false,
      },
      {
        name: 'zeros repeated past the last length',
        stream: dynamicBlock({ literalCount: 257, distanceCount: 1, items: [...NINE_BIT_LITERALS, [18, 0]], data: END_OF_BLOCK_ONLY }),
        accepted: false,
      },
      {
        name: 'more than 286 literal/length codes',
        stream: dynamicBlock({
          literalCount: 288,
          distanceCount: 1,
          items: [...NINE_BIT_LITERALS, ...repeat(0, 31), 0],
          data: END_OF_BLOCK_ONLY,
        }),
        accepted: false,
      },
      {
        name: 'more than 30 distance codes',
        stream: dynamicBlock({
          literalCount: 257,
          distanceCount: 32,
          items: [...NINE_BIT_LITERALS, ...repeat(0, 32)],
          data: END_OF_BLOCK_ONLY,
        }),
        accepted: false,
      },
    ];
    for (const { name, stream, accepted } of cases) {
      expect({ name, node: nodeInflate(stream) !== undefined }).toEqual({ name, node: accepted });
      expect({ name, ours: inflateZlibWithinLimit(stream, 6158) }).toEqual({
        name,
        ours: accepted ? { ok: true, data: new Uint8Array(0) } : { ok: false, problem: 'stream' },
      });
    }
  });

  it('refuses distances before the start of the output, length symbols 286 and 287, reserved block types and bad stored lengths', () => {
    // Fixed-Huffman blocks: a length-3 match (symbol 257, code 0000001) at distance 1 (code 00000) with no output
    // yet; a literal "a" (code 10010001), then symbol 286 (code 11000110) as if it were a length, distance 1 (the
    // Adler-32 of nothing: what a decoder that computed the length of 286 as NaN would end up with).
    const tooFarBack = new BitWriter().bits(1, 1).bits(1, 2).code(0b0000001, 7).code(0, 5).code(0, 7).zlib();
    const lengthSymbol286 = new BitWriter().bits(1, 1).bits(1, 2).code(0b10010001, 8).code(0b11000110, 8).code(0, 5).code(0, 7).zlib();
    const reserved = new BitWriter().bits(1, 1).bits(3, 2).bits(0, 13).zlib();
    const badStored = Uint8Array.from(zlibCompressStored(json));
    badStored[5] = badStored[5]! ^ 0x01; // the length's complement
    for (const stream of [tooFarBack, lengthSymbol286, reserved, badStored]) {
      expect(nodeInflate(stream)).toBeUndefined();
      expect(inflateZlibWithinLimit(stream, 6158)).toEqual({ ok: false, problem: 'stream' });
    }
  });

  it('refuses other containers and bad headers', () => {
    expect(inflateZlibWithinLimit(gzipSync(json), 6158)).toEqual({ ok: false, problem: 'header' });
    expect(inflateZlibWithinLimit(deflateRawSync(json), 6158)).toEqual({ ok: false, problem: 'header' });
    expect(inflateZlibWithinLimit(deflateSync(json, { dictionary: Buffer.from('TLS.') }), 6158)).toEqual({ ok: false, problem: 'header' });
    const badCheck = Uint8Array.from(deflateSync(json));
    badCheck[1] = badCheck[1]! ^ 0x01;
    expect(inflateZlibWithinLimit(badCheck, 6158)).toEqual({ ok: false, problem: 'header' });
  });

  it('refuses a wrong Adler-32, truncation, and bytes between the last block and the Adler-32 or after it', () => {
    const good = Uint8Array.from(deflateSync(json));
    const badChecksum = good.slice();
    badChecksum[badChecksum.length - 1] = badChecksum[badChecksum.length - 1]! ^ 0x01;
    expect(inflateZlibWithinLimit(badChecksum, 6158)).toEqual({ ok: false, problem: 'checksum' });
    const storedFlip = zlibCompressStored(json);
    storedFlip[20] = storedFlip[20]! ^ 0x10; // a payload byte: only the checksum can notice
    expect(inflateZlibWithinLimit(storedFlip, 6158)).toEqual({ ok: false, problem: 'checksum' });
    for (let length = 0; length < good.length; length++) expect(inflateZlibWithinLimit(good.subarray(0, length), 6158).ok).toBe(false);
    const trailer = good.subarray(-4);
    const padded = Uint8Array.from([...good.subarray(0, -4), 0, ...trailer]);
    const appended = Uint8Array.from([...good, 0]);
    for (const stream of [padded, appended]) expect(inflateZlibWithinLimit(stream, 6158)).toEqual({ ok: false, problem: 'stream' });
  });

  it('accepts exactly what node:zlib accepts when valid streams are damaged', () => {
    const streams = [
      deflateSync(json),
      deflateSync(json, { level: 1 }),
      deflateSync(json, { strategy: constants.Z_FIXED }),
      deflateSync(json, { strategy: constants.Z_HUFFMAN_ONLY }),
      zlibCompressStored(json),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...streams),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 3 }),
        (stream, flips) => {
          const damaged = Uint8Array.from(stream);
          for (const [position, mask] of flips) {
            const index = 2 + (position % (damaged.length - 2));
            damaged[index] = damaged[index]! ^ mask;
          }
          const expected = nodeInflate(damaged);
          const result = inflateZlibWithinLimit(damaged, 6158);
          if (expected === undefined || expected.length > 6158) expect(result.ok).toBe(false);
          else expect(result.ok && Buffer.from(result.data).equals(expected)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary bytes, with or without a valid header', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 400 }), (withHeader, body) => {
        const input = withHeader ? Uint8Array.from([0x78, 0x9c, ...body]) : body;
        const result = inflateZlibWithinLimit(input, 6158);
        if (result.ok) expect(Buffer.from(result.data).equals(nodeInflate(input)!)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
