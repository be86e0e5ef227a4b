import { systemClock, type Clock } from '../clock.js';
import { randomUint32, type RandomUint32Source } from '../endpoint/random-uint32.js';
import { isRegion, regionNames, type Region } from '../endpoint/regions.js';
import { resolveBaseUrl } from '../endpoint/resolve-base-url.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { checkIdentifier, checkSdkAppId, checkSecretKey } from '../usersig/usersig-input.js';
import { MAX_USERSIG_EXPIRE_SECONDS } from '../usersig/usersig-limits.js';
import { DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS } from './admin-user-sig.js';
import type { TencentClientHooks } from './hooks.js';
import {
  checkFunction,
  checkOptionsObject,
  checkRetryOption,
  checkTimeout,
  describeType,
  isNumberIn,
  isPlainObject,
} from './option-checks.js';
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
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

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

const CLIENT_KEYS = [
  'sdkAppId',
  'identifier',
  'secretKey',
  'userSig',
  'region',
  'baseUrl',
  'ky',
  'fetch',
  'timeoutMs',
  'maxResponseBytes',
  'retry',
  'rateLimit',
  'hooks',
  'now',
  'random',
  'userSigExpireSeconds',
];
const HOOK_KEYS = ['onRequest', 'onResponse', 'onRetry'];

/**
 * Reports unless exactly one of the options `first` and `second` is given; the issue goes to `first`.
 * @returns whether exactly one is given.
 */
function checkExactlyOne(first: string, second: string, options: Record<string, unknown>, issues: ValidationIssue[]): boolean {
  const missing = options[first] === undefined;
  if (missing !== (options[second] === undefined)) return true;
  issues.push({
    path: first,
    message: `exactly one of ${first} and ${second} is ${missing ? 'required; neither was' : 'allowed; both were'} given`,
  });
  return false;
}

/**
 * Validates the options of {@link createTencentClient} and applies the defaults. Every problem is collected
 * before throwing, and no message repeats the value of `secretKey` or `userSig`.
 *
 * @throws {@link ValidationError} listing every issue.
 */
export function resolveClientOptions(input: unknown): ResolvedClientOptions {
  const subject = 'Tencent client options';
  if (!isPlainObject(input))
    throw new ValidationError(subject, [{ path: '', message: `expected an options object, got ${describeType(input)}` }]);
  const options = input;
  const issues: ValidationIssue[] = [];
  checkOptionsObject(options, '', CLIENT_KEYS, false, issues);
  const { sdkAppId, identifier, secretKey, userSig, region, timeoutMs, rateLimit, hooks, userSigExpireSeconds: expire } = options;

  checkSdkAppId(sdkAppId, issues);
  const identifierIssues = issues.length;
  checkIdentifier(identifier, 'identifier', issues);
  if (issues.length === identifierIssues && !(identifier as string).trim()) {
    issues.push({ path: 'identifier', message: 'must not be blank' });
  }

  checkExactlyOne('secretKey', 'userSig', options, issues);
  if (secretKey !== undefined) checkSecretKey(secretKey, issues);
  if (userSig !== undefined && (typeof userSig !== 'string' || !userSig))
    issues.push({ path: 'userSig', message: 'must be a non-empty string' });

  let baseUrl = '';
  if (checkExactlyOne('region', 'baseUrl', options, issues)) {
    const path = region !== undefined ? 'region' : 'baseUrl';
    const value = region ?? options['baseUrl'];
    if (typeof value !== 'string') {
      issues.push({ path, message: `must be a string, got ${describeType(value)}` });
    } else if (isRegion(value) !== (path === 'region')) {
      issues.push({
        path,
        // Only a known region name is echoed: anything else may be a URL with credentials passed by mistake.
        message: isRegion(value)
          ? `"${value}" is a region name; pass it as region`
          : `is not a known region (${regionNames()}); pass custom URLs as baseUrl`,
      });
    } else {
      try {
        baseUrl = resolveBaseUrl(value);
      } catch (error) {
        // resolveBaseUrl throws a ValidationError with one issue, whose message names the problem.
        issues.push({ path, message: (error as ValidationError).issues[0]!.message });
      }
    }
  }

  const ky = options['ky'];
  if (ky !== undefined && (typeof ky !== 'function' || typeof (ky as Partial<KyInstanceLike>).extend !== 'function')) {
    issues.push({ path: 'ky', message: `must be a ky instance (ky.create(…) or ky.extend(…)), got ${describeType(ky)}` });
  }
  checkFunction(options['fetch'], 'fetch', issues);
  checkTimeout(timeoutMs, 'timeoutMs', issues);
  const maxResponseBytes = options['maxResponseBytes'];
  if (maxResponseBytes !== undefined && !isNumberIn(maxResponseBytes, 1, Number.MAX_SAFE_INTEGER, true)) {
    issues.push({ path: 'maxResponseBytes', message: 'must be a whole number of bytes, at least 1' });
  }
  checkRetryOption(options['retry'], 'retry', issues);
  const rate = checkOptionsObject(rateLimit, 'rateLimit', ['requestsPerSecond'], true, issues)?.['requestsPerSecond'];
  if (rate !== undefined && !isNumberIn(rate, Number.MIN_VALUE, Number.MAX_VALUE)) {
    issues.push({ path: 'rateLimit.requestsPerSecond', message: 'must be a positive number' });
  }
  const hookRecord = checkOptionsObject(hooks, 'hooks', HOOK_KEYS, false, issues);
  for (const key of hookRecord ? HOOK_KEYS : []) checkFunction(hookRecord![key], `hooks.${key}`, issues);
  for (const key of ['now', 'random']) checkFunction(options[key], key, issues);

  if (expire !== undefined) {
    if (!isNumberIn(expire, MIN_USER_SIG_EXPIRE_SECONDS, MAX_USERSIG_EXPIRE_SECONDS, true)) {
      issues.push({
        path: 'userSigExpireSeconds',
        message: `must be an integer from ${MIN_USER_SIG_EXPIRE_SECONDS} to ${MAX_USERSIG_EXPIRE_SECONDS} seconds`,
      });
    }
    if (secretKey === undefined && userSig !== undefined) {
      issues.push({ path: 'userSigExpireSeconds', message: 'only applies when the client signs with secretKey' });
    }
  }

  if (issues.length > 0) throw new ValidationError(subject, issues);

  return {
    sdkAppId: sdkAppId as number,
    identifier: identifier as string,
    baseUrl,
    secretKey: secretKey as string | undefined,
    userSig: userSig as string | undefined,
    ky: ky as KyInstanceLike | undefined,
    fetch: options['fetch'] as FetchFunction | undefined,
    timeoutMs: (timeoutMs as number | undefined) ?? DEFAULT_TIMEOUT_MS,
    responseSizeLimit: limitResponseSize((maxResponseBytes as number | undefined) ?? DEFAULT_MAX_RESPONSE_BYTES),
    retryPolicy: resolveRetryPolicy(options['retry'] as RetryOptions | false | undefined),
    requestsPerSecond: rateLimit === false ? false : ((rate as number | undefined) ?? DEFAULT_REQUESTS_PER_SECOND),
    hooks: (hooks as TencentClientHooks | undefined) ?? {},
    now: (options['now'] as Clock | undefined) ?? systemClock,
    random: (options['random'] as RandomUint32Source | undefined) ?? randomUint32,
    userSigExpireSeconds: (expire as number | undefined) ?? DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS,
  };
}
