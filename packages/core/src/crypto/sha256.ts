/*
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), synchronous and dependency-free. tokenwire carries its own
 * because its browser budgets leave no room for a general hashing library (callback verification must fit in
 * 3 KB min+gzip; @noble/hashes' sha256 alone is about 2.7 KB), and because the only operations it needs are
 * these two. Both are checked byte for byte against node:crypto and @noble/hashes in the tests (NIST and
 * RFC 4231 vectors plus randomised inputs).
 */

/** Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = /* @__PURE__ */ Uint32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

/** The initial hash value H(0). */
const INITIAL_STATE = /* @__PURE__ */ Uint32Array.of(
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
);

/** Message schedule, reused between calls (hashing is synchronous and not re-entrant). */
const W = /* @__PURE__ */ new Uint32Array(64);

/** Absorbs the 64-byte blocks of `data[0 … end)` into `state` (eight 32-bit words), in place. */
function compress(state: Uint32Array, data: Uint8Array, end: number): void {
  let h0 = state[0]!;
  let h1 = state[1]!;
  let h2 = state[2]!;
  let h3 = state[3]!;
  let h4 = state[4]!;
  let h5 = state[5]!;
  let h6 = state[6]!;
  let h7 = state[7]!;
  for (let offset = 0; offset < end; offset += 64) {
    for (let index = 0, at = offset; index < 16; index++, at += 4) {
      W[index] = (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!;
    }
    for (let index = 16; index < 64; index++) {
      const w15 = W[index - 15]!;
      const w2 = W[index - 2]!;
      const sigma0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const sigma1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[index] = W[index - 16]! + sigma0 + W[index - 7]! + sigma1;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let index = 0; index < 64; index++) {
      const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + sum1 + ((e & f) ^ (~e & g)) + K[index]! + W[index]!) | 0;
      const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (sum0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
}

/**
 * Finishes a hash: continues from `state` (which has absorbed `prefixLength` bytes, a multiple of 64) over
 * `message`, pads, and writes the 32-byte digest into `out`.
 */
function finish(state: Uint32Array, prefixLength: number, message: Uint8Array, out: Uint8Array): Uint8Array {
  const length = message.length;
  const padded = new Uint8Array((Math.floor((length + 8) / 64) + 1) * 64);
  padded.set(message);
  padded[length] = 0x80;
  const end = padded.length;
  const bits = prefixLength + length;
  const high = Math.floor(bits / 0x20000000);
  const low = bits << 3;
  padded[end - 8] = high >>> 24;
  padded[end - 7] = high >>> 16;
  padded[end - 6] = high >>> 8;
  padded[end - 5] = high;
  padded[end - 4] = low >>> 24;
  padded[end - 3] = low >>> 16;
  padded[end - 2] = low >>> 8;
  padded[end - 1] = low;
  const working = state.slice();
  compress(working, padded, end);
  for (let index = 0; index < 8; index++) {
    const word = working[index]!;
    out[index * 4] = word >>> 24;
    out[index * 4 + 1] = word >>> 16;
    out[index * 4 + 2] = word >>> 8;
    out[index * 4 + 3] = word;
  }
  return out;
}

/**
 * The 32-byte SHA-256 digest of `message`.
 *
 * @example
 * ```ts
 * sha256(new TextEncoder().encode('abc')); // ba7816bf…f20015ad as bytes
 * ```
 */
export function sha256(message: Uint8Array): Uint8Array {
  return finish(INITIAL_STATE, 0, message, new Uint8Array(32));
}

/** An HMAC-SHA256 key with its inner and outer pads already absorbed, so each MAC only hashes the message. */
export interface HmacSha256Key {
  readonly inner: Uint32Array;
  readonly outer: Uint32Array;
}

/** Prepares `key` for {@link hmacSha256}: keys longer than 64 bytes are hashed first, as RFC 2104 says. */
export function prepareHmacSha256Key(key: Uint8Array): HmacSha256Key {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = INITIAL_STATE.slice();
  const outer = INITIAL_STATE.slice();
  for (let index = 0; index < 64; index++) block[index]! ^= 0x36;
  compress(inner, block, 64);
  for (let index = 0; index < 64; index++) block[index]! ^= 0x36 ^ 0x5c;
  compress(outer, block, 64);
  block.fill(0);
  return { inner, outer };
}

/**
 * HMAC-SHA256 of `message` under a key prepared by {@link prepareHmacSha256Key}, written into `out` (32 bytes)
 * when given.
 *
 * @example
 * ```ts
 * const key = prepareHmacSha256Key(new TextEncoder().encode('secret'));
 * hmacSha256(key, new TextEncoder().encode('message')); // 32 bytes
 * ```
 */
export function hmacSha256(key: HmacSha256Key, message: Uint8Array, out: Uint8Array = new Uint8Array(32)): Uint8Array {
  finish(key.inner, 64, message, out);
  return finish(key.outer, 64, out, out);
}
