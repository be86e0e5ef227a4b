import type { RetryPolicy } from '@tokenwire/core';
import * as v from 'valibot';
import { NonEmptyCheck } from '../input/non-empty.js';
import type { FabricAccessToken } from './access-token-cache.js';
import { JSON_CONTENT_TYPE } from './ccmessaging-apis.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { exchange } from './exchange.js';
import { parseResponse } from './parse-response.js';
import type { AiccTransportSettings } from './transport-settings.js';

/** Longest AccessToken lifetime API Fabric grants (`X-Token-Expire`), in seconds. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** Shortest AccessToken lifetime this package asks for, in seconds. */
export const MIN_ACCESS_TOKEN_TTL_SECONDS = 60;

/** The AccessToken lifetime asked for by default, as Huawei's own demo does: 600 s. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 600;

/**
 * The 200 answer of `tokenByAkSk`. `Expires` (lifetime in seconds) and `CreateTime` (epoch seconds) are documented
 * as strings; numbers are accepted too, and both come out as numbers. Unknown fields pass through.
 */
export interface TokenByAkSkResponse {
  /** The AccessToken (not empty). A secret: it authorizes every ccmessaging call. */
  AccessToken: string;
  ApplyType?: string | undefined;
  /** When API Fabric issued the token, in whole epoch seconds. */
  CreateTime?: number | undefined;
  /** The token's lifetime in whole seconds, at least 1. */
  Expires?: number | undefined;
  Scope?: string | undefined;
  AppKey?: string | undefined;
  UserID?: string | undefined;
  /** Fields API Fabric adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of a {@link TokenByAkSkResponse}. */
const TokenByAkSkResponseSchema: v.GenericSchema<unknown, TokenByAkSkResponse> = /* @__PURE__ */ (() => {
  // Built in a function marked pure, so that a bundle without the direct client (a browser's) leaves it out.
  const secondsText = v.pipe(v.string(), v.regex(/^\s*\d{1,10}\s*$/));
  const wholeSeconds = v.pipe(
    v.number(),
    v.check((seconds) => Number.isInteger(seconds) && seconds >= 0),
  );
  const optionalText = v.optional(v.string('must be a string'));
  return v.looseObject({
    AccessToken: v.pipe(v.string('must be a string'), NonEmptyCheck),
    ApplyType: optionalText,
    CreateTime: v.optional(
      v.pipe(v.union([secondsText, wholeSeconds], 'must be whole epoch seconds, as a string or a number'), v.transform(Number)),
    ),
    Expires: v.optional(
      v.pipe(
        v.union([secondsText, wholeSeconds], 'must be whole seconds, as a string or a number'),
        v.transform(Number),
        v.check((seconds) => seconds >= 1, 'must be at least 1 second'),
      ),
    ),
    Scope: optionalText,
    AppKey: optionalText,
    UserID: optionalText,
  } satisfies EntriesOf<TokenByAkSkResponse>);
})();

/** What {@link requestAccessToken} needs. */
export interface AccessTokenRequest {
  readonly settings: AiccTransportSettings;
  readonly policy: RetryPolicy;
  readonly baseUrl: string;
  readonly fabricTokenPath: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly ttlSeconds: number;
}

/**
 * `POST {fabricTokenPath}` with `X-Token-Expire` and `{ app_key, app_secret }`: one AccessToken. Retried like any
 * idempotent call. The lifetime is `Expires` (string or number) counted from when the request was sent, on the
 * client's clock (so clock skew with API Fabric does not matter); `ttlSeconds` when `Expires` is absent.
 *
 * @throws {@link FabricAuthError} (`credentials_rejected`) on HTTP 401/403.
 * @throws `MalformedResponseError` when the answer has no `AccessToken` or a bad `Expires`.
 * @internal
 */
export async function requestAccessToken(request: AccessTokenRequest): Promise<FabricAccessToken> {
  const { settings, fabricTokenPath, appSecret } = request;
  const obtainedAtMs = settings.now();
  const response = await exchange({
    settings,
    path: fabricTokenPath,
    url: `${request.baseUrl}${fabricTokenPath}`,
    method: 'POST',
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-token-expire': String(request.ttlSeconds) },
    bodyText: JSON.stringify({ app_key: request.appKey, app_secret: appSecret }),
    idempotent: true,
    signal: undefined,
    timeoutMs: settings.timeoutMs,
    policy: request.policy,
    checkFlowControl: false,
    accessRejection: { isRejection: (status) => status === 401 || status === 403, reason: 'credentials_rejected' },
    authorize: async () => ({ secrets: [appSecret] }),
  });
  const parsed = parseResponse(TokenByAkSkResponseSchema, response.body, {
    path: fabricTokenPath,
    status: response.status,
    attempt: response.attempt,
  });
  const lifetimeSeconds = parsed.Expires ?? request.ttlSeconds;
  return { accessToken: parsed.AccessToken, obtainedAtMs, expiresAtMs: obtainedAtMs + lifetimeSeconds * 1000 };
}
