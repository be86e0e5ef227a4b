import { systemClock, type Clock } from '../clock.js';
import { randomUint32, type RandomUint32Source } from '../endpoint/random-uint32.js';
import { isRegion, REGIONS, type Region } from '../endpoint/regions.js';
import { resolveBaseUrl } from '../endpoint/resolve-base-url.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { checkIdentifier, checkSdkAppId } from '../usersig/usersig-input.js';
import { MAX_USERSIG_EXPIRE_SECONDS } from '../usersig/usersig-limits.js';
import { DEFAULT_USER_SIG_EXPIRE_SECONDS } from './admin-user-sig.js';
import type { TencentClientHooks } from './hooks.js';
import { DEFAULT_REQUESTS_PER_SECOND, type RateLimitOptions } from './rate-limiter.js';
import { resolveRetryPolicy, type RetryOptions, type RetryPolicy } from './retry-policy.js';
import { MAX_TIMER_DELAY_MS, sleep as realSleep, type Sleep } from './sleep.js';
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
  /** Source of each attempt's `random` query parameter and of the backoff jitter. Default `crypto.getRandomValues`. */
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

const CLIENT_KEYS = new Set([
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
]);
const RETRY_KEYS = new Set(['limit', 'baseDelayMs', 'maxDelayMs', 'rateLimitBaseDelayMs', 'rateLimitMaxDelayMs']);
const HOOK_KEYS = new Set(['onRequest', 'onResponse', 'onRetry']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** True for a finite number in `(0, MAX_TIMER_DELAY_MS]`. */
export function isValidTimeout(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_TIMER_DELAY_MS;
}

function checkUnknownKeys(value: Record<string, unknown>, known: ReadonlySet<string>, prefix: string, issues: ValidationIssue[]): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) issues.push({ path: `${prefix}${key}`, message: 'is not a known option' });
  }
}

/** Appends the issues of a `retry` option (`false`, `undefined` or a {@link RetryOptions} object). */
export function checkRetryOption(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (value === undefined || value === false) return;
  if (!isPlainObject(value)) {
    issues.push({ path, message: `must be false or an object, got ${describeType(value)}` });
    return;
  }
  checkUnknownKeys(value, RETRY_KEYS, `${path}.`, issues);
  const limit = value['limit'];
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 0 && (limit as number) <= 100)) {
    issues.push({ path: `${path}.limit`, message: 'must be an integer from 0 to 100' });
  }
  for (const key of ['baseDelayMs', 'maxDelayMs', 'rateLimitBaseDelayMs', 'rateLimitMaxDelayMs']) {
    const delay = value[key];
    if (delay !== undefined && !(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 && delay <= MAX_TIMER_DELAY_MS)) {
      issues.push({ path: `${path}.${key}`, message: `must be a number of milliseconds from 0 to ${MAX_TIMER_DELAY_MS}` });
    }
  }
}

function checkFunction(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (value !== undefined && typeof value !== 'function') issues.push({ path, message: `must be a function, got ${describeType(value)}` });
}

/**
 * Validates the options of {@link createTencentClient} and applies the defaults. Every problem is collected
 * before throwing, and no message repeats the value of `secretKey` or `userSig`.
 *
 * @throws {@link ValidationError} listing every issue.
 */
