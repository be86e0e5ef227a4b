import type { RetryOptions as KyRetryOptions, ShouldRetryState } from 'ky';
import { backoffCeiling, type RetryPolicy } from '../client/retry-policy.js';

/** The retry classes that wait with a backoff (`classifyFailure` minus `none`). */
export type BackoffClass = 'transient' | 'rate_limit';

// Shared by every call: ky reads these lists and never changes them.
/** HTTP statuses ky may repeat: 429 and every 5xx (which of them are retried is `shouldRetry`'s call). */
const RETRY_STATUS_CODES: number[] = /* @__PURE__ */ (() => [429, ...Array.from({ length: 100 }, (_, index) => 500 + index)])();
/** The answers whose `Retry-After` ky honours (it also reads `RateLimit-Reset` and its relatives on them). */
const RETRY_AFTER_STATUS_CODES: number[] = [429, 503];
/** Every method ky knows: whether a call may be repeated is the caller's decision, not the method's. */
const EVERY_METHOD: string[] = ['get', 'post', 'put', 'patch', 'head', 'delete', 'options', 'trace'];

/**
 * The retries of one call: how many the policy still allows, and the backoff class of the next one. The engine
 * takes a retry here before it lets ky repeat an attempt; ky then computes the wait from {@link kyRetryOptions}.
 */
export interface RetryLedger {
  /** Takes a retry counted against `policy.limit`, waiting with `retryClass`'s backoff; `false` when none is left. */
  take(retryClass: BackoffClass): boolean;
  /** Takes one of the immediate retries (no wait, not counted against the limit); `false` when none is left. */
  takeImmediate(): boolean;
  /**
   * ky's retry options for the call. ky runs the attempts, waits the full-jitter backoff (`delay` is the ceiling
   * of the retry taken last, `jitter` draws from `[0, ceiling)`) or the answer's `Retry-After` (429 and 503,
   * capped at `rateLimitMaxDelayMs`), and asks `shouldRetry` first about every failure it caught.
   */
  kyRetryOptions(shouldRetry: (state: ShouldRetryState) => boolean | undefined, fraction: () => number): KyRetryOptions;
}

/**
 * Creates the retry ledger of one call under `policy`, with `immediateRetries` more that do not count (one for a
 * UserSig renewal after 70001).
 *
 * @internal Used by `createRequestEngine`.
 * @example
 * ```ts
 * const ledger = createRetryLedger(resolveRetryPolicy({ limit: 2 }), 0);
 * ledger.take('transient'); // true, then true, then false
 * ```
 */
export function createRetryLedger(policy: RetryPolicy, immediateRetries: number): RetryLedger {
  let retries = 0;
  let immediate = 0;
  // The backoff of the retry taken last: its class and its index among the counted retries.
  let retryClass: BackoffClass = 'transient';
  let retryIndex = 0;
  return {
    take(next) {
      if (retries >= policy.limit) return false;
      retryClass = next;
      retryIndex = retries++;
      return true;
    },
    takeImmediate() {
      if (immediate >= immediateRetries) return false;
      immediate += 1;
      return true;
    },
    kyRetryOptions(shouldRetry, fraction) {
      return {
        // The ledger keeps the count; ky's own limit only has to let every retry the ledger grants through.
        limit: policy.limit + immediateRetries,
        methods: EVERY_METHOD,
        statusCodes: RETRY_STATUS_CODES,
        afterStatusCodes: RETRY_AFTER_STATUS_CODES,
        maxRetryAfter: policy.rateLimitMaxDelayMs,
        backoffLimit: Number.POSITIVE_INFINITY,
        delay: () =>
          retryClass === 'rate_limit'
            ? backoffCeiling(retryIndex, policy.rateLimitBaseDelayMs, policy.rateLimitMaxDelayMs)
            : backoffCeiling(retryIndex, policy.baseDelayMs, policy.maxDelayMs),
        jitter: (ceiling) => Math.floor(ceiling * fraction()),
        retryOnTimeout: true,
        shouldRetry,
      };
    },
  };
}
