import { describe, expect, it } from 'vitest';
import { ReplayGuard } from '../src/tencent/replay-guard.js';

describe('ReplayGuard', () => {
  it('refuses a key seen while it is fresh, and accepts it again once stale', () => {
    const guard = new ReplayGuard({ toleranceSeconds: 60 });
    expect(guard.remember('a', 1000, 1000)).toBe(true);
    expect(guard.remember('a', 1000, 1030)).toBe(false);
    expect(guard.remember('a', 1000, 1060)).toBe(false);
    expect(guard.remember('a', 1000, 1061)).toBe(true); // verifyLiveCallback refuses it as stale by then anyway
  });

  it('forgets a key on request, and drops expired entries as time goes on', () => {
    const guard = new ReplayGuard({ toleranceSeconds: 60 });
    guard.remember('a', 1000, 1000);
    guard.forget('a');
    expect(guard.remember('a', 1000, 1000)).toBe(true);
    guard.remember('b', 1001, 1001);
    expect(guard.size).toBe(2);
    guard.remember('c', 1100, 1100);
    expect(guard.size).toBe(1);
  });

  it('keeps at most `capacity` entries, evicting the oldest', () => {
    const guard = new ReplayGuard({ toleranceSeconds: 60, capacity: 3 });
    for (const key of ['a', 'b', 'c', 'd']) expect(guard.remember(key, 1000, 1000)).toBe(true);
    expect(guard.size).toBe(3);
    expect(guard.remember('d', 1000, 1000)).toBe(false);
    expect(guard.remember('a', 1000, 1000)).toBe(true); // evicted: a documented limit of per-isolate memory
  });
});
