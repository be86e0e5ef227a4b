import { type _HMAC, hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
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
export function userSigSigningContent(identifier: string, sdkAppId: number, time: number, expire: number, userBufBase64?: string): string {
  const content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  return userBufBase64 === undefined ? content : `${content}TLS.userbuf:${userBufBase64}\n`;
}

const encoder = /* @__PURE__ */ (() => new TextEncoder())();
/** How many secret keys keep a keyed HMAC state; a process normally uses one or two. */
const KEYED_STATE_LIMIT = 16;
/** A noble HMAC-SHA256 state that has absorbed one key's inner and outer pads. */
type KeyedHmac = _HMAC<ReturnType<typeof sha256.create>>;
/** Keyed HMAC-SHA256 states by secret key (`hmac.create(sha256, key)`): each signature only hashes its message. */
const keyedStates = /* @__PURE__ */ (() => new Map<string, KeyedHmac>())();
/**
 * The state each signature runs on: a keyed state is copied into it with noble's `_cloneInto`, which reuses the
 * target's objects instead of allocating (signing is synchronous, so there is never more than one in flight).
 */
let scratch: KeyedHmac | undefined;
/** Reused for every signature's message. */
let messageBuffer = /* @__PURE__ */ (() => new Uint8Array(256))();
const macBuffer = /* @__PURE__ */ (() => new Uint8Array(32))();

function keyedState(secretKey: string): KeyedHmac {
  let state = keyedStates.get(secretKey);
  if (state === undefined) {
    if (keyedStates.size >= KEYED_STATE_LIMIT) keyedStates.delete(keyedStates.keys().next().value!);
    state = hmac.create(sha256, encoder.encode(secretKey)) as KeyedHmac;
    keyedStates.set(secretKey, state);
  }
  return state;
}

/**
 * `TLS.sig`: standard base64 (44 characters, with padding) of HMAC-SHA256 keyed with the UTF-8 bytes of the
 * secret key (not hex-decoded) over the UTF-8 bytes of {@link userSigSigningContent}.
 *
 * Computed with @noble/hashes. The keyed HMAC state (`hmac.create(sha256, key)`, inner and outer pads absorbed)
 * is cached per secret key (at most 16 keys, in module memory, like the key itself would be) and copied into one
 * reused state per signature (noble's `_cloneInto`), so a signature only hashes its message: three SHA-256
 * blocks for a typical identifier.
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
  // digestInto wipes the scratch state; the next signature's _cloneInto overwrites all of it.
  const state = keyedState(secretKey)._cloneInto(scratch);
  scratch = state;
  state.update(messageBuffer.subarray(0, written)).digestInto(macBuffer);
  const signature = bytesToBase64(macBuffer);
  macBuffer.fill(0); // don't leave the last signature lying in module memory
  return signature;
}
