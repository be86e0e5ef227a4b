import type { Clock } from '../clock.js';
import type { Sleep } from '../engine/sleep.js';

/**
 * Client-side request rate limit, per `service/command`. Tencent documents 200 requests/s for each
 * `live_config` command (and most IM commands) and answers 60007/60011/60018/60019 beyond it.
 */
export interface RateLimitOptions {
  /** Sustained rate per `service/command`; also the burst size (at least 1). Default 200. */
  readonly requestsPerSecond?: number | undefined;
}

/** The default client-side limit: 200 requests per second per `service/command`, Tencent's documented quota. */
export const DEFAULT_REQUESTS_PER_SECOND = 200;

/** Waits for permission to send one request for a key. */
export interface RateLimiter {
  /**
   * Resolves when a request for `key` may be sent, waiting (through the injected sleep) when the bucket is
   * empty. Rejects with the sleep's rejection when `signal` aborts the wait; the reserved slot is given back.
   */
  acquire(key: string, signal?: AbortSignal): Promise<void>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key: it holds up to `max(1, requestsPerSecond)` tokens, refills continuously at
 * `requestsPerSecond`, and each request takes one. A request that finds the bucket empty reserves its token
 * ahead (the balance goes negative) and waits until that token has been refilled, so concurrent waiters are
 * served in order and never fail.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ requestsPerSecond: 50, now: Date.now, sleep });
 * await limiter.acquire('live_config/get_callback');
 * ```
 */
export function createRateLimiter(options: {
  readonly requestsPerSecond: number;
  readonly now: Clock;
  readonly sleep: Sleep;
}): RateLimiter {
  const { requestsPerSecond, now, sleep } = options;
  const capacity = Math.max(1, requestsPerSecond);
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket): void => {
    const time = now();
    const elapsed = Math.max(0, time - bucket.updatedAt);
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * requestsPerSecond) / 1000);
    bucket.updatedAt = Math.max(bucket.updatedAt, time);
  };

  return {
    async acquire(key, signal) {
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = { tokens: capacity, updatedAt: now() };
        buckets.set(key, bucket);
      } else {
        refill(bucket);
      }
      bucket.tokens -= 1;
      if (bucket.tokens >= 0) return;
      const waitMs = Math.ceil((-bucket.tokens * 1000) / requestsPerSecond);
      try {
        await sleep(waitMs, signal);
      } catch (error) {
        bucket.tokens += 1;
        throw error;
      }
    },
  };
}
