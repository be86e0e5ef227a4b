// handleCallback in Node, for what miniflare's dispatch cannot send (a declared Content-Length, a body that never
// ends) or control (the clock while a body arrives, a forward target that accepts late, the replay memory).
import { signCallback } from '@tokenwire/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallbackConfig } from '../src/config/callback-config.js';
import { createWorker } from '../src/create-worker.js';
import { boundBody } from '../src/http/bounded-body.js';
import {
  CALLBACK_BODY_DEADLINE_MS,
  type CallbackRouteDependencies,
  DELIVERED_EVENT_MEMORY_SECONDS,
  handleCallback,
  MAX_CALLBACK_BODY_BYTES,
} from '../src/tencent/callback-route.js';
import { FORWARD_ANSWER_BUDGET_MS } from '../src/tencent/deliver-event.js';
import { MemoryReplayGuard } from '../src/tencent/memory-replay-guard.js';

const config: CallbackConfig = {
  sdkAppId: 1400000123,
  tokens: ['callback-token-0123456789'],
  queue: { send: async () => undefined },
  replayGuard: undefined,
  forwardUrl: undefined,
  forwardAuthorization: undefined,
  beforeGift: { policy: 'allow', forwardUrl: undefined, forwardTimeoutMs: 1500 },
};

const REQUEST_TIME = 1_700_000_000;
const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

const dependencies = (now: () => number = () => REQUEST_TIME * 1000): CallbackRouteDependencies => ({
  ctx: { waitUntil: () => undefined },
  fetch: () => Promise.reject(new Error('no outbound call expected')),
  now,
  replayGuard: new MemoryReplayGuard(),
});

function signedCallbackUrl(options: { token?: string; requestTime?: number; command?: string } = {}): string {
  const requestTime = options.requestTime ?? REQUEST_TIME;
  const sign = signCallback({ token: options.token ?? config.tokens[0]!, requestTime });
  const command = options.command ?? 'Live.CallbackAfterDestroyRoom';
  return `https://edge.test/tencent/callback?SdkAppid=1400000123&CallbackCommand=${command}&Sign=${sign}&RequestTime=${requestTime}`;
}

/** A body that arrives only when pulled, and says when it was. */
function slowBody(text: string): { body: ReadableStream<Uint8Array>; read: () => boolean } {
  let read = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        read = true;
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, read: () => read };
}

/** A body that sends one byte and then nothing, ever (a sender trickling, or stalled), and says if it was cancelled. */
function stalledBody(): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let sent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent) return new Promise<void>(() => undefined);
        sent = true;
        controller.enqueue(new Uint8Array([123]));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, cancelled: () => cancelled };
}

const post = (url: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

const bounded = (request: Request) => boundBody(request, { maxBytes: MAX_CALLBACK_BODY_BYTES, deadlineMs: CALLBACK_BODY_DEADLINE_MS });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('handleCallback refusals, decided by the one verification', () => {
  it('answers 400 with detail to a malformed body after a valid signature, even if RequestTime went stale while it arrived', async () => {
    const slow = slowBody('not json');
    // The signature is fresh when checked; by the time the body is in, RequestTime is 2 minutes old. The status
    // comes from verifyLiveCallback's reason (malformed_body), not from checking the signature again later.
    const now = () => (slow.read() ? REQUEST_TIME + 120 : REQUEST_TIME) * 1000;
    const response = await handleCallback(bounded(post(signedCallbackUrl(), slow.body)), config, dependencies(now));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 400,
      ErrorInfo: expect.stringMatching(/^malformed callback: .*not valid JSON/),
    });
  });

  it('answers 401 with the reason only to a forged Sign, and discards the unread body', async () => {
    const slow = slowBody('not json either');
    const response = await handleCallback(
      bounded(post(signedCallbackUrl({ token: 'a-token-the-worker-does-not-have' }), slow.body)),
      config,
      dependencies(),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 401,
      ErrorInfo: 'unauthenticated callback: signature_mismatch',
    });
    expect(slow.read()).toBe(true);
    expect(response.headers.get('connection')).toBeNull(); // read to its end: the connection can be reused
  });

  it('answers a forged Sign whose body never ends 401 once the body deadline passed, cancels the body and closes the connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stalled = stalledBody();
    let answered: Response | undefined;
    const handling = handleCallback(bounded(post(signedCallbackUrl({ token: 'forged' }), stalled.body)), config, dependencies()).then(
      (response) => {
        answered = response;
      },
    );
    await vi.advanceTimersByTimeAsync(CALLBACK_BODY_DEADLINE_MS - 100);
    expect(answered).toBeUndefined(); // still discarding what the sender uploads
    await vi.advanceTimersByTimeAsync(200);
    await handling;
    expect(answered?.status).toBe(401);
    expect(answered?.headers.get('connection')).toBe('close');
    expect(stalled.cancelled()).toBe(true);
  });

  it('answers a signed callback whose body does not arrive within the deadline 408, and closes the connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stalled = stalledBody();
    const handling = handleCallback(bounded(post(signedCallbackUrl(), stalled.body)), config, dependencies());
    await vi.advanceTimersByTimeAsync(CALLBACK_BODY_DEADLINE_MS + 100);
    const response = await handling;
    expect(response.status).toBe(408);
    expect(await response.json()).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 408,
      ErrorInfo: `callback body not received within ${CALLBACK_BODY_DEADLINE_MS} ms`,
    });
    expect(response.headers.get('connection')).toBe('close');
    expect(stalled.cancelled()).toBe(true);
  });
});

