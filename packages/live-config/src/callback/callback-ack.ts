import { type CallbackAckOptions, callbackAckParts } from './callback-ack-parts.js';

/**
 * The answer Tencent expects from a callback receiver: HTTP 200 with the JSON body
 * `{ "ActionStatus": "OK"|"FAIL", "ErrorCode": 0|n, "ErrorInfo": "…" }`. Tencent counts a callback as failed
 * when the status is not 200 or the body is not JSON, so always answer with this. Frameworks that do not answer
 * with a web `Response` (Express, Fastify, `node:http`) write the same answer from {@link callbackAckParts}.
 *
 * Say which answer you mean with `kind` (`CallbackAckKind`):
 *
 * - `callbackAck()` accepts (`OK`, 0);
 * - `callbackAck({ kind: 'refuse', errorCode, errorInfo })` refuses (`OK`, non-zero code, default 1): for
 *   `Live.CallbackBeforeSendGift` the gift is blocked; "after" callbacks ignore the code;
 * - `callbackAck({ kind: 'retry', errorInfo })` answers `FAIL` (non-zero code, default 1): you could not process
 *   the callback. Tencent counts it as a failed callback — that is not a refusal (with the non-blocking
 *   before-gift option the gift goes through), and Tencent documents no redelivery for Live callbacks.
 *
 * @throws `ValidationError` for mistyped or unknown options, an `errorCode` of 0 with `refuse`/`retry`, and the
 *   old `{ ok: false }` form (which answered `FAIL` — a failed callback, not a refusal): the message says which
 *   `kind` to use instead.
 * @example
 * ```ts
 * return callbackAck();                                                                     // accept
 * return callbackAck({ kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' });   // block the gift
 * return callbackAck({ kind: 'retry', errorInfo: 'wallet unavailable' });                   // FAIL: could not process
 * ```
 */
export function callbackAck(options: CallbackAckOptions = {}): Response {
  const { status, headers, body } = callbackAckParts(options);
  return new Response(body, { status, headers });
}
