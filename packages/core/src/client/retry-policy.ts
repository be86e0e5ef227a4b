import type { TencentApiError } from '../errors/tencent-api-error.js';
import { TokenwireError } from '../errors/tokenwire-error.js';
import { HttpStatusError, MalformedResponseError, NetworkError, TimeoutError } from '../errors/transport-errors.js';

/**
 * How the client repeats failed attempts. Every field is optional; the defaults are
 * {@link DEFAULT_RETRY_OPTIONS}. Pass `retry: false` (to the client or to one call) to send each call once.
 *
 * | failure | retried with |
 * | --- | --- |
 * | network error, timeout, HTTP 5xx, malformed response, transient codes 100001 60008 60013 60014 70169 70202 70500 | `baseDelayMs` / `maxDelayMs` |
 * | HTTP 429, rate-limit codes 60007 60011 60018 60019 | `rateLimitBaseDelayMs` / `rateLimitMaxDelayMs` |
 * | code 70050 (UserSig checks failed too often; Tencent: retry after 1 minute) | never automatically (see below) |
 * | HTTP 3xx (redirects are refused), 4xx other than 429, every other Tencent code, aborts | never |
 *
 * 70050 means Tencent locked the identifier out for a minute after repeated bad UserSigs. Retrying sooner only
 * prolongs the lockout and waiting a minute inside a call would surprise everyone, so the client throws it at
 * once: a {@link TencentApiError} with `retryable: true` and `retryClass: 'cooldown'` whose message says to
 * wait one minute. Fix the UserSig, wait, and call again.
 *
 * Delays use full jitter: the n-th retry (n = 0, 1, …) waits a uniformly random time in
 * `[0, min(maxDelay, baseDelay · 2^n))`. A `Retry-After` header on HTTP 429/503 replaces that delay, capped at
 * `rateLimitMaxDelayMs`. Error 70001 (UserSig expired) with a `secretKey` is handled separately: the UserSig is
 * regenerated and the call repeated once at once, which does not count against `limit`.
 */
export interface RetryOptions {
  /** Retries after the first attempt (so at most `limit + 1` attempts). Default 3. */
  readonly limit?: number | undefined;
  /** Backoff base for transient failures, in ms. Default 200. */
  readonly baseDelayMs?: number | undefined;
  /** Backoff cap for transient failures, in ms. Default 5 000. */
  readonly maxDelayMs?: number | undefined;
  /** Backoff base for rate-limit failures, in ms. Default 1 000. */
  readonly rateLimitBaseDelayMs?: number | undefined;
  /** Backoff cap for rate-limit failures, and the cap of a `Retry-After` header, in ms. Default 30 000. */
  readonly rateLimitMaxDelayMs?: number | undefined;
}

/** {@link RetryOptions} with every field set. */
export type RetryPolicy = { readonly [K in keyof RetryOptions]-?: number };

/** The default retry policy: 3 retries, 200 ms…5 s for transient failures, 1 s…30 s for rate limits. */
export const DEFAULT_RETRY_OPTIONS: RetryPolicy = /* @__PURE__ */ (() =>
  Object.freeze({
    limit: 3,
    baseDelayMs: 200,
    maxDelayMs: 5_000,
    rateLimitBaseDelayMs: 1_000,
    rateLimitMaxDelayMs: 30_000,
  }))();

/** A policy that never retries; what `retry: false` means. */
export const NO_RETRY_POLICY: RetryPolicy = /* @__PURE__ */ (() => Object.freeze({ ...DEFAULT_RETRY_OPTIONS, limit: 0 }))();

/** Fills the unset fields of `options` from `base`; `false` means {@link NO_RETRY_POLICY}. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined, base: RetryPolicy = DEFAULT_RETRY_OPTIONS): RetryPolicy {
  if (options === false) return NO_RETRY_POLICY;
  if (options === undefined) return base;
  // Exactly the policy's fields, in its order; anything else on `options` is ignored.
  return Object.fromEntries(Object.entries(base).map(([key, value]) => [key, options[key as keyof RetryOptions] ?? value])) as RetryPolicy;
}

/** How a failure is retried: with the transient backoff, with the rate-limit backoff, or not at all. */
export type FailureRetryClass = 'transient' | 'rate_limit' | 'none';

/**
 * Classifies a failed attempt for the retry policy (see the table on {@link RetryOptions}). A service error
 * says itself how it is retried, with a `retryClass` field ({@link TencentApiError}'s); read structurally, so
 * that a client that never meets a Tencent error does not bundle Tencent's code table.
 */
export function classifyFailure(error: unknown): FailureRetryClass {
  const retryClass = TokenwireError.isInstance(error) ? (error as { readonly retryClass?: unknown }).retryClass : undefined;
  // A cool-down (70050) is the caller's to wait out: see the table on RetryOptions.
  if (retryClass === 'transient' || retryClass === 'rate_limit') return retryClass;
  if (retryClass !== undefined) return 'none';
  if (HttpStatusError.isInstance(error)) {
    if (error.status === 429) return 'rate_limit';
    return error.status !== undefined && error.status >= 500 ? 'transient' : 'none';
  }
  if (NetworkError.isInstance(error) || TimeoutError.isInstance(error) || MalformedResponseError.isInstance(error)) {
    return 'transient';
  }
  return 'none';
}

/**
 * The backoff ceiling of the n-th retry (n = 0, 1, …): `min(maxDelayMs, baseDelayMs · 2^retryIndex)`. The request
 * engine hands it to ky as the retry delay, and ky's full jitter draws the wait from `[0, ceiling)`.
 *
 * @internal
 */
export function backoffCeiling(retryIndex: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** retryIndex);
}
