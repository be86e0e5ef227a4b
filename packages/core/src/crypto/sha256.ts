/*
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), synchronous and dependency-free. tokenwire carries its own
 * because its browser budgets leave no room for a general hashing library (callback verification must fit in
 * 3 KB min+gzip; @noble/hashes' sha256 alone is about 2.7 KB), and because the only operations it needs are
 * these two. Both are checked byte for byte against node:crypto and @noble/hashes in the tests (NIST and
 * RFC 4231 vectors plus randomised inputs).
 */

/**
 * The first 32 bits of the fractional parts of the square or cube roots of the first `count` primes, which is
 * how FIPS 180-4 §4.2.2 and §5.3.3 define the initial hash value and the round constants. Computing the 72
 * words (microseconds, once) keeps about 800 incompressible bytes of tables out of every bundle.
 *
 * Floating point gives them exactly: for each of these primes, `fraction · 2^32` lies at least 0.0055 away from
 * an integer (checked with exact integer roots), while `Math.sqrt` is correctly rounded and `Math.cbrt` is
 * within an ulp or two, an error below 2^-17 here. So the truncation cannot land on the wrong side on any
 * engine; the tests also pin the digests to the NIST vectors.
 */
function primeRootFractions(count: number, root: (value: number) => number): Uint32Array {
  const words = new Uint32Array(count);
  for (let candidate = 2, found = 0; found < count; candidate++) {
    let divisor = 2;
    while (candidate % divisor !== 0) divisor++;
    // A prime has no divisor below itself. A Uint32Array store truncates: floor(fraction · 2^32).
    if (divisor === candidate) words[found++] = (root(candidate) % 1) * 2 ** 32;
  }
  return words;
}

/** Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = /* @__PURE__ */ primeRootFractions(64, Math.cbrt);

/** The initial hash value H(0): the same for the square roots of the first 8 primes. */
const INITIAL_STATE = /* @__PURE__ */ primeRootFractions(8, Math.sqrt);

/** Message schedule, reused between calls (hashing is synchronous and not re-entrant). */
const W = /* @__PURE__ */ new Uint32Array(64);
/** The working state of {@link finish}, reused likewise. */
const WORKING = /* @__PURE__ */ new Uint32Array(8);
/** The padded last block or two of a message, reused likewise; all zeros between calls. */
const TAIL = /* @__PURE__ */ new Uint8Array(128);
const TAIL_VIEW = /* @__PURE__ */ new DataView(TAIL.buffer);

/** Rotates a 32-bit word right by `bits`. */
function rotateRight(word: number, bits: number): number {
  return (word >>> bits) | (word << (32 - bits));
}

/** Absorbs the 64-byte blocks of `data[0 … end)` into `state` (eight 32-bit words), in place. */
function compress(state: Uint32Array, data: Uint8Array, end: number): void {
  for (let offset = 0; offset < end; offset += 64) {
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    let e = state[4]!;
    let f = state[5]!;
    let g = state[6]!;
    let h = state[7]!;
    for (let index = 0; index < 64; index++) {
      // The message schedule: the block's 16 big-endian words, then 48 words derived from them.
      if (index < 16) {
        const at = offset + index * 4;
        W[index] = (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!;
      } else {
        const w15 = W[index - 15]!;
        const w2 = W[index - 2]!;
        W[index] =
          W[index - 16]! +
          (rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 >>> 3)) +
          W[index - 7]! +
          (rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 >>> 10));
      }
      const t1 = (h + (rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)) + ((e & f) ^ (~e & g)) + K[index]! + W[index]!) | 0;
      const t2 = ((rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    // A Uint32Array stores each sum modulo 2^32.
    state[0]! += a;
    state[1]! += b;
    state[2]! += c;
    state[3]! += d;
    state[4]! += e;
    state[5]! += f;
    state[6]! += g;
    state[7]! += h;
  }
}

/**
 * Finishes a hash without allocating: continues from `state` (which has absorbed `prefixLength` bytes, a
 * multiple of 64) over `message`, pads, and writes the 32-byte digest into `out`, which may be `message`.
 */
function finish(state: Uint32Array, prefixLength: number, message: Uint8Array, out: Uint8Array): Uint8Array {
  const length = message.length;
  const whole = length & ~63;
  WORKING.set(state);
  compress(WORKING, message, whole);
  // The rest of the message, the 0x80 marker, zeros, and the bit length as a 64-bit big-endian integer.
  const rest = length - whole;
  const end = rest < 56 ? 64 : 128;
  for (let index = 0; index < rest; index++) TAIL[index] = message[whole + index]!;
  TAIL[rest] = 0x80;
  const bits = (prefixLength + length) * 8;
  TAIL_VIEW.setUint32(end - 8, bits / 2 ** 32);
  TAIL_VIEW.setUint32(end - 4, bits);
  compress(WORKING, TAIL, end);
  for (let index = 0; index < 32; index++) out[index] = WORKING[index >> 2]! >>> (24 - 8 * (index & 3));
  // Leave no digest or key-derived state in module memory (and the tail zeroed for the next call).
  WORKING.fill(0);
  TAIL.fill(0);
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
  const padded = (pad: number): Uint32Array => {
    const state = INITIAL_STATE.slice();
    for (let index = 0; index < 64; index++) block[index]! ^= pad;
    compress(state, block, 64);
    return state;
  };
  const inner = padded(0x36);
  const outer = padded(0x36 ^ 0x5c); // undoes the inner pad and applies the outer one
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
