import { adler32 } from '../encoding/zlib.js';

// A zlib inflater (RFC 1950 container, RFC 1951 deflate) for attacker-supplied UserSigs, after Mark Adler's
// puff.c: canonical Huffman codes decoded from per-length counts, with no lookup table built per block.
//
// Why not fflate, which inflated UserSigs before: it keeps decoding after the caller's output buffer is full (a
// 6 KB zlib bomb cost 17 ms to refuse), its streaming API allocates 128 KiB per pushed chunk, and it does not
// check that Huffman code lengths form a prefix code: a 28-byte dynamic block whose 256 literals all claim 1-bit
// codes makes it write 4 million table entries, and the 219 such blocks that fit in one UserSig cost about 3 s.
// zlib (and so Node, Go, PHP and Tencent's server) refuses such code sets.
//
// Here the work is linear in the input (at most 15 steps per symbol, at most 316 code lengths per block) plus
// the output, and the output stops at `maxOutputLength`. The checks are zlib's (with its leniencies: a distance
// code may be empty, or one 1-bit code), plus one of our own: nothing may follow the Adler-32.

/** Why {@link inflateZlibWithinLimit} refused its input. */
export type InflateProblem = 'header' | 'stream' | 'checksum' | 'too_large';

/** The outcome of {@link inflateZlibWithinLimit}: the inflated bytes, or why there are none. */
export type InflateResult = { readonly ok: true; readonly data: Uint8Array } | { readonly ok: false; readonly problem: InflateProblem };

/** Longest Huffman code in deflate. */
const MAX_CODE_LENGTH = 15;
/** Literal/length symbols a dynamic block may define (286 and 287 are never valid). */
const MAX_LITERAL_LENGTH_CODES = 286;
/** Distance symbols a dynamic block may define (30 and 31 are never valid). */
const MAX_DISTANCE_CODES = 30;
/** Smallest zlib stream: 2-byte header, a 2-byte empty fixed-Huffman block, 4-byte Adler-32. */
const MIN_ZLIB_LENGTH = 8;
const END_OF_BLOCK = 256;

/** RFC 1951 §3.2.5: base length and extra bits of length symbols 257…285. */
const LENGTH_BASE = /* @__PURE__ */ (() =>
  Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258))();
const LENGTH_EXTRA_BITS = /* @__PURE__ */ (() =>
  Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0))();
/** RFC 1951 §3.2.5: base distance and extra bits of distance symbols 0…29. */
const DISTANCE_BASE = /* @__PURE__ */ (() =>
  Uint16Array.of(
    1,
    2,
    3,
    4,
    5,
    7,
    9,
    13,
    17,
    25,
    33,
    49,
    65,
    97,
    129,
    193,
    257,
    385,
    513,
    769,
    1025,
    1537,
    2049,
    3073,
    4097,
    6145,
    8193,
    12289,
    16385,
    24577,
  ))();
const DISTANCE_EXTRA_BITS = /* @__PURE__ */ (() =>
  Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13))();
/** RFC 1951 §3.2.7: the order in which a dynamic block lists the code lengths of the code-length alphabet. */
const CODE_LENGTH_ORDER = /* @__PURE__ */ (() => Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15))();

/** A canonical Huffman code: how many codes each length has, the symbols ordered by code, the shortest length. */
interface HuffmanCode {
  readonly counts: Uint16Array;
  readonly symbols: Uint16Array;
  /** No code is shorter, so decoding takes this many bits at once (the first code of this length is 0). */
  shortestLength: number;
}

const newCode = (symbolCount: number): HuffmanCode => ({
  counts: new Uint16Array(MAX_CODE_LENGTH + 1),
  symbols: new Uint16Array(symbolCount),
  shortestLength: 1,
});

/** Each byte with its bits in reverse order: Huffman codes arrive most significant bit first. */
const REVERSED_BYTES = /* @__PURE__ */ (() => {
  const table = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let reversed = 0;
    for (let bit = 0; bit < 8; bit++) reversed |= ((byte >>> bit) & 1) << (7 - bit);
    table[byte] = reversed;
  }
  return table;
})();

