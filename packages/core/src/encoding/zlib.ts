import { ValidationError } from '../errors/validation-error.js';

/** Largest payload of one stored (uncompressed) deflate block: its length field is 16 bits. */
const MAX_STORED_BLOCK_LENGTH = 65535;
/** Adler-32 modulus: the largest prime below 2^16. */
const ADLER_MODULUS = 65521;
/** Bytes that can be summed before reducing modulo 65521 without leaving the exact integer range (zlib's NMAX). */
const ADLER_CHUNK = 5552;

/**
 * The Adler-32 checksum of RFC 1950 §8.2, the trailer of every zlib stream, as an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * adler32(new TextEncoder().encode('Wikipedia')); // 0x11e60398
 * ```
 */
export function adler32(data: Uint8Array): number {
  let low = 1;
  let high = 0;
  const length = data.length;
  let index = 0;
  while (index < length) {
    const end = Math.min(index + ADLER_CHUNK, length);
    for (; index < end; index++) {
      low += data[index]!;
      high += low;
    }
    low %= ADLER_MODULUS;
    high %= ADLER_MODULUS;
  }
  return (high * 65536 + low) >>> 0;
}

/**
 * Wraps `data` in a zlib container (RFC 1950: header `78 01`, deflate stream, big-endian Adler-32) whose deflate
 * stream is made of stored (uncompressed) blocks only, as Go's `zlib.NewWriterLevel(w, zlib.NoCompression)`
 * writes it. Every inflater accepts it, and it needs no deflate encoder in the bundle. Output length is
 * `data.length + 6 + 5 × max(1, ⌈data.length / 65535⌉)`.
 *
 * @example
 * ```ts
 * zlibCompressStored(new Uint8Array([104, 105])); // 78 01 01 02 00 fd ff 68 69 01 3b 00 d2
 * ```
 */
export function zlibCompressStored(data: Uint8Array): Uint8Array {
  const length = data.length;
  const blockCount = Math.max(1, Math.ceil(length / MAX_STORED_BLOCK_LENGTH));
  const out = new Uint8Array(length + 6 + 5 * blockCount);
  out[0] = 0x78; // CM = 8 (deflate), CINFO = 7 (32 KiB window)
  out[1] = 0x01; // FLEVEL = 0 (fastest), no dictionary, FCHECK makes 0x7801 a multiple of 31
  let offset = 2;
  let read = 0;
  do {
    const blockLength = Math.min(MAX_STORED_BLOCK_LENGTH, length - read);
    const complement = ~blockLength & 0xffff;
    out[offset] = read + blockLength === length ? 1 : 0; // BFINAL, BTYPE = 00 (stored), then padding bits
    out[offset + 1] = blockLength & 0xff;
    out[offset + 2] = blockLength >>> 8;
    out[offset + 3] = complement & 0xff;
    out[offset + 4] = complement >>> 8;
    offset += 5;
    out.set(blockLength === length ? data : data.subarray(read, read + blockLength), offset);
    offset += blockLength;
    read += blockLength;
  } while (read < length);
  const checksum = adler32(data);
  out[offset] = checksum >>> 24;
  out[offset + 1] = (checksum >>> 16) & 0xff;
  out[offset + 2] = (checksum >>> 8) & 0xff;
  out[offset + 3] = checksum & 0xff;
  return out;
}

/** Bytes before the payload in a single-block stored zlib stream: 2-byte zlib header + 5-byte block header. */
export const ZLIB_STORED_HEADER_LENGTH = 7;
/** Bytes after the payload in a zlib stream: the Adler-32. */
export const ZLIB_TRAILER_LENGTH = 4;

/**
 * Frames a payload already written at `buffer[7 … 7 + payloadLength)` as a zlib stream with one stored block,
 * in place: writes the 7 header bytes in front and the Adler-32 behind, and returns the stream length
 * (`payloadLength + 11`). The allocation-free twin of {@link zlibCompressStored} for payloads of at most 65535
 * bytes; `buffer` must hold `payloadLength + 11` bytes.
 *
 * @example
 * ```ts
 * const buffer = new Uint8Array(11 + 2);
 * buffer.set([104, 105], ZLIB_STORED_HEADER_LENGTH);
 * buffer.subarray(0, zlibFrameStoredInPlace(buffer, 2)); // same bytes as zlibCompressStored([104, 105])
 * ```
 */
export function zlibFrameStoredInPlace(buffer: Uint8Array, payloadLength: number): number {
  if (payloadLength > MAX_STORED_BLOCK_LENGTH || buffer.length < payloadLength + ZLIB_STORED_HEADER_LENGTH + ZLIB_TRAILER_LENGTH) {
    throw new ValidationError('zlib stored frame', [{ path: 'payloadLength', message: 'must be at most 65535 and fit the buffer' }]);
  }
  const complement = ~payloadLength & 0xffff;
  buffer[0] = 0x78;
  buffer[1] = 0x01;
  buffer[2] = 1; // BFINAL, BTYPE = 00 (stored)
  buffer[3] = payloadLength & 0xff;
  buffer[4] = payloadLength >>> 8;
  buffer[5] = complement & 0xff;
  buffer[6] = complement >>> 8;
  const end = ZLIB_STORED_HEADER_LENGTH + payloadLength;
  const checksum = adler32(buffer.subarray(ZLIB_STORED_HEADER_LENGTH, end));
  buffer[end] = checksum >>> 24;
  buffer[end + 1] = (checksum >>> 16) & 0xff;
  buffer[end + 2] = (checksum >>> 8) & 0xff;
  buffer[end + 3] = checksum & 0xff;
  return end + ZLIB_TRAILER_LENGTH;
}
