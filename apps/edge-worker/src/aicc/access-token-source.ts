import { createAiccClient, type AiccDirectClient } from '@tokenwire/aicc-messaging';
import type { Clock } from '@tokenwire/core';
import type { AiccConfig } from '../config/aicc-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';

/** Longest wait for an AccessToken (including a shared refresh), in ms. */
export const ACCESS_TOKEN_WAIT_MS = 15_000;

/**
 * The shortest time between two AccessToken refreshes that AICC's 403s force, in ms. API Fabric answers 403 for a
 * bad AccessToken, but AICC also answers 403 for a browser's expired `ccmessaging-token`: without a floor, every
 * such 403 a browser provokes would drop the shared token and call `tokenByAkSk` again. With it, however many 403s
 * arrive, they force at most one refresh per this interval (and one refresh is in flight at a time).
 */
export const ACCESS_TOKEN_REFRESH_FLOOR_MS = 30_000;

/** Per-attempt deadline of `tokenByAkSk`, in ms; one retry. */
const TOKEN_REQUEST_TIMEOUT_MS = 5000;

const clients = new Map<string, AiccDirectClient>();

/** When a 403 last forced a refresh, per client (ms on the worker's clock). */
const forcedRefreshes = new WeakMap<AiccDirectClient, number>();

const keyOf = (config: AiccConfig): string =>
  [config.baseUrl, config.appKey, config.appSecret, config.fabricTokenPath, config.accessTokenTtlSeconds].join('\n');

function clientFor(config: AiccConfig, fetch: OutboundFetch, now: Clock): { readonly key: string; readonly client: AiccDirectClient } {
  const key = keyOf(config);
  let client = clients.get(key);
  if (client === undefined) {
    if (clients.size >= 4) clients.delete(clients.keys().next().value!);
    client = createAiccClient({
      baseUrl: config.baseUrl,
      appKey: config.appKey,
      appSecret: config.appSecret,
      fabricTokenPath: config.fabricTokenPath,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      fetch: (input, init) => fetch(new Request(input, init)),
      timeoutMs: TOKEN_REQUEST_TIMEOUT_MS,
      retry: { limit: 1 },
      now,
    });
    clients.set(key, client);
  }
  return { key, client };
}

/**
 * The gateway's API Fabric AccessToken, cached per isolate by `@tokenwire/aicc-messaging`'s direct client (one
 * `tokenByAkSk` in flight at a time, shared by every waiting request; refreshed before expiry; never sent to the
 * browser).
 *
 * Requests of one isolate share the refresh a single request started. The refresh is kept alive with
 * `ctx.waitUntil`, and a request waits at most {@link ACCESS_TOKEN_WAIT_MS}: should the shared refresh never
 * settle (its request was cancelled), the cache is dropped and the next request starts a fresh one.
 */
export const accessTokenSource = {
  /** A live AccessToken. Throws (a `tokenwire` error) when API Fabric cannot be reached or refuses the AK/SK. */
  async get(
    config: AiccConfig,
    dependencies: { readonly fetch: OutboundFetch; readonly now: Clock; readonly ctx: WorkerContext },
  ): Promise<string> {
    const { key, client } = clientFor(config, dependencies.fetch, dependencies.now);
    const pending = client.accessTokens.get(AbortSignal.timeout(ACCESS_TOKEN_WAIT_MS));
    dependencies.ctx.waitUntil(pending.catch(() => undefined));
    try {
      return await pending;
    } catch (error) {
      if (clients.get(key) === client && client.accessTokens.grant === undefined) clients.delete(key);
      throw error;
    }
  },
  /**
   * Drops `accessToken` after AICC answered 403 to a call made with it, so the next `get` fetches a new one — unless
   * a 403 forced a refresh less than {@link ACCESS_TOKEN_REFRESH_FLOOR_MS} ago. Returns whether a call repeated now
   * would get another token (this one was dropped, or already replaced): only then is repeating the call worth it.
   */
  invalidate(config: AiccConfig, accessToken: string, now: Clock): boolean {
    const client = clients.get(keyOf(config));
    if (client === undefined || client.accessTokens.grant?.accessToken !== accessToken) return true;
    const lastForced = forcedRefreshes.get(client);
    if (lastForced !== undefined && now() - lastForced < ACCESS_TOKEN_REFRESH_FLOOR_MS) return false;
    forcedRefreshes.set(client, now());
    client.accessTokens.invalidate(accessToken);
    return true;
  },
};
