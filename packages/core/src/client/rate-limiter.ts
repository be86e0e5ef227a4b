import type { Clock } from '../clock.js';
import type { Sleep } from '../engine/sleep.js';

/**
 * Client-side request rate limit, per `service/command`. Tencent documents 200 requests/s for each
 * `live_config` command (and most IM commands) and answers 60007/60011/60018/60019 beyond it.
 */
export interface RateLimitOptions {
  /**
   * Requests per second per `service/command`: a whole number `n` means at most `n` in any sliding second (all
   * `n` may go at once); a fraction `r` means at most `max(1, ⌊r⌋)` in any sliding `max(1, ⌊r⌋) / r` seconds
   * (0.5: one every 2 s). Default 200.
   */
  readonly requestsPerSecond?: number | undefined;
}

/** The default client-side limit: 200 requests per second per `service/command`, Tencent's documented quota. */
export const DEFAULT_REQUESTS_PER_SECOND = 200;

/** Waits for permission to send one request for a key. */
export interface RateLimiter {
  /**
   * Resolves when a request for `key` may be sent: at once while the key's window has room and nobody is
   * waiting, else in turn behind the earlier waiters. Rejects with `signal.reason` when `signal` aborts (or has
   * aborted) before then; an abandoned turn is passed on and counts against nothing.
   */
  acquire(key: string, signal?: AbortSignal): Promise<void>;
}

/** One caller waiting for its turn. */
interface Waiter {
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
  /** Set when it has been served or has given up: the queue skips it. */
  settled: boolean;
}

/** The state of one `service/command`. */
interface Lane {
  /** When each request of the current window was let through, oldest first, from `first` on. */
  grants: number[];
  first: number;
  /** The callers waiting, in arrival order, from `head` on (settled ones are skipped). */
  waiters: Waiter[];
  head: number;
  /** How many waiters have not settled. */
  waiting: number;
  /** True while the lane's pump runs (from the first waiter until the queue is empty). */
  pumping: boolean;
  /** Aborts the sleep of the lane's pump when every waiter has given up. */
  pumpSleep: AbortController | undefined;
  /**
   * The time a completed sleep of the pump reached: the lane's clock never reads earlier, so a clock that
   * stands still (an injected one) cannot hold a waiter forever.
   */
  sleptUntil: number;
}

/** Lanes beyond this count are swept of idle ones when a new key arrives. */
const LANES_BEFORE_SWEEP = 64;

/**
 * A sliding-window log per key: a request may go when fewer than `quota` requests went in the `windowMs` before
 * it (`quota = max(1, ⌊requestsPerSecond⌋)`, `windowMs = 1000 × quota / requestsPerSecond`), so no window of
 * `windowMs` ever holds more than `quota` of them, however many callers arrive at once. Callers that find the
 * window full wait in arrival order (first in, first out); one timer per key sleeps until the oldest request
 * leaves the window and lets the next caller through. A caller whose `signal` aborts leaves the queue at once.
 *
 * Memory per key: the times of the requests in the current window, and the waiting callers.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ requestsPerSecond: 200, now: Date.now, sleep });
 * await limiter.acquire('live_config/get_callback', signal);
 * ```
 */
export function createRateLimiter(options: {
  readonly requestsPerSecond: number;
  readonly now: Clock;
  readonly sleep: Sleep;
}): RateLimiter {
  const { requestsPerSecond, now, sleep } = options;
  const quota = Math.max(1, Math.floor(requestsPerSecond));
  const windowMs = (1000 * quota) / requestsPerSecond;
  const lanes = new Map<string, Lane>();

  /** Drops the grants that have left the window ending at `time`; returns how long until one more fits (0: now). */
  const waitFor = (lane: Lane, time: number): number => {
    const { grants } = lane;
    while (lane.first < grants.length && grants[lane.first]! <= time - windowMs) lane.first++;
    if (lane.first > 1024 && lane.first * 2 > grants.length) {
      lane.grants = grants.slice(lane.first);
      lane.first = 0;
    }
    return lane.grants.length - lane.first < quota ? 0 : lane.grants[lane.first]! + windowMs - time;
  };

  /** The clock, never behind the newest grant of `lane` (an injected clock may step back) nor its pump's sleeps. */
  const timeFor = (lane: Lane): number => Math.max(now(), lane.sleptUntil, lane.grants[lane.grants.length - 1] ?? Number.NEGATIVE_INFINITY);

  const nextWaiter = (lane: Lane): Waiter | undefined => {
    while (lane.head < lane.waiters.length && lane.waiters[lane.head]!.settled) lane.head++;
    if (lane.head > 1024 && lane.head * 2 > lane.waiters.length) {
      lane.waiters = lane.waiters.slice(lane.head);
      lane.head = 0;
    }
    return lane.waiters[lane.head];
  };

  /** Lets the waiters of `lane` through one by one as the window makes room; runs while anyone waits. */
  const pump = async (lane: Lane): Promise<void> => {
    lane.pumping = true;
    try {
      await serve(lane);
    } catch (error) {
      // The injected clock or sleep failed: nobody can be served, so everyone waiting is told why.
      for (let waiter = nextWaiter(lane); waiter !== undefined; waiter = nextWaiter(lane)) {
        waiter.settled = true;
        lane.waiting--;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.reject(error);
      }
    }
    lane.pumping = false;
  };

  const serve = async (lane: Lane): Promise<void> => {
    for (let waiter = nextWaiter(lane); waiter !== undefined; waiter = nextWaiter(lane)) {
      const time = timeFor(lane);
      const waitMs = waitFor(lane, time);
      if (waitMs > 0) {
        const controller = new AbortController();
        lane.pumpSleep = controller;
        try {
          await sleep(waitMs, controller.signal);
          lane.sleptUntil = time + waitMs;
        } catch (error) {
          // Aborted because every waiter gave up (see acquire): nextWaiter finds none, unless one came meanwhile.
          if (!controller.signal.aborted) throw error;
        } finally {
          lane.pumpSleep = undefined;
        }
        continue;
      }
      waiter.settled = true;
      lane.waiting--;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      lane.grants.push(time);
      waiter.resolve();
    }
  };

  const sweepIdleLanes = (): void => {
    const time = now();
    for (const [key, lane] of lanes) {
      if (!lane.pumping && waitFor(lane, time) === 0 && lane.grants.length === lane.first) lanes.delete(key);
    }
  };

  return {
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      let lane = lanes.get(key);
      if (lane === undefined) {
        if (lanes.size >= LANES_BEFORE_SWEEP) sweepIdleLanes();
        lane = { grants: [], first: 0, waiters: [], head: 0, waiting: 0, pumping: false, pumpSleep: undefined, sleptUntil: 0 };
        lanes.set(key, lane);
      }
      if (lane.waiting === 0) {
        const time = timeFor(lane);
        if (waitFor(lane, time) === 0) {
          lane.grants.push(time);
          return Promise.resolve();
        }
      }
      const current = lane;
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          settled: false,
          onAbort: () => {
            if (waiter.settled) return;
            waiter.settled = true;
            current.waiting--;
            if (current.waiting === 0) current.pumpSleep?.abort();
            reject(signal?.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        current.waiters.push(waiter);
        current.waiting++;
        if (!current.pumping) void pump(current);
      });
    },
  };
}
