/**
 * `@tokenwire/live-config/hono` — receive Tencent's callbacks in a Hono app: {@link createHonoCallbackMiddleware}
 * verifies each callback and puts the event on `c.var.liveCallback`. Hono is an optional peer dependency; this entry
 * imports only its types.
 *
 * @packageDocumentation
 */

export type { HonoCallbackMiddlewareOptions, LiveCallbackVariables } from './adapters/hono/create-hono-callback-middleware.js';
export { createHonoCallbackMiddleware } from './adapters/hono/create-hono-callback-middleware.js';