/** Dependencies whose FORWARD_URL target answers as `answer` says, recording the event ids it received. */
function forwarding(answer: (attempt: number) => Promise<Response>) {
  const received: string[] = [];
  const background: Promise<unknown>[] = [];
  let clock = REQUEST_TIME * 1000;
  const deps: CallbackRouteDependencies = {
    ctx: { waitUntil: (promise) => void background.push(promise) },
    fetch: async (request) => {
      received.push(request.headers.get('x-tokenwire-event-id') ?? '');
      return answer(received.length);
    },
    now: () => clock,
    replayGuard: new MemoryReplayGuard(),
  };
  return {
    deps,
    received,
    settle: () => Promise.all(background),
    advance: (seconds: number) => {
      clock += seconds * 1000;
    },
  };
}

const forwardConfig: CallbackConfig = { ...config, queue: undefined, forwardUrl: new URL('https://events.example.test/tencent') };
const eventBody = '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","RoomId":"room-1"}';

describe('repeats of a callback: answered as the first was, delivered once', () => {
  it('answers an exact repeat of a delivered callback OK again (not 401), without a second delivery', async () => {
    const target = forwarding(async () => new Response(null, { status: 204 }));
    for (let round = 0; round < 3; round++) {
      const response = await handleCallback(bounded(post(signedCallbackUrl(), eventBody)), forwardConfig, target.deps);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(OK);
    }
    expect(target.received).toHaveLength(1);
  });

  it('answers a redelivery of a delivered event OK without delivering it again, even signed anew and re-formatted', async () => {
    const target = forwarding(async () => new Response(null, { status: 204 }));
    await handleCallback(bounded(post(signedCallbackUrl(), eventBody)), forwardConfig, target.deps);
    target.advance(30);
    const reformatted = '{ "RoomId": "room-1", "CallbackCommand": "Live.CallbackAfterDestroyRoom" }';
    const redelivered = await handleCallback(
      bounded(post(signedCallbackUrl({ requestTime: REQUEST_TIME + 30 }), reformatted)),
      forwardConfig,
      target.deps,
    );
    expect(await redelivered.json()).toEqual(OK);
    expect(target.received).toHaveLength(1);
    // Once the memory has let it go, the same body is an event again.
    target.advance(DELIVERED_EVENT_MEMORY_SECONDS);
    const later = REQUEST_TIME + 30 + DELIVERED_EVENT_MEMORY_SECONDS;
    await handleCallback(bounded(post(signedCallbackUrl({ requestTime: later }), eventBody)), forwardConfig, target.deps);
    expect(target.received).toHaveLength(2);
  });

  it('does not deliver twice when the target accepted late (after the 1.5 s answer window) and Tencent redelivers', async () => {
    let accept: (() => void) | undefined;
    const target = forwarding((attempt) =>
      attempt === 1
        ? new Promise<Response>((resolve) => (accept = () => resolve(new Response(null, { status: 202 }))))
        : Promise.reject(new Error('a second delivery')),
    );
    const first = await handleCallback(bounded(post(signedCallbackUrl(), eventBody)), forwardConfig, { ...target.deps });
    expect(first.status).toBe(503); // not accepted within FORWARD_ANSWER_BUDGET_MS
    expect(FORWARD_ANSWER_BUDGET_MS).toBe(1500);
    // Tencent redelivers while the first forward is still under way: not forwarded a second time.
    target.advance(2);
    const whileForwarding = await handleCallback(
      bounded(post(signedCallbackUrl({ requestTime: REQUEST_TIME + 2 }), eventBody)),
      forwardConfig,
      target.deps,
    );
    expect(whileForwarding.status).toBe(503);
    expect(await whileForwarding.json()).toMatchObject({ ErrorInfo: expect.stringContaining('being delivered') });
    accept!(); // the target accepts, late
    await target.settle();
    target.advance(5);
    const afterwards = await handleCallback(
      bounded(post(signedCallbackUrl({ requestTime: REQUEST_TIME + 7 }), eventBody)),
      forwardConfig,
      target.deps,
    );
    expect(await afterwards.json()).toEqual(OK);
    expect(target.received).toHaveLength(1);
  }, 10_000);

  it('processes a redelivery afresh when the first delivery failed (the FAIL released it)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const target = forwarding(async (attempt) => new Response(null, { status: attempt === 1 ? 422 : 204 }));
    const first = await handleCallback(bounded(post(signedCallbackUrl(), eventBody)), forwardConfig, target.deps);
    expect(first.status).toBe(503);
    const again = await handleCallback(bounded(post(signedCallbackUrl(), eventBody)), forwardConfig, target.deps);
    expect(await again.json()).toEqual(OK);
    expect(target.received).toHaveLength(2);
    expect(String(log.mock.calls[0]?.[0])).toContain('"status":"refused"');
  });

  it('gives an exact repeat of a decided gift the same decision, without asking the decision service again', async () => {
    const target = forwarding(async () => Response.json({ ActionStatus: 'OK', ErrorCode: 4001, ErrorInfo: 'no coins' }));
    const giftConfig: CallbackConfig = {
      ...config,
      beforeGift: { policy: 'allow', forwardUrl: new URL('https://gifts.example.test/decide'), forwardTimeoutMs: 1500 },
    };
    const gift = '{"CallbackCommand":"Live.CallbackBeforeSendGift","RoomId":"room-gift","GiftWater":{"GiftId":"rose","Count":1}}';
    const url = signedCallbackUrl({ command: 'Live.CallbackBeforeSendGift' });
    for (let round = 0; round < 2; round++) {
      const response = await handleCallback(bounded(post(url, gift)), giftConfig, target.deps);
      expect(await response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 4001, ErrorInfo: 'no coins' });
    }
    expect(target.received).toHaveLength(1);
  });
});

