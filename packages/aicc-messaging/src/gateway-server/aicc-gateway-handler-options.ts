import type { Clock } from '@tokenwire/core';
import { BaseUrlSchema, functionSchema, numberIn, optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { PathSchema } from '../client/endpoint-url.js';
import { MAX_ACCESS_TOKEN_TTL_SECONDS, MIN_ACCESS_TOKEN_TTL_SECONDS } from '../client/token-by-ak-sk.js';
import type { AllowedOrigins } from './gateway-cors.js';
import type { AiccGatewayLogEntry } from './gateway-log-entry.js';

/** The end user a request is made for, as the `authenticate` hook of {@link AiccGatewayHandlerOptions} returns it. */
export interface AiccGatewayUser {
  /**
   * The AICC `userId`: every identity field of the relayed calls (`userId`, `from`, `callId`, `receiverId`, in any
   * spelling) must be this id, and `/aicc/token` applies for it. Use the same id in the browser's `createAiccSession`.
   */
  readonly userId: string;
}

/** Options of `createAiccGatewayHandler`. */
export interface AiccGatewayHandlerOptions {
  /** The AICC host, e.g. `https://service.besclouds.com` (a port or path prefix is kept). */
  readonly baseUrl: string;
  /** The API Fabric `app_key` (secret): sent to AICC as `x-app-key`, never to a browser. */
  readonly appKey: string;
  /** The API Fabric `app_secret` (secret): only in the `tokenByAkSk` body. */
  readonly appSecret: string;
  /**
   * Who is calling: the end user of `request` (verify its `authorization` header, a cookie, …), or `undefined` to
   * refuse it with 401 `unauthorized` (no detail). Called before any body is read. A hook that throws gives 500
   * `internal_error` (its name logged, not its message).
   */
  readonly authenticate: (request: Request) => Promise<AiccGatewayUser | undefined>;
  /**
   * Origins whose pages may call the gateway (`https://app.example.com`: scheme, host, optional port), or `['*']` for
   * any. Default none: only same-origin pages and servers.
   */
  readonly allowedOrigins?: readonly string[] | undefined;
  /** The web channel Configuration IDs a browser may apply a token for. Default: any. */
  readonly channels?: readonly string[] | undefined;
  /** Path of `tokenByAkSk` on `baseUrl`. Default `/apigovernance/api/oauth/tokenByAkSk`. */
  readonly fabricTokenPath?: string | undefined;
  /** AccessToken lifetime asked for (`X-Token-Expire`), in seconds: 60–3600. Default 600. */
  readonly accessTokenTtlSeconds?: number | undefined;
  /** Uploads (`uploadFileStream`) one user may run at once: 1–64. Default 2. */
  readonly maxUploadsPerUser?: number | undefined;
  /** Uploads this handler runs at once, all users together: 1–1024. Default 8. */
  readonly maxUploads?: number | undefined;
  /** The `fetch` for AICC and API Fabric. Default: the global `fetch`, looked up at each call. */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Clock in ms since the epoch. Default `Date.now`. */
  readonly now?: Clock | undefined;
  /** Where the operator's log lines go. Default: `console.error` of the entry as JSON. Never given a secret. */
  readonly log?: ((entry: AiccGatewayLogEntry) => void) | undefined;
}

/** `entry` as an origin (`https://app.example.com`, lower-cased), or `undefined` when it is not one (a path, no scheme). */
function originOf(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    const exact = url.origin === entry.replace(/\/$/, '').toLowerCase();
    return (url.protocol === 'https:' || url.protocol === 'http:') && exact ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const nonEmpty = /* @__PURE__ */ (() => v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')))();

/** The options, checked once when the handler is created (a `ValidationError` that quotes no value). */
export const AiccGatewayHandlerOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      baseUrl: BaseUrlSchema,
      appKey: nonEmpty,
      appSecret: nonEmpty,
      authenticate: functionSchema<AiccGatewayHandlerOptions['authenticate']>('a function (request) => Promise<{ userId } | undefined>'),
      allowedOrigins: v.optional(
        v.pipe(
          v.array(v.string('must be a string'), 'must be an array of origins'),
          v.check(
            (entries) => entries.every((entry) => entry === '*' || originOf(entry) !== undefined),
            'must list origins such as https://app.example.com (scheme, host, optional port; no path), or *',
          ),
          v.transform((entries): AllowedOrigins => (entries.includes('*') ? '*' : new Set(entries.map((entry) => originOf(entry)!)))),
        ),
        [],
      ),
      channels: v.optional(v.array(nonEmpty, 'must be an array of channel ids'), []),
      fabricTokenPath: v.optional(PathSchema),
      accessTokenTtlSeconds: v.optional(
        numberIn(MIN_ACCESS_TOKEN_TTL_SECONDS, MAX_ACCESS_TOKEN_TTL_SECONDS, 'must be a whole number of seconds from 60 to 3600', true),
      ),
      maxUploadsPerUser: v.optional(numberIn(1, 64, 'must be a whole number from 1 to 64', true), 2),
      maxUploads: v.optional(numberIn(1, 1024, 'must be a whole number from 1 to 1024', true), 8),
      fetch: v.optional(functionSchema<(request: Request) => Promise<Response>>()),
      now: v.optional(functionSchema<Clock>()),
      log: v.optional(functionSchema<(entry: AiccGatewayLogEntry) => void>()),
    },
    'an object with baseUrl, appKey, appSecret and authenticate',
  ))();
