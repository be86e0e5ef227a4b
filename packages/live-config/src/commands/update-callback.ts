import { parseInput } from '@tokenwire/core/internal';
import { callbackConfigurationBody, CallbackConfigurationSchema, type CallbackConfiguration } from './callback-configuration.js';
import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';

/**
 * Replaces the app's existing callback configuration (`live_config/update_callback`): both the URL and the full
 * command list. Idempotent (it sets a value), so the client's retry policy repeats it safely.
 *
 * @throws `ValidationError` before anything is sent (see {@link CallbackConfiguration}).
 * @throws `TencentApiError` with `code` 100301 when no configuration exists yet (use `setCallback` or
 *   `upsertCallback`); other Tencent and transport errors as they come.
 * @example
 * ```ts
 * await updateCallback(client, { url: 'https://example.com/tencent', commands: ['Live.CallbackAfterDestroyRoom'] });
 * ```
 */
export async function updateCallback(
  client: LiveConfigClient,
  configuration: CallbackConfiguration,
  options?: LiveConfigCallOptions,
): Promise<void> {
  const input = parseInput(CallbackConfigurationSchema, configuration, 'callback configuration');
  await client.call(LIVE_CONFIG_SERVICE, 'update_callback', callbackConfigurationBody(input), options);
}
