import { GATEWAY_EXPOSED_HEADERS, GATEWAY_REQUEST_HEADERS } from '@tokenwire/aicc-messaging';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { CorsConfig } from '../config/cors-config.js';
import type { WorkerHonoEnv } from '../worker-hono-env.js';
import { errorResponse, misconfiguredResponse } from './error-response.js';

/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The `Access-Control-Allow-Origin` value for `origin`, or `undefined` when it is not in `ALLOWED_ORIGINS`. */
export function allowedOrigin(config: CorsConfig, origin: string | null | undefined): string | undefined {
  if (origin === null || origin === undefined || origin === '') return undefined;
  if (config.anyOrigin) return '*';
  return config.origins.has(origin.toLowerCase()) ? origin : undefined;
}

/**
 * Refuses a preflight hono/cors would answer 204 to whatever it asks: 404 for a route that takes no method (an API
 * not on the allow-list), 403 `origin_not_allowed` for an origin outside `ALLOWED_ORIGINS`, 405 for a method the
 * route does not take — all without CORS headers, so the browser refuses the real request.
 */
function preflightRefusal(config: CorsConfig, request: Request, methods: readonly string[]): Response | undefined {
  const vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';
  if (methods.length === 0) return errorResponse(404, 'not_found', 'No such API', { vary });
  if (allowedOrigin(config, request.headers.get('origin')) === undefined) {
    return errorResponse(403, 'origin_not_allowed', 'This origin is not in ALLOWED_ORIGINS', { vary });
  }
  const requested = (request.headers.get('access-control-request-method') ?? '').toUpperCase();
  if (!methods.includes(requested))
    return errorResponse(405, 'method_not_allowed', `Use ${methods.join(' or ')}`, { vary, allow: methods.join(', ') });
  return undefined;
}

/**
 * CORS of a browser route (`/tencent/usersig`, `/aicc/*`), with `hono/cors` and `ALLOWED_ORIGINS`: a preflight
 * (`OPTIONS`) from an allowed origin for a method of the route gets 204 with `Access-Control-Allow-Origin`,
 * `-Allow-Methods` (`methods(c)`), `-Allow-Headers: authorization, content-type, ccmessaging-token` and
 * `-Max-Age: 600`; any other preflight is refused (see `preflightRefusal`). Every other answer gets
 * `Access-Control-Allow-Origin` for an allowed origin, `Access-Control-Expose-Headers`, and `Vary: Origin` always.
 * `ALLOWED_ORIGINS` that is not a list of origins → 500 `misconfigured` (logged).
 */
export function browserCors(methods: (c: Context<WorkerHonoEnv>) => readonly string[]): MiddlewareHandler<WorkerHonoEnv> {
  const headers = cors({
    origin: (origin, c: Context<WorkerHonoEnv>) => allowedOrigin(c.var.cors, origin) ?? null,
    allowMethods: (_origin, c: Context<WorkerHonoEnv>) => [...methods(c)],
    // One entry each: hono/cors joins entries with "," and the gateway contract spells the lists with ", ".
    allowHeaders: [GATEWAY_REQUEST_HEADERS.join(', ')],
    exposeHeaders: [GATEWAY_EXPOSED_HEADERS.join(', ')],
    maxAge: CORS_MAX_AGE_SECONDS,
  });
  return async (c, next) => {
    const section = c.var.config.cors;
    if (!section.ok) return misconfiguredResponse(c.req.path, section.problems);
    c.set('cors', section.value);
    if (c.req.method === 'OPTIONS') {
      const refusal = preflightRefusal(section.value, c.req.raw, methods(c));
      if (refusal !== undefined) return refusal;
    }
    return headers(c, next);
  };
}
