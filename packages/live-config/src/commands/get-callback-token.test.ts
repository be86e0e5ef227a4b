import { MalformedResponseError, TencentApiError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createHarness, loseAnswersAfterApplying } from '../../test/emulator-harness.js';
import { deleteCallbackToken } from './delete-callback-token.js';
import { CALLBACK_TOKEN_NOT_CONFIGURED, getCallbackToken } from './get-callback-token.js';
import type { LiveConfigClient } from './live-config-client.js';
import { setCallbackToken } from './set-callback-token.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('getCallbackToken and deleteCallbackToken', () => {
  it('reads { token, enabled }', async () => {
    const { client } = createHarness();
    await setCallbackToken(client, { token: 'abc-token', enabled: false });
    expect(await getCallbackToken(client)).toEqual({ token: 'abc-token', enabled: false });
  });

  it('throws a clear 100302 when no token is configured', async () => {
    const { client } = createHarness();
    const error = await rejection(getCallbackToken(client));
    expect(TencentApiError.isInstance(error)).toBe(true);
    expect((error as TencentApiError).code).toBe(CALLBACK_TOKEN_NOT_CONFIGURED);
    expect((error as Error).message).toContain('no callback token is configured for this app');
    expect((error as Error).message).toContain('setCallbackToken');
    expect((error as TencentApiError).command).toBe('get_callback_token');
  });

  it('reads through 100001 and dropped connections', async () => {
    const { client } = createHarness({
      faults: [
        { route: 'live_config/get_callback_token', fault: { kind: 'transient' }, times: 1 },
        { route: 'live_config/get_callback_token', fault: 'drop-connection', times: 1 },
      ],
    });
    await setCallbackToken(client, { token: 'abc-token', enabled: true });
    expect(await getCallbackToken(client)).toEqual({ token: 'abc-token', enabled: true });
  });

  it('refuses a malformed Response without showing the token', async () => {
    const client: LiveConfigClient = {
      call: async () => ({
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
        RequestId: 'r-1',
        Response: { Token: 'leaky-secret', IsTokenEnable: 'yes' },
      }),
    };
    const error = await rejection(getCallbackToken(client));
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('IsTokenEnable');
    expect((error as Error).message).not.toContain('leaky-secret');
    expect((error as MalformedResponseError).requestId).toBe('r-1');
  });

  it('deletes the token configuration, idempotently', async () => {
    const { client, tencent, counters } = createHarness({
      faults: [{ route: 'live_config/delete_callback_token', fault: { kind: 'http-status', status: 502 }, times: 1 }],
    });
    await setCallbackToken(client, { token: 'abc-token', enabled: true });
    await deleteCallbackToken(client);
    expect(tencent().callbackToken).toBeUndefined();
    await deleteCallbackToken(client);
    expect(counters('delete_callback_token')).toMatchObject({ requests: 2, succeeded: 2 });
    expect(TencentApiError.isInstance(await rejection(getCallbackToken(client)))).toBe(true);
  });

  it('deletes when the answer is lost after the token configuration was deleted: the retry succeeds too', async () => {
    const { client, tencent, counters } = createHarness({ wrapFetch: loseAnswersAfterApplying('delete_callback_token') });
    await setCallbackToken(client, { token: 'abc-token', enabled: true });
    await deleteCallbackToken(client);
    expect(tencent().callbackToken).toBeUndefined();
    expect(counters('delete_callback_token')).toMatchObject({ requests: 2, succeeded: 2, failed: 0 });
  });
});
