import { GATEWAY_ERROR_HEADER } from '../gateway/gateway-contract.js';

/** The codes of the gateway's own answers (`x-aicc-gateway-error`), as the README's "Gateway contract" lists them. */
export type GatewayErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_body'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'request_timeout'
  | 'too_many_uploads'
  | 'gateway_busy'
  | 'origin_not_allowed'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  | 'internal_error';

/**
 * An answer of the gateway's own: `{ "error": code, "message": text }` as JSON, never cached, with the code also in
 * `x-aicc-gateway-error` (so `createAiccGatewayClient` tells it from AICC's answers: a `GatewayError`). The message
 * is written for the developer and never contains a secret.
 */
export function errorResponse(status: number, code: GatewayErrorCode, message: string, headers: HeadersInit = {}): Response {
  const response = new Response(JSON.stringify({ error: code, message }), { status, headers });
  response.headers.set('content-type', 'application/json; charset=utf-8');
  response.headers.set('cache-control', 'no-store');
  response.headers.set(GATEWAY_ERROR_HEADER, code);
  return response;
}

/** 405 `method_not_allowed` with `Allow`. */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return errorResponse(405, 'method_not_allowed', `Use ${allowed.join(' or ')}`, { allow: allowed.join(', ') });
}
