import type { CallbackSignatureErrorReason } from '@tokenwire/core';
import { callbackFailure } from './callback-failure.js';

/**
 * The HTTP status of every refusal. Only `malformed_body` — the signature verified, the body is not a callback —
 * is a 400 with detail; everything else (forged, stale, unsigned, another app's, malformed before the signature
 * check) is a 401 with the reason code only (a repeat of a processed callback is not refused: it gets the first
 * answer again). `no_tokens` cannot happen with a configured route (a token
 * is required); were it to, the request is still refused as unauthenticated.
 */
export const CALLBACK_REFUSAL_STATUS: Readonly<Record<CallbackSignatureErrorReason, 400 | 401>> = {
  sdkappid_mismatch: 401,
  missing_signature: 401,
  malformed_request_time: 401,
  stale_request_time: 401,
  signature_mismatch: 401,
  no_tokens: 401,
  malformed_request: 401,
  malformed_body: 400,
};

/**
 * The Tencent-shaped FAIL answer to a refused callback: `unauthenticated callback: <reason>` for a 401, and
 * `malformed callback: <detail>` for a 400 (the detail is verification's message, which never holds a token or
 * a signature, cut to 200 characters).
 */
export function callbackRefusal(reason: CallbackSignatureErrorReason, detail: string): Response {
  const status = CALLBACK_REFUSAL_STATUS[reason];
  return status === 400
    ? callbackFailure(400, `malformed callback: ${detail.slice(0, 200)}`)
    : callbackFailure(401, `unauthenticated callback: ${reason}`);
}
