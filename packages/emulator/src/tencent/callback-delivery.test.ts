import { CallbackSignatureError, ValidationError, genUserSig, signCallback, verifyCallback } from '@tokenwire/core';
import { describe, expect, it, vi } from 'vitest';
import type { CallbackDeliveryAttempt, CallbackFetch } from './callback-delivery.js';
import type { TencentEnvelopeBody } from './envelope-response.js';
import { createTencentService, type TencentServiceOptions } from './tencent-service.js';
import { createManualClock } from '../../../../tests/support/manual-clock.js';

const SDK_APP_ID = 1400000000;
const SECRET_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const ADMIN = 'administrator';
const START = Date.UTC(2025, 0, 1, 8, 30, 15, 250);
const START_SECONDS = Math.floor(START / 1000);
const RECEIVER = 'https://receiver.example/tencent/callback';
// Typed `string`: these tests are about delivery, and send bodies of any shape (callback-body.test.ts types them).
const CREATE_ROOM: string = 'Live.CallbackAfterCreateRoom';
const DESTROY_ROOM: string = 'Live.CallbackAfterDestroyRoom';
const ACK = { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 };

interface Received {
  readonly url: string;
  readonly method: string;
  readonly contentType: string | null;
  readonly text: string;
}

/** A receiver standing in for the app backend: records each callback and answers with `answer`. */
function receiver(answer: (request: Request) => Response | Promise<Response> = () => Response.json(ACK)) {
  const received: Received[] = [];
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    received.push({
      url: request.url,
      method: request.method,
      contentType: request.headers.get('content-type'),
      text: await request.clone().text(),
    });
    return answer(request);
  });
  const fetch: CallbackFetch = mock;
  return { fetch, received, calls: mock };
}

async function setup(
  config: { url?: string; commands?: string[]; token?: { Token: string; IsTokenEnable: boolean } } | undefined,
  overrides: Partial<TencentServiceOptions> = {},
) {
  const clock = createManualClock(START);
  const service = createTencentService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: [ADMIN], ...overrides }, { now: clock.now });
  const usersig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: ADMIN, now: clock.now });
  const call = async (command: string, body: unknown) => {
    const url = `https://console.tim.qq.com/v4/live_config/${command}?sdkappid=${SDK_APP_ID}&identifier=${ADMIN}&usersig=${usersig}&random=1&contenttype=json`;
    const envelope = (await (await service.handle(
      new Request(url, { method: 'POST', body: JSON.stringify(body) }),
    ))!.json()) as TencentEnvelopeBody;
    expect(envelope.ErrorCode).toBe(0);
  };
  if (config !== undefined) {
    await call('set_callback', { Url: config.url ?? RECEIVER, CallbackCommandList: config.commands ?? [CREATE_ROOM, DESTROY_ROOM] });
    if (config.token !== undefined) await call('set_callback_token', config.token);
  }
  return { service, clock };
}

function attempt(result: Awaited<ReturnType<ReturnType<typeof createTencentService>['emitCallback']>>): CallbackDeliveryAttempt {
  expect(result.attempted).toBe(true);
  return result as CallbackDeliveryAttempt;
}

const BASE_QUERY = `SdkAppid=${SDK_APP_ID}&CallbackCommand=${CREATE_ROOM}&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI`;

