import type { Context, MiddlewareHandler } from 'hono';
import type { WorkerHonoEnv } from '../worker-hono-env.js';
import { type BodyBoundFailure, type BoundedBody, boundBody } from './bounded-body.js';

/** The bounds of a route's request body. */
export interface BodyBounds {
  /** Largest body accepted, in bytes. */
  readonly maxBytes: number;
  /** How long the whole body may take to arrive, in ms from the request. */
  readonly deadlineMs: number;
}

/**
 * Finishes a request answered without reading (all of) its body: discards what is left of it (briefly: see
 * `BoundedBody.discardRest`) and adds `connection: close` when the sender was still uploading, so it cannot hold
 * the connection by trickling the rest.
 */
export async function answerUnread(body: BoundedBody, response: Response): Promise<Response> {
  if (!(await body.discardRest())) response.headers.set('connection', 'close');
  return response;
}

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
