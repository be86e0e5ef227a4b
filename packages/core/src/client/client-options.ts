import { systemClock, type Clock } from '../clock.js';
import { randomUint32, type RandomUint32Source } from '../endpoint/random-uint32.js';
import { isRegion, regionNames, type Region } from '../endpoint/regions.js';
import { BaseUrlSchema } from '../endpoint/base-url-schema.js';
import { resolveBaseUrl } from '../endpoint/resolve-base-url.js';
import * as v from 'valibot';
import { expireSecondsSchema, IdentifierSchema, SdkAppIdSchema, SecretKeySchema } from '../user-sig/user-sig-field-schemas.js';
import {
  describeType,
  expected,
  functionSchema,
  KySchema,
  numberIn,
  optionsObject,
  RetryOptionSchema,
  TimeoutSchema,
} from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';
import { DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS } from './admin-user-sig.js';
import type { TencentClientHooks } from './hooks.js';
import { DEFAULT_REQUESTS_PER_SECOND, type RateLimitOptions } from './rate-limiter.js';
import { limitResponseSize, type ResponseSizeLimit } from './response-size-limit.js';
import { resolveRetryPolicy, type RetryOptions, type RetryPolicy } from './retry-policy.js';
import type { FetchFunction } from '../engine/attempt-fetch.js';
import type { KyInstanceLike } from '../engine/ky-instance-like.js';

/** Default per-attempt timeout: 10 s. Tencent's backend gives up after 3 s, so this leaves room for the network. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Default cap on the size of a Tencent answer: 8 MiB. REST answers are small (a `live_config` answer is well under
 * 1 KB; the largest IM lists a few hundred KB), so anything near this is a broken or hostile upstream.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8_388_608; // 8 MiB, a literal: esbuild keeps `8 * 1024 * 1024` at module level (scripts/size.mjs)

/** Shortest admin UserSig lifetime the client accepts: 60 s. */
export const MIN_USER_SIG_EXPIRE_SECONDS = 60;

/** Either a secret key the client signs its own admin UserSig with, or a ready-made UserSig. */
export type TencentCredentials =
  | {
      /** The app's secret key (console → Application → Basic information). Never leaves the client. */
      readonly secretKey: string;
      readonly userSig?: undefined;
    }
  | {
      /** A ready-made UserSig for `identifier`. It cannot be renewed: 70001 (expired) reaches the caller. */
      readonly userSig: string;
      readonly secretKey?: undefined;
    };

/** Either a known data centre or a custom base URL. */
export type TencentEndpoint =
  | {
      /** The data centre of the SDKAppID; see `REGIONS`. */
      readonly region: Region;
      readonly baseUrl?: undefined;
    }
  | {
      /** A custom `http(s)` base URL: the emulator, a proxy, a backup domain. */
      readonly baseUrl: string;
      readonly region?: undefined;
    };

