import { CallbackSignatureError } from '@tokenwire/core';
import { functionSchema, optionsObject, parseInput } from '@tokenwire/core/internal';
import type { MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { LiveCallbackVerifier } from '../../callback/create-live-callback-verifier.js';
import type { LiveCallbackEvent } from '../../callback/events/live-callback-event.js';
import { callbackRefusalParts, warnRefusal } from '../callback-refusal.js';
import { readHonoRequestBody } from './read-hono-request-body.js';

/** What the middleware puts on the context: `c.var.liveCallback`, the verified event. */
export interface LiveCallbackVariables {
  /** The verified callback; set before the next handler runs. */
  liveCallback: LiveCallbackEvent;
}

/** Options of {@link createHonoCallbackMiddleware}. */
export interface HonoCallbackMiddlewareOptions {
  /** The verifier built once at start-up: `createLiveCallbackVerifier({ sdkAppId, tokens })`. */
  readonly verifier: LiveCallbackVerifier;
  /**
   * Told of every refused callback (answered 401, or 400 for `malformed_body`, by the middleware): log
   * `error.reason` and `error.message`, which never hold a token. Default: `console.warn` with both.
   */
  readonly onRefusal?: ((error: CallbackSignatureError) => void) | undefined;
}

const OptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      verifier: v.custom<LiveCallbackVerifier>(
        (value) => typeof value === 'object' && value !== null && typeof (value as Partial<LiveCallbackVerifier>).verify === 'function',
        'must be a verifier: createLiveCallbackVerifier({ sdkAppId, tokens })',
      ),
      onRefusal: v.optional(functionSchema<(error: CallbackSignatureError) => void>()),
    },
    'an object with verifier or onRefusal',
  ))();

/**
 * A Hono middleware that verifies Tencent's callbacks and puts the event on `c.var.liveCallback` (typed by
 * {@link LiveCallbackVariables}) for the handler after it, which answers with `callbackAck(…)`. It reads the body
 * through Hono's cache (`c.req.arrayBuffer()`: the exact bytes), so later handlers can read it again.
 *
 * A refused callback (forged, stale, another app's, …) is answered by the middleware — 401 with the reason, 400 with
 * the message for `malformed_body` — and reported to `onRefusal` (`console.warn` by default); the next handler does
 * not run. A body an earlier middleware consumed without Hono's cache, or kept only parsed, is thrown as a
 * `CallbackSignatureError` `malformed_request` to Hono's `onError`: a misconfiguration, not a 401.
 *
 * @throws `ValidationError` for bad options, when the middleware is made (at start-up).
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { callbackAck, createLiveCallbackVerifier } from '@tokenwire/live-config';
 * import { createHonoCallbackMiddleware, type LiveCallbackVariables } from '@tokenwire/live-config/hono';
 *
 * const verifier = createLiveCallbackVerifier({ sdkAppId: 1400000000, tokens: [env.TOKEN] });
 * const app = new Hono<{ Variables: LiveCallbackVariables }>();
 * app.post('/tencent/callback', createHonoCallbackMiddleware({ verifier }), (c) => {
 *   const event = c.var.liveCallback;
 *   return callbackAck();
 * });
 * ```
 */
export function createHonoCallbackMiddleware(
  options: HonoCallbackMiddlewareOptions,
): MiddlewareHandler<{ Variables: LiveCallbackVariables }> {
  const { verifier, onRefusal = warnRefusal } = parseInput(OptionsSchema, options, 'Hono callback middleware options');
  return async (c, next) => {
    const body = await readHonoRequestBody(c.req);
    let event: LiveCallbackEvent;
    try {
      event = await verifier.verify({ url: c.req.url, body });
    } catch (error) {
      if (!CallbackSignatureError.isInstance(error)) throw error;
      onRefusal(error);
      const refusal = callbackRefusalParts(error);
      return c.body(refusal.body, refusal.status, refusal.headers);
    }
    c.set('liveCallback', event);
    await next();
  };
}
