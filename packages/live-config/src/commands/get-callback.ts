import { parseEnvelopeResponse } from '@tokenwire/core';
import * as v from 'valibot';
import type { CallbackCommand } from '../callback/known-callback-commands.js';
import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';

/** The app's callback configuration, as {@link getCallback} returns it. */
export interface CallbackConfigurationResponse {
  /** Where Tencent posts callbacks (`Url`). */
  readonly url: string;
  /** The enabled callback command words (`CallbackCommandList`), as Tencent lists them. */
  readonly commands: CallbackCommand[];
}

/** The `Response` of `live_config/get_callback` (`{ Url, CallbackCommandList }`), turned into `{ url, commands }`. */
const CallbackConfigurationResponseSchema: v.GenericSchema<unknown, CallbackConfigurationResponse> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({ Url: v.string(), CallbackCommandList: v.array(v.string()) }),
    v.transform((response) => ({ url: response.Url, commands: response.CallbackCommandList })),
  ))();

/**
 * Reads the app's callback configuration (`live_config/get_callback`).
 *
 * @throws `TencentApiError` with `code` 100301 when no callback configuration exists; `MalformedResponseError`
 *   when the answer lacks a valid `Response`; other Tencent and transport errors as they come.
 * @example
 * ```ts
 * const { url, commands } = await getCallback(client);
 * ```
 */
export async function getCallback(client: LiveConfigClient, options?: LiveConfigCallOptions): Promise<CallbackConfigurationResponse> {
  const envelope = await client.call(LIVE_CONFIG_SERVICE, 'get_callback', {}, options);
  return parseEnvelopeResponse(envelope, CallbackConfigurationResponseSchema, {
    service: LIVE_CONFIG_SERVICE,
    command: 'get_callback',
    requestId: envelope.RequestId,
  });
}
