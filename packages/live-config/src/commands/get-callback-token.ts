import { parseEnvelopeResponse, TencentApiError, type TencentEnvelope } from '@tokenwire/core';
import * as v from 'valibot';
import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';

/** The app's callback authentication configuration, as {@link getCallbackToken} returns it. Holds the token. */
export interface CallbackTokenConfiguration {
  /** The configured token (`Token`). */
  readonly token: string;
  /** Whether Tencent signs callbacks (`IsTokenEnable`). */
  readonly enabled: boolean;
}

/** The `Response` of `live_config/get_callback_token` (`{ Token, IsTokenEnable }`), turned into `{ token, enabled }`. */
const CallbackTokenResponseSchema: v.GenericSchema<unknown, CallbackTokenConfiguration> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({ Token: v.string(), IsTokenEnable: v.boolean() }),
    v.transform((response) => ({ token: response.Token, enabled: response.IsTokenEnable })),
  ))();

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
  let envelope: TencentEnvelope;
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