/** Thrown inside the inflater only, caught by {@link inflateZlibWithinLimit}. */
class Refusal {
  constructor(readonly problem: 'stream' | 'too_large') {}
}
const CORRUPT = /* @__PURE__ */ (() => new Refusal('stream'))();
const TOO_LARGE = /* @__PURE__ */ (() => new Refusal('too_large'))();

/** The reader and writer of one inflation. */
interface InflateState {
  readonly input: Uint8Array;
  /** Index of the first byte after the deflate data (where the Adler-32 starts). */
  readonly inputEnd: number;
  position: number;
  /** Bits read from the input and not used yet, least significant first; fewer than 8 between calls. */
  bitBuffer: number;
  bitCount: number;
  readonly output: Uint8Array;
  outputLength: number;
}

/** Reads `count` (at most 16) bits, least significant first. */
function readBits(state: InflateState, count: number): number {
  let buffer = state.bitBuffer;
  let available = state.bitCount;
  while (available < count) {
    if (state.position >= state.inputEnd) throw CORRUPT;
    buffer |= state.input[state.position++]! << available;
    available += 8;
  }
  state.bitBuffer = buffer >>> count;
  state.bitCount = available - count;
  return buffer & ((1 << count) - 1);
}

/**
 * Decodes one symbol (puff.c's `decode`): Huffman codes are packed most significant bit first, and after each
 * bit the code read so far is compared with the first code of that length. The bits of the shortest length are
 * taken at once, since no code is shorter.
 */
function decodeSymbol(state: InflateState, code: HuffmanCode): number {
  const { counts, symbols, shortestLength } = code;
  let buffer = state.bitBuffer;
  let available = state.bitCount;
  while (available < shortestLength) {
    if (state.position >= state.inputEnd) throw CORRUPT;
    buffer |= state.input[state.position++]! << available;
    available += 8;
  }
  const reversed = (REVERSED_BYTES[buffer & 0xff]! << 8) | REVERSED_BYTES[(buffer >>> 8) & 0xff]!;
  let value = reversed >>> (16 - shortestLength);
  buffer >>>= shortestLength;
  available -= shortestLength;
  let first = 0;
  let index = 0;
  for (let length = shortestLength; ; ) {
    const count = counts[length]!;
    if (value - count < first) {
      state.bitBuffer = buffer;
      state.bitCount = available;
      return symbols[index + value - first]!;
    }
    if (++length > MAX_CODE_LENGTH) throw CORRUPT; // a code of no symbol: only an incomplete code has one
    index += count;
    first = (first + count) << 1;
    if (available === 0) {
      if (state.position >= state.inputEnd) throw CORRUPT;
      buffer = state.input[state.position++]!;
      available = 8;
    }
    value = (value << 1) | (buffer & 1);
    buffer >>>= 1;
    available--;
  }
}

/** Scratch of {@link buildCode}: where the next symbol of each code length goes. */
const nextSymbolIndex = /* @__PURE__ */ (() => new Uint16Array(MAX_CODE_LENGTH + 1))();

/**
 * Builds the canonical code of `lengths[0 … symbolCount)` into `code` and returns how many codes of the
 * longest length are missing: 0 for a complete code, above 0 for an incomplete one, below 0 for an
 * over-subscribed one (not a prefix code at all). All lengths zero counts as complete (no symbol decodes).
 */
function buildCode(code: HuffmanCode, lengths: Uint8Array, offset: number, symbolCount: number): number {
  const { counts, symbols } = code;
  counts.fill(0);
  for (let symbol = 0; symbol < symbolCount; symbol++) counts[lengths[offset + symbol]!]!++;
  if (counts[0] === symbolCount) return 0;
  let left = 1;
  for (let length = 1; length <= MAX_CODE_LENGTH; length++) {
    left = (left << 1) - counts[length]!;
    if (left < 0) return left;
  }
  let shortest = 1;
  while (counts[shortest] === 0) shortest++;
  code.shortestLength = shortest;
  const next = nextSymbolIndex;
  next[1] = 0;
  for (let length = 1; length < MAX_CODE_LENGTH; length++) next[length + 1] = next[length]! + counts[length]!;
  for (let symbol = 0; symbol < symbolCount; symbol++) {
    const length = lengths[offset + symbol]!;
    if (length !== 0) symbols[next[length]!++] = symbol;
  }
  return left;
}

