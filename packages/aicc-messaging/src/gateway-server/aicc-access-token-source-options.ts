import type { Clock } from '@tokenwire/core';
import { BaseUrlSchema, functionSchema, numberIn } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { PathSchema } from '../client/endpoint-url.js';
import { NonEmptyCheck } from '../input/non-empty.js';
import { MAX_ACCESS_TOKEN_TTL_SECONDS, MIN_ACCESS_TOKEN_TTL_SECONDS } from '../client/token-by-ak-sk.js';

/** Options of `createAiccAccessTokenSource`: the API Fabric app and how to reach it. */
export interface AiccAccessTokenSourceOptions {
  /** The AICC host, e.g. `https://service.besclouds.com` (a port or path prefix is kept). */
  readonly baseUrl: string;
  /** The API Fabric `app_key` (secret): sent to AICC as `x-app-key`, never to a browser. */
  readonly appKey: string;
  /** The API Fabric `app_secret` (secret): only in the `tokenByAkSk` body. */
  readonly appSecret: string;
  /** Path of `tokenByAkSk` on `baseUrl`. Default `/apigovernance/api/oauth/tokenByAkSk`. */
  readonly fabricTokenPath?: string | undefined;
  /** AccessToken lifetime asked for (`X-Token-Expire`), in seconds: 60–3600. Default 600. */
  readonly accessTokenTtlSeconds?: number | undefined;
  /** The `fetch` for API Fabric (and, in a gateway handler, AICC). Default: the global `fetch`, looked up at each call. */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Clock in ms since the epoch. Default `Date.now`. */
  readonly now?: Clock | undefined;
}

/** A string that is not empty (an app key, a channel id). */
export const NonEmptyTextSchema = /* @__PURE__ */ (() => v.pipe(v.string('must be a string'), NonEmptyCheck))();

/** The valibot entries of {@link AiccAccessTokenSourceOptions}, shared with the gateway handler's options. */
export const AiccAccessTokenSourceOptionEntries = /* @__PURE__ */ (() =>
  ({
    baseUrl: BaseUrlSchema,
    appKey: NonEmptyTextSchema,
    appSecret: NonEmptyTextSchema,
    fabricTokenPath: v.optional(PathSchema),
    accessTokenTtlSeconds: v.optional(
      numberIn(MIN_ACCESS_TOKEN_TTL_SECONDS, MAX_ACCESS_TOKEN_TTL_SECONDS, 'must be a whole number of seconds from 60 to 3600', true),
    ),
    fetch: v.optional(functionSchema<(request: Request) => Promise<Response>>()),
    now: v.optional(functionSchema<Clock>()),
  }) as const)();
