import { GATEWAY_ERROR_HEADER } from '@tokenwire/aicc-messaging';
import { jsonResponse } from './json-response.js';

/** Short, stable codes of the worker's own error answers. */
export type WorkerErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_identifier'
  | 'not_found'
  | 'method_not_allowed'
  | 'origin_not_allowed'
  | 'misconfigured'
  | 'internal_error';

/**
 * An error answer of a browser route: `{ "error": code, "message": text }` with the code also in
 * `x-aicc-gateway-error` (`GATEWAY_ERROR_HEADER` of `@tokenwire/aicc-messaging`'s gateway contract, so its
 * clients tell the worker's own answers from AICC's). The message is written for the developer; it never
 * contains a secret.
 */
export function errorResponse(status: number, code: WorkerErrorCode, message: string, headers: HeadersInit = {}): Response {
  const response = jsonResponse(status, { error: code, message }, headers);
  response.headers.set(GATEWAY_ERROR_HEADER, code);
  return response;
}

/** 405 with `Allow`. */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return errorResponse(405, 'method_not_allowed', `Use ${allowed.join(' or ')}`, { allow: allowed.join(', ') });
}

/** Logs which bindings a route lacks (names and what they must be, never values) for the operator. */
export function logMisconfiguration(route: string, problems: readonly string[]): void {
  console.error(JSON.stringify({ worker: 'tokenwire-edge', event: 'misconfigured', route, problems }));
}

/**
 * 500 `misconfigured`. The answer does not say which bindings are wrong (the caller is not authenticated yet):
 * they are logged with {@link logMisconfiguration}, and `GET /healthz` shows which routes are ready.
 */
export function misconfiguredResponse(route: string, problems: readonly string[]): Response {
  logMisconfiguration(route, problems);
  return errorResponse(500, 'misconfigured', `The worker is misconfigured for ${route}: see the worker's logs`);
}
