import { describe, expect, it } from 'vitest';
import type { MessageToken } from '../token/apply-token.js';
import { createMessageTokenHolder, type MessageTokenChange } from './message-token-holder.js';

function setUp() {
  let now = 5_000_000;
  let applied = 0;
  const changes: MessageTokenChange[] = [];
  const pending: ((token: MessageToken) => void)[] = [];
  const holder = createMessageTokenHolder(
    () => new Promise<MessageToken>((resolve) => pending.push(resolve)),
    () => now,
    (change) => changes.push(change),
  );
  const apply = (): void => {
    applied += 1;
    pending.shift()?.({ token: `token-${applied}`, obtainedAtMs: now, expiresAtMs: now + 3_600_000 });
  };
  return { holder, apply, changes, advance: (ms: number) => (now += ms), waiting: () => pending.length, now: () => now };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createMessageTokenHolder', () => {
  it('applies once for concurrent first callers and keeps the token until a minute before its hour', async () => {
    const t = setUp();
    const first = Promise.all([t.holder.current(), t.holder.current()]);
    await tick();
    expect(t.waiting()).toBe(1);
    t.apply();
    expect(await first).toEqual(['token-1', 'token-1']);
    t.advance(3_540_000 - 1);
    expect(await t.holder.current()).toBe('token-1');
    t.advance(1);
    const next = t.holder.current();
    await tick();
    t.apply();
    expect(await next).toBe('token-2');
    expect(t.changes).toEqual(['applied', 'applied']);
  });

  it('renews after a rejection once for all callers rejected with the same token', async () => {
    const t = setUp();
    const first = t.holder.current();
    await tick();
    t.apply();
    await first;
    const renewals = Promise.all(Array.from({ length: 20 }, () => t.holder.renew('token-1')));
    await tick();
    expect(t.waiting()).toBe(1);
    t.apply();
    expect(new Set(await renewals)).toEqual(new Set(['token-2']));
    // A late caller rejected with the old token gets the replacement without another applyToken.
    expect(await t.holder.renew('token-1')).toBe('token-2');
    expect(t.waiting()).toBe(0);
  });

  it('adopts a rotated token only for calls sent with the held token', async () => {
    const t = setUp();
    const first = t.holder.current();
    await tick();
    t.apply();
    await first;
    t.advance(3_400_000);
    expect(t.holder.adopt('token-1', null)).toBe(false);
    expect(t.holder.adopt('token-1', 'token-1')).toBe(false);
    expect(t.holder.adopt('token-1', '"rotated-1"')).toBe(true);
    expect(await t.holder.current()).toBe('rotated-1');
    expect(t.holder.expiresAtMs).toBe(t.now() + 3_600_000);
    // A stale answer to a call sent with the old token does not undo the newer token.
    expect(t.holder.adopt('token-1', 'rotated-0')).toBe(false);
    expect(await t.holder.current()).toBe('rotated-1');
    expect(t.changes).toEqual(['applied', 'rotated']);
  });

  it('does nothing with a header before any token was applied', () => {
    const t = setUp();
    expect(t.holder.adopt('anything', 'new-token')).toBe(false);
    expect(t.holder.expiresAtMs).toBeUndefined();
  });
});
