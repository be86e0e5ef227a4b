import type { RetryPolicy } from '@tokenwire/core';
import * as v from 'valibot';
import type { AccessTokenGrant } from './access-token-cache.js';
import { JSON_CONTENT_TYPE } from './ccmessaging-apis.js';
import { exchange } from './exchange.js';
import { parseResponse } from './parse-response.js';
import type { AiccTransportSettings } from './transport-settings.js';

/** Longest AccessToken lifetime API Fabric grants (`X-Token-Expire`), in seconds. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** Shortest AccessToken lifetime this package asks for, in seconds. */
export const MIN_ACCESS_TOKEN_TTL_SECONDS = 60;

/** The AccessToken lifetime asked for by default, as Huawei's own demo does: 600 s. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 600;

/** Whole seconds as a string of digits. */
type SecondsTextSchema = v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.RegexAction<string, undefined>]>;

/** Whole seconds as a string of digits or a number. */
type SecondsSchema = v.UnionSchema<
  [
    SecondsTextSchema,
    v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, 0, undefined>]>,
  ],
  string
>;

/** An optional string. */
type OptionalTextSchema = v.OptionalSchema<v.StringSchema<string>, undefined>;

/**
 * The 200 answer of `tokenByAkSk`. `Expires` (lifetime in seconds) and `CreateTime` (epoch seconds) are documented
 * as strings; numbers are accepted too, and both come out as numbers. Unknown fields pass through.
 */
export const TokenByAkSkResponseSchema: v.LooseObjectSchema<
  {
    readonly AccessToken: v.SchemaWithPipe<readonly [v.StringSchema<string>, v.NonEmptyAction<string, string>]>;
    readonly ApplyType: OptionalTextSchema;
    readonly CreateTime: v.OptionalSchema<
      v.SchemaWithPipe<readonly [SecondsSchema, v.TransformAction<string | number, number>]>,
      undefined
    >;
    readonly Expires: v.OptionalSchema<
      v.SchemaWithPipe<readonly [SecondsSchema, v.TransformAction<string | number, number>, v.MinValueAction<number, 1, string>]>,
      undefined
    >;
    readonly Scope: OptionalTextSchema;
    readonly AppKey: OptionalTextSchema;
    readonly UserID: OptionalTextSchema;
  },
  undefined
> = /* @__PURE__ */ (() => {
  // Built in a function marked pure, so that a bundle without the direct client (a browser's) leaves it out.
  const secondsText: SecondsTextSchema = v.pipe(v.string(), v.regex(/^\s*\d{1,10}\s*$/));
  const wholeSeconds = v.pipe(v.number(), v.integer(), v.minValue(0));
  return v.looseObject({
    AccessToken: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
    ApplyType: v.optional(v.string('must be a string')),
    CreateTime: v.optional(
      v.pipe(v.union([secondsText, wholeSeconds], 'must be whole epoch seconds, as a string or a number'), v.transform(Number)),
    ),
    Expires: v.optional(
      v.pipe(
        v.union([secondsText, wholeSeconds], 'must be whole seconds, as a string or a number'),
        v.transform(Number),
        v.minValue(1, 'must be at least 1 second'),
      ),
    ),
    Scope: v.optional(v.string('must be a string')),
    AppKey: v.optional(v.string('must be a string')),
    UserID: v.optional(v.string('must be a string')),
  });
})();

/** A parsed `tokenByAkSk` answer. */
export type TokenByAkSkResponse = v.InferOutput<typeof TokenByAkSkResponseSchema>;

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
export async function requestAccessToken(request: AccessTokenRequest): Promise<AccessTokenGrant> {
  const { settings, fabricTokenPath, appSecret } = request;
  const obtainedAt = settings.now();
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
  return { accessToken: parsed.AccessToken, obtainedAt, expiresAt: obtainedAt + lifetimeSeconds * 1000 };
}
