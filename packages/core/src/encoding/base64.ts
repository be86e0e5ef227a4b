const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = /* @__PURE__ */ (() => {
  const table = new Int16Array(128).fill(-1);
  for (let index = 0; index < ALPHABET.length; index++) table[ALPHABET.charCodeAt(index)] = index;
  return table;
})();

/** RFC 4648 standard base64 with `=` padding (the encoding of `TLS.sig` and `TLS.userbuf`). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const length = bytes.length;
  let index = 0;
  for (; index + 2 < length; index += 3) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    out += ALPHABET[chunk >> 18]! + ALPHABET[(chunk >> 12) & 63]! + ALPHABET[(chunk >> 6) & 63]! + ALPHABET[chunk & 63]!;
  }
  const rest = length - index;
  if (rest === 1) {
    const chunk = bytes[index]! << 16;
    out += `${ALPHABET[chunk >> 18]!}${ALPHABET[(chunk >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8);
    out += `${ALPHABET[chunk >> 18]!}${ALPHABET[(chunk >> 12) & 63]!}${ALPHABET[(chunk >> 6) & 63]!}=`;
  }
  return out;
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
