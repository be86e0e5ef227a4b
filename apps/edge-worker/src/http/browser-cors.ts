import { GATEWAY_EXPOSED_HEADERS, GATEWAY_REQUEST_HEADERS } from '@tokenwire/aicc-messaging';
import type { MiddlewareHandler } from 'hono';
import type { CorsConfig } from '../config/cors-config.js';
import type { WorkerHonoEnv } from '../worker-hono-env.js';
import { errorResponse, misconfiguredResponse } from './error-response.js';

/** How long a browser may cache a preflight answer, in seconds. */
const CORS_MAX_AGE_SECONDS = 600;

/** The `Access-Control-Allow-Origin` value for `origin`, or `undefined` when it is not in `ALLOWED_ORIGINS`. */
function allowedOrigin(config: CorsConfig, origin: string | undefined): string | undefined {
  if (origin === undefined || origin === '') return undefined;
  if (config.anyOrigin) return '*';
  return config.origins.has(origin.toLowerCase()) ? origin : undefined;
}

/**
 * CORS of the worker's own browser route, `/tencent/usersig` (the AICC routes get the same policy from
 * `createAiccGatewayHandler`), for `ALLOWED_ORIGINS`: a preflight (`OPTIONS`) from an allowed origin for `method`
 * gets 204 with `Access-Control-Allow-Origin`, `-Allow-Methods`, `-Allow-Headers: authorization, content-type,
 * ccmessaging-token` and `-Max-Age: 600`; another origin's 403 `origin_not_allowed`, another method's 405 — both
 * without CORS headers, so the browser refuses the real request. Every other answer gets
 * `Access-Control-Allow-Origin` for an allowed origin, `Access-Control-Expose-Headers`, and `Vary: Origin` always.
 * `ALLOWED_ORIGINS` that is not a list of origins → 500 `misconfigured` (logged).
 */
export function browserCors(method: string): MiddlewareHandler<WorkerHonoEnv> {
  return async (c, next) => {
    const section = c.var.config.cors;
    if (!section.ok) return misconfiguredResponse(c.req.path, section.problems);
    const origin = allowedOrigin(section.value, c.req.header('origin'));
    if (c.req.method === 'OPTIONS') {
      const vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';
      if (origin === undefined) return errorResponse(403, 'origin_not_allowed', 'This origin is not in ALLOWED_ORIGINS', { vary });
      if ((c.req.header('access-control-request-method') ?? '').toUpperCase() !== method)
        return errorResponse(405, 'method_not_allowed', `Use ${method}`, { vary, allow: method });
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': method,
          'access-control-allow-headers': GATEWAY_REQUEST_HEADERS.join(', '),
          'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
          vary: 'Origin',
        },
      });
    }
    await next();
    if (origin !== undefined) c.res.headers.set('access-control-allow-origin', origin);
    c.res.headers.set('access-control-expose-headers', GATEWAY_EXPOSED_HEADERS.join(', '));
    c.res.headers.append('vary', 'Origin');
  };
}
