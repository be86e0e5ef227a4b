import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';
import type { Sleep } from '../engine/sleep.js';

/**
 * A clock that only moves when told to; records every wait. With `advanceOnSleep` a sleep moves the clock (one
 * caller at a time); without it sleeps return at once and the clock stands still (callers arriving together).
 */
function fakeTime({ advanceOnSleep = true } = {}) {
  let now = 0;
  const waits: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    if (signal?.aborted) throw signal.reason;
    waits.push(ms);
    if (advanceOnSleep) now += ms;
  };
  return { now: () => now, sleep, waits, advance: (ms: number) => (now += ms) };
}

describe('createRateLimiter', () => {
  it('lets a burst of `rate` requests through, then spaces them at the rate', async () => {
    const time = fakeTime({ advanceOnSleep: false });
    const limiter = createRateLimiter({ requestsPerSecond: 2, now: time.now, sleep: time.sleep });
    await Promise.all([1, 2, 3, 4, 5].map(() => limiter.acquire('live_config/get_callback')));
    // Two tokens at once, then reservations at 500 ms intervals, served in order.
    expect(time.waits).toEqual([500, 1000, 1500]);
  });

  it('serves sequential callers at the rate once the burst is spent', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 4, now: time.now, sleep: time.sleep });
    const sentAt: number[] = [];
    for (let index = 0; index < 8; index++) {
      await limiter.acquire('k');
      sentAt.push(time.now());
    }
    expect(sentAt).toEqual([0, 0, 0, 0, 250, 500, 750, 1000]);
  });

  it('refills over time, never above the burst size', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 3, now: time.now, sleep: time.sleep });
    for (let index = 0; index < 3; index++) await limiter.acquire('k');
    time.advance(60_000);
    for (let index = 0; index < 3; index++) await limiter.acquire('k');
    expect(time.waits).toEqual([]);
    await limiter.acquire('k');
    expect(time.waits).toEqual([334]);
  });

  it('keeps a separate bucket per key', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: time.now, sleep: time.sleep });
    await limiter.acquire('live_config/get_callback');
    await limiter.acquire('live_config/set_callback');
    expect(time.waits).toEqual([]);
    await limiter.acquire('live_config/get_callback');
    expect(time.waits).toEqual([1000]);
  });

  it('allows one request at a time for rates below 1 per second', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 0.5, now: time.now, sleep: time.sleep });
    await limiter.acquire('k');
    await limiter.acquire('k');
    expect(time.waits).toEqual([2000]);
  });

  it('gives the reserved slot back when the wait is aborted', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: time.now, sleep: time.sleep });
    await limiter.acquire('k');
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(limiter.acquire('k', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await limiter.acquire('k');
    // Without the refund this wait would be 2000 ms.
    expect(time.waits).toEqual([1000]);
  });
});