describe('the callback route of the worker app', () => {
  const env = { TENCENT_SDK_APP_ID: '1400000123', TENCENT_CALLBACK_TOKEN: config.tokens[0] };
  const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };

  it('answers 413 to a declared Content-Length over 1 MiB before verifying, discarding what arrives only briefly', async () => {
    const stalled = stalledBody();
    const request = post(signedCallbackUrl(), stalled.body, { 'content-length': String(MAX_CALLBACK_BODY_BYTES + 1) });
    const started = performance.now();
    const response = await createWorker({ fetch: () => Promise.reject(new Error('no outbound call expected')) }).fetch(request, env, ctx);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ActionStatus: 'FAIL', ErrorCode: 413, ErrorInfo: 'callback body too large' });
    expect(response.headers.get('connection')).toBe('close');
    expect(performance.now() - started).toBeLessThan(CALLBACK_BODY_DEADLINE_MS + 1000);
    expect(stalled.cancelled()).toBe(true);
  });

  it('answers 500 with a Tencent-shaped body, and logs, when the route throws', async () => {
    const lines: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
    const replayGuard = new MemoryReplayGuard();
    vi.spyOn(replayGuard, 'decide').mockRejectedValue(new TypeError('the replay memory broke'));
    const worker = createWorker({ now: () => REQUEST_TIME * 1000, replayGuard });
    const response = await worker.fetch(post(signedCallbackUrl(), eventBody), { ...env, EVENTS: { send: async () => undefined } }, ctx);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 500,
      ErrorInfo: 'the receiver failed to handle the callback',
    });
    expect(lines.join('\n')).toContain('"event":"internal_error","route":"/tencent/callback","name":"TypeError"');
    error.mockRestore();
  });
});
