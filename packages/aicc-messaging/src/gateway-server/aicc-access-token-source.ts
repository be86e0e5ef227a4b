import type { Clock } from '@tokenwire/core';
import { createAiccClient, type AiccDirectClient } from '../client/create-aicc-client.js';

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

/** What the gateway needs to obtain AccessTokens. */
export interface AccessTokenSettings {
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly fabricTokenPath: string | undefined;
  readonly accessTokenTtlSeconds: number | undefined;
  readonly fetch: (request: Request) => Promise<Response>;
  readonly now: Clock;
}

/** The gateway's API Fabric AccessTokens (see {@link createAccessTokenSource}). */
export interface AccessTokenSource {
  /**
   * A live AccessToken; `waitUntil` (the runtime's, when it has one) keeps a shared refresh alive after the request
   * that started it went away. Throws (a `tokenwire` error) when API Fabric cannot be reached or refuses the AK/SK.
   */
  get(waitUntil: ((promise: Promise<unknown>) => void) | undefined): Promise<string>;
  /**
   * Drops `accessToken` after AICC answered 403 to a call made with it, so the next `get` fetches a new one — unless
   * a 403 forced a refresh less than {@link ACCESS_TOKEN_REFRESH_FLOOR_MS} ago. Returns whether a call repeated now
   * would get another token (this one was dropped, or already replaced): only then is repeating the call worth it.
   */
  invalidate(accessToken: string): boolean;
}

/**
 * The gateway's API Fabric AccessToken, cached by this package's direct client (one `tokenByAkSk` in flight at a
 * time, shared by every waiting request; refreshed before expiry; never sent to the browser), one per gateway
 * handler — per isolate on Workers.
 *
 * A request waits at most {@link ACCESS_TOKEN_WAIT_MS}: should the shared refresh never settle (its request was
 * cancelled), the client is replaced and the next request starts a fresh one.
 */
export function createAccessTokenSource(settings: AccessTokenSettings): AccessTokenSource {
  const create = (): AiccDirectClient =>
    createAiccClient({
      baseUrl: settings.baseUrl,
      appKey: settings.appKey,
      appSecret: settings.appSecret,
      fabricTokenPath: settings.fabricTokenPath,
      accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
      fetch: (input, init) => settings.fetch(new Request(input, init)),
      timeoutMs: TOKEN_REQUEST_TIMEOUT_MS,
      retry: { limit: 1 },
      now: settings.now,
    });
  let client = create();
  /** When a 403 last forced a refresh (ms on the gateway's clock). */
  let lastForced: number | undefined;
  return {
    async get(waitUntil) {
      const current = client;
      const pending = current.accessTokens.get(AbortSignal.timeout(ACCESS_TOKEN_WAIT_MS));
      waitUntil?.(pending.catch(() => undefined));
      try {
        return await pending;
      } catch (error) {
        if (client === current && current.accessTokens.grant === undefined) client = create();
        throw error;
      }
    },
    invalidate(accessToken) {
      if (client.accessTokens.grant?.accessToken !== accessToken) return true;
      const now = settings.now();
      if (lastForced !== undefined && now - lastForced < ACCESS_TOKEN_REFRESH_FLOOR_MS) return false;
      lastForced = now;
      client.accessTokens.invalidate(accessToken);
      return true;
    },
  };
}