export function resolveClientOptions(input: unknown): ResolvedClientOptions {
  if (!isPlainObject(input)) {
    throw new ValidationError('Tencent client options', [{ path: '', message: `expected an options object, got ${describeType(input)}` }]);
  }
  const options = input;
  const issues: ValidationIssue[] = [];
  checkUnknownKeys(options, CLIENT_KEYS, '', issues);

  const sdkAppId = options['sdkAppId'];
  checkSdkAppId(sdkAppId, issues);
  const identifier = options['identifier'];
  const identifierIssues = issues.length;
  checkIdentifier(identifier, 'identifier', issues);
  if (issues.length === identifierIssues && (identifier as string).trim().length === 0) {
    issues.push({ path: 'identifier', message: 'must not be blank (an App administrator account, e.g. administrator)' });
  }

  const secretKey = options['secretKey'];
  const userSig = options['userSig'];
  if (secretKey === undefined && userSig === undefined) {
    issues.push({ path: 'secretKey', message: 'exactly one of secretKey and userSig is required; neither was given' });
  } else if (secretKey !== undefined && userSig !== undefined) {
    issues.push({ path: 'secretKey', message: 'exactly one of secretKey and userSig is allowed; both were given' });
  }
  if (secretKey !== undefined && (typeof secretKey !== 'string' || secretKey.length === 0)) {
    issues.push({ path: 'secretKey', message: 'must be a non-empty string' });
  }
  if (userSig !== undefined && (typeof userSig !== 'string' || userSig.length === 0)) {
    issues.push({ path: 'userSig', message: 'must be a non-empty string' });
  }

  const region = options['region'];
  const baseUrlOption = options['baseUrl'];
  let baseUrl = '';
  if (region === undefined && baseUrlOption === undefined) {
    issues.push({ path: 'region', message: 'exactly one of region and baseUrl is required; neither was given' });
  } else if (region !== undefined && baseUrlOption !== undefined) {
    issues.push({ path: 'region', message: 'exactly one of region and baseUrl is allowed; both were given' });
  } else {
    const path = region !== undefined ? 'region' : 'baseUrl';
    const value = region ?? baseUrlOption;
    if (typeof value !== 'string') {
      issues.push({ path, message: `must be a string, got ${describeType(value)}` });
    } else if (path === 'region' && !isRegion(value)) {
      issues.push({ path, message: `"${value}" is not a known region (${Object.keys(REGIONS).join(', ')}); pass custom URLs as baseUrl` });
    } else if (path === 'baseUrl' && isRegion(value)) {
      issues.push({ path, message: `"${value}" is a region name; pass it as region` });
    } else {
      try {
        baseUrl = resolveBaseUrl(value);
      } catch (error) {
        const detail = ValidationError.isInstance(error) ? error.issues.map((issue) => issue.message).join('; ') : 'is not usable';
        issues.push({ path, message: detail });
      }
    }
  }

  checkFunction(options['fetch'], 'fetch', issues);
  const timeoutMs = options['timeoutMs'];
  if (timeoutMs !== undefined && !isValidTimeout(timeoutMs)) {
    issues.push({ path: 'timeoutMs', message: `must be a positive number of milliseconds up to ${MAX_TIMER_DELAY_MS}` });
  }
  checkRetryOption(options['retry'], 'retry', issues);

  const rateLimit = options['rateLimit'];
  if (rateLimit !== undefined && rateLimit !== false) {
    if (!isPlainObject(rateLimit)) {
      issues.push({ path: 'rateLimit', message: `must be false or an object, got ${describeType(rateLimit)}` });
    } else {
      checkUnknownKeys(rateLimit, new Set(['requestsPerSecond']), 'rateLimit.', issues);
      const rate = rateLimit['requestsPerSecond'];
      if (rate !== undefined && !(typeof rate === 'number' && Number.isFinite(rate) && rate > 0)) {
        issues.push({ path: 'rateLimit.requestsPerSecond', message: 'must be a positive number' });
      }
    }
  }

  const hooks = options['hooks'];
  if (hooks !== undefined) {
    if (!isPlainObject(hooks)) {
      issues.push({ path: 'hooks', message: `must be an object, got ${describeType(hooks)}` });
    } else {
      checkUnknownKeys(hooks, HOOK_KEYS, 'hooks.', issues);
      for (const key of HOOK_KEYS) checkFunction(hooks[key], `hooks.${key}`, issues);
    }
  }
  checkFunction(options['now'], 'now', issues);
  checkFunction(options['random'], 'random', issues);
  checkFunction(options['sleep'], 'sleep', issues);

  const expire = options['userSigExpireSeconds'];
  if (expire !== undefined) {
    if (!(Number.isInteger(expire) && (expire as number) >= MIN_USER_SIG_EXPIRE_SECONDS && (expire as number) <= MAX_USERSIG_EXPIRE_SECONDS)) {
      issues.push({
        path: 'userSigExpireSeconds',
        message: `must be an integer from ${MIN_USER_SIG_EXPIRE_SECONDS} to ${MAX_USERSIG_EXPIRE_SECONDS} seconds`,
      });
    }
    if (userSig !== undefined && secretKey === undefined) {
      issues.push({ path: 'userSigExpireSeconds', message: 'only applies when the client signs with secretKey' });
    }
  }

  if (issues.length > 0) throw new ValidationError('Tencent client options', issues);

  const injectedFetch = options['fetch'] as FetchFunction | undefined;
  return {
    sdkAppId: sdkAppId as number,
    identifier: identifier as string,
    baseUrl,
    secretKey: secretKey as string | undefined,
    userSig: userSig as string | undefined,
    fetch: injectedFetch ?? ((request, init) => globalThis.fetch(request, init)),
    timeoutMs: (timeoutMs as number | undefined) ?? DEFAULT_TIMEOUT_MS,
    retryPolicy: resolveRetryPolicy(options['retry'] as RetryOptions | false | undefined),
    requestsPerSecond:
      rateLimit === false ? false : ((rateLimit as RateLimitOptions | undefined)?.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND),
    hooks: (hooks as TencentClientHooks | undefined) ?? {},
    now: (options['now'] as Clock | undefined) ?? systemClock,
    random: (options['random'] as RandomUint32Source | undefined) ?? randomUint32,
    sleep: (options['sleep'] as Sleep | undefined) ?? realSleep,
    userSigExpireSeconds: (expire as number | undefined) ?? DEFAULT_USER_SIG_EXPIRE_SECONDS,
  };
}
