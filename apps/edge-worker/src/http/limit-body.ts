import type { Context, MiddlewareHandler } from 'hono';
import type { WorkerHonoEnv } from '../worker-hono-env.js';
import { answerUnread, type BodyBoundFailure, type BodyBounds, boundBody } from '@tokenwire/core/internal';

// What a route answering without reading its body, and its bounds, are (core's, shared with the AICC gateway).
export { answerUnread, type BodyBounds };

/**
 * Middleware: bounds the request body (`boundBody`) and hands it on as `c.var.body` — the route reads it from
 * there, and answers `refuse(failure)` (with {@link answerUnread}) when reading it fails because it is too large
 * or too slow. A declared `Content-Length` over the limit is refused here, before the route runs. Nothing is
 * buffered: a body is read only as fast as the route reads it.
 */
export function limitBody(
  bounds: (c: Context<WorkerHonoEnv>) => BodyBounds,
  refuse: (failure: BodyBoundFailure, bounds: BodyBounds) => Response,
): MiddlewareHandler<WorkerHonoEnv> {
  return async (c, next) => {
    const limits = bounds(c);
    const body = boundBody(c.req.raw, limits);
    if (Number(c.req.header('content-length')) > limits.maxBytes) return answerUnread(body, refuse('too_large', limits));
    c.set('body', body);
    await next();
  };
}
