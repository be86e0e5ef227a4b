import { createAiccClient, type AiccDirectClient } from '@tokenwire/aicc-messaging';
import type { Clock } from '@tokenwire/core';
import type { AiccConfig } from '../config/aicc-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';

/** Longest wait for an AccessToken (including a shared refresh), in ms. */
export const ACCESS_TOKEN_WAIT_MS = 15_000;

/** Per-attempt deadline of `tokenByAkSk`, in ms; one retry. */
const TOKEN_REQUEST_TIMEOUT_MS = 5000;

const clients = new Map<string, AiccDirectClient>();

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
 * `tokenByAkSk` for all concurrent requests, refreshed before expiry, never sent to the browser).
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
  /** Drops `accessToken` after API Fabric rejected it, so the next `get` fetches a new one. */
  invalidate(config: AiccConfig, accessToken: string): void {
    clients.get(keyOf(config))?.accessTokens.invalidate(accessToken);
  },
};
