// POST /tencent/callback inside real workerd: signed callbacks delivered by the emulated Tencent app, events in
// the Cloudflare Queue, and every kind of refusal.
import { createHash } from 'node:crypto';
import { callbackSample } from '@tokenwire/emulator';
import { rotateCallbackToken } from '@tokenwire/live-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALLBACK_BINDINGS,
  CALLBACK_TOKEN,
  CALLBACK_URL,
  createRoomBody,
  createTencentApp,
  PREVIOUS_TOKEN,
  SDK_APP_ID,
  type TencentApp,
} from './support/tencent-app.js';
import { CALLBACK_BODY_DEADLINE_MS } from '../src/tencent/callback-route.js';
import { canonicalJson } from '../src/tencent/canonical-json.js';
import { tricklingRequest } from './support/trickling-request.js';
import { startWorker, waitFor, waitForLog, type WorkerHarness } from './support/workerd.js';

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
const eventIdOf = (body: string) => createHash('sha256').update(canonicalJson(body)).digest('hex');
/** Every Sign the tests sent, to check none reaches a log line. */
const signs = new Set<string>();

let worker: WorkerHarness;
let app: TencentApp;

beforeAll(async () => {
  worker = await startWorker({ bindings: { ...CALLBACK_BINDINGS }, queue: true });
  app = await createTencentApp();
}, 120_000);
afterAll(async () => {
  await worker?.dispose();
});

/** Emits a callback from `from` to the worker, capturing the exact request Tencent sent. */
async function emit(
  from: TencentApp,
  body: string | Record<string, unknown>,
  options: { requestTime?: number; command?: string; queryCommand?: string; target?: WorkerHarness } = {},
) {
  let sent: Request | undefined;
  const target = options.target ?? worker;
  const result = await from.emulator.tencent!.emitCallback(options.command ?? 'Live.CallbackAfterCreateRoom', body, {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent = request.clone();
      const sign = new URL(request.url).searchParams.get('Sign');
      if (sign !== null) signs.add(sign);
      return target.dispatch(request);
    },
    ...(options.requestTime === undefined ? {} : { requestTime: options.requestTime }),
    ...(options.queryCommand === undefined ? {} : { queryCommand: options.queryCommand }),
  });
  if (!result.attempted) throw new Error(`not sent: ${result.reason}`);
  return { result, sent: sent! };
}

