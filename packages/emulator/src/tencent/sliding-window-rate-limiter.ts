import type { Clock } from '@tokenwire/core';

/** Options of {@link createSlidingWindowRateLimiter}. */
export interface SlidingWindowRateLimiterOptions {
  /** Requests admitted per key within any window. A positive integer. */
  readonly limit: number;
  /** Length of the window in milliseconds. Defaults to 1000 (a per-second limit). */
  readonly windowMs?: number;
  /** The clock the window is measured on. */
  readonly now: Clock;
}

/** Admits or refuses requests per key (e.g. per REST command) so no window holds more than `limit` of them. */
export interface SlidingWindowRateLimiter {
  /**
   * Admits one request for `key` and returns `true`, or returns `false` when `limit` requests were already
   * admitted for that key within the last `windowMs`. Refused requests do not count.
   */
  tryAdmit(key: string): boolean;
}

/**
 * Creates a sliding-window rate limiter: a request at time `t` is admitted when fewer than `limit` requests of
 * the same key were admitted in `(t - windowMs, t]`. Time comes from the injected clock, so tests can step it.
 *
 * @example
 * ```ts
 * const limiter = createSlidingWindowRateLimiter({ limit: 200, now: () => Date.now() });
 * if (!limiter.tryAdmit('live_config/get_callback')) return envelope(60007);
 * ```
 */
export function createSlidingWindowRateLimiter(options: SlidingWindowRateLimiterOptions): SlidingWindowRateLimiter {
  const windowMs = options.windowMs ?? 1000;
  const admitted = new Map<string, number[]>();
  return {
    tryAdmit(key) {
      const now = options.now();
      let times = admitted.get(key);
      if (times === undefined) {
        times = [];
        admitted.set(key, times);
      }
      let expired = 0;
      while (expired < times.length && times[expired]! <= now - windowMs) expired++;
      if (expired > 0) times.splice(0, expired);
      if (times.length >= options.limit) return false;
      times.push(now);
      return true;
    },
  };
}
