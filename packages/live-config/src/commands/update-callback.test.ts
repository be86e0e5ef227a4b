import { TencentApiError, ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createHarness, loseAnswersAfterApplying } from '../../test/emulator-harness.js';
import { CALLBACK_NOT_CONFIGURED, setCallback } from './set-callback.js';
import { updateCallback } from './update-callback.js';

const next = { url: 'https://new.example/cb', commands: ['Live.CallbackAfterDestroyRoom'] };

describe('updateCallback', () => {
  it('replaces the URL and the whole command list', async () => {
    const { client, tencent } = createHarness();
    await setCallback(client, { url: 'https://old.example/cb', commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackBeforeSendGift'] });
    await updateCallback(client, next);
    expect(tencent().callback).toEqual({ url: next.url, commands: next.commands });
  });

  it('throws 100301 when there is nothing to update, creating nothing', async () => {
    const { client, tencent } = createHarness();
    const error = await updateCallback(client, next).catch((caught: unknown) => caught);
    expect(TencentApiError.isInstance(error) && error.code).toBe(CALLBACK_NOT_CONFIGURED);
    expect(tencent().callback).toBeUndefined();
  });

  it('is safe to retry after a lost answer (idempotent)', async () => {
    const { client, tencent, counters } = createHarness({ wrapFetch: loseAnswersAfterApplying('update_callback', 2) });
    await setCallback(client, { url: 'https://old.example/cb', commands: ['Live.CallbackAfterCreateRoom'] });
    await updateCallback(client, next);
    expect(tencent().callback).toEqual({ url: next.url, commands: next.commands });
    expect(counters('update_callback')).toMatchObject({ requests: 3, succeeded: 3 });
  });

  it('validates before sending', async () => {
    const { client, emulator } = createHarness();
    await expect(updateCallback(client, { url: 'https://x.example', commands: ['not a command'] })).rejects.toSatisfy((error: unknown) =>
      ValidationError.isInstance(error),
    );
    expect(emulator.log.size).toBe(0);
  });
});