describe('accepted callbacks', () => {
  it('acknowledges a signed callback only after the EVENTS queue took it, with the raw body intact', async () => {
    const body = createRoomBody('room-queue-1');
    const before = worker.queued.length;
    const { result } = await emit(app, body);
    expect(result).toMatchObject({ delivered: true, accepted: true, status: 200, body: OK });
    await waitFor(() => worker.queued.length > before);
    const message = worker.queued.at(-1) as Record<string, unknown>;
    expect(message).toMatchObject({
      id: eventIdOf(body),
      command: 'Live.CallbackAfterCreateRoom',
      sdkAppId: SDK_APP_ID,
      clientIp: '127.0.0.1',
      optPlatform: 'RESTAPI',
      rawBody: body,
    });
    expect(message['rawBody']).toContain('"Owner_Account":144115216631667826'); // beyond 2^53, byte for byte
    expect(Math.abs((message['requestTime'] as number) - Date.now() / 1000)).toBeLessThan(5);
    expect(Math.abs((message['receivedAt'] as number) - Date.now())).toBeLessThan(5000);
  });

  it("takes the emulator's callbacks through miniflare's own dispatchFetch, passed to emitCallback as it is", async () => {
    const body = createRoomBody('room-dispatch-fetch');
    const before = worker.queued.length;
    const result = await app.emulator.tencent!.emitCallback('Live.CallbackAfterCreateRoom', body, {
      fetch: (url, init) => worker.mf.dispatchFetch(url, init),
    });
    expect(result).toMatchObject({ delivered: true, accepted: true, status: 200, body: OK });
    await waitFor(() => worker.queued.length > before);
    expect(worker.queued.at(-1)).toMatchObject({ id: eventIdOf(body), rawBody: body });
  });

  it('accepts different callbacks signed in the same second (same Sign), and queues each', async () => {
    const requestTime = Math.floor(Date.now() / 1000);
    const before = worker.queued.length;
    const first = await emit(app, createRoomBody('room-same-second-a'), { requestTime });
    const second = await emit(app, createRoomBody('room-same-second-b'), { requestTime });
    expect(new URL(first.sent.url).searchParams.get('Sign')).toBe(new URL(second.sent.url).searchParams.get('Sign'));
    expect(first.result).toMatchObject({ accepted: true });
    expect(second.result).toMatchObject({ accepted: true });
    await waitFor(() => worker.queued.length >= before + 2);
  });

  it('accepts commands it has no schema for and queues them as they are', async () => {
    const before = worker.queued.length;
    const { result } = await emit(
      app,
      { RoomId: 'room-x', Anything: [1, 2], EventTime: Date.now() },
      { command: 'Live.CallbackAfterFutureFeature' },
    );
    expect(result).toMatchObject({ accepted: true });
    await waitFor(() => worker.queued.length > before);
    expect(worker.queued.at(-1)).toMatchObject({ command: 'Live.CallbackAfterFutureFeature' });
    expect(worker.queued.at(-1)).not.toHaveProperty('shapeIssues');
  });

  it('queues a signed callback of a known command whose body changed shape, flagged with shapeIssues, and logs it', async () => {
    const before = worker.queued.length;
    const body = '{"RoomNumber":"room-without-room-id","Secretive":"value-not-logged"}';
    const { result } = await emit(app, body, { command: 'Live.CallbackAfterDestroyRoom' });
    expect(result).toMatchObject({ accepted: true, status: 200, body: OK });
    await waitFor(() => worker.queued.length > before);
    const message = worker.queued.at(-1) as Record<string, unknown>;
    expect(message).toMatchObject({ command: 'Live.CallbackAfterDestroyRoom', rawBody: body, shapeIssues: 'RoomId: missing' });
    const logs = await waitForLog(worker, 'callback.shape_mismatch');
    expect(logs).not.toContain('value-not-logged');
  });
});

describe("Tencent's documented dialects", () => {
  it('queues the current create-room sample (647/64422, no EventTime) as a typed event, without shapeIssues', async () => {
    const before = worker.queued.length;
    const sample = callbackSample('Live.CallbackAfterCreateRoom', { dialect: '647-64422', roomId: 'room-64422' });
    const { result } = await emit(app, sample.body);
    expect(result).toMatchObject({ accepted: true, body: OK });
    await waitFor(() => worker.queued.length > before);
    expect(worker.queued.at(-1)).toMatchObject({ command: 'Live.CallbackAfterCreateRoom', rawBody: sample.body });
    expect(worker.queued.at(-1)).not.toHaveProperty('shapeIssues');
  });

  it("hands over 647/64424's table spelling in the URL, with commandMismatch in the message and a log line", async () => {
    const before = worker.queued.length;
    const sample = callbackSample('Live.CallbackAfterMemberStateChanged', {
      dialect: '647-64424-table',
      roomId: 'room-64424',
      eventCause: 'Kicked',
    });
    const { result, sent } = await emit(app, sample.body, { command: sample.command, queryCommand: sample.queryCommand });
    expect(new URL(sent.url).searchParams.get('CallbackCommand')).toBe('Live.CallbackMemberStateChanged');
    expect(result).toMatchObject({ accepted: true, body: OK });
    await waitFor(() => worker.queued.length > before);
    expect(worker.queued.at(-1)).toMatchObject({
      command: 'Live.CallbackAfterMemberStateChanged',
      commandMismatch: { query: 'Live.CallbackMemberStateChanged', body: 'Live.CallbackAfterMemberStateChanged' },
    });
    expect(worker.queued.at(-1)).not.toHaveProperty('shapeIssues');
    expect(await waitForLog(worker, 'callback.command_mismatch')).toContain('Live.CallbackMemberStateChanged');
  });

  it('leaves commandMismatch out of the message when URL and body agree', async () => {
    const before = worker.queued.length;
    await emit(app, createRoomBody('room-agree'));
    await waitFor(() => worker.queued.length > before);
    expect(worker.queued.at(-1)).not.toHaveProperty('commandMismatch');
  });
});

