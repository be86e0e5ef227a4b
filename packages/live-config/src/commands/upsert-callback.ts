import { TencentApiError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import { CallbackConfigurationSchema, type CallbackConfiguration } from './callback-configuration.js';
import type { LiveConfigCallOptions, LiveConfigClient } from './live-config-client.js';
import { CALLBACK_ALREADY_CONFIGURED, setCallback } from './set-callback.js';
import { updateCallback } from './update-callback.js';

/** What {@link upsertCallback} did: created a new configuration, or replaced an existing one. */
export type UpsertCallbackOutcome = 'created' | 'updated';

/**
 * Makes the app's callback configuration exactly `configuration`, whether one exists or not: `set_callback`,
 * and `update_callback` when Tencent answers 100300 (already exists). Safe to retry; the outcome says which
 * path was taken (a retried create that turned out to have succeeded earlier counts as `created`).
 *
 * @throws `ValidationError` before anything is sent (see {@link CallbackConfiguration}).
 * @throws Tencent and transport errors as they come (a 100301 from the update means the configuration was
 *   deleted concurrently).
 * @example
 * ```ts
 * const outcome = await upsertCallback(client, { url: 'https://example.com/tencent', commands: ['Live.CallbackBeforeSendGift'] });
 * ```
 */
export async function upsertCallback(
  client: LiveConfigClient,
  configuration: CallbackConfiguration,
  options?: LiveConfigCallOptions,
): Promise<UpsertCallbackOutcome> {
  const input = parseInput(CallbackConfigurationSchema, configuration, 'callback configuration');
  try {
    await setCallback(client, input, options);
    return 'created';
  } catch (error) {
    if (!(TencentApiError.isInstance(error) && error.code === CALLBACK_ALREADY_CONFIGURED)) throw error;
  }
  await updateCallback(client, input, options);
  return 'updated';
}
