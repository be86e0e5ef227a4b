import { describe, expect, it } from 'vitest';
import type { Sleep } from '../engine/sleep.js';
import { createRateLimiter } from './rate-limiter.js';

/**
 * A clock that moves only when told to, and a sleep on it: each sleep is a timer that fires when the clock passes
 * its time (rejecting at once when its signal aborts). `advance` moves the clock step by step, firing timers in
 * order and letting the woken code run before the next one.
 */
function fakeTime() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = { at: now + ms, resolve };
      timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  const settle = async () => {
    for (let index = 0; index < 20; index++) await Promise.resolve();
  };
  return {
    now: () => now,
    sleep,
    pendingTimers: () => timers.length,
    async advance(ms: number) {
      const end = now + ms;
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (next === undefined || next.at > end) break;
        timers.shift();
        now = Math.max(now, next.at);
        next.resolve();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

/** The largest number of `times` inside any window [t, t + windowMs). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + windowMs) end++;
    busiest = Math.max(busiest, end - start);
  }
  return busiest;
}

/** Starts `count` acquires for `key` at once and records when (and in which order) each is let through. */
function burst(
  limiter: ReturnType<typeof createRateLimiter>,
  time: ReturnType<typeof fakeTime>,
  count: number,
  key = 'live_config/get_callback',
) {
  const sentAt: number[] = [];
  const order: number[] = [];
  const done = Promise.all(
    Array.from({ length: count }, (_, index) =>
      limiter.acquire(key).then(() => {
        sentAt[index] = time.now();
        order.push(index);
      }),
    ),
  );
  return { sentAt, order, done };
}

describe('createRateLimiter', () => {
  it('never lets more than the quota through in any sliding second, however many arrive at once', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 200, now: time.now, sleep: time.sleep });
    const calls = burst(limiter, time, 330);
    await time.advance(3000);
    await calls.done;
    // A token bucket with a burst of 200 let 200 go at once and then one every 5 ms: 399 in the first second.
    expect(busiestWindow(calls.sentAt, 1000)).toBe(200);
    expect(calls.sentAt.filter((at) => at === 0)).toHaveLength(200);
    expect(calls.sentAt.slice(200).every((at) => at === 1000)).toBe(true);
  });

  it('holds the quota over a steady stream too: any window [t, t + 1 s) has at most the quota', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 3, now: time.now, sleep: time.sleep });
    const sentAt: number[] = [];
    const arrivals = [0, 100, 200, 300, 900, 1000, 1100, 1950, 2000, 2001, 2002];
    const done: Promise<void>[] = [];
    let clock = 0;
    for (const at of arrivals) {
      await time.advance(at - clock);
      clock = at;
      done.push(limiter.acquire('k').then(() => void sentAt.push(time.now())));
    }
    await time.advance(5000);
    await Promise.all(done);
    expect(sentAt).toEqual([0, 100, 200, 1000, 1100, 1200, 2000, 2100, 2200, 3000, 3100]);
    expect(busiestWindow(sentAt, 1000)).toBe(3);
  });

  it('serves waiters in arrival order', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 2, now: time.now, sleep: time.sleep });
    const calls = burst(limiter, time, 7);
    await time.advance(4000);
    await calls.done;
    expect(calls.order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(calls.sentAt).toEqual([0, 0, 1000, 1000, 2000, 2000, 3000]);
  });

  it('does not let a newcomer overtake the waiters, even when the window has room as it arrives', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: time.now, sleep: time.sleep });
    const first = burst(limiter, time, 3);
    await time.advance(1000); // the second waiter has just been let through; the third waits for 2000
    const late = burst(limiter, time, 1);
    await time.advance(2000);
    await Promise.all([first.done, late.done]);
    expect(first.sentAt).toEqual([0, 1000, 2000]);
    expect(late.sentAt).toEqual([3000]);
  });

  it('lets an aborted waiter leave at once, rejecting with the reason, and gives its turn to the next', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: time.now, sleep: time.sleep });
    await limiter.acquire('k');
    const controller = new AbortController();
    const aborted = limiter.acquire('k', controller.signal);
    const next = limiter.acquire('k').then(() => time.now());
    await time.advance(400);
    const reason = new DOMException('stop', 'AbortError');
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(time.now()).toBe(400);
    await time.advance(1000);
    // The aborted caller took no turn: the next one goes when the window makes room, at 1000 ms.
    expect(await next).toBe(1000);
  });

  it('rejects an already aborted acquire without taking a turn, and stops sleeping when every waiter gave up', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: time.now, sleep: time.sleep });
    const reason = new Error('gone');
    await expect(limiter.acquire('k', AbortSignal.abort(reason))).rejects.toBe(reason);
    await limiter.acquire('k'); // the first turn is still free
    const controllers = [new AbortController(), new AbortController()];
    const waits = controllers.map((controller) => limiter.acquire('k', controller.signal).catch(() => 'aborted'));
    await time.advance(10);
    expect(time.pendingTimers()).toBe(1);
    for (const controller of controllers) controller.abort();
    expect(await Promise.all(waits)).toEqual(['aborted', 'aborted']);
    expect(time.pendingTimers()).toBe(0);
    await time.advance(990);
    await limiter.acquire('k');
    expect(time.now()).toBe(1000);
  });

  it('keeps a separate window per key', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: time.now, sleep: time.sleep });
    const get = burst(limiter, time, 2, 'live_config/get_callback');
    const set = burst(limiter, time, 2, 'live_config/set_callback');
    await time.advance(2000);
    await Promise.all([get.done, set.done]);
    expect(get.sentAt).toEqual([0, 1000]);
    expect(set.sentAt).toEqual([0, 1000]);
  });

  it('spreads fractional rates over a longer window: 0.5/s is one every 2 s, 2.5/s two every 800 ms', async () => {
    const time = fakeTime();
    const slow = burst(createRateLimiter({ requestsPerSecond: 0.5, now: time.now, sleep: time.sleep }), time, 3);
    const odd = burst(createRateLimiter({ requestsPerSecond: 2.5, now: time.now, sleep: time.sleep }), time, 5);
    await time.advance(5000);
    await Promise.all([slow.done, odd.done]);
    expect(slow.sentAt).toEqual([0, 2000, 4000]);
    expect(odd.sentAt).toEqual([0, 0, 800, 800, 1600]);
  });

  it('makes progress on a clock that stands still, trusting that its sleeps took the time asked', async () => {
    const waits: number[] = [];
    const sleep: Sleep = async (ms) => void waits.push(ms);
    const limiter = createRateLimiter({ requestsPerSecond: 2, now: () => 1_700_000_000_000, sleep });
    await Promise.all(Array.from({ length: 6 }, () => limiter.acquire('k')));
    expect(waits).toEqual([1000, 1000]);
  });

  it('tells every waiter when the injected clock fails, instead of leaving them waiting', async () => {
    let broken = false;
    const now = () => {
      if (broken) throw new Error('clock broke');
      return 0;
    };
    const sleep: Sleep = async () => {
      broken = true;
    };
    const limiter = createRateLimiter({ requestsPerSecond: 1, now, sleep });
    await limiter.acquire('k');
    await expect(Promise.all([limiter.acquire('k'), limiter.acquire('k')])).rejects.toThrow('clock broke');
  });

  it('keeps every key exact while idle keys are swept (more than 64 keys)', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: time.now, sleep: time.sleep });
    for (let index = 0; index < 100; index++) await limiter.acquire(`svc/command${index}`);
    const again = burst(limiter, time, 1, 'svc/command99');
    await time.advance(1000);
    await again.done;
    expect(again.sentAt).toEqual([1000]);
    await time.advance(5000);
    for (let index = 0; index < 100; index++) await limiter.acquire(`svc/command${index}`);
    expect(time.now()).toBe(6000);
  });
});
