import { answerUnread, type BodyBoundFailure, type BodyBounds, type BoundedBody } from '@tokenwire/core/internal';
import { errorResponse } from './gateway-error-response.js';

/** The outcome of {@link readRequestText}: the text, or the answer refusing the body. */
export type RequestText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly refusal: Promise<Response> };

/** The gateway's answer to a body over its limit (413 `payload_too_large`) or too slow to arrive (408 `request_timeout`). */
export function gatewayBodyRefusal(failure: BodyBoundFailure, bounds: BodyBounds): Response {
  return failure === 'too_large'
    ? errorResponse(413, 'payload_too_large', `The body must be at most ${bounds.maxBytes} bytes`)
    : errorResponse(408, 'request_timeout', `The body must arrive within ${bounds.deadlineMs} ms`);
}

/**
 * The request body as UTF-8 text (empty without one), read within its bounds (`boundBody`). Refused with
 * {@link gatewayBodyRefusal} past them, with 400 `invalid_body` when it cannot be read (the client went away
 * mid-upload) or is not UTF-8: the gateway relays JSON text.
 */
export async function readRequestText(body: BoundedBody, bounds: BodyBounds): Promise<RequestText> {
  let bytes: ArrayBuffer;
  try {
    bytes = await body.request.arrayBuffer();
  } catch {
    const refusal =
      body.failure === undefined
        ? errorResponse(400, 'invalid_body', 'The body could not be read')
        : gatewayBodyRefusal(body.failure, bounds);
    return { ok: false, refusal: answerUnread(body, refusal) };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, refusal: Promise.resolve(errorResponse(400, 'invalid_body', 'The body must be UTF-8 JSON')) };
  }
}
