import { CallbackSignatureError } from '@tokenwire/core';
import { functionSchema, numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { type CallbackAckParts, callbackAckParts } from '../../callback/callback-ack-parts.js';
import type { LiveCallbackVerifier } from '../../callback/create-live-callback-verifier.js';
import type { LiveCallbackEvent } from '../../callback/events/live-callback-event.js';
import type { LiveCallbackAnswer } from '../../callback/live-callback-router.js';
import { type CallbackRefusalParts, callbackRefusalParts, callbackTooLargeParts, warnRefusal } from '../callback-refusal.js';
import type { NodeCallbackNext, NodeCallbackRequest, NodeCallbackResponse } from './node-http-shapes.js';
import { readNodeRequestBody } from './read-node-request-body.js';

/** Options of {@link createNodeCallbackHandler}. */
export interface NodeCallbackHandlerOptions {
  /** The verifier built once at start-up: `createLiveCallbackVerifier({ sdkAppId, tokens })`. */
  readonly verifier: LiveCallbackVerifier;
  /**
   * Decides the answer to a verified callback: `callbackAck` options (`{ kind: 'refuse', errorCode, errorInfo }`)
   * or nothing to accept. `router.answer` of `createLiveCallbackRouter` fits, and keeps Tencent's 2 s deadline.
   */
  readonly onEvent: (event: LiveCallbackEvent) => LiveCallbackAnswer | Promise<LiveCallbackAnswer>;
  /**
   * Told of every refused callback (answered 401, 400 or 413 by the handler): log `error.reason` and
   * `error.message`, which never hold a token. Default: `console.warn` with both.
   */
  readonly onRefusal?: ((error: CallbackSignatureError) => void) | undefined;
  /** The largest body read, in bytes; a larger one is answered 413. Default {@link DEFAULT_MAX_CALLBACK_BODY_BYTES}. */
  readonly maxBodyBytes?: number | undefined;
}

/**
 * A request handler for Express 4, Express 5 and `node:http`: `(req, res, next?)`. It returns nothing and never
 * rejects; errors go to `next`.
 */
export type NodeCallbackHandler = (request: NodeCallbackRequest, response: NodeCallbackResponse, next?: NodeCallbackNext) => void;

/** The default body limit, 1 MiB: Tencent's callback bodies are a few kilobytes. */
// A literal: esbuild keeps an unused `1024 * 1024` in bundles (scripts/size.mjs's tree-shaking check).
export const DEFAULT_MAX_CALLBACK_BODY_BYTES = 1_048_576;

const OptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      verifier: v.custom<LiveCallbackVerifier>(
        (value) => typeof value === 'object' && value !== null && typeof (value as Partial<LiveCallbackVerifier>).verify === 'function',
        'must be a verifier: createLiveCallbackVerifier({ sdkAppId, tokens })',
      ),
      onEvent: functionSchema<NodeCallbackHandlerOptions['onEvent']>(),
      onRefusal: v.optional(functionSchema<(error: CallbackSignatureError) => void>()),
      maxBodyBytes: v.optional(numberIn(1, 2 ** 31 - 1, 'must be a whole number of bytes, at least 1', true)),
    },
    'an object with verifier, onEvent, onRefusal or maxBodyBytes',
  ))();

function write(response: NodeCallbackResponse, parts: CallbackAckParts | CallbackRefusalParts): void {
  response.statusCode = parts.status;
  for (const [name, value] of Object.entries(parts.headers)) response.setHeader(name, value);
  response.end(parts.body);
}

/** Where an error goes without `next` (a bare `node:http` server): a 500, and the error on the console. */
function answerError(error: unknown, response: NodeCallbackResponse): void {
  console.error('The Tencent callback handler failed:', error);
  if (response.headersSent) return;
  response.statusCode = 500;
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.end('internal error');
}

/**
 * Receives Tencent's callbacks in Express 4, Express 5 or a plain `node:http` server. For each request it reads the
 * raw body itself (at most `maxBodyBytes`; more is answered 413), verifies it with `verifier`, hands the event to
 * `onEvent` and writes Tencent's answer (`callbackAckParts` of what `onEvent` returned: HTTP 200 and JSON).
 *
 * - A refused callback (forged, stale, another app's, …) is answered 401 with its reason (400 with the message for
 *   `malformed_body`) and reported to `onRefusal` — `console.warn` by default, never silent.
 * - An error is passed to `next` (Express answers 500 and logs it) — also an error thrown by `onEvent` — and the
 *   handler never rejects, so Express 4, which does not catch async errors, is safe. Without `next` (`node:http`)
 *   it answers 500 and logs the error with `console.error`.
 * - A body a parser already read: bytes (`express.raw()`) or text (`express.text()`) on `req.body` are used as the
 *   raw body; a parsed object (a global `express.json()`) is passed to `next` as a `CallbackSignatureError`
 *   `malformed_request` saying to mount the handler before the parser — a server misconfiguration, not a 401.
 *
 * @throws `ValidationError` for bad options, when the handler is made (at start-up).
 * @example
 * ```ts
 * import express from 'express';
 * import { createLiveCallbackVerifier } from '@tokenwire/live-config';
 * import { createNodeCallbackHandler } from '@tokenwire/live-config/node';
 *
 * const verifier = createLiveCallbackVerifier({ sdkAppId: Number(process.env.SDK_APP_ID), tokens: [process.env.TENCENT_CALLBACK_TOKEN] });
 * const app = express();
 * app.post('/tencent/callback', createNodeCallbackHandler({
 *   verifier,
 *   onEvent: (event) => {
 *     if (event.known && event.command === 'Live.CallbackAfterDestroyRoom') void rooms.remove(event.body.RoomId);
 *   },
 *   onRefusal: (error) => logger.warn({ reason: error.reason }, error.message),
 * }));
 * app.use(express.json()); // after the callback route, or not for it
 * ```
 */
export function createNodeCallbackHandler(options: NodeCallbackHandlerOptions): NodeCallbackHandler {
  const {
    verifier,
    onEvent,
    onRefusal = warnRefusal,
    maxBodyBytes = DEFAULT_MAX_CALLBACK_BODY_BYTES,
  } = parseInput(OptionsSchema, options, 'Node callback handler options');

  const respond = async (request: NodeCallbackRequest, response: NodeCallbackResponse): Promise<void> => {
    const body = await readNodeRequestBody(request, maxBodyBytes);
    if (body === 'too_large') {
      onRefusal(new CallbackSignatureError('malformed_request', `The callback body is over ${maxBodyBytes} bytes (maxBodyBytes)`));
      // The rest of the body stays unread: close the connection rather than read it to keep it alive.
      response.setHeader('connection', 'close');
      write(response, callbackTooLargeParts(maxBodyBytes));
      return;
    }
    let event: LiveCallbackEvent;
    try {
      event = await verifier.verify({ url: request.originalUrl ?? request.url ?? '/', body: body.raw });
    } catch (error) {
      if (!CallbackSignatureError.isInstance(error)) throw error;
      onRefusal(error);
      write(response, callbackRefusalParts(error));
      return;
    }
    write(response, callbackAckParts((await onEvent(event)) ?? {}));
  };

  return (request, response, next) => {
    respond(request, response).catch((error: unknown) => {
      if (next === undefined) answerError(error, response);
      else next(error);
    });
  };
}