/** Settings of {@link createTencentClient} besides credentials and endpoint. */
export interface TencentClientSettings {
  /** The app's SDKAppID. */
  readonly sdkAppId: number;
  /** An App administrator account (e.g. `administrator`); REST calls are made as this user. */
  readonly identifier: string;
  /**
   * Your own ky instance (`ky.create(…)`, `ky.extend(…)`): the client sends through it, so its hooks, headers and
   * `fetch` apply to every attempt. The client still owns what makes a Tencent call: method, body, signed URL,
   * `timeout` (off: `timeoutMs` is the engine's deadline), `retry` (from `retry`), `throwHttpErrors` and
   * `redirect: 'manual'`. Your hooks
   * run before the client's and see the real request, UserSig included: log `redactUrl(request.url)`. A
   * `beforeRequest` hook of yours that returns a `Request` or a `Response` skips the client's hooks (ky's rule):
   * change `request.headers` in place instead. Default: ky itself.
   */
  readonly ky?: KyInstanceLike | undefined;
  /**
   * The fetch to send requests with, called as ky calls its `fetch`: `fetch(request, init)`. Default: the `ky`
   * instance's own `fetch` option, else the global `fetch` (looked up at each attempt).
   */
  readonly fetch?: FetchFunction | undefined;
  /**
   * Deadline of each attempt in ms, covering the headers and the whole body (the engine's, in place of ky's
   * `timeout`, which would race the headers only). Default
   * {@link DEFAULT_TIMEOUT_MS} (10 s).
   */
  readonly timeoutMs?: number | undefined;
  /**
   * The largest answer accepted, in bytes as received (default {@link DEFAULT_MAX_RESPONSE_BYTES}). A larger one
   * fails with `ResponseTooLargeError` (not retried) without being held in memory: refused at once when
   * `Content-Length` announces it, else cancelled as soon as the count passes the limit.
   */
  readonly maxResponseBytes?: number | undefined;
  /** Retry policy, or `false` to send each call once. Defaults: see `DEFAULT_RETRY_OPTIONS`. */
  readonly retry?: RetryOptions | false | undefined;
  /** Client-side rate limit per `service/command`, or `false` for none. Default 200 requests/s. */
  readonly rateLimit?: RateLimitOptions | false | undefined;
  /** Observer hooks for logging and metrics. */
  readonly hooks?: TencentClientHooks | undefined;
  /** Clock for UserSig signing, rate limiting, `Retry-After` dates and durations. Default `Date.now`. */
  readonly now?: Clock | undefined;
  /**
   * Source of each attempt's `random` query parameter and of the backoff jitter. Default `crypto.getRandomValues`.
   * It must return an integer from 0 to 4294967295 on every call; anything else fails the call with a
   * `ValidationError` (path `random`), before the attempt is sent.
   */
  readonly random?: RandomUint32Source | undefined;
  /**
   * Lifetime of the admin UserSig the client signs with `secretKey`, in seconds (60 s … 10 years). Default
   * 86 400 (24 h): it lives only in memory, so a short lifetime limits the damage if it leaks, and it is renewed
   * automatically up to an hour before it expires.
   */
  readonly userSigExpireSeconds?: number | undefined;
}

/**
 * Options of {@link createTencentClient}: settings plus exactly one of `secretKey`/`userSig` and exactly one of
 * `region`/`baseUrl`.
 */
export type TencentClientOptions = TencentClientSettings & TencentCredentials & TencentEndpoint;

/** Options after validation, with every default applied. */
export interface ResolvedClientOptions {
  readonly sdkAppId: number;
  readonly identifier: string;
  readonly baseUrl: string;
  readonly secretKey: string | undefined;
  readonly userSig: string | undefined;
  readonly ky: KyInstanceLike | undefined;
  readonly fetch: FetchFunction | undefined;
  readonly timeoutMs: number;
  readonly responseSizeLimit: ResponseSizeLimit;
  readonly retryPolicy: RetryPolicy;
  readonly requestsPerSecond: number | false;
  readonly hooks: TencentClientHooks;
  readonly now: Clock;
  readonly random: RandomUint32Source;
  readonly userSigExpireSeconds: number;
}

/** A hook of `hooks`: any function. */
const HooksSchema: v.GenericSchema<TencentClientHooks> = /* @__PURE__ */ (() =>
  optionsObject(
    {
      onRequest: v.optional(functionSchema<NonNullable<TencentClientHooks['onRequest']>>()),
      onResponse: v.optional(functionSchema<NonNullable<TencentClientHooks['onResponse']>>()),
      onRetry: v.optional(functionSchema<NonNullable<TencentClientHooks['onRetry']>>()),
    },
    'an object',
  ))();

/** `rateLimit`: `false` (no limit) or `{ requestsPerSecond? }`. */
const RateLimitSchema: v.GenericSchema<RateLimitOptions | false> = /* @__PURE__ */ (() => {
  const limits = optionsObject(
    { requestsPerSecond: v.optional(numberIn(Number.MIN_VALUE, Number.MAX_VALUE, 'must be a positive number')) },
    'false or an object',
  );
  return v.lazy((input) => (input === false ? v.literal(false) : limits));
})();

/**
 * `region`: a known data centre. Anything else is not echoed: it may be a URL with credentials passed by mistake.
 */
const RegionSchema: v.GenericSchema<Region> = /* @__PURE__ */ (() =>
  v.custom<Region>(
    (value) => typeof value === 'string' && isRegion(value),
    (issue) =>
      typeof issue.input === 'string'
        ? `is not a known region (${regionNames()}); pass custom URLs as baseUrl`
        : `must be a string, got ${describeType(issue.input)}`,
  ))();

/** `baseUrl`: a custom `http(s)` base URL; a region name is refused here (it goes to `region`). */
const CustomBaseUrlSchema: v.GenericSchema<string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.string(expected('must be a string')),
    // Only a known region name is echoed.
    v.check(
      (text) => !isRegion(text),
      (issue) => `"${issue.input}" is a region name; pass it as region`,
    ),
    BaseUrlSchema,
  ))();

