import type { RandomUint32Source } from '@tokenwire/core';
import { bytesToBase64 } from '@tokenwire/core/internal';
import { randomHex } from '../random-bytes.js';

/**
 * A new `ccmessaging-token` value shaped like the real ones: URL-encoded base64 of a small JSON document
 * (`eyJjcmVhdGVUaW1l…%3D`). It carries only its creation time and a random nonce, so it reveals nothing, and
 * clients must treat it as opaque and send it back unchanged. With a 13-digit time the encoded text ends in `%3D`,
 * as real tokens do, which catches clients that decode or re-encode it.
 */
export function createMessageTokenValue(createdAt: number, random: RandomUint32Source): string {
  const document = JSON.stringify({ createTime: createdAt, nonce: randomHex(random, 18).slice(0, 35) });
  return encodeURIComponent(bytesToBase64(new TextEncoder().encode(document)));
}
