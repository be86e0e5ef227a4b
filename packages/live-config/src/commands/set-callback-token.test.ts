import { createTencentClient, NetworkError, TencentApiError, ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { ADMIN, createHarness, loseAnswersAfterApplying, SDK_APP_ID, SECRET_KEY } from '../../test/emulator-harness.js';
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
    expect(tencent().callbackToken).toEqual({ token: TOKEN, enabled: true });
    await setCallbackToken(client, { enabled: false });
    expect(tencent().callbackToken).toEqual({ token: TOKEN, enabled: false });
    await setCallbackToken(client, { token: 'second-token' });
    expect(tencent().callbackToken).toEqual({ token: 'second-token', enabled: false });
  });

  it.each([
    [{ token: TOKEN }, 'enabled'],
    [{ enabled: true }, 'token'],
  ] as const)('says that both fields are required on first setup before sending anything (%j)', async (settings, missing) => {
    const { client, tencent, counters } = createHarness();
    const error = await rejection(setCallbackToken(client, settings));
    expect(ValidationError.isInstance(error)).toBe(true);
    const validationError = error as ValidationError;
    expect(validationError.issues).toEqual([
      { path: missing, message: expect.stringMatching(/^is required on first setup \(no callback token is configured yet\)$/) },
    ]);
    expect(validationError.message).not.toContain(TOKEN);
    expect(tencent().callbackToken).toBeUndefined();
    expect(counters('get_callback_token').requests).toBe(1); // the read that found no configuration
    expect(counters('set_callback_token').requests).toBe(0);
  });

  it('passes a failure of the first read through (token redacted), sending nothing', async () => {
    const { client, counters } = createHarness({
      faults: [{ route: 'live_config/get_callback_token', fault: { kind: 'transient', code: 60010 } }],
    });
    const error = await rejection(setCallbackToken(client, { token: TOKEN }));
    expect(TencentApiError.isInstance(error) && error.code).toBe(60010);
    expect(counters('set_callback_token').requests).toBe(0);
  });

  it('does not read first when both fields were given', async () => {
    const original = new TencentApiError({
      code: 100002,
      info: 'invalid parameter',
      service: 'live_config',
      command: 'set_callback_token',
    });
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
    ['a long token', TOKEN, `invalid Token "${TOKEN}"`],
    ['a 3-character token', 'a3Z', 'invalid Token "a3Z"'],
    ['a 1-character token', '%', 'invalid Token "%"'],
  ])('redacts %s that Tencent echoes in ErrorInfo from message, info and stack', async (_name, token, errorInfo) => {
    const client = createTencentClient({
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      baseUrl: 'http://tencent.test',
      retry: { limit: 0 },
      fetch: async () => Response.json({ ActionStatus: 'FAIL', ErrorCode: 100002, ErrorInfo: errorInfo }),
    });
    const error = await rejection(setCallbackToken(client, { token, enabled: true }));
    expect(TencentApiError.isInstance(error)).toBe(true);
    const apiError = error as TencentApiError;
    expect(apiError.code).toBe(100002);
    expect(apiError.command).toBe('set_callback_token');
    for (const text of [apiError.message, apiError.info, apiError.stack ?? '']) expect(text).not.toContain(token);
    expect(apiError.info).toContain('***');
    if (token.length >= 4) expect(apiError.info).toBe('invalid Token "***"');
  });

  it("redacts the token in a rethrown error's cause chain, keeping its class and context", async () => {
    const cause = new TypeError(`socket closed while sending {"Token":"${TOKEN}"}`);
    const original = new NetworkError(`request failed: ${TOKEN}`, { cause, command: 'set_callback_token', attempt: 2 });
    const client: LiveConfigClient = {
      async call() {
        throw original;
      },
    };
    const error = await rejection(setCallbackToken(client, { token: TOKEN, enabled: true }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      name: 'NetworkError',
      retryable: true,
      command: 'set_callback_token',
      attempt: 2,
      message: 'request failed: ***',
    });
    expect(((error as Error).cause as Error).message).toBe('socket closed while sending {"Token":"***"}');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(original.message).toContain(TOKEN); // the original is left alone
  });

  it('ends with the token applied once when the answer to set_callback_token is lost after it was applied', async () => {
    const { client, tencent, counters } = createHarness({ wrapFetch: loseAnswersAfterApplying('set_callback_token') });
    await setCallbackToken(client, { token: TOKEN, enabled: true });
    expect(tencent().callbackToken).toEqual({ token: TOKEN, enabled: true });
    expect(counters('set_callback_token')).toMatchObject({ requests: 2, succeeded: 2 });
  });

  it.each([
    ['100001', { route: 'live_config/set_callback_token', fault: { kind: 'transient' as const }, times: 3 }],
    ['502', { route: 'live_config/set_callback_token', fault: { kind: 'http-status' as const, status: 502 }, times: 2 }],
    ['dropped connections', { route: 'live_config/set_callback_token', fault: 'drop-connection' as const, times: 2 }],
    ['a 60018 burst', { route: 'live_config/set_callback_token', fault: { kind: 'rate-limit' as const }, times: 3 }],
  ])('ends with the asked token through %s, applied once', async (_name, rule) => {
    const { client, tencent, counters } = createHarness({ faults: [rule] });
    await setCallbackToken(client, { token: TOKEN, enabled: true });
    expect(tencent().callbackToken).toEqual({ token: TOKEN, enabled: true });
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

  it('reports every field issue at once, each by path and with a message that says what is expected', async () => {
    const { client, emulator } = createHarness();
    const error = await rejection(setCallbackToken(client, { token: 'has space', enabled: 'yes', tokne: 'x' } as never));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      issues: [
        { path: 'token', message: 'must be 1 to 128 visible ASCII characters (no spaces, line breaks or non-ASCII letters)' },
        { path: 'enabled', message: 'must be a boolean' },
        { path: 'tokne', message: 'is not a known field (expected token and/or enabled)' },
      ],
      message:
        'Invalid callback token settings: token: must be 1 to 128 visible ASCII characters (no spaces, line breaks or non-ASCII letters); enabled: must be a boolean; tokne: is not a known field (expected token and/or enabled)',
    });
    expect((await rejection(setCallbackToken(client, {}))) as ValidationError).toMatchObject({
      issues: [{ path: '', message: 'give token, enabled or both (both on first setup)' }],
    });
    expect((await rejection(setCallbackToken(client, null as never))) as ValidationError).toMatchObject({
      issues: [{ path: '', message: 'must be an object with token and/or enabled' }],
    });
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