/**
 * zlib's rule for a literal/length or distance code: over-subscribed never; incomplete only as one 1-bit code
 * (a block with a single distance); a distance code may also be empty (a block of literals only).
 */
function isUsableCode(code: HuffmanCode, left: number, symbolCount: number): boolean {
  if (left < 0) return false;
  return left === 0 || (code.counts[1] === 1 && symbolCount - code.counts[0]! === 1);
}

let fixedCodes: { readonly literals: HuffmanCode; readonly distances: HuffmanCode } | undefined;

/** RFC 1951 §3.2.6: the fixed codes, built on first use. */
function getFixedCodes(): { readonly literals: HuffmanCode; readonly distances: HuffmanCode } {
  if (fixedCodes === undefined) {
    const lengths = new Uint8Array(288 + 30);
    lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288).fill(5, 288);
    const literals = newCode(288);
    const distances = newCode(30);
    buildCode(literals, lengths, 0, 288);
    buildCode(distances, lengths, 288, 30);
    fixedCodes = { literals, distances };
  }
  return fixedCodes;
}

// Scratch for dynamic blocks: inflation is synchronous, so one set serves every call.
const codeLengthCode = /* @__PURE__ */ (() => newCode(19))();
const dynamicLiterals = /* @__PURE__ */ (() => newCode(MAX_LITERAL_LENGTH_CODES))();
const dynamicDistances = /* @__PURE__ */ (() => newCode(MAX_DISTANCE_CODES))();
const dynamicLengths = /* @__PURE__ */ (() => new Uint8Array(MAX_LITERAL_LENGTH_CODES + MAX_DISTANCE_CODES))();

/** RFC 1951 §3.2.7: reads a dynamic block's code definitions into the scratch codes. */
function readDynamicCodes(state: InflateState): void {
  const literalCount = readBits(state, 5) + 257;
  const distanceCount = readBits(state, 5) + 1;
  const codeLengthCount = readBits(state, 4) + 4;
  if (literalCount > MAX_LITERAL_LENGTH_CODES || distanceCount > MAX_DISTANCE_CODES) throw CORRUPT;
  const lengths = dynamicLengths;
  lengths.fill(0, 0, 19);
  for (let index = 0; index < codeLengthCount; index++) lengths[CODE_LENGTH_ORDER[index]!] = readBits(state, 3);
  if (buildCode(codeLengthCode, lengths, 0, 19) !== 0) throw CORRUPT; // the code-length code must be complete

  const total = literalCount + distanceCount;
  let index = 0;
  while (index < total) {
    const symbol = decodeSymbol(state, codeLengthCode);
    if (symbol < 16) {
      lengths[index++] = symbol;
      continue;
    }
    let repeated = 0;
    let times: number;
    if (symbol === 16) {
      if (index === 0) throw CORRUPT; // nothing to repeat
      repeated = lengths[index - 1]!;
      times = 3 + readBits(state, 2);
    } else if (symbol === 17) {
      times = 3 + readBits(state, 3);
    } else {
      times = 11 + readBits(state, 7);
    }
    if (index + times > total) throw CORRUPT;
    lengths.fill(repeated, index, index + times);
    index += times;
  }
  if (!isUsableCode(dynamicLiterals, buildCode(dynamicLiterals, lengths, 0, literalCount), literalCount)) throw CORRUPT;
  if (!isUsableCode(dynamicDistances, buildCode(dynamicDistances, lengths, literalCount, distanceCount), distanceCount)) throw CORRUPT;
}

