import { GATEWAY_EXPOSED_HEADERS, GATEWAY_REQUEST_HEADERS } from '../gateway/gateway-contract.js';
import { errorResponse } from './gateway-error-response.js';

/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** Which origins may call the gateway: any (`*`), or these exact origins, lower-cased. */
export type AllowedOrigins = '*' | ReadonlySet<string>;

/** The `Access-Control-Allow-Origin` value for `origin`, or `undefined` when it is not allowed. */
function allowedOrigin(allowed: AllowedOrigins, origin: string | null): string | undefined {
  if (origin === null || origin === '') return undefined;
  if (allowed === '*') return '*';
  return allowed.has(origin.toLowerCase()) ? origin : undefined;
}

/**
 * The answer to a preflight (`OPTIONS`) for a route that takes `methods`: 204 with `Access-Control-Allow-Origin`,
 * `-Allow-Methods`, `-Allow-Headers: authorization, content-type, ccmessaging-token` and `-Max-Age: 600` for an
 * allowed origin asking for one of them; otherwise, without CORS headers (so the browser refuses the real request),
 * 404 `not_found` for a route that takes no method (an API not on the allow-list), 403 `origin_not_allowed` for
 * another origin, 405 `method_not_allowed` for another method.
 */
export function preflightAnswer(allowed: AllowedOrigins, request: Request, methods: readonly string[]): Response {
  const vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';
  if (methods.length === 0) return errorResponse(404, 'not_found', 'No such API', { vary });
  const origin = allowedOrigin(allowed, request.headers.get('origin'));
  if (origin === undefined) return errorResponse(403, 'origin_not_allowed', 'This origin is not allowed', { vary });
  const requested = (request.headers.get('access-control-request-method') ?? '').toUpperCase();
  if (!methods.includes(requested))
    return errorResponse(405, 'method_not_allowed', `Use ${methods.join(' or ')}`, { vary, allow: methods.join(', ') });
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': methods.join(', '),
      'access-control-allow-headers': GATEWAY_REQUEST_HEADERS.join(', '),
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
      vary: 'Origin',
    },
  });
}

/**
 * Adds the CORS headers of an answer (not a preflight) to `response`: `Access-Control-Allow-Origin` for an allowed
 * origin, `Access-Control-Expose-Headers: ccmessaging-token, retry-after, x-aicc-gateway-error` and `Vary: Origin`
 * always. Returns `response`.
 */
export function withCors(allowed: AllowedOrigins, request: Request, response: Response): Response {
  const origin = allowedOrigin(allowed, request.headers.get('origin'));
  if (origin !== undefined) response.headers.set('access-control-allow-origin', origin);
  response.headers.set('access-control-expose-headers', GATEWAY_EXPOSED_HEADERS.join(', '));
  response.headers.append('vary', 'Origin');
  return response;
}