describe('refused and repeated callbacks', () => {
  async function expectRefused(response: Response, status: number, info: string) {
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: info });
    expect(text).not.toContain(CALLBACK_TOKEN);
  }

  it('answers an exact repeat of an accepted callback as the first (200 OK, not 401), and queues it only once', async () => {
    const { result, sent } = await emit(app, createRoomBody('room-replayed'));
    expect(result).toMatchObject({ accepted: true });
    await waitFor(() => worker.queued.some((message) => (message as { rawBody: string }).rawBody.includes('room-replayed')));
    const queued = worker.queued.length;
    for (let repeat = 0; repeat < 2; repeat++) {
      const again = await worker.dispatch(sent.clone());
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(OK);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(worker.queued.length).toBe(queued);
  });

  it('answers a re-formatted repeat (whitespace, key order, escapes) or one signed anew as the same event: OK, not queued again', async () => {
    const body = createRoomBody('room-reformatted');
    const { result, sent } = await emit(app, body);
    expect(result).toMatchObject({ accepted: true });
    await waitFor(() => worker.queued.some((message) => (message as { rawBody: string }).rawBody.includes('room-reformatted')));
    const queued = worker.queued.length;
    const reordered = JSON.stringify({ EventTime: 1, ...JSON.parse(body.replace('144115216631667826', '"x"')) })
      .replace('"x"', '144115216631667826')
      .replace(/"EventTime":1,/, '');
    for (const variant of [`${body} `, `\n${body.replaceAll(',', ', ')}`, body.replace('"r"', '"\\u0072"'), reordered]) {
      expect(variant).not.toBe(body);
      const replay = new Request(sent.url, { method: 'POST', headers: sent.headers, body: variant });
      const again = await worker.dispatch(replay);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(OK);
    }
    // Tencent delivering it again a few seconds later, signed anew.
    const redelivered = await emit(app, body, { requestTime: Math.floor(Date.now() / 1000) + 2 });
    expect(redelivered.result).toMatchObject({ accepted: true, status: 200, body: OK });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(worker.queued.length).toBe(queued);
  });

  it('refuses a forged signature', async () => {
    const { sent } = await emit(app, createRoomBody('room-original'));
    const url = new URL(sent.url);
    const sign = url.searchParams.get('Sign')!;
    url.searchParams.set('Sign', `${sign.slice(0, -1)}${sign.endsWith('0') ? '1' : '0'}`);
    const forged = new Request(url, { method: 'POST', headers: sent.headers, body: createRoomBody('room-forged') });
    await expectRefused(await worker.dispatch(forged), 401, 'unauthenticated callback: signature_mismatch');
  });

  it('refuses a callback signed with a token it does not have', async () => {
    const stranger = await createTencentApp({ token: 'some-other-token-that-the-worker-does-not-know-0123456789' });
    const { result } = await emit(stranger, createRoomBody('room-stranger'));
    expect(result, result.error).toMatchObject({
      delivered: false,
      status: 401,
      body: { ActionStatus: 'FAIL', ErrorInfo: 'unauthenticated callback: signature_mismatch' },
    });
  });

  it('refuses stale and future RequestTimes', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stale = await emit(app, createRoomBody('room-stale'), { requestTime: now - 120 });
    expect(stale.result).toMatchObject({ status: 401, body: { ErrorInfo: 'unauthenticated callback: stale_request_time' } });
    const future = await emit(app, createRoomBody('room-future'), { requestTime: now + 120 });
    expect(future.result).toMatchObject({ status: 401, body: { ErrorInfo: 'unauthenticated callback: stale_request_time' } });
  });

  it("refuses another app's callback, even signed with the same token", async () => {
    const other = await createTencentApp({ sdkAppId: 1400000999 });
    const { result } = await emit(other, createRoomBody('room-other-app'));
    expect(result).toMatchObject({ status: 401, body: { ErrorInfo: 'unauthenticated callback: sdkappid_mismatch' } });
  });

  it('refuses an unsigned callback while a token is configured', async () => {
    const unsigned = await createTencentApp({ token: null });
    const { result, sent } = await emit(unsigned, createRoomBody('room-unsigned'));
    expect(new URL(sent.url).searchParams.has('Sign')).toBe(false);
    expect(result).toMatchObject({ status: 401, body: { ErrorInfo: 'unauthenticated callback: missing_signature' } });
  });

  it('answers 401 without detail to an unauthenticated request that is also malformed (no SdkAppid, a repeated Sign)', async () => {
    const { sent } = await emit(app, createRoomBody('room-template'));
    const noAppId = new URL(sent.url);
    noAppId.searchParams.delete('SdkAppid');
    const repeatedSign = new URL(sent.url);
    repeatedSign.searchParams.append('Sign', repeatedSign.searchParams.get('Sign')!);
    const repeatedAppId = new URL(sent.url);
    repeatedAppId.searchParams.append('sdkappid', String(SDK_APP_ID));
    for (const url of [noAppId, repeatedSign, repeatedAppId]) {
      const request = new Request(url, { method: 'POST', headers: sent.headers, body: 'not even json' });
      await expectRefused(await worker.dispatch(request), 401, 'unauthenticated callback: malformed_request');
    }
  });

  it('answers 400 with detail for a signed callback whose body is not JSON, 405 for GET, 413 for an oversized body', async () => {
    const { result } = await emit(app, 'this is not json');
    expect(result).toMatchObject({
      status: 400,
      body: { ActionStatus: 'FAIL', ErrorCode: 400, ErrorInfo: expect.stringContaining('not valid JSON') },
    });
    const get = await worker.dispatch(new Request(`${CALLBACK_URL}?SdkAppid=${SDK_APP_ID}`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    // Signed, so the body is read: it stops at 1 MiB (workerd sees no Content-Length from miniflare's dispatch).
    const huge = await emit(app, createRoomBody('room-huge').replace('"CustomInfo":""', `"CustomInfo":"${'x'.repeat(2 * 1024 * 1024)}"`));
    expect(huge.result).toMatchObject({
      status: 413,
      body: { ActionStatus: 'FAIL', ErrorCode: 413, ErrorInfo: 'callback body too large' },
    });
  });
});

