import { TencentApiError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import {
  callbackConfigurationBody,
  CallbackConfigurationSchema,
  sameCallbackConfiguration,
  type CallbackConfiguration,
} from './callback-configuration.js';
import { type CallbackConfigurationResponse, getCallback } from './get-callback.js';
import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';

/** Tencent's code for "a callback configuration already exists". */
export const CALLBACK_ALREADY_CONFIGURED = 100300;
/** Tencent's code for "no callback configuration exists". */
export const CALLBACK_NOT_CONFIGURED = 100301;

/**
 * Creates the app's callback configuration (`live_config/set_callback`). Tencent keeps one per SDKAppID.
 *
 * `set_callback` is not idempotent: when the client retried after an ambiguous failure (a dropped connection, a
 * timeout, a 5xx, error 100001 — `error.attempt > 1`), the earlier attempt may have created the configuration,
 * and the retry meets 100300. Then `setCallback` reads the configuration back and succeeds if it is exactly
 * what was asked (same URL, same set of commands); otherwise it throws that 100300. A 100300 on the first
 * attempt is always thrown: someone else's configuration is there — use `updateCallback` or `upsertCallback`.
 *
 * @throws `ValidationError` before anything is sent (see {@link CallbackConfiguration}).
 * @throws `TencentApiError` 100300 ({@link CALLBACK_ALREADY_CONFIGURED}) as above; other Tencent and transport
 *   errors (including those of the read-back) as they come.
 * @example
 * ```ts
 * await setCallback(client, {
 *   url: 'https://example.com/tencent',
 *   commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'],
 * });
 * ```
 */
export async function setCallback(
  client: LiveConfigClient,
  configuration: CallbackConfiguration,
  options?: LiveConfigCallOptions,
): Promise<void> {
  const input = parseInput(CallbackConfigurationSchema, configuration, 'callback configuration');
  try {
    await client.call(LIVE_CONFIG_SERVICE, 'set_callback', callbackConfigurationBody(input), options);
  } catch (error) {
    if (!(TencentApiError.isInstance(error) && error.code === CALLBACK_ALREADY_CONFIGURED && (error.attempt ?? 1) > 1)) throw error;
    let current: CallbackConfigurationResponse;
    try {
      current = await getCallback(client, options);
    } catch (readError) {
      // Gone again since (deleted by someone else): what we asked for is not there, so the 100300 stands.
      if (TencentApiError.isInstance(readError) && readError.code === CALLBACK_NOT_CONFIGURED) throw error;
      throw readError;
    }
    if (!sameCallbackConfiguration(current, input)) throw error;
  }
}
