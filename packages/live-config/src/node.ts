/**
 * `@tokenwire/live-config/node` — receive Tencent's callbacks in Express 4, Express 5 and `node:http` servers:
 * {@link createNodeCallbackHandler} reads the raw body, verifies it, writes Tencent's answer and passes errors to
 * `next`. Typed structurally: it needs neither `@types/node` nor `@types/express`, and imports nothing from Node at
 * run time (Deno's and Bun's `node:http` work too).
 *
 * @packageDocumentation
 */

export type { NodeCallbackHandler, NodeCallbackHandlerOptions } from './adapters/node/create-node-callback-handler.js';
export { createNodeCallbackHandler, DEFAULT_MAX_CALLBACK_BODY_BYTES } from './adapters/node/create-node-callback-handler.js';
export type { NodeCallbackNext, NodeCallbackRequest, NodeCallbackResponse } from './adapters/node/node-http-shapes.js';
