import { parseEnvelopeResponse, TencentApiError } from '@tokenwire/core';
import * as v from 'valibot';
import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * The `Response` of `live_config/get_callback_token` (`{ Token, IsTokenEnable }`), turned into
 * `{ token, enabled }`.
 */
export const CallbackTokenResponseSchema: v.SchemaWithPipe<
  readonly [
    v.ObjectSchema<{ readonly Token: v.StringSchema<undefined>; readonly IsTokenEnable: v.BooleanSchema<undefined> }, undefined>,
    v.TransformAction<{ Token: string; IsTokenEnable: boolean }, { token: string; enabled: boolean }>,
  ]
> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({ Token: v.string(), IsTokenEnable: v.boolean() }),
    v.transform((response) => ({ token: response.Token, enabled: response.IsTokenEnable })),
  ))();

/** The app's callback authentication configuration, as {@link getCallbackToken} returns it. */
export type CallbackTokenConfiguration = v.InferOutput<typeof CallbackTokenResponseSchema>;

/** Tencent's code for "no callback token configuration exists". */
export const CALLBACK_TOKEN_NOT_CONFIGURED = 100302;

/**
 * Reads the app's callback authentication token and whether signing is on (`live_config/get_callback_token`).
 * The result holds the token: keep it out of logs.
 *
 * @throws `TencentApiError` with `code` 100302 ({@link CALLBACK_TOKEN_NOT_CONFIGURED}) when no token is
 *   configured, with a message saying how to create one; `MalformedResponseError` when the answer lacks a
 *   valid `Response` (the message never contains the token); other Tencent and transport errors as they come.
 * @example
 * ```ts
 * const { token, enabled } = await getCallbackToken(client);
 * ```
 */
export async function getCallbackToken(client: LiveConfigClient, options?: LiveConfigCallOptions): Promise<CallbackTokenConfiguration> {
  let envelope;
  try {
    envelope = await client.call(LIVE_CONFIG_SERVICE, 'get_callback_token', {}, options);
  } catch (error) {
    if (TencentApiError.isInstance(error) && error.code === CALLBACK_TOKEN_NOT_CONFIGURED) {
      throw new TencentApiError({
        ...error.context,
        code: error.code,
        info:
          'no callback token is configured for this app: create one with ' +
          `setCallbackToken(client, { token, enabled: true }) or rotateCallbackToken(client). Tencent said: ${error.info}`,
      });
    }
    throw error;
  }
  return parseEnvelopeResponse(envelope, CallbackTokenResponseSchema, {
    service: LIVE_CONFIG_SERVICE,
    command: 'get_callback_token',
    requestId: envelope.RequestId,
  });
}
