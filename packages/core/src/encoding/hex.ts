const DIGITS = '0123456789abcdef';

/** Lowercase hexadecimal text of `bytes`, two digits per byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index++) out += DIGITS[bytes[index]! >> 4]! + DIGITS[bytes[index]! & 15]!;
  return out;
}
