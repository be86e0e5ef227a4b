import { RequestAbortedError, type Clock } from '@tokenwire/core';
import { untilAborted } from '@tokenwire/core/internal';

/** How long before its expiry an AccessToken is replaced: 60 s, or a tenth of its lifetime when that is shorter. */
export const ACCESS_TOKEN_REFRESH_MARGIN_MS = 60_000;

/** An AccessToken with its lifetime on the client's clock. */
export interface AccessTokenGrant {
  readonly accessToken: string;
  /** When the request for it was sent (ms since the epoch, client clock). */
  readonly obtainedAtMs: number;
  /** When API Fabric stops accepting it: `obtainedAtMs` + `Expires` seconds. */
  readonly expiresAtMs: number;
  /**
   * When a cache replaces it: {@link ACCESS_TOKEN_REFRESH_MARGIN_MS} before `expiresAtMs`, or a tenth of the
   * lifetime when that is shorter. A cache holding a grant obtained elsewhere (the edge worker's isolates, from its
   * `AiccTokenObject`) keeps it until then.
   */
  readonly refreshAtMs: number;
}

/** What API Fabric granted: an {@link AccessTokenGrant} before a cache has set when to replace it. */
export type FabricAccessToken = Omit<AccessTokenGrant, 'refreshAtMs'>;

/** The cached AccessToken of a direct client. */
export interface AccessTokenCache {
  /**
   * A live AccessToken: the cached one until the refresh margin before its expiry, then a fresh one. Concurrent
   * callers share one `tokenByAkSk` request; a caller's `signal` ends only its own wait.
   */
  get(signal?: AbortSignal): Promise<string>;
  /** Like `get`, but the live grant itself: the token with its lifetime (its `accessToken` not enumerable). */
  getGrant(signal?: AbortSignal): Promise<AccessTokenGrant>;
  /** Forgets `accessToken` if it is still the cached one (API Fabric rejected it), so the next `get` refreshes. */
  invalidate(accessToken: string): void;
  /**
   * The cached grant, if any (for diagnostics; the token is a secret). Neither this property nor the grant's
   * `accessToken` is enumerable, so `JSON.stringify`, `Object.entries` or a spread of the client, the cache or the
   * grant never show the token.
   */
  readonly grant: AccessTokenGrant | undefined;
}

/** The refresh margin for a token living `lifetimeMs`. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(ACCESS_TOKEN_REFRESH_MARGIN_MS, Math.floor(lifetimeMs / 10));
}

/**
 * `granted` as a frozen {@link AccessTokenGrant} with its `refreshAtMs`, whose `accessToken` is readable but not
 * enumerable (`JSON.stringify` and spreads leave it out).
 */
export function concealedGrant(granted: FabricAccessToken): AccessTokenGrant {
  const { obtainedAtMs, expiresAtMs } = granted;
  const copy = { obtainedAtMs, expiresAtMs, refreshAtMs: expiresAtMs - refreshMarginMs(expiresAtMs - obtainedAtMs) };
  Object.defineProperty(copy, 'accessToken', { value: granted.accessToken, enumerable: false });
  return Object.freeze(copy) as AccessTokenGrant;
}

/**
 * Creates a single-flight AccessToken cache around `fetchToken` (one `tokenByAkSk` call). A failed refresh is
 * not cached: every waiting caller gets its error and the next call tries again.
 *
 * @internal
 */
export function createAccessTokenCache(fetchToken: () => Promise<FabricAccessToken>, now: Clock, path: string): AccessTokenCache {
  let grant: AccessTokenGrant | undefined;
  let refreshing: Promise<AccessTokenGrant> | undefined;

  const fresh = (candidate: AccessTokenGrant | undefined): candidate is AccessTokenGrant =>
    candidate !== undefined && now() < candidate.refreshAtMs;

  function refresh(): Promise<AccessTokenGrant> {
    refreshing ??= fetchToken().then(
      (received) => {
        const next = concealedGrant(received);
        grant = next;
        refreshing = undefined;
        return next;
      },
      (error: unknown) => {
        refreshing = undefined;
        throw error;
      },
    );
    return refreshing;
  }

  const cache = {
    async get(signal?: AbortSignal) {
      return (await cache.getGrant(signal)).accessToken;
    },
    async getGrant(signal?: AbortSignal) {
      if (fresh(grant)) return grant;
      try {
        return await untilAborted(refresh(), signal);
      } catch (error) {
        // The caller's wait ended; the refresh goes on for the others.
        if (signal?.aborted)
          throw new RequestAbortedError('Waiting for the API Fabric AccessToken was aborted by the caller', { path, cause: signal.reason });
        throw error;
      }
    },
    invalidate(accessToken: string) {
      if (grant?.accessToken === accessToken) grant = undefined;
    },
  };
  return Object.defineProperty(cache, 'grant', { get: () => grant, enumerable: false }) as AccessTokenCache;
}
