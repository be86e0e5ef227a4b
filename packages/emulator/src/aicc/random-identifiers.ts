import { bytesToBase64 } from '@tokenwire/core';

/** `byteCount` random bytes as lower-case hex. */
export function randomHex(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * A new `ccmessaging-token` value shaped like the real ones: URL-encoded base64 of a small JSON document
 * (`eyJjcmVhdGVUaW1l…%3D`). It carries only its creation time and a random nonce, so it reveals nothing, and
 * clients must treat it as opaque and send it back unchanged. With a 13-digit time the encoded text ends in `%3D`,
 * as real tokens do, which catches clients that decode or re-encode it.
 */
export function createMessageTokenValue(createdAt: number): string {
  const document = JSON.stringify({ createTime: createdAt, nonce: randomHex(18).slice(0, 35) });
  return encodeURIComponent(bytesToBase64(new TextEncoder().encode(document)));
}
