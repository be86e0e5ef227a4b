// The emulator as the `fetch` of @tokenwire/core's Tencent client, in-process: how users put it in their tests.
import { TencentApiError, createTencentClient } from '@tokenwire/core';
import { afterEach, describe, expect, it } from 'vitest';
import { TENCENT } from '../test/fixtures.js';
import { createEmulator, type EmulatorOptions } from './create-emulator.js';
import { serveEmulator } from './serve.node.js';

const retry = { limit: 3, baseDelayMs: 1, maxDelayMs: 5, rateLimitBaseDelayMs: 1, rateLimitMaxDelayMs: 5 };
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function setup(options: Omit<EmulatorOptions, 'tencent'> = {}, timeoutMs = 2000) {
  const emulator = createEmulator({ tencent: TENCENT, ...options });
  const client = createTencentClient({
    sdkAppId: TENCENT.sdkAppId,
    identifier: 'administrator',
    secretKey: TENCENT.secretKey,
    baseUrl: 'https://emulator.test',
    fetch: emulator.fetch,
    retry,
    timeoutMs,
  });
  return { emulator, client };
}

const callbackConfig = { Url: 'https://hook.test/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] };

describe('the emulator behind createTencentClient', () => {
  it('retries through a transient envelope code, and the faulted attempt changed nothing', async () => {
    const { emulator, client } = setup({ faults: [{ route: 'live_config/set_callback', fault: 'transient', sequence: [1] }] });
    await client.call('live_config', 'set_callback', callbackConfig);
    expect(emulator.state.tencent?.callback?.url).toBe('https://hook.test/cb');
    expect(emulator.state.tencent?.commandCounters['live_config/set_callback']).toMatchObject({ requests: 1, succeeded: 1 });
    expect(emulator.log.entries({ route: 'live_config/set_callback' }).map((entry) => entry.faults.length)).toEqual([1, 0]);
  });

  it('retries through a dropped connection, a 502 page and malformed JSON', async () => {
    const { emulator, client } = setup({
      faults: [
        { route: 'live_config/get_callback_token', fault: 'drop-connection', sequence: [1] },
        { route: 'live_config/get_callback_token', fault: { kind: 'http-status', status: 502 }, sequence: [2] },
        { route: 'live_config/get_callback_token', fault: 'malformed-json', sequence: [3] },
      ],
    });
    await client.call('live_config', 'set_callback_token', { Token: 'token-123456', IsTokenEnable: true });
    const body = await client.call('live_config', 'get_callback_token');
    expect(body).toMatchObject({ Response: { Token: 'token-123456', IsTokenEnable: true } });
    expect(emulator.log.entries({ route: 'live_config/get_callback_token' }).map((entry) => entry.outcome)).toEqual([
      'dropped',
      'response',
      'response',
      'response',
    ]);
  });

  it('gives up on a stalled body at the per-attempt deadline and retries', async () => {
    const { emulator, client } = setup({ faults: [{ route: '*', fault: 'stall-body', times: 1 }] }, 150);
    await expect(client.call('live_config', 'get_callback')).rejects.toMatchObject({ code: 100301 });
    expect(emulator.log.entries().map((entry) => entry.outcome)).toEqual(['stalled', 'response']);
  });

  it('surfaces a non-retryable code as a TencentApiError', async () => {
    const { client } = setup();
    const error = await client.call('live_config', 'update_callback', callbackConfig).catch((caught: unknown) => caught);
    expect(TencentApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 100301, service: 'live_config', command: 'update_callback', retryable: false });
  });

  it('works the same over HTTP with serveEmulator', async () => {
    const emulator = createEmulator({ tencent: TENCENT, faults: [{ route: 'live_config/get_callback', fault: 'rate-limit', times: 1 }] });
    const served = await serveEmulator(emulator);
    closers.push(() => served.close());
    const client = createTencentClient({
      sdkAppId: TENCENT.sdkAppId,
      identifier: 'administrator',
      secretKey: TENCENT.secretKey,
      baseUrl: served.url,
      retry,
    });
    await client.call('live_config', 'set_callback', callbackConfig);
    expect(await client.call('live_config', 'get_callback')).toMatchObject({ Response: { Url: 'https://hook.test/cb' } });
    expect(emulator.faults.firedCount()).toBe(1);
  });
});
