import { TencentApiError, ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../test/emulator-harness.js';
import type { LiveConfigClient } from './live-config-client.js';
import { setCallbackToken } from './set-callback-token.js';

const TOKEN = 'first-token-0123456789';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('setCallbackToken', () => {
  it('creates the token configuration on first setup with both fields, then updates one field at a time', async () => {
    const { client, tencent } = createHarness();
    await setCallbackToken(client, { token: TOKEN, enabled: true });
    expect(tencent().callbackToken).toEqual({ token: TOKEN, isTokenEnable: true });
    await setCallbackToken(client, { enabled: false });
    expect(tencent().callbackToken).toEqual({ token: TOKEN, isTokenEnable: false });
    await setCallbackToken(client, { token: 'second-token' });
    expect(tencent().callbackToken).toEqual({ token: 'second-token', isTokenEnable: false });
  });

  it.each([[{ token: TOKEN }, 'enabled'], [{ enabled: true }, 'token']] as const)(
    'explains that both fields are required on first setup (%j)',
    async (settings, missing) => {
      const { client, tencent, counters } = createHarness();
      const error = await rejection(setCallbackToken(client, settings));
      expect(TencentApiError.isInstance(error)).toBe(true);
      const apiError = error as TencentApiError;
      expect(apiError.code).toBe(100002);
      expect(apiError.message).toContain('on first setup token and enabled are both required');
      expect(apiError.message).toContain(`(${missing} was not given)`);
      expect(apiError.message).not.toContain(TOKEN);
      expect(apiError.requestId).toMatch(/\S/);
      expect(tencent().callbackToken).toBeUndefined();
      expect(counters('get_callback_token').requests).toBe(1); // the confirming read
    },
  );

  it('passes a 100002 through unchanged when a configuration exists (not a first-setup problem)', async () => {
    const original = new TencentApiError({ code: 100002, info: 'invalid parameter: something else', service: 'live_config', command: 'set_callback_token' });
    const calls: string[] = [];
    const client: LiveConfigClient = {
      async call(_service, command) {
        calls.push(command);
        if (command === 'set_callback_token') throw original;
        return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Response: { Token: 'x', IsTokenEnable: true } };
      },
    };
    expect(await rejection(setCallbackToken(client, { enabled: true }))).toBe(original);
    expect(calls).toEqual(['set_callback_token', 'get_callback_token']);
  });

  it('does not read back when both fields were given', async () => {
    const original = new TencentApiError({ code: 100002, info: 'invalid parameter', service: 'live_config', command: 'set_callback_token' });
    const calls: string[] = [];
    const client: LiveConfigClient = {
      async call(_service, command) {
        calls.push(command);
        throw original;
      },
    };
    expect(await rejection(setCallbackToken(client, { token: TOKEN, enabled: true }))).toBe(original);
    expect(calls).toEqual(['set_callback_token']);
  });

  it.each([
    ['100001', { route: 'live_config/set_callback_token', fault: { kind: 'transient' as const }, times: 3 }],
    ['502', { route: 'live_config/set_callback_token', fault: { kind: 'http-status' as const, status: 502 }, times: 2 }],
    ['dropped connections', { route: 'live_config/set_callback_token', fault: 'drop-connection' as const, times: 2 }],
    ['a 60018 burst', { route: 'live_config/set_callback_token', fault: { kind: 'rate-limit' as const }, times: 3 }],
  ])('ends with the asked token through %s, applied once', async (_name, rule) => {
    const { client, tencent, counters } = createHarness({ faults: [rule] });
    await setCallbackToken(client, { token: TOKEN, enabled: true });
    expect(tencent().callbackToken).toEqual({ token: TOKEN, isTokenEnable: true });
    expect(counters('set_callback_token')).toMatchObject({ requests: 1, succeeded: 1 });
  });

  it.each([
    [{}, ''],
    [{ token: '' }, 'token'],
    [{ token: 'x'.repeat(129) }, 'token'],
    [{ token: 'has space' }, 'token'],
    [{ token: 'line\nbreak' }, 'token'],
    [{ token: 'ünïcode' }, 'token'],
    [{ token: 42 }, 'token'],
    [{ enabled: 'yes' }, 'enabled'],
    [{ tokne: TOKEN, enabled: true }, 'tokne'],
    [null, ''],
  ])('validates %j before sending anything, without echoing the token', async (settings, path) => {
    const { client, emulator } = createHarness();
    const error = await rejection(setCallbackToken(client, settings as never));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect((error as Error).message).not.toMatch(/xxxxxxxx|has space|ünïcode/);
    expect(emulator.log.size).toBe(0);
  });

  it('accepts a 128-character token and keeps it out of the request log', async () => {
    const { client, tencent, emulator } = createHarness();
    const token = 'T'.repeat(128);
    await setCallbackToken(client, { token, enabled: true });
    expect(tencent().callbackToken?.token).toBe(token);
    expect(JSON.stringify(emulator.log.entries())).not.toContain(token);
  });
});