/** Inflates the symbols of one Huffman-coded block up to its end-of-block symbol. */
function inflateCodes(state: InflateState, literals: HuffmanCode, distances: HuffmanCode): void {
  const output = state.output;
  const limit = output.length;
  for (;;) {
    const symbol = decodeSymbol(state, literals);
    if (symbol < END_OF_BLOCK) {
      if (state.outputLength === limit) throw TOO_LARGE;
      output[state.outputLength++] = symbol;
    } else if (symbol === END_OF_BLOCK) {
      return;
    } else {
      const lengthSymbol = symbol - 257;
      if (lengthSymbol >= 29) throw CORRUPT; // 286 and 287 (only the fixed code has them)
      const length = LENGTH_BASE[lengthSymbol]! + readBits(state, LENGTH_EXTRA_BITS[lengthSymbol]!);
      const distanceSymbol = decodeSymbol(state, distances); // 0 … 29: no code here has symbols 30 and 31
      const distance = DISTANCE_BASE[distanceSymbol]! + readBits(state, DISTANCE_EXTRA_BITS[distanceSymbol]!);
      let at = state.outputLength;
      if (distance > at) throw CORRUPT; // before the start of the output (no preset dictionary)
      if (at + length > limit) throw TOO_LARGE;
      const end = at + length;
      for (; at < end; at++) output[at] = output[at - distance]!;
      state.outputLength = end;
    }
  }
}

/** RFC 1951 §3.2.4: copies a stored block, starting at the next byte boundary. */
function inflateStored(state: InflateState): void {
  state.bitBuffer = 0; // the rest of the current byte
  state.bitCount = 0;
  const { input, position } = state;
  if (position + 4 > state.inputEnd) throw CORRUPT;
  const length = input[position]! | (input[position + 1]! << 8);
  const complement = input[position + 2]! | (input[position + 3]! << 8);
  if (length !== (~complement & 0xffff)) throw CORRUPT;
  const start = position + 4;
  if (start + length > state.inputEnd) throw CORRUPT;
  if (state.outputLength + length > state.output.length) throw TOO_LARGE;
  state.output.set(input.subarray(start, start + length), state.outputLength);
  state.outputLength += length;
  state.position = start + length;
}

/**
 * Inflates a zlib stream (RFC 1950; any compression level of any deflate encoder: Node, Go, PHP, Python, Java,
 * C#, our own stored blocks) into at most `maxOutputLength` bytes. Checks the header (deflate, window ≤ 32 KiB,
 * header checksum, no preset dictionary), every block and Huffman code the way zlib does, that the Adler-32
 * trailer follows the last block and matches, and that nothing follows it.
 *
 * Never throws, and bounded on hostile input: it stops at the first byte of output past `maxOutputLength`
 * (`too_large`), allocates `maxOutputLength` bytes and a few hundred more, and does work linear in the input
 * plus the output.
 *
 * @example
 * ```ts
 * const result = inflateZlibWithinLimit(compressed, MAX_USER_SIG_DOCUMENT_BYTES);
 * if (!result.ok) throw new Error(result.problem);
 * ```
 */
export function inflateZlibWithinLimit(data: Uint8Array, maxOutputLength: number): InflateResult {
  const length = data.length;
  if (length < MIN_ZLIB_LENGTH) return { ok: false, problem: 'stream' };
  const method = data[0]!;
  const flags = data[1]!;
  if ((method & 0x0f) !== 8 || method >>> 4 > 7 || ((method << 8) | flags) % 31 !== 0 || (flags & 0x20) !== 0) {
    return { ok: false, problem: 'header' };
  }
  const state: InflateState = {
    input: data,
    inputEnd: length - 4,
    position: 2,
    bitBuffer: 0,
    bitCount: 0,
    output: new Uint8Array(maxOutputLength),
    outputLength: 0,
  };
  try {
    let last: number;
    do {
      last = readBits(state, 1);
      const type = readBits(state, 2);
      if (type === 0) inflateStored(state);
      else if (type === 1) {
        const { literals, distances } = getFixedCodes();
        inflateCodes(state, literals, distances);
      } else if (type === 2) {
        readDynamicCodes(state);
        inflateCodes(state, dynamicLiterals, dynamicDistances);
      } else throw CORRUPT; // block type 3 is reserved
    } while (last === 0);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
  // The bits left over are the last byte's padding: the Adler-32 must start right after it and end the input.
  if (state.position !== state.inputEnd) return { ok: false, problem: 'stream' };
  const inflated = state.output.subarray(0, state.outputLength);
  const at = state.inputEnd;
  const expected = ((data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!) >>> 0;
  if (adler32(inflated) !== expected) return { ok: false, problem: 'checksum' };
  return { ok: true, data: inflated };
}