/** The message of a pair of options of which exactly one must be given. */
function exactlyOneMessage(first: string, second: string, neither: boolean): string {
  return `exactly one of ${first} and ${second} is ${neither ? 'required; neither was' : 'allowed; both were'} given`;
}

/** The options as parsed, before the defaults: the settings, and the credential and endpoint fields of either kind. */
type ParsedOptions = TencentClientSettings & {
  readonly secretKey?: string | undefined;
  readonly userSig?: string | undefined;
  readonly region?: Region | undefined;
  readonly baseUrl?: string | undefined;
};

/** The options of {@link createTencentClient}: every field checked, then the rules between fields. */
const TencentClientOptionsSchema: v.GenericSchema<unknown, ParsedOptions> = /* @__PURE__ */ (() =>
  v.pipe(
    optionsObject(
      {
        sdkAppId: SdkAppIdSchema,
        identifier: v.pipe(
          IdentifierSchema,
          v.check((identifier) => identifier === '' || identifier.trim() !== '', 'must not be blank'),
        ),
        secretKey: v.optional(SecretKeySchema),
        userSig: v.optional(v.pipe(v.string(expected('must be a non-empty string')), v.nonEmpty('must be a non-empty string'))),
        region: v.optional(RegionSchema),
        baseUrl: v.optional(CustomBaseUrlSchema),
        ky: v.optional(KySchema),
        fetch: v.optional(functionSchema<FetchFunction>()),
        timeoutMs: v.optional(TimeoutSchema),
        maxResponseBytes: v.optional(numberIn(1, Number.MAX_SAFE_INTEGER, 'must be a whole number of bytes, at least 1', true)),
        retry: v.optional(RetryOptionSchema),
        rateLimit: v.optional(RateLimitSchema),
        hooks: v.optional(HooksSchema),
        now: v.optional(functionSchema<Clock>()),
        random: v.optional(functionSchema<RandomUint32Source>()),
        userSigExpireSeconds: v.optional(expireSecondsSchema(MIN_USER_SIG_EXPIRE_SECONDS)),
      },
      'an options object',
    ),
    v.forward(
      v.partialCheck(
        [['secretKey'], ['userSig']],
        (options) => (options.secretKey === undefined) !== (options.userSig === undefined),
        (issue) => exactlyOneMessage('secretKey', 'userSig', issue.input.secretKey === undefined),
      ),
      ['secretKey'],
    ),
    v.forward(
      v.partialCheck(
        [['region'], ['baseUrl']],
        (options) => (options.region === undefined) !== (options.baseUrl === undefined),
        (issue) => exactlyOneMessage('region', 'baseUrl', issue.input.region === undefined),
      ),
      ['region'],
    ),
    v.forward(
      v.partialCheck(
        [['secretKey'], ['userSigExpireSeconds']],
        (options) => options.userSigExpireSeconds === undefined || options.secretKey !== undefined,
        'only applies when the client signs with secretKey',
      ),
      ['userSigExpireSeconds'],
    ),
  ))();

/** The base URL of the one endpoint option given (the schema requires exactly one). */
function endpointOf(options: ParsedOptions): string {
  if (options.region !== undefined) return resolveBaseUrl(options.region);
  if (options.baseUrl !== undefined) return options.baseUrl;
  throw new TypeError('the options have neither region nor baseUrl, which the schema requires');
}

/**
 * Validates the options of {@link createTencentClient} and applies the defaults. No message repeats the value of
 * `secretKey` or `userSig`.
 *
 * @throws {@link ValidationError} listing the issues found.
 */
export function resolveClientOptions(input: unknown): ResolvedClientOptions {
  const options = parseInput(TencentClientOptionsSchema, input, 'Tencent client options');
  const { rateLimit } = options;
  return {
    sdkAppId: options.sdkAppId,
    identifier: options.identifier,
    baseUrl: endpointOf(options),
    secretKey: options.secretKey,
    userSig: options.userSig,
    ky: options.ky,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    responseSizeLimit: limitResponseSize(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
    retryPolicy: resolveRetryPolicy(options.retry),
    requestsPerSecond: rateLimit === false ? false : (rateLimit?.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND),
    hooks: options.hooks ?? {},
    now: options.now ?? systemClock,
    random: options.random ?? randomUint32,
    userSigExpireSeconds: options.userSigExpireSeconds ?? DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS,
  };
}
