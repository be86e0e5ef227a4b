import { GATEWAY_EXPOSED_HEADERS, GATEWAY_REQUEST_HEADERS } from '@tokenwire/aicc-messaging';
import type { CorsConfig } from '../config/cors-config.js';
import { errorResponse } from './error-response.js';

/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The `Access-Control-Allow-Origin` value for `origin`, or `undefined` when it is not allowed. */
export function allowedOrigin(config: CorsConfig, origin: string | null): string | undefined {
  if (origin === null) return undefined;
  if (config.anyOrigin) return '*';
  return config.origins.has(origin.toLowerCase()) ? origin : undefined;
}

/**
 * Answers a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) for a browser route: 204 with the
 * allowed methods and headers when the origin is allowed and the method is one the route takes, otherwise 403
 * without CORS headers (the browser then refuses the real request).
 */
export function preflightResponse(config: CorsConfig, request: Request, methods: readonly string[]): Response {
  const origin = allowedOrigin(config, request.headers.get('origin'));
  const requested = (request.headers.get('access-control-request-method') ?? '').toUpperCase();
  const vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';
  if (origin === undefined) {
    return errorResponse(403, 'origin_not_allowed', 'This origin is not in ALLOWED_ORIGINS', { vary });
  }
  if (!methods.includes(requested)) {
    return errorResponse(405, 'method_not_allowed', `Use ${methods.join(' or ')}`, { vary, allow: methods.join(', ') });
  }
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': methods.join(', '),
      'access-control-allow-headers': GATEWAY_REQUEST_HEADERS.join(', '),
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
      vary,
    },
  });
}

/**
 * Adds the CORS headers of an actual (non-preflight) answer: `Access-Control-Allow-Origin` for an allowed origin,
 * `Access-Control-Expose-Headers`, and `Vary: Origin` in every case so shared caches keep origins apart. Returns a
 * response whose headers can be changed (relayed responses have immutable headers).
 */
export function withCors(config: CorsConfig, request: Request, response: Response): Response {
  const mutable = new Response(response.body, response);
  mutable.headers.append('vary', 'Origin');
  const origin = allowedOrigin(config, request.headers.get('origin'));
  if (origin !== undefined) {
    mutable.headers.set('access-control-allow-origin', origin);
    mutable.headers.set('access-control-expose-headers', GATEWAY_EXPOSED_HEADERS.join(', '));
  }
  return mutable;
}
