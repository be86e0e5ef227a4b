import { encodeTencentBase64 } from '../encoding/tencent-base64.js';
import { ZLIB_STORED_HEADER_LENGTH, ZLIB_TRAILER_LENGTH, zlibFrameStoredInPlace } from '../encoding/zlib.js';
import { userSigSignature } from './user-sig-signature.js';

const encoder = /* @__PURE__ */ (() => new TextEncoder())();
/** Reused zlib frame (signing is synchronous): the JSON is encoded straight into it, then framed in place. */
let frame = /* @__PURE__ */ (() => new Uint8Array(1024))();
let framePayload = /* @__PURE__ */ (() => frame.subarray(ZLIB_STORED_HEADER_LENGTH))();

/**
 * Signs and packs already-validated UserSig fields (reference §4.1–4.3): computes `TLS.sig`, writes the JSON
 * document in the Node library's key order (`TLS.ver`, `TLS.identifier`, `TLS.sdkappid`, `TLS.time`,
 * `TLS.expire`, [`TLS.userbuf`], `TLS.sig`; strings escaped by `JSON.stringify`), wraps its UTF-8 bytes in a
 * zlib stream with one stored block and encodes that in Tencent base64.
 *
 * Internal: callers validate first ({@link genUserSig}, {@link genPrivateMapKey}), which also bounds the
 * document far below the 65535 bytes of one stored block.
 */
export function encodeUserSig(
  secretKey: string,
  identifier: string,
  sdkAppId: number,
  time: number,
  expire: number,
  userBufBase64?: string,
): string {
  const signature = userSigSignature(secretKey, identifier, sdkAppId, time, expire, userBufBase64);
  const userBufMember = userBufBase64 === undefined ? '' : `,"TLS.userbuf":"${userBufBase64}"`;
  const json = `{"TLS.ver":"2.0","TLS.identifier":${JSON.stringify(identifier)},"TLS.sdkappid":${sdkAppId},"TLS.time":${time},"TLS.expire":${expire}${userBufMember},"TLS.sig":"${signature}"}`;
  // UTF-8 needs at most 3 bytes per UTF-16 code unit, so one encodeInto always fits.
  const needed = ZLIB_STORED_HEADER_LENGTH + json.length * 3 + ZLIB_TRAILER_LENGTH;
  if (frame.length < needed) {
    frame = new Uint8Array(needed);
    framePayload = frame.subarray(ZLIB_STORED_HEADER_LENGTH);
  }
  const { written } = encoder.encodeInto(json, framePayload);
  return encodeTencentBase64(frame.subarray(0, zlibFrameStoredInPlace(frame, written)));
}
