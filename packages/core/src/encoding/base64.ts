const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** What RFC 4648 base64 may look like before `atob` reads it: the alphabet, then at most two pads. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * RFC 4648 standard base64 with `=` padding (the encoding of `TLS.sig` and `TLS.userbuf`, and of AICC's file
 * uploads). A plain loop: fast enough for a 10 MiB upload on every runtime, where Node's `btoa` is not.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const length = bytes.length;
  for (let index = 0; index < length; index += 3) {
    const chunk = (bytes[index]! << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    out +=
      ALPHABET[chunk >> 18]! +
      ALPHABET[(chunk >> 12) & 63]! +
      (index + 1 < length ? ALPHABET[(chunk >> 6) & 63]! : '=') +
      (index + 2 < length ? ALPHABET[chunk & 63]! : '=');
  }
  return out;
}

/**
 * Decodes RFC 4648 standard base64 (with the runtime's `atob`). Padding is optional; anything else outside the
 * alphabet (whitespace included), or a length that cannot be base64, returns `undefined` rather than throwing, so
 * callers choose their own error.
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  // atob forgives whitespace and stray padding; base64 here does not.
  if (!BASE64.test(text) || text.length % 4 === 1 || (text.length % 4 !== 0 && text.endsWith('='))) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) out[index] = binary.charCodeAt(index);
  return out;
}
