import { systemClock, type Clock } from '../clock.js';
import { randomUint32, type RandomUint32Source } from '../endpoint/random-uint32.js';
import { isRegion, regionNames, type Region } from '../endpoint/regions.js';
import { resolveBaseUrl } from '../endpoint/resolve-base-url.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { checkIdentifier, checkSdkAppId, checkSecretKey } from '../usersig/usersig-input.js';
import { MAX_USERSIG_EXPIRE_SECONDS } from '../usersig/usersig-limits.js';
import { DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS } from './admin-user-sig.js';
import type { TencentClientHooks } from './hooks.js';
import { checkFunction, checkOptionsObject, checkRetryOption, checkTimeout, describeType, isNumberIn, isPlainObject } from './option-checks.js';
import { DEFAULT_REQUESTS_PER_SECOND, type RateLimitOptions } from './rate-limiter.js';
import { resolveRetryPolicy, type RetryOptions, type RetryPolicy } from './retry-policy.js';
import { sleep as realSleep, type Sleep } from './sleep.js';
import type { FetchFunction } from './transport.js';

/** Default per-attempt timeout: 10 s. Tencent's backend gives up after 3 s, so this leaves room for the network. */
export const DEFAULT_TIMEOUT_MS = 10_000;

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
  /** The fetch to send requests with. Default: the global `fetch`, looked up at each call. */
  readonly fetch?: FetchFunction | undefined;
  /** Per-attempt deadline in ms, covering headers and body. Default {@link DEFAULT_TIMEOUT_MS} (10 s). */
  readonly timeoutMs?: number | undefined;
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
  /** Abortable sleep for backoff, rate-limit waits and the per-attempt deadline. Default `setTimeout`. */
  readonly sleep?: Sleep | undefined;
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
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  readonly requestsPerSecond: number | false;
  readonly hooks: TencentClientHooks;
  readonly now: Clock;
  readonly random: RandomUint32Source;
  readonly sleep: Sleep;
  readonly userSigExpireSeconds: number;
}

const CLIENT_KEYS = [
  'sdkAppId',
  'identifier',
  'secretKey',
  'userSig',
  'region',
  'baseUrl',
  'fetch',
  'timeoutMs',
  'retry',
  'rateLimit',
  'hooks',
  'now',
  'random',
  'sleep',
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
  issues.push({ path: first, message: `exactly one of ${first} and ${second} is ${missing ? 'required; neither was' : 'allowed; both were'} given` });
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
  if (!isPlainObject(input)) throw new ValidationError(subject, [{ path: '', message: `expected an options object, got ${describeType(input)}` }]);
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
  if (userSig !== undefined && (typeof userSig !== 'string' || !userSig)) issues.push({ path: 'userSig', message: 'must be a non-empty string' });

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

  checkFunction(options['fetch'], 'fetch', issues);
  checkTimeout(timeoutMs, 'timeoutMs', issues);
  checkRetryOption(options['retry'], 'retry', issues);
  const rate = checkOptionsObject(rateLimit, 'rateLimit', ['requestsPerSecond'], true, issues)?.['requestsPerSecond'];
  if (rate !== undefined && !isNumberIn(rate, Number.MIN_VALUE, Number.MAX_VALUE)) {
    issues.push({ path: 'rateLimit.requestsPerSecond', message: 'must be a positive number' });
  }
  const hookRecord = checkOptionsObject(hooks, 'hooks', HOOK_KEYS, false, issues);
  for (const key of hookRecord ? HOOK_KEYS : []) checkFunction(hookRecord![key], `hooks.${key}`, issues);
  for (const key of ['now', 'random', 'sleep']) checkFunction(options[key], key, issues);

  if (expire !== undefined) {
    if (!isNumberIn(expire, MIN_USER_SIG_EXPIRE_SECONDS, MAX_USERSIG_EXPIRE_SECONDS, true)) {
      issues.push({ path: 'userSigExpireSeconds', message: `must be an integer from ${MIN_USER_SIG_EXPIRE_SECONDS} to ${MAX_USERSIG_EXPIRE_SECONDS} seconds` });
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
    fetch: (options['fetch'] as FetchFunction | undefined) ?? ((request, init) => globalThis.fetch(request, init)),
    timeoutMs: (timeoutMs as number | undefined) ?? DEFAULT_TIMEOUT_MS,
    retryPolicy: resolveRetryPolicy(options['retry'] as RetryOptions | false | undefined),
    requestsPerSecond: rateLimit === false ? false : ((rate as number | undefined) ?? DEFAULT_REQUESTS_PER_SECOND),
    hooks: (hooks as TencentClientHooks | undefined) ?? {},
    now: (options['now'] as Clock | undefined) ?? systemClock,
    random: (options['random'] as RandomUint32Source | undefined) ?? randomUint32,
    sleep: (options['sleep'] as Sleep | undefined) ?? realSleep,
    userSigExpireSeconds: (expire as number | undefined) ?? DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS,
  };
}
