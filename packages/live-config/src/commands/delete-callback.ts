import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';

/**
 * Deletes the app's callback configuration (`live_config/delete_callback`): Tencent stops sending callbacks.
 * Idempotent — deleting what does not exist succeeds — so retries are safe.
 *
 * @throws Tencent and transport errors as they come.
 * @example
 * ```ts
 * await deleteCallback(client);
 * ```
 */
export async function deleteCallback(client: LiveConfigClient, options?: LiveConfigCallOptions): Promise<void> {
  await client.call(LIVE_CONFIG_SERVICE, 'delete_callback', {}, options);
}