describe('bodies that never finish (a sender trickling bytes to hold connections)', () => {
  const forgedPath = () => {
    const url = new URL(CALLBACK_URL);
    url.searchParams.set('SdkAppid', String(SDK_APP_ID));
    url.searchParams.set('CallbackCommand', 'Live.CallbackAfterCreateRoom');
    url.searchParams.set('RequestTime', String(Math.floor(Date.now() / 1000)));
    url.searchParams.set('Sign', '0'.repeat(64));
    return `${url.pathname}${url.search}`;
  };

  it('answers a forged callback whose body trickles 401 within about 2 s and closes the connection', async () => {
    const origin = (await worker.mf.ready).origin;
    const requests = [tricklingRequest(origin, forgedPath(), { contentLength: 10_000 }), tricklingRequest(origin, forgedPath())];
    try {
      for (const request of requests) {
        const answer = await request.answered;
        expect(answer.status).toBe(401);
        expect(answer.afterMs).toBeGreaterThanOrEqual(CALLBACK_BODY_DEADLINE_MS - 200);
        expect(answer.afterMs).toBeLessThan(CALLBACK_BODY_DEADLINE_MS + 2000);
        expect(await request.closed).toBeLessThan(CALLBACK_BODY_DEADLINE_MS + 4000);
      }
    } finally {
      for (const request of requests) request.stop();
    }
  }, 15_000);

  it('answers a declared Content-Length over 1 MiB 413 after discarding briefly, and closes the connection', async () => {
    const origin = (await worker.mf.ready).origin;
    const request = tricklingRequest(origin, forgedPath(), { contentLength: 5 * 1024 * 1024 });
    try {
      const answer = await request.answered;
      expect(answer.status).toBe(413);
      expect(answer.afterMs).toBeLessThan(CALLBACK_BODY_DEADLINE_MS + 2000);
      expect(await request.closed).toBeLessThan(CALLBACK_BODY_DEADLINE_MS + 4000);
    } finally {
      request.stop();
    }
  }, 15_000);
});

