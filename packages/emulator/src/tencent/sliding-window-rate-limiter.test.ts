import { describe, expect, it } from 'vitest';
import { createSlidingWindowRateLimiter } from './sliding-window-rate-limiter.js';

describe('createSlidingWindowRateLimiter', () => {
  it('admits up to the limit within a window and refuses the next one', () => {
    let now = 10_000;
    const limiter = createSlidingWindowRateLimiter({ limit: 3, now: () => now });
    expect([limiter.tryAdmit('a'), limiter.tryAdmit('a'), limiter.tryAdmit('a')]).toEqual([true, true, true]);
    now += 999;
    expect(limiter.tryAdmit('a')).toBe(false);
  });

  it('slides: a request leaves the window exactly windowMs after it was admitted', () => {
    let now = 0;
    const limiter = createSlidingWindowRateLimiter({ limit: 2, now: () => now });
    expect(limiter.tryAdmit('a')).toBe(true); // t=0
    now = 500;
    expect(limiter.tryAdmit('a')).toBe(true); // t=500
    now = 999;
    expect(limiter.tryAdmit('a')).toBe(false);
    now = 1000; // the t=0 request has left
    expect(limiter.tryAdmit('a')).toBe(true);
    expect(limiter.tryAdmit('a')).toBe(false);
    now = 1500; // the t=500 request has left
    expect(limiter.tryAdmit('a')).toBe(true);
  });

  it('does not count refused requests', () => {
    let now = 0;
    const limiter = createSlidingWindowRateLimiter({ limit: 1, now: () => now });
    expect(limiter.tryAdmit('a')).toBe(true);
    now = 900;
    expect(limiter.tryAdmit('a')).toBe(false);
    now = 1000;
    expect(limiter.tryAdmit('a')).toBe(true);
  });

  it('keeps keys apart', () => {
    const limiter = createSlidingWindowRateLimiter({ limit: 1, now: () => 0 });
    expect(limiter.tryAdmit('a')).toBe(true);
    expect(limiter.tryAdmit('b')).toBe(true);
    expect(limiter.tryAdmit('a')).toBe(false);
  });

  it('honours a custom window length', () => {
    let now = 0;
    const limiter = createSlidingWindowRateLimiter({ limit: 1, windowMs: 60_000, now: () => now });
    expect(limiter.tryAdmit('a')).toBe(true);
    now = 59_999;
    expect(limiter.tryAdmit('a')).toBe(false);
    now = 60_000;
    expect(limiter.tryAdmit('a')).toBe(true);
  });
});
