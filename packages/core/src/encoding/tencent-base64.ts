import { base64ToBytes } from './base64.js';

/** The Tencent alphabet: `*` and `-` for `+` and `/`, then the padding character `_`. */
const TENCENT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_';

/** Two digits per 12 bits (4096 short strings), built on first use. */
let pairs: string[] | undefined;

/**
 * Encodes bytes in Tencent's URL-safe base64 variant, the last step of every UserSig: standard base64 with `=`
 * padding, then `+` → `*`, `/` → `-`, `=` → `_`. (Not RFC 4648 base64url, which uses `-` and `_` for `+` and `/`.)
 * Encodes 12 bits per table lookup, about twice as fast as one digit at a time on UserSig-sized inputs, with no
 * allocation but the result.
 *
 * @example
 * ```ts
 * encodeTencentBase64(new Uint8Array([0xfb, 0xff])); // '*-8_'
 * ```
 */
export function encodeTencentBase64(bytes: Uint8Array): string {
  if (pairs === undefined) {
    pairs = [];
    for (let index = 0; index < 4096; index++) pairs.push(TENCENT_ALPHABET[index >> 6]! + TENCENT_ALPHABET[index & 63]!);
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
    const third = index + 1 < length ? TENCENT_ALPHABET[(chunk >> 6) & 63]! : '_';
    out += `${pairs[chunk >> 12]!}${third}_`;
  }
  return out;
}

/**
 * Decodes Tencent's URL-safe base64 variant (see {@link encodeTencentBase64}): `*` → `+`, `-` → `/`, `_` → `=`,
 * then standard base64. Like the official Go verifier, characters of the standard alphabet pass through
 * unchanged. Returns `undefined` for anything that is not base64 after the mapping (whitespace, `%`-escapes,
 * impossible lengths), so callers choose their own error.
 *
 * @example
 * ```ts
 * decodeTencentBase64('*-8_'); // Uint8Array [0xfb, 0xff]
 * decodeTencentBase64('a b'); // undefined
 * ```
 */
export function decodeTencentBase64(text: string): Uint8Array | undefined {
  return base64ToBytes(text.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '='));
}