describe('token rotation', () => {
  let rotating: WorkerHarness;
  beforeAll(async () => {
    rotating = await startWorker({
      bindings: {
        TENCENT_SDK_APP_ID: String(SDK_APP_ID),
        TENCENT_CALLBACK_TOKEN: CALLBACK_TOKEN,
        TENCENT_CALLBACK_TOKEN_PREVIOUS: PREVIOUS_TOKEN,
      },
      queue: true,
    });
  }, 60_000);
  afterAll(async () => {
    await rotating?.dispose();
  });

  it('accepts callbacks signed with the previous token and, after the rotation, the current one', async () => {
    const tencent = await createTencentApp({ token: PREVIOUS_TOKEN });
    const old = await emit(tencent, createRoomBody('room-before-rotation'), { target: rotating });
    expect(old.result).toMatchObject({ accepted: true });

    const rotation = await rotateCallbackToken(tencent.client, { token: CALLBACK_TOKEN });
    expect(rotation.previous).toBe(PREVIOUS_TOKEN);
    const current = await emit(tencent, createRoomBody('room-after-rotation'), { target: rotating });
    expect(current.result).toMatchObject({ accepted: true });

    await rotateCallbackToken(tencent.client, { token: 'a-third-token-neither-current-nor-previous-0123456789' });
    const third = await emit(tencent, createRoomBody('room-third-token'), { target: rotating });
    expect(third.result).toMatchObject({ status: 401, body: { ErrorInfo: 'unauthenticated callback: signature_mismatch' } });
    await waitFor(() => rotating.queued.length === 2);
  });
});

describe('configuration', () => {
  it('answers 500 misconfigured without naming bindings to the caller, and logs which ones (never a secret)', async () => {
    const misconfigured = await startWorker({
      bindings: { TENCENT_SDK_APP_ID: 'not-a-number', TENCENT_CALLBACK_TOKEN_PREVIOUS: PREVIOUS_TOKEN },
    });
    try {
      const response = await misconfigured.dispatch(new Request(`${CALLBACK_URL}?SdkAppid=${SDK_APP_ID}`, { method: 'POST', body: '{}' }));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ ActionStatus: 'FAIL', ErrorCode: 500, ErrorInfo: 'misconfigured' });
      const logs = await waitForLog(misconfigured, 'TENCENT_CALLBACK_TOKEN is not set');
      expect(logs).toContain('TENCENT_SDK_APP_ID must be the decimal SDKAppID');
      expect(logs).not.toContain(PREVIOUS_TOKEN);
    } finally {
      await misconfigured.dispose();
    }
  });
});

describe('logs', () => {
  it('never contain a callback token or a Sign', async () => {
    await waitForLog(worker, 'callback.shape_mismatch');
    const logs = worker.logs.join('');
    expect(signs.size).toBeGreaterThan(5);
    for (const secret of [CALLBACK_TOKEN, PREVIOUS_TOKEN, ...signs]) expect(logs).not.toContain(secret);
  });
});
