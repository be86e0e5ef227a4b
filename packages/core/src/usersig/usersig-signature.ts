import { type HmacSha256Key, hmacSha256, prepareHmacSha256Key } from '../crypto/sha256.js';
import { bytesToBase64 } from '../encoding/base64.js';

/**
 * The text TLSSigAPIv2 signs (reference §4.1): five `TLS.<field>:<value>` lines in fixed order, each ending
 * with LF, the `TLS.userbuf` line only when a userbuf is present. Numbers are plain base-10.
 *
 * @example
 * ```ts
 * userSigSigningContent('xiaojun', 1400000000, 1700000000, 15552000);
 * // 'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n'
 * ```
 */
export function userSigSigningContent(
  identifier: string,
  sdkAppId: number,
  time: number,
  expire: number,
  userBufBase64?: string,
): string {
  const content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  return userBufBase64 === undefined ? content : `${content}TLS.userbuf:${userBufBase64}\n`;
}

const encoder = /* @__PURE__ */ new TextEncoder();
/** How many secret keys keep a precomputed HMAC state; a process normally uses one or two. */
const KEYED_STATE_LIMIT = 16;
/** HMAC-SHA256 states that have absorbed the key pads, by secret key: each signature only hashes its message. */
const keyedStates = /* @__PURE__ */ new Map<string, HmacSha256Key>();
/** Reused for every signature (signing is synchronous, so there is never more than one in flight). */
let messageBuffer = /* @__PURE__ */ new Uint8Array(256);
const macBuffer = /* @__PURE__ */ new Uint8Array(32);

function keyedState(secretKey: string): HmacSha256Key {
  let state = keyedStates.get(secretKey);
  if (state === undefined) {
    if (keyedStates.size >= KEYED_STATE_LIMIT) keyedStates.delete(keyedStates.keys().next().value!);
    state = prepareHmacSha256Key(encoder.encode(secretKey));
    keyedStates.set(secretKey, state);
  }
  return state;
}

/**
 * `TLS.sig`: standard base64 (44 characters, with padding) of HMAC-SHA256 keyed with the UTF-8 bytes of the
 * secret key (not hex-decoded) over the UTF-8 bytes of {@link userSigSigningContent}.
 *
 * The keyed inner/outer HMAC states are cached per secret key (at most 16 keys, in module memory, like the
 * key itself would be), so a signature only hashes its message: three SHA-256 blocks for a typical identifier.
 *
 * @example
 * ```ts
 * userSigSignature('5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e', 'xiaojun', 1400000000, 1700000000, 15552000);
 * // 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4='
 * ```
 */
export function userSigSignature(
  secretKey: string,
  identifier: string,
  sdkAppId: number,
  time: number,
  expire: number,
  userBufBase64?: string,
): string {
  const content = userSigSigningContent(identifier, sdkAppId, time, expire, userBufBase64);
  // UTF-8 needs at most 3 bytes per UTF-16 code unit, so one encodeInto always fits.
  if (content.length * 3 > messageBuffer.length) messageBuffer = new Uint8Array(content.length * 3);
  const written = encoder.encodeInto(content, messageBuffer).written;
  hmacSha256(keyedState(secretKey), messageBuffer.subarray(0, written), macBuffer);
  const signature = bytesToBase64(macBuffer);
  macBuffer.fill(0); // don't leave the last signature lying in module memory
  return signature;
}
