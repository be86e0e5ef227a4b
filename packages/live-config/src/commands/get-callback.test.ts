import { MalformedResponseError, TencentApiError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createHarness, loseAnswersAfterApplying } from '../../test/emulator-harness.js';
import { deleteCallback } from './delete-callback.js';
import { getCallback } from './get-callback.js';
import type { LiveConfigClient } from './live-config-client.js';
import { CALLBACK_NOT_CONFIGURED, setCallback } from './set-callback.js';

describe('getCallback and deleteCallback', () => {
  it('reads { url, commands }', async () => {
    const { client } = createHarness();
    await setCallback(client, {
      url: 'https://r.example/cb',
      commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterSomethingNew'],
    });
    expect(await getCallback(client)).toEqual({
      url: 'https://r.example/cb',
      commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterSomethingNew'],
    });
  });

  it('throws 100301 when nothing is configured', async () => {
    const { client } = createHarness();
    const error = await getCallback(client).catch((caught: unknown) => caught);
    expect(TencentApiError.isInstance(error) && error.code).toBe(CALLBACK_NOT_CONFIGURED);
  });

  it('refuses a Response of the wrong shape', async () => {
    const client: LiveConfigClient = { call: async () => ({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Response: { Url: 'x' } }) };
    await expect(getCallback(client)).rejects.toSatisfy((error: unknown) => MalformedResponseError.isInstance(error));
  });

  it('deletes, idempotently and through a 60018 burst', async () => {
    const { client, tencent, counters } = createHarness({
      faults: [{ route: 'live_config/delete_callback', fault: { kind: 'rate-limit' }, times: 2 }],
    });
    await setCallback(client, { url: 'https://r.example/cb', commands: ['Live.CallbackAfterCreateRoom'] });
    await deleteCallback(client);
    await deleteCallback(client);
    expect(tencent().callback).toBeUndefined();
    expect(counters('delete_callback')).toMatchObject({ requests: 2, succeeded: 2 });
  });

  it('deletes when the answer is lost after the configuration was deleted: the retry succeeds too', async () => {
    const { client, tencent, counters } = createHarness({ wrapFetch: loseAnswersAfterApplying('delete_callback') });
    await setCallback(client, { url: 'https://r.example/cb', commands: ['Live.CallbackAfterCreateRoom'] });
    await deleteCallback(client);
    expect(tencent().callback).toBeUndefined();
    expect(counters('delete_callback')).toMatchObject({ requests: 2, succeeded: 2, failed: 0 });
  });
});
