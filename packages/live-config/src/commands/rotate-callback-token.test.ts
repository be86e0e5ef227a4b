import { NetworkError, signCallback, TencentApiError, ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createHarness, loseAnswersAfterApplying, SDK_APP_ID } from '../../test/emulator-harness.js';
import { callbackAck } from '../callback/callback-ack.js';
import { generateCallbackToken } from './generate-callback-token.js';
import type { LiveConfigClient } from './live-config-client.js';
import { DEFAULT_ROTATION_OVERLAP_SECONDS, rotateCallbackToken } from './rotate-callback-token.js';
import { setCallback } from './set-callback.js';
import { setCallbackToken } from './set-callback-token.js';
import { verifyLiveCallback } from '../callback/verify-live-callback.js';

const NOW = 1_700_000_000_000;
const clock = () => NOW;

describe('rotateCallbackToken', () => {
  it('sets up a first token with signing enabled when none exists (previous undefined)', async () => {
    const { client, tencent } = createHarness();
    const rotation = await rotateCallbackToken(client, { now: clock });
    expect(rotation.previous).toBeUndefined();
    expect(rotation.firstSetup).toBe(true);
    expect(rotation.current).toMatch(/^[A-Za-z0-9_-]{128}$/);
    expect(rotation.enabled).toBe(true);
    expect(rotation.rotatedAtMs).toBe(NOW);
    expect(rotation.keepPreviousUntilMs).toBe(NOW + DEFAULT_ROTATION_OVERLAP_SECONDS * 1000);
    expect(tencent().callbackToken).toEqual({ token: rotation.current, enabled: true });
  });

  it('replaces an existing token, returns both, and leaves the enabled flag alone', async () => {
    const { client, tencent, counters } = createHarness();
    await setCallbackToken(client, { token: 'old-token', enabled: false });
    const rotation = await rotateCallbackToken(client, { token: 'new-token', now: clock, overlapSeconds: 90 });
    expect(rotation).toEqual({
      previous: 'old-token',
      current: 'new-token',
      firstSetup: false,
      enabled: false,
      rotatedAtMs: NOW,
      keepPreviousUntilMs: NOW + 90_000,
    });
    expect(tencent().callbackToken).toEqual({ token: 'new-token', enabled: false });
    expect(counters('set_callback_token').requests).toBe(2);
  });

  it('rotates through transient faults on both commands', async () => {
    const { client, tencent } = createHarness({
      faults: [
        { route: 'live_config/get_callback_token', fault: 'drop-connection', times: 1 },
        { route: 'live_config/set_callback_token', fault: { kind: 'transient' }, sequence: [2, 3] },
      ],
    });
    await setCallbackToken(client, { token: 'old-token', enabled: true });
    const rotation = await rotateCallbackToken(client);
    expect(rotation.previous).toBe('old-token');
    expect(tencent().callbackToken?.token).toBe(rotation.current);
  });

  it('succeeds on a re-run after an earlier call installed the token but failed (previous undefined, nothing sent)', async () => {
    // Every answer to set_callback_token is lost, so the first rotation fails after installing `next`.
    const { client, tencent, counters } = createHarness({ wrapFetch: loseAnswersAfterApplying('set_callback_token', 4) });
    await expect(rotateCallbackToken(client, { token: 'next-token', now: clock })).rejects.toSatisfy((error: unknown) =>
      NetworkError.isInstance(error),
    );
    expect(tencent().callbackToken).toEqual({ token: 'next-token', enabled: true });
    const sent = counters('set_callback_token').requests;
    const rotation = await rotateCallbackToken(client, { token: 'next-token', now: clock, overlapSeconds: 60 });
    expect(rotation).toEqual({
      previous: undefined,
      current: 'next-token',
      firstSetup: false,
      enabled: true,
      rotatedAtMs: NOW,
      keepPreviousUntilMs: NOW + 60_000,
    });
    expect(counters('set_callback_token').requests).toBe(sent);
    expect(tencent().callbackToken).toEqual({ token: 'next-token', enabled: true });
  });

  it('redacts the new token from a failure of set_callback_token', async () => {
    const client: LiveConfigClient = {
      async call(_service, command) {
        if (command === 'get_callback_token')
          return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Response: { Token: 'old-token', IsTokenEnable: true } };
        throw new TencentApiError({ code: 100002, info: 'invalid Token new-token-0123', service: 'live_config', command });
      },
    };
    const error = await rotateCallbackToken(client, { token: 'new-token-0123' }).catch((caught: unknown) => caught);
    expect(TencentApiError.isInstance(error) && error.code).toBe(100002);
    expect((error as TencentApiError).info).toBe('invalid Token ***');
    expect((error as Error).message).not.toContain('new-token-0123');
  });

  it.each([
    [{ token: 'bad token' }, 'token'],
    [{ overlapSeconds: -1 }, 'overlapSeconds'],
    [{ now: 5 }, 'now'],
    [{ now: () => Number.NaN }, 'now'],
    [{ extra: 1 }, 'extra'],
  ])('validates %j before sending anything', async (options, path) => {
    const { client, emulator } = createHarness();
    const error = await rotateCallbackToken(client, options as never).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect((error as Error).message).not.toContain('bad token');
    expect(emulator.log.size).toBe(0);
  });

  it('passes read failures other than 100302 through, installing nothing', async () => {
    const { client, counters } = createHarness({
      faults: [{ route: 'live_config/get_callback_token', fault: { kind: 'transient', code: 60010 } }],
    });
    const error = await rotateCallbackToken(client).catch((caught: unknown) => caught);
    expect(TencentApiError.isInstance(error) && error.code).toBe(60010);
    expect(counters('set_callback_token').requests).toBe(0);
  });

  it('follows the documented procedure end to end: both tokens accepted during the overlap, then only the new one', async () => {
    const received: string[] = [];
    let tokens: string[] = [];
    // Called as Tencent's delivery calls it, fetch(url, init); the tests below also hand it a Request.
    const receiver = async (input: string | URL | Request, init?: RequestInit) => {
      try {
        const event = await verifyLiveCallback(new Request(input, init), { sdkAppId: SDK_APP_ID, tokens });
        received.push(event.command);
        return callbackAck();
      } catch (error) {
        return new Response(String((error as Error).message), { status: 401 });
      }
    };
    const { client, emulator } = createHarness();
    await setCallback(client, { url: 'https://receiver.example/tencent', commands: ['Live.CallbackAfterCreateRoom'] });
    await setCallbackToken(client, { token: 'old-token', enabled: true });
    tokens = ['old-token'];
    const body = { Operator_Account: 'u', RoomInfo: { RoomId: 'r1' }, EventTime: Date.now() };
    expect(await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', body, { fetch: receiver })).toMatchObject({
      accepted: true,
    });

    // 1. receivers accept both the current and the next token; 2. rotate to the next one
    const next = generateCallbackToken();
    tokens = ['old-token', next];
    expect(await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', body, { fetch: receiver })).toMatchObject({
      accepted: true,
    });
    const rotation = await rotateCallbackToken(client, { token: next });
    expect(rotation).toMatchObject({ previous: 'old-token', current: next });
    // a callback signed with the previous token just before the switch, still in flight
    const inFlight = new Request(
      `https://receiver.example/tencent?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackAfterCreateRoom&Sign=${signCallback({ token: 'old-token', requestTime: Math.floor(Date.now() / 1000) })}&RequestTime=${Math.floor(Date.now() / 1000)}`,
      { method: 'POST', body: JSON.stringify(body) },
    );
    expect((await receiver(inFlight.clone())).status).toBe(200);
    expect(await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', body, { fetch: receiver })).toMatchObject({
      accepted: true,
    });

    // 3./4. after the overlap, drop the previous token: old signatures are refused, new ones accepted
    tokens = [next];
    expect((await receiver(inFlight.clone())).status).toBe(401);
    expect(await emulator.tencent.emitCallback('Live.CallbackAfterCreateRoom', body, { fetch: receiver })).toMatchObject({
      accepted: true,
    });
    expect(received).toHaveLength(5);
  });
});