describe('emitCallback: when nothing is sent', () => {
  it('reports callback_not_configured without any network call', async () => {
    const { fetch, calls } = receiver();
    const { service } = await setup(undefined, { callbackFetch: fetch });
    expect(await service.emitCallback(CREATE_ROOM, { RoomId: 'r1' })).toEqual({
      attempted: false,
      delivered: false,
      accepted: false,
      reason: 'callback_not_configured',
    });
    expect(calls).not.toHaveBeenCalled();
  });

  it('reports command_not_enabled without any network call', async () => {
    const { fetch, calls } = receiver();
    const { service } = await setup({ commands: [DESTROY_ROOM] }, { callbackFetch: fetch });
    expect(await service.emitCallback(CREATE_ROOM, { RoomId: 'r1' })).toEqual({
      attempted: false,
      delivered: false,
      accepted: false,
      reason: 'command_not_enabled',
    });
    expect(calls).not.toHaveBeenCalled();
  });

  it('reports callback_not_configured again after delete_callback', async () => {
    const { fetch } = receiver();
    const { service } = await setup({}, { callbackFetch: fetch });
    const usersig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: ADMIN, now: () => START });
    await service.handle(
      new Request(
        `https://h/v4/live_config/delete_callback?sdkappid=${SDK_APP_ID}&identifier=${ADMIN}&usersig=${usersig}&random=1&contenttype=json`,
        {
          method: 'POST',
          body: '{}',
        },
      ),
    );
    expect(await service.emitCallback(CREATE_ROOM, {})).toMatchObject({ delivered: false, reason: 'callback_not_configured' });
  });

  it('rejects bad input with a ValidationError before sending anything', async () => {
    const { fetch, calls } = receiver();
    const { service } = await setup({}, { callbackFetch: fetch });
    const cases: [Promise<unknown>, string][] = [
      [service.emitCallback('', {}), 'command'],
      [service.emitCallback(CREATE_ROOM, [] as unknown as Record<string, unknown>), 'body'],
      [service.emitCallback(CREATE_ROOM, {}, { requestTime: -1 }), 'options.requestTime'],
      [service.emitCallback(CREATE_ROOM, {}, { requestTime: 1.5 }), 'options.requestTime'],
      [service.emitCallback(CREATE_ROOM, {}, { timeoutMs: 0 }), 'options.timeoutMs'],
      [service.emitCallback(CREATE_ROOM, { Owner_Account: 144115216631667826n }), 'body'],
    ];
    for (const [promise, path] of cases) {
      const error = await promise.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues[0]?.path).toBe(path);
    }
    expect(calls).not.toHaveBeenCalled();
  });
});

