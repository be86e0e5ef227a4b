import { parseInput, optionsObject } from '@tokenwire/core/internal';
import { type AccessTokenCache, type AccessTokenGrant, createAccessTokenCache } from '../client/access-token-cache.js';
import { DEFAULT_FABRIC_TOKEN_PATH } from '../client/ccmessaging-apis.js';
import { DEFAULT_ACCESS_TOKEN_TTL_SECONDS, requestAccessToken } from '../client/token-by-ak-sk.js';
import { resolveTransportSettings } from '../client/transport-settings.js';
import { AiccAccessTokenSourceOptionEntries, type AiccAccessTokenSourceOptions } from './aicc-access-token-source-options.js';

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

/**
 * Where a gateway gets its API Fabric AccessTokens: {@link createAiccAccessTokenSource}, or one of your own that
 * shares them wider (the edge worker's `AiccTokenObject` gives every isolate of an app the same one). The option
 * `accessTokens` of `createAiccGatewayHandler`.
 */
export interface AiccAccessTokenSource {
  /**
   * A live AccessToken with its lifetime (the grant's `accessToken` is a secret). `waitUntil` (the runtime's, when
   * it has one) keeps a shared refresh alive after the request that started it went away. Rejects (a `tokenwire`
   * error) when API Fabric cannot be reached or refuses the AK/SK.
   */
  get(waitUntil?: ((promise: Promise<unknown>) => void) | undefined): Promise<AccessTokenGrant>;
  /**
   * AICC answered 403 to a call made with `accessToken`: drop it, so the next `get` gives another one — unless a 403
   * forced a refresh less than {@link ACCESS_TOKEN_REFRESH_FLOOR_MS} ago. Answers whether a call repeated now would
   * get another token (this one was dropped, or already replaced): only then does the gateway repeat the call.
   */
  invalidate(accessToken: string): boolean | Promise<boolean>;
}

const AiccAccessTokenSourceOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(AiccAccessTokenSourceOptionEntries, 'an object with baseUrl, appKey and appSecret'))();

/**
 * Creates the AccessToken source a gateway handler makes for itself when it is given none: `tokenByAkSk` with the
 * app's AK/SK, one request in flight at a time shared by every waiting caller (5 s per attempt, one retry), the
 * token kept until its `refreshAtMs` (60 s before expiry, or a tenth of its lifetime when shorter), at most one
 * 403-forced refresh per {@link ACCESS_TOKEN_REFRESH_FLOOR_MS}. A caller waits at most {@link ACCESS_TOKEN_WAIT_MS}:
 * should a shared refresh never settle (its request was cancelled), the next caller starts a fresh one.
 *
 * Create one to share it between gateway handlers of one app, or to hand out its grants to other isolates (the edge
 * worker's `AiccTokenObject` does). The token is never logged; it is a secret: never give it to a browser.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} when an option is invalid (values are never quoted).
 * @example
 * ```ts
 * const accessTokens = createAiccAccessTokenSource({ baseUrl, appKey, appSecret });
 * const chat = createAiccGatewayHandler({ baseUrl, appKey, appSecret, authenticate, accessTokens });
 * const support = createAiccGatewayHandler({ baseUrl, appKey, appSecret, authenticate: staff, accessTokens });
 * ```
 */
export function createAiccAccessTokenSource(options: AiccAccessTokenSourceOptions): AiccAccessTokenSource {
  const parsed = parseInput(AiccAccessTokenSourceOptionsSchema, options, 'AICC AccessToken source options');
  const { baseUrl, appKey, appSecret, fetch } = parsed;
  const transport = resolveTransportSettings({
    fetch: fetch === undefined ? undefined : (input, init) => fetch(new Request(input, init)),
    timeoutMs: TOKEN_REQUEST_TIMEOUT_MS,
    retry: { limit: 1 },
    now: parsed.now,
  });
  const fabricTokenPath = parsed.fabricTokenPath ?? DEFAULT_FABRIC_TOKEN_PATH;
  const ttlSeconds = parsed.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const create = (): AccessTokenCache =>
    createAccessTokenCache(
      () =>
        requestAccessToken({ settings: transport, policy: transport.retryPolicy, baseUrl, fabricTokenPath, appKey, appSecret, ttlSeconds }),
      transport.now,
      fabricTokenPath,
    );
  let cache = create();
  /** When a 403 last forced a refresh (ms on the source's clock). */
  let lastForced: number | undefined;
  return {
    async get(waitUntil) {
      const current = cache;
      const pending = current.getGrant(AbortSignal.timeout(ACCESS_TOKEN_WAIT_MS));
      waitUntil?.(pending.catch(() => undefined));
      try {
        return await pending;
      } catch (error) {
        if (cache === current && current.grant === undefined) cache = create();
        throw error;
      }
    },
    invalidate(accessToken) {
      if (cache.grant?.accessToken !== accessToken) return true;
      const now = transport.now();
      if (lastForced !== undefined && now - lastForced < ACCESS_TOKEN_REFRESH_FLOOR_MS) return false;
      lastForced = now;
      cache.invalidate(accessToken);
      return true;
    },
  };
}
