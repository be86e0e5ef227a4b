import { TencentApiError, ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createHarness, loseAnswersAfterApplying } from '../../test/emulator-harness.js';
import { setCallback } from './set-callback.js';
import { upsertCallback } from './upsert-callback.js';

const asked = { url: 'https://r.example/cb', commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'] };
const askedState = { url: asked.url, commands: asked.commands };

describe('upsertCallback', () => {
  it('creates when nothing exists', async () => {
    const { client, tencent, counters } = createHarness();
    expect(await upsertCallback(client, asked)).toBe('created');
    expect(tencent().callback).toEqual(askedState);
    expect(counters('update_callback').requests).toBe(0);
  });

  it('updates when a configuration exists (100300)', async () => {
    const { client, tencent } = createHarness();
    await setCallback(client, { url: 'https://old.example/cb', commands: ['Live.CallbackBeforeSendGift'] });
    expect(await upsertCallback(client, asked)).toBe('updated');
    expect(tencent().callback).toEqual(askedState);
  });

  it('counts a lost-but-applied create as created, without updating', async () => {
    const { client, tencent, counters } = createHarness({ wrapFetch: loseAnswersAfterApplying('set_callback') });
    expect(await upsertCallback(client, asked)).toBe('created');
    expect(tencent().callback).toEqual(askedState);
    expect(counters('update_callback').requests).toBe(0);
  });

  it('reaches the asked state through faults on both commands', async () => {
    const { client, tencent, counters } = createHarness({
      faults: [
        { route: 'live_config/set_callback', fault: 'drop-connection', sequence: [2] },
        { route: 'live_config/update_callback', fault: { kind: 'transient' }, times: 2 },
        { route: 'live_config/get_callback', fault: { kind: 'http-status', status: 502 }, times: 1 },
      ],
    });
    await setCallback(client, { url: 'https://old.example/cb', commands: ['Live.CallbackBeforeSendGift'] });
    expect(await upsertCallback(client, asked)).toBe('updated');
    expect(tencent().callback).toEqual(askedState);
    // Done once: the setup's create, one create that met 100300 (its dropped twin never reached the service), one
    // confirming read, and one update.
    expect(counters('set_callback')).toMatchObject({ requests: 2, succeeded: 1, failed: 1 });
    expect(counters('get_callback')).toMatchObject({ requests: 1, succeeded: 1 });
    expect(counters('update_callback')).toMatchObject({ requests: 1, succeeded: 1 });
  });

  it('passes other errors through and validates first', async () => {
    const { client, emulator } = createHarness({
      faults: [{ route: 'live_config/set_callback', fault: { kind: 'transient', code: 60010 } }],
    });
    const error = await upsertCallback(client, asked).catch((caught: unknown) => caught);
    expect(TencentApiError.isInstance(error) && error.code).toBe(60010);
    emulator.log.clear();
    await expect(upsertCallback(client, { ...asked, url: 'mailto:a@b' })).rejects.toSatisfy((e: unknown) => ValidationError.isInstance(e));
    expect(emulator.log.size).toBe(0);
  });
});