describe('emitCallback: delivery', () => {
  it('POSTs the JSON body with the query parameters Tencent appends, without Sign when there is no token', async () => {
    const { fetch, received } = receiver();
    const { service } = await setup({}, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback(CREATE_ROOM, { RoomId: 'room-1', EventTime: START }));
    expect(received).toHaveLength(1);
    expect(received[0]).toEqual({
      url: `${RECEIVER}?${BASE_QUERY}`,
      method: 'POST',
      contentType: expect.stringMatching(/^application\/json/),
      text: JSON.stringify({ CallbackCommand: CREATE_ROOM, RoomId: 'room-1', EventTime: START }),
    });
    expect(result).toEqual({
      attempted: true,
      delivered: true,
      accepted: true,
      refused: false,
      url: `${RECEIVER}?${BASE_QUERY}`,
      status: 200,
      body: ACK,
      durationMs: 0,
    });
  });

  it('calls its fetch with the URL as a string and a plain init, never a Request, so miniflare dispatchFetch fits', async () => {
    // Like miniflare's dispatchFetch: it does not recognise this realm's Request and reads it as "[object Request]".
    const received: string[] = [];
    const dispatchFetch = async (input: RequestInfo, init?: RequestInit): Promise<Response> => {
      if (typeof input !== 'string') throw new TypeError(`Failed to parse URL from ${String(input)}`);
      const request = new Request(input, init);
      received.push(`${request.method} ${request.url} ${await request.text()}`);
      return Response.json(ACK);
    };
    const { service } = await setup({ token: { Token: 'token-1', IsTokenEnable: true } }, { callbackFetch: dispatchFetch });
    expect(attempt(await service.emitCallback(CREATE_ROOM, { RoomInfo: { RoomId: 'room-1' } }))).toMatchObject({
      delivered: true,
      accepted: true,
    });
    expect(received).toEqual([
      `POST ${RECEIVER}?${BASE_QUERY}&Sign=${signCallback({ token: 'token-1', requestTime: START_SECONDS })}&RequestTime=${START_SECONDS} ` +
        `{"CallbackCommand":"${CREATE_ROOM}","RoomInfo":{"RoomId":"room-1"}}`,
    ]);
  });

  it('sets CallbackCommand in an object body to the command, first', async () => {
    const { fetch, received } = receiver();
    const { service } = await setup({}, { callbackFetch: fetch });
    await service.emitCallback(CREATE_ROOM, { RoomId: 'room-1', CallbackCommand: 'Something.Else' });
    expect(received[0]?.text).toBe(`{"CallbackCommand":"${CREATE_ROOM}","RoomId":"room-1"}`);
  });

  it('puts queryCommand in the URL (a dialect whose table names another spelling), checking and filling the body with command', async () => {
    const { fetch, received } = receiver();
    const member = 'Live.CallbackAfterMemberStateChanged';
    const { service } = await setup({ commands: [member] }, { callbackFetch: fetch });
    attempt(await service.emitCallback(member, { RoomId: 'r' }, { queryCommand: 'Live.CallbackMemberStateChanged' }));
    expect(new URL(received[0]!.url).searchParams.get('CallbackCommand')).toBe('Live.CallbackMemberStateChanged');
    expect(JSON.parse(received[0]!.text)).toEqual({ CallbackCommand: member, RoomId: 'r' });
    expect(await service.emitCallback('Live.CallbackMemberStateChanged', { RoomId: 'r' })).toMatchObject({
      attempted: false,
      reason: 'command_not_enabled',
    });
  });

  it('refuses an empty or non-string queryCommand before sending anything', async () => {
    const { fetch, calls } = receiver();
    const { service } = await setup({}, { callbackFetch: fetch });
    for (const queryCommand of ['', 7]) {
      const error = await service.emitCallback(CREATE_ROOM, {}, { queryCommand } as never).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(error) && error.issues[0]?.path).toBe('options.queryCommand');
    }
    expect(calls).not.toHaveBeenCalled();
  });

  it('sends a raw JSON body byte for byte, so integers beyond 2^53 survive', async () => {
    const { fetch, received } = receiver();
    const { service } = await setup({}, { callbackFetch: fetch });
    const raw = `{"CallbackCommand":"${DESTROY_ROOM}","RoomId":"room-1","RoomInfo":{"Owner_Account":144115216631667826},"EventTime":1700000000123}`;
    attempt(await service.emitCallback(DESTROY_ROOM, raw));
    expect(received[0]?.text).toBe(raw);
    expect(received[0]?.url).toContain(`CallbackCommand=${DESTROY_ROOM}`);
  });

  it('signs with Sign and RequestTime when the token is enabled; the receiver verifies it with verifyCallback', async () => {
    const { fetch, received } = receiver();
    const token = 'callback-token-0123456789';
    const { service, clock } = await setup({ token: { Token: token, IsTokenEnable: true } }, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback(CREATE_ROOM, { RoomId: 'room-1' }));
    expect(result.accepted).toBe(true);

    const url = new URL(received[0]!.url);
    const sign = url.searchParams.get('Sign');
    expect(url.searchParams.get('RequestTime')).toBe(String(START_SECONDS));
    expect(sign).toBe(signCallback({ token, requestTime: START_SECONDS }));
    expect(received[0]!.url).toBe(`${RECEIVER}?${BASE_QUERY}&Sign=${sign}&RequestTime=${START_SECONDS}`);
    expect(() => verifyCallback({ tokens: token, sign, requestTime: url.searchParams.get('RequestTime'), now: clock.now })).not.toThrow();
    expect(() =>
      verifyCallback({ tokens: 'another-token', sign, requestTime: url.searchParams.get('RequestTime'), now: clock.now }),
    ).toThrow(CallbackSignatureError);

    // the reported URL hides the signature
    expect(result.url).toBe(`${RECEIVER}?${BASE_QUERY}&Sign=***&RequestTime=${START_SECONDS}`);
    expect(JSON.stringify(result)).not.toContain(sign);
  });

  it('follows the token configuration as it changes', async () => {
    const { fetch, received } = receiver();
    const { service } = await setup({ token: { Token: 'token-1', IsTokenEnable: false } }, { callbackFetch: fetch });
    await service.emitCallback(CREATE_ROOM, {});
    expect(received[0]!.url).toBe(`${RECEIVER}?${BASE_QUERY}`);
  });

  it('lets a test send a stale RequestTime, another ClientIP and OptPlatform', async () => {
    const { fetch, received } = receiver();
    const token = 'token-1';
    const { service, clock } = await setup({ token: { Token: token, IsTokenEnable: true } }, { callbackFetch: fetch });
    const stale = START_SECONDS - 61;
    await service.emitCallback(CREATE_ROOM, {}, { requestTime: stale, clientIp: '203.0.113.7', optPlatform: 'Android' });
    const url = new URL(received[0]!.url);
    expect(url.searchParams.get('ClientIP')).toBe('203.0.113.7');
    expect(url.searchParams.get('OptPlatform')).toBe('Android');
    expect(url.searchParams.get('RequestTime')).toBe(String(stale));
    expect(url.searchParams.get('Sign')).toBe(signCallback({ token, requestTime: stale }));
    let thrown: unknown;
    try {
      verifyCallback({
        tokens: token,
        sign: url.searchParams.get('Sign'),
        requestTime: url.searchParams.get('RequestTime'),
        now: clock.now,
      });
    } catch (error) {
      thrown = error;
    }
    expect(CallbackSignatureError.isInstance(thrown) && thrown.reason).toBe('stale_request_time');
  });

  it('keeps a query the configured URL already has and drops its fragment', async () => {
    const { fetch, received } = receiver();
    const { service } = await setup({ url: 'http://10.0.0.2:8080/cb?tenant=a%20b#section' }, { callbackFetch: fetch });
    await service.emitCallback(CREATE_ROOM, {});
    expect(received[0]!.url).toBe(`http://10.0.0.2:8080/cb?tenant=a%20b&${BASE_QUERY}`);
  });

  it('uses the per-call fetch over the service fetch', async () => {
    const serviceReceiver = receiver();
    const callReceiver = receiver();
    const { service } = await setup({}, { callbackFetch: serviceReceiver.fetch });
    attempt(await service.emitCallback(CREATE_ROOM, {}, { fetch: callReceiver.fetch }));
    expect(serviceReceiver.calls).not.toHaveBeenCalled();
    expect(callReceiver.calls).toHaveBeenCalledTimes(1);
  });

  it('measures the duration on the service clock', async () => {
    let advance = (_milliseconds: number) => {};
    const { fetch } = receiver(() => {
      advance(150);
      return Response.json(ACK);
    });
    const { service, clock } = await setup({}, { callbackFetch: fetch });
    advance = clock.advance;
    expect(attempt(await service.emitCallback(CREATE_ROOM, {})).durationMs).toBe(150);
  });
});

