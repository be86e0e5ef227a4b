const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = /* @__PURE__ */ (() => {
  const table = new Int16Array(128).fill(-1);
  for (let index = 0; index < ALPHABET.length; index++) table[ALPHABET.charCodeAt(index)] = index;
  return table;
})();

/** Two-character tables (one entry per 12 bits) by alphabet, built on first use: 4096 short strings each. */
const pairTables = /* @__PURE__ */ new Map<string, string[]>();

/**
 * Base64 in the given alphabet: 64 digits then the padding character. Encodes 12 bits per table lookup, about
 * twice as fast as one digit at a time on UserSig-sized inputs, with no allocation but the result.
 *
 * @internal shared by {@link bytesToBase64} and `encodeTencentBase64`.
 */
export function encodeBase64(bytes: Uint8Array, alphabet: string): string {
  let pairs = pairTables.get(alphabet);
  if (pairs === undefined) {
    pairs = [];
    for (let index = 0; index < 4096; index++) pairs.push(alphabet[index >> 6]! + alphabet[index & 63]!);
    pairTables.set(alphabet, pairs);
  }
  let out = '';
  const length = bytes.length;
  let index = 0;
  for (; index + 2 < length; index += 3) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    out += pairs[chunk >> 12]! + pairs[chunk & 4095]!;
  }
  if (index < length) {
    // One or two bytes left: two or three digits, padded to four.
    const chunk = (bytes[index]! << 16) | (index + 1 < length ? bytes[index + 1]! << 8 : 0);
    const pad = alphabet[64]!;
    out += pairs[chunk >> 12]! + (index + 1 < length ? alphabet[(chunk >> 6) & 63]! : pad) + pad;
  }
  return out;
}

/** RFC 4648 standard base64 with `=` padding (the encoding of `TLS.sig` and `TLS.userbuf`). */
export function bytesToBase64(bytes: Uint8Array): string {
  return encodeBase64(bytes, `${ALPHABET}=`);
}

/**
 * Decodes RFC 4648 standard base64. Padding is optional; anything else outside the alphabet, or a length that
 * cannot be base64, returns `undefined` rather than throwing, so callers choose their own error.
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (text.length - end > 2) return undefined;
  if (end % 4 === 1) return undefined;
  if (text.length % 4 !== 0 && text.length !== end) return undefined;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? DECODE[code]! : -1;
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
