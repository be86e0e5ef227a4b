import { base64ToBytes, encodeBase64 } from './base64.js';

/** The Tencent alphabet: `*` and `-` for `+` and `/`, then the padding character `_`. */
const TENCENT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_';

/**
 * Encodes bytes in Tencent's URL-safe base64 variant, the last step of every UserSig: standard base64 with `=`
 * padding, then `+` → `*`, `/` → `-`, `=` → `_`. (Not RFC 4648 base64url, which uses `-` and `_` for `+` and `/`.)
 *
 * @example
 * ```ts
 * encodeTencentBase64(new Uint8Array([0xfb, 0xff])); // '*-8_'
 * ```
 */
export function encodeTencentBase64(bytes: Uint8Array): string {
  return encodeBase64(bytes, TENCENT_ALPHABET);
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