describe('emitCallback: what the receiver answers', () => {
  it('a "before" callback the receiver refuses (ActionStatus OK, non-zero ErrorCode): delivered, refused', async () => {
    const { fetch } = receiver(() => Response.json({ ActionStatus: 'OK', ErrorInfo: 'gift not allowed', ErrorCode: 1 }));
    const { service } = await setup({ commands: ['Live.CallbackBeforeSendGift'] }, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback('Live.CallbackBeforeSendGift', { RoomId: 'r' }));
    expect(result).toMatchObject({ delivered: true, accepted: false, refused: true, status: 200, body: { ErrorCode: 1 } });
    expect(result.error).toBe('the receiver refused with ErrorCode 1: gift not allowed');
  });

  it('a refusal without ActionStatus is still a refusal', async () => {
    const { fetch } = receiver(() => Response.json({ ErrorCode: 4001 }));
    const { service } = await setup({ commands: ['Live.CallbackBeforeSendGift'] }, { callbackFetch: fetch });
    expect(attempt(await service.emitCallback('Live.CallbackBeforeSendGift', { RoomId: 'r' }))).toMatchObject({
      delivered: true,
      refused: true,
    });
  });

  it.each([
    ['a non-zero code', { ActionStatus: 'FAIL', ErrorInfo: 'wallet down', ErrorCode: 1 }],
    ['code 0', { ActionStatus: 'FAIL', ErrorInfo: 'wallet down', ErrorCode: 0 }],
  ])('an ActionStatus FAIL answer (%s) is a failed delivery, as Tencent counts it — not a refusal', async (_name, answer) => {
    const { fetch } = receiver(() => Response.json(answer));
    const { service } = await setup({ commands: ['Live.CallbackBeforeSendGift'] }, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback('Live.CallbackBeforeSendGift', { RoomId: 'r' }));
    expect(result).toMatchObject({ delivered: false, accepted: false, refused: false, status: 200, body: answer });
    expect(result.error).toMatch(/ActionStatus FAIL .*not as a refusal.*: wallet down$/);
  });

  it('JSON that is not an envelope: delivered, not accepted', async () => {
    const { fetch } = receiver(() => Response.json({ ok: true }));
    const { service } = await setup({}, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback(CREATE_ROOM, {}));
    expect(result).toMatchObject({ delivered: true, accepted: false, refused: false, status: 200, body: { ok: true } });
    expect(result.error).toContain('ErrorCode');
  });

  it.each([500, 404, 201, 204])('HTTP %i counts as failed', async (status) => {
    const { fetch } = receiver(() => new Response(status === 204 ? null : JSON.stringify(ACK), { status }));
    const { service } = await setup({}, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback(CREATE_ROOM, {}));
    expect(result).toMatchObject({ delivered: false, accepted: false, status });
    expect(result.error).toContain(`HTTP ${status}`);
  });

  it('a redirect is not followed and counts as failed', async () => {
    const { fetch, calls } = receiver(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }));
    const { service } = await setup({}, { callbackFetch: fetch });
    expect(attempt(await service.emitCallback(CREATE_ROOM, {}))).toMatchObject({ delivered: false, status: 302 });
    expect(calls).toHaveBeenCalledTimes(1);
    expect(calls.mock.calls[0]![1]).toMatchObject({ redirect: 'manual' });
  });

  it('keeps the parsed JSON of a failed answer', async () => {
    const { fetch } = receiver(() => Response.json({ message: 'boom' }, { status: 500 }));
    const { service } = await setup({}, { callbackFetch: fetch });
    expect(attempt(await service.emitCallback(CREATE_ROOM, {}))).toMatchObject({
      delivered: false,
      status: 500,
      body: { message: 'boom' },
    });
  });

  it.each([
    ['text', 'OK'],
    ['an empty body', ''],
    ['HTML', '<html>ok</html>'],
  ])('HTTP 200 with %s counts as failed (not JSON)', async (_name, text) => {
    const { fetch } = receiver(() => new Response(text, { status: 200 }));
    const { service } = await setup({}, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback(CREATE_ROOM, {}));
    expect(result).toMatchObject({ delivered: false, accepted: false, status: 200 });
    expect(result).not.toHaveProperty('body');
    expect(result.error).toContain('not JSON');
  });

  it('a receiver that never answers times out after the callback timeout', async () => {
    let signal: AbortSignal | undefined;
    const fetch: CallbackFetch = (_url, init) => {
      signal = init.signal;
      return new Promise<Response>(() => {}); // ignores the abort
    };
    const { service } = await setup({}, { callbackFetch: fetch, callbackTimeoutMs: 30 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const emitting = service.emitCallback(CREATE_ROOM, {});
    emitting.then(
      () => (settled = true),
      () => (settled = true),
    );
    try {
      await vi.advanceTimersByTimeAsync(29);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const result = attempt(await emitting);
    expect(result).toMatchObject({ delivered: false, accepted: false });
    expect(result).not.toHaveProperty('status');
    expect(result.error).toContain('within 30 ms');
    expect(signal?.aborted).toBe(true);
  });

  it('a receiver that honours the abort also counts as timed out', async () => {
    const fetch: CallbackFetch = (_url, { signal }) =>
      new Promise<Response>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const { service } = await setup({}, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback(CREATE_ROOM, {}, { timeoutMs: 20 }));
    expect(result.error).toContain('within 20 ms');
  });

  it('a body that stalls after the headers times out', async () => {
    const fetch = (async () =>
      new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"Error')) }), {
        status: 200,
      })) as typeof globalThis.fetch;
    const { service } = await setup({}, { callbackFetch: fetch, callbackTimeoutMs: 30 });
    const result = attempt(await service.emitCallback(CREATE_ROOM, {}));
    expect(result).toMatchObject({ delivered: false, accepted: false });
    expect(result.error).toContain('within 30 ms');
  });

  it('a refused connection counts as failed (real fetch to a closed port)', async () => {
    const { service } = await setup({ url: 'http://127.0.0.1:9/callback' });
    const result = attempt(await service.emitCallback(CREATE_ROOM, {}));
    expect(result).toMatchObject({ delivered: false, accepted: false });
    expect(result).not.toHaveProperty('status');
    expect(result.error).toMatch(/failed/);
  });

  it('a fetch that rejects counts as failed, and the error never shows the token or Sign', async () => {
    const token = 'very-secret-callback-token';
    const fetch: CallbackFetch = async (url) => {
      throw new TypeError(`fetch failed for ${url}`, { cause: new Error(`connect ECONNREFUSED (token ${token})`) });
    };
    const { service } = await setup({ token: { Token: token, IsTokenEnable: true } }, { callbackFetch: fetch });
    const result = attempt(await service.emitCallback(CREATE_ROOM, {}));
    const sign = signCallback({ token, requestTime: START_SECONDS });
    expect(result.delivered).toBe(false);
    expect(result.error).toContain('ECONNREFUSED');
    expect(result.error).not.toContain(token);
    expect(result.error).not.toContain(sign);
    expect(result.error).toContain('Sign=***');
  });
});
