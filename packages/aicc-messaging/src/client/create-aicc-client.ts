import { BaseUrlSchema, numberIn, optionsObject, parseInput, resolveRetryPolicy } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { NonEmptyCheck } from '../input/non-empty.js';
import { createAccessTokenCache, type AccessTokenCache } from './access-token-cache.js';
import { prepareAiccRequest, type AiccClient, type AiccRequest, type AiccResponse } from './aicc-client.js';
import { APP_KEY_HEADER, CCMESSAGING_PATH_PREFIX, DEFAULT_FABRIC_TOKEN_PATH, JSON_CONTENT_TYPE } from './ccmessaging-apis.js';
import { PathSchema } from './endpoint-url.js';
import { exchange } from './exchange.js';
import {
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  MAX_ACCESS_TOKEN_TTL_SECONDS,
  MIN_ACCESS_TOKEN_TTL_SECONDS,
  requestAccessToken,
} from './token-by-ak-sk.js';
import { AiccTransportOptionEntries, resolveTransportSettings, type AiccTransportOptions } from './transport-settings.js';

/** Options of {@link createAiccClient}. */
export interface AiccClientOptions extends AiccTransportOptions {
  /** The AICC host, e.g. `https://service.besclouds.com` (a port or path prefix is kept). */
  readonly baseUrl: string;
  /** The API Fabric `app_key`; sent as `x-app-key` on every ccmessaging call. */
  readonly appKey: string;
  /** The API Fabric `app_secret`. Never leaves this client except in the `tokenByAkSk` body. */
  readonly appSecret: string;
  /** AccessToken lifetime asked for with `X-Token-Expire`, in seconds: 60–3600. Default 600. */
  readonly accessTokenTtlSeconds?: number | undefined;
  /** Path of `tokenByAkSk` on `baseUrl`. Default `/apigovernance/api/oauth/tokenByAkSk`. */
  readonly fabricTokenPath?: string | undefined;
}

/** A direct client: an {@link AiccClient} that also exposes its AccessToken cache. */
export interface AiccDirectClient extends AiccClient {
  readonly mode: 'direct';
  /** The API Fabric AccessToken cache (single flight, refreshed before expiry, dropped after a 403). */
  readonly accessTokens: AccessTokenCache;
}

// Built in a function marked pure, so that a bundle without the direct client (a browser's) leaves it out.
const AiccClientOptionsSchema = /* @__PURE__ */ (() => {
  const nonEmpty = v.pipe(v.string('must be a string'), NonEmptyCheck);
  return optionsObject(
    {
      baseUrl: BaseUrlSchema,
      appKey: nonEmpty,
      appSecret: nonEmpty,
      accessTokenTtlSeconds: v.optional(
        numberIn(
          MIN_ACCESS_TOKEN_TTL_SECONDS,
          MAX_ACCESS_TOKEN_TTL_SECONDS,
          `must be a whole number of seconds from ${MIN_ACCESS_TOKEN_TTL_SECONDS} to ${MAX_ACCESS_TOKEN_TTL_SECONDS} (API Fabric's X-Token-Expire limit)`,
          true,
        ),
      ),
      fabricTokenPath: v.optional(PathSchema),
      ...AiccTransportOptionEntries,
    },
    'an object with baseUrl, appKey and appSecret',
  );
})();

/**
 * Creates a server-side AICC client holding the API Fabric AK/SK. It fetches the AccessToken with `tokenByAkSk`
 * (`X-Token-Expire: accessTokenTtlSeconds`), caches it and fetches the next one before expiry (60 s before, or a
 * tenth of the lifetime when shorter); concurrent calls share one fetch. A ccmessaging call answered with HTTP
 * 403 (API Fabric `{ errorCode, exceptionInfo }`) — or an `applyToken` answered 401 — drops the token, fetches a
 * fresh one and is replayed once; a second rejection is a {@link FabricAuthError}. Every POST carries
 * `Content-Type: application/json;charset=UTF-8`, as Huawei's demo sends it.
 *
 * Never use it in a browser: the `appSecret` would be public. Browsers use {@link createAiccGatewayClient}.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} when the options are invalid (values are never
 *   quoted).
 * @example
 * ```ts
 * const client = createAiccClient({ baseUrl: 'https://service.besclouds.com', appKey, appSecret });
 * const session = createAiccSession(client, { userId: 'user-42', userName: 'Ada', channelId, locale: 'en' });
 * await session.connect();
 * ```
 */
export function createAiccClient(options: AiccClientOptions): AiccDirectClient {
  const parsed = parseInput(AiccClientOptionsSchema, options, 'AICC client options');
  const settings = resolveTransportSettings(options);
  const { baseUrl, appKey, appSecret } = parsed;
  const fabricTokenPath = parsed.fabricTokenPath ?? DEFAULT_FABRIC_TOKEN_PATH;
  const ttlSeconds = parsed.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const accessTokens = createAccessTokenCache(
    () => requestAccessToken({ settings, policy: settings.retryPolicy, baseUrl, fabricTokenPath, appKey, appSecret, ttlSeconds }),
    settings.now,
    fabricTokenPath,
  );

  async function request(input: AiccRequest): Promise<AiccResponse> {
    const call = prepareAiccRequest(input);
    const path = `${CCMESSAGING_PATH_PREFIX}${call.api}`;
    return exchange({
      settings,
      path,
      url: `${baseUrl}${path}${call.search}`,
      method: call.method,
      headers: call.method === 'POST' ? { [APP_KEY_HEADER]: appKey, 'content-type': JSON_CONTENT_TYPE } : { [APP_KEY_HEADER]: appKey },
      bodyText: call.bodyText,
      idempotent: call.idempotent,
      signal: call.signal,
      timeoutMs: call.timeoutMs ?? settings.timeoutMs,
      policy: resolveRetryPolicy(call.retry, settings.retryPolicy),
      checkFlowControl: true,
      accessRejection: {
        // API Fabric answers 403 for a bad AccessToken; applyToken carries no ccmessaging-token, so its 401 can only
        // mean the Authorization (cec_07_0088: "Authorization or ccmessaging-token expired").
        isRejection: (status) => status === 403 || (status === 401 && call.api === 'applyToken'),
        recover: call.refreshAccessTokenOn403
          ? (accessToken) => {
              if (accessToken !== undefined) accessTokens.invalidate(accessToken);
            }
          : undefined,
        reason: 'access_token_rejected',
      },
      messageToken: call.messageToken,
      onResponseHeaders: call.onResponseHeaders,
      responseSizeLimit: call.responseSizeLimit,
      async authorize(signal) {
        const accessToken = await accessTokens.get(signal);
        return { authorization: `Bearer ${accessToken}`, secrets: [appSecret, accessToken], credential: accessToken };
      },
    });
  }

  return Object.freeze({
    mode: 'direct' as const,
    endpoint: baseUrl,
    now: settings.now,
    retryPolicy: settings.retryPolicy,
    accessTokens,
    request,
  });
}
