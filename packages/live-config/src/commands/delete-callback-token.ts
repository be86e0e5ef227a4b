import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';

/**
 * Deletes the app's callback authentication configuration (`live_config/delete_callback_token`): callbacks are
 * no longer signed. Idempotent — deleting what does not exist succeeds — so retries are safe. Receivers that
 * verify signatures reject unsigned callbacks, so switch them to `tokens: null` first (see `verifyLiveCallback`).
 *
 * @throws Tencent and transport errors as they come.
 * @example
 * ```ts
 * await deleteCallbackToken(client);
 * ```
 */
export async function deleteCallbackToken(client: LiveConfigClient, options?: LiveConfigCallOptions): Promise<void> {
  await client.call(LIVE_CONFIG_SERVICE, 'delete_callback_token', {}, options);
}
