import { NetworkError, RequestAbortedError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createAccessTokenCache, type FabricAccessToken, refreshMarginMs } from './access-token-cache.js';

function setUp(lifetimeMs = 600_000) {
  let now = 1_000_000;
  let issued = 0;
  const pending: { resolve: (grant: FabricAccessToken) => void; reject: (error: unknown) => void }[] = [];
  const cache = createAccessTokenCache(
    () =>
      new Promise<FabricAccessToken>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
    () => now,
    '/token',
  );
  const grant = (): void => {
    issued += 1;
    const next = pending.shift();
    next?.resolve({ accessToken: `token-${issued}`, obtainedAtMs: now, expiresAtMs: now + lifetimeMs });
  };
  return {
    cache,
    grant,
    fail: (error: unknown) => pending.shift()?.reject(error),
    advance: (ms: number) => (now += ms),
    get waiting() {
      return pending.length;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createAccessTokenCache', () => {
  it('uses 60 s as the margin, or a tenth of a short lifetime', () => {
    expect(refreshMarginMs(600_000)).toBe(60_000);
    expect(refreshMarginMs(3_600_000)).toBe(60_000);
    expect(refreshMarginMs(120_000)).toBe(12_000);
  });

  it('shares one refresh among concurrent callers and caches the result until the margin', async () => {
    const t = setUp();
    const callers = Promise.all([t.cache.get(), t.cache.get(), t.cache.get()]);
    await tick();
    expect(t.waiting).toBe(1);
    t.grant();
    expect(await callers).toEqual(['token-1', 'token-1', 'token-1']);
    t.advance(539_999);
    expect(await t.cache.get()).toBe('token-1');
    t.advance(1);
    const next = t.cache.get();
    await tick();
    t.grant();
    expect(await next).toBe('token-2');
  });

  it('hands out the grant with when it is replaced (refreshAtMs), its token not enumerable', async () => {
    const t = setUp(120_000);
    const pending = t.cache.getGrant();
    await tick();
    t.grant();
    const grant = await pending;
    expect(grant).toEqual({ obtainedAtMs: 1_000_000, expiresAtMs: 1_120_000, refreshAtMs: 1_108_000 });
    expect(grant.accessToken).toBe('token-1');
    expect(JSON.stringify(grant)).not.toContain('token-1');
    expect(Object.isFrozen(grant)).toBe(true);
    t.advance(107_999);
    expect(await t.cache.getGrant()).toBe(grant);
    t.advance(1);
    const next = t.cache.getGrant();
    await tick();
    expect(t.waiting).toBe(1);
    t.grant();
    expect((await next).accessToken).toBe('token-2');
  });

  it('drops an invalidated token only when it is still the cached one', async () => {
    const t = setUp();
    const first = t.cache.get();
    await tick();
    t.grant();
    await first;
    t.cache.invalidate('some-older-token');
    expect(await t.cache.get()).toBe('token-1');
    t.cache.invalidate('token-1');
    expect(t.cache.grant).toBeUndefined();
    const second = t.cache.get();
    await tick();
    t.grant();
    expect(await second).toBe('token-2');
  });

  it('hands a failed refresh to every waiter and does not cache it', async () => {
    const t = setUp();
    const waiters = [t.cache.get().catch((error: unknown) => error), t.cache.get().catch((error: unknown) => error)];
    await tick();
    const failure = new NetworkError('down');
    t.fail(failure);
    expect(await Promise.all(waiters)).toEqual([failure, failure]);
    const retry = t.cache.get();
    await tick();
    expect(t.waiting).toBe(1);
    t.grant();
    expect(await retry).toBe('token-1');
  });

  it('ends only the aborting caller’s wait', async () => {
    const t = setUp();
    const controller = new AbortController();
    const impatient = t.cache.get(controller.signal).catch((error: unknown) => error);
    const patient = t.cache.get();
    await tick();
    controller.abort();
    expect(RequestAbortedError.isInstance(await impatient)).toBe(true);
    t.grant();
    expect(await patient).toBe('token-1');
  });
});
