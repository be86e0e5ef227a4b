/// <reference types="node" />
import { afterEach, assert, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { TencentApiError } from '../errors/tencent-api-error.js';
import {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
} from '../errors/transport-errors.js';
import { ValidationError } from '../errors/validation-error.js';
import { verifyUserSig } from '../user-sig/verify-user-sig.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type TencentClientOptions } from './client-options.js';
import { createTencentClient, type TencentClient } from './create-tencent-client.js';
import type { TencentRequestEvent, TencentResponseEvent, TencentRetryEvent } from './hooks.js';
import type { FetchFunction } from '../engine/attempt-fetch.js';

const SDK_APP_ID = 1400000000;
const IDENTIFIER = 'administrator';
const SECRET_KEY = 'tokenwire-client-test-secret-5bd2850fff3ecb11d7c805251c51ee46';
const FIXED_USER_SIG = 'eJyrVgrxCdYrSy1SslIyUtJRygeKRBrmFhgZGQ-fixed-admin-user-sig';
const BASE_URL = 'https://tencent.test';
const START = Date.parse('2025-06-01T08:00:00Z');

// ---------------------------------------------------------------------------------------------------------------
// Fake time: ky's backoff waits and per-attempt timeouts and the rate limiter's waits are timers, and the client's
// clock is `Date.now`; vitest fakes both. `run` drives a promise: whenever nothing else can happen (microtasks
// and pending I/O callbacks done), it jumps the clock to the earliest timer and fires it.
// ---------------------------------------------------------------------------------------------------------------

const realMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function createFakeTime() {
  return {
    now: () => Date.now(),
    /** Moves the clock without firing timers (time passing while a request is in flight). */
    advance: (ms: number) => vi.setSystemTime(Date.now() + ms),
    elapsed: () => Date.now() - START,
    /** Runs `action` when the clock reaches now + ms. */
    schedule: (ms: number, action: () => void) => void setTimeout(action, ms),
    async run<T>(promise: Promise<T>): Promise<T> {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (let step = 0; step < 10_000; step++) {
        await realMacrotask();
        if (settled) return promise;
        if (vi.getTimerCount() === 0) assert.fail('deadlock: the call is waiting and no timer is pending');
        await vi.advanceTimersToNextTimerAsync();
      }
      return assert.fail('the call did not settle within 10 000 timer steps');
    },
  };
}

type FakeTime = ReturnType<typeof createFakeTime>;

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------------------------------------------------------
// A fake Tencent REST service: replies scripted per request, behaving like the real one (HTTP 200 + envelope,
// gateway pages, stalls that end only when the fetch signal aborts).
// ---------------------------------------------------------------------------------------------------------------

interface ServiceCall {
  readonly url: URL;
  readonly method: string;
  readonly contentType: string | null;
  readonly body: string;
  readonly at: number;
  readonly signal: AbortSignal;
}

type Reply = (request: Request, call: ServiceCall) => Response | Promise<Response>;

function json(value: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
}

let requestIds = 0;
const ok =
  (payload: Record<string, unknown> = {}): Reply =>
  () =>
    json({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, RequestId: `Id-ok-${++requestIds}`, ...payload });
const failWith =
  (code: number, info = 'scripted failure'): Reply =>
  () =>
    json({ ActionStatus: 'FAIL', ErrorInfo: info, ErrorCode: code, RequestId: `Id-${code}-${++requestIds}` });
const httpStatus =
  (status: number, headers: Record<string, string> = {}): Reply =>
  () =>
    new Response(`<html><body><h1>${status}</h1>nginx</body></html>`, { status, headers: { 'content-type': 'text/html', ...headers } });
const networkDown: Reply = () => Promise.reject(new TypeError('fetch failed'));
const stallHeaders: Reply = (request) =>
  new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
const stallBody: Reply = (request) => {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"ActionStatus":"OK","ErrorCode":0,'));
      request.signal.addEventListener('abort', () => controller.error(request.signal.reason), { once: true });
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
};
const notJson: Reply = () => new Response('<html>upstream hiccup</html>', { status: 200, headers: { 'content-type': 'text/html' } });

function fakeTencent(replies: readonly Reply[]) {
  const calls: ServiceCall[] = [];
  const fetch: FetchFunction = async (input, init) => {
    // The client calls fetch(request, init) as ky does; the fake service sees the Request a server would.
    const request = new Request(input, init);
    const call: ServiceCall = {
      url: new URL(request.url),
      method: request.method,
      contentType: request.headers.get('content-type'),
      body: await request.text(),
      at: Date.now(),
      signal: request.signal,
    };
    calls.push(call);
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply === undefined) return assert.fail('no reply scripted');
    return reply(request, call);
  };
  return {
    fetch,
    calls,
    userSigs: () => calls.map((call) => call.url.searchParams.get('usersig') ?? ''),
    /** The time between consecutive requests, in ms. */
    gaps: () => calls.slice(1).map((call, index) => call.at - calls[index]!.at),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Secret hygiene: every error and hook payload of every test is checked in afterEach.
// ---------------------------------------------------------------------------------------------------------------

let observed: unknown[] = [];
let knownSecrets: Set<string> = new Set();

function textsOf(value: unknown): string[] {
  const texts = [JSON.stringify(value) ?? ''];
  if (value instanceof Error) texts.push(value.message, String(value.cause), value.stack ?? '');
  if (typeof value === 'object' && value !== null && 'error' in value && (value as { error: unknown }).error !== undefined) {
    texts.push(...textsOf((value as { error: unknown }).error));
  }
  return texts;
}

beforeEach(() => {
  observed = [];
  knownSecrets = new Set([SECRET_KEY, FIXED_USER_SIG]);
});

afterEach(() => {
  for (const value of observed) {
    for (const text of textsOf(value)) {
      for (const secret of knownSecrets) {
        if (text.includes(secret)) assert.fail(`a secret leaked into ${text.slice(0, 200)}`);
      }
    }
  }
});

interface SetupOptions {
  readonly replies: readonly Reply[];
  readonly userSig?: string;
  readonly random?: () => number;
  readonly options?: Record<string, unknown>;
}

function setup({ replies, userSig, random, options = {} }: SetupOptions) {
  const time = createFakeTime();
  const service = fakeTencent(replies);
  const requests: TencentRequestEvent[] = [];
  const responses: TencentResponseEvent[] = [];
  const retries: TencentRetryEvent[] = [];
  let counter = 1000;
  const client: TencentClient = createTencentClient({
    sdkAppId: SDK_APP_ID,
    identifier: IDENTIFIER,
    ...(userSig === undefined ? { secretKey: SECRET_KEY } : { userSig }),
    baseUrl: BASE_URL,
    fetch: service.fetch,
    random: random ?? (() => counter++),
    hooks: {
      onRequest: (event) => {
        requests.push(event);
        observed.push(event);
      },
      onResponse: (event) => {
        responses.push(event);
        observed.push(event);
      },
      onRetry: (event) => {
        retries.push(event);
        observed.push(event);
      },
    },
    ...options,
  } as TencentClientOptions);
  const track = (): void => {
    for (const sig of service.userSigs()) knownSecrets.add(sig);
  };
  return {
    client,
    time,
    service,
    requests,
    responses,
    retries,
    /** Drives a call that must succeed. */
    async succeed<T>(promise: Promise<T>): Promise<T> {
      try {
        return await time.run(promise);
      } finally {
        track();
      }
    },
    /** Drives a call that must fail and returns its error. */
    async failure(promise: Promise<unknown>): Promise<Error> {
      try {
        await time.run(promise);
      } catch (error) {
        observed.push(error);
        return error as Error;
      } finally {
        track();
      }
      return assert.fail('expected the call to reject');
    },
  };
}

/** A random source that plays back `values` in order (query `random`s and jitter draws interleave). */
function scripted(...values: number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index++];
    if (value === undefined) return assert.fail('random source exhausted');
    return value;
  };
}

const MAX_UINT32 = 0xffff_ffff;
const HALF = 0x8000_0000;

// ---------------------------------------------------------------------------------------------------------------

describe('createTencentClient: success', () => {
  it('resolves to the whole envelope, payload included, and exposes its configuration', async () => {
    const t = setup({ replies: [ok({ Response: { Token: 'callback-token-value' }, Extra: [1, 2] })] });
    expect(t.client).toMatchObject({ sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, baseUrl: BASE_URL });
    const result = await t.succeed(t.client.call('live_config', 'get_callback_token'));
    expect(result).toMatchObject({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      Response: { Token: 'callback-token-value' },
      Extra: [1, 2],
    });
    expect(result.RequestId).toMatch(/^Id-ok-/);
    expect(t.service.calls).toHaveLength(1);
    expect(t.responses).toEqual([
      expect.objectContaining({ status: 200, requestId: result.RequestId, attempt: 1, error: undefined, durationMs: 0 }),
    ]);
  });

  it('types Response as the caller claims, passing the answer through unchecked beyond the envelope', async () => {
    const t = setup({ replies: [ok({ Response: { Token: 'callback-token-value', IsTokenEnable: 'yes' } })] });
    const claimed = await t.succeed(t.client.call<{ Token: string; IsTokenEnable: boolean }>('live_config', 'get_callback_token'));
    expectTypeOf(claimed.Response).toEqualTypeOf<{ Token: string; IsTokenEnable: boolean } | undefined>();
    // Not validated: the claim says boolean, Tencent (here) sent a string, and the string is what arrives.
    expect(claimed.Response).toEqual({ Token: 'callback-token-value', IsTokenEnable: 'yes' });
    const t2 = setup({ replies: [ok({ Response: 7 })] });
    expectTypeOf((await t2.succeed(t2.client.call('live_config', 'get_callback'))).Response).toEqualTypeOf<unknown>();
  });

  it('POSTs JSON, sending {} when there is no body', async () => {
    const t = setup({ replies: [ok()] });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    await t.succeed(t.client.call('live_config', 'set_callback_token', { Token: 'abc123' }));
    expect(t.service.calls.map((call) => [call.method, call.contentType, call.body])).toEqual([
      ['POST', 'application/json', '{}'],
      ['POST', 'application/json', '{"Token":"abc123"}'],
    ]);
  });

  it('builds the documented URL with a UserSig signed for the admin identifier', async () => {
    const t = setup({ replies: [ok()], random: () => 4_294_967_295 });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    const { url } = t.service.calls[0]!;
    expect(`${url.origin}${url.pathname}`).toBe('https://tencent.test/v4/live_config/get_callback');
    expect([...url.searchParams.keys()]).toEqual(['sdkappid', 'identifier', 'usersig', 'random', 'contenttype']);
    expect(url.searchParams.get('sdkappid')).toBe(String(SDK_APP_ID));
    expect(url.searchParams.get('identifier')).toBe(IDENTIFIER);
    expect(url.searchParams.get('random')).toBe('4294967295');
    expect(url.searchParams.get('contenttype')).toBe('json');
    const document = verifyUserSig(url.searchParams.get('usersig')!, {
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      identifier: IDENTIFIER,
      now: () => START,
    });
    expect(document).toMatchObject({ time: START / 1000, expire: 86_400 });
  });

  it('gives every attempt a fresh random and reports it', async () => {
    const t = setup({ replies: [failWith(100001), networkDown, ok()] });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    const randoms = t.service.calls.map((call) => Number(call.url.searchParams.get('random')));
    expect(new Set(randoms).size).toBe(3);
    expect(t.requests.map((event) => event.random)).toEqual(randoms);
    expect(t.retries.map((event) => event.error.random)).toEqual(randoms.slice(0, 2));
  });
});

describe('createTencentClient: transport faults', () => {
  it('retries a network failure', async () => {
    const t = setup({ replies: [networkDown, ok()] });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.service.calls).toHaveLength(2);
    expect(NetworkError.isInstance(t.retries[0]!.error)).toBe(true);
  });

  it('times out stalled headers after timeoutMs, then retries', async () => {
    const t = setup({ replies: [stallHeaders, ok()] });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.service.calls).toHaveLength(2);
    const timeout = t.retries[0]!.error;
    expect(TimeoutError.isInstance(timeout)).toBe(true);
    expect(timeout).toMatchObject({ timeoutMs: 10_000, status: undefined, attempt: 1 });
    expect(t.service.calls[0]!.signal.aborted).toBe(true);
    expect(t.service.calls[1]!.at - t.service.calls[0]!.at).toBe(10_000 + t.retries[0]!.delayMs);
  });

  it('times out a body that stalls after the headers, then retries', async () => {
    const t = setup({ replies: [stallBody, ok()] });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    const timeout = t.retries[0]!.error;
    expect(TimeoutError.isInstance(timeout)).toBe(true);
    expect(timeout).toMatchObject({ timeoutMs: 10_000, status: 200 });
    expect(t.responses[0]).toMatchObject({ status: 200, durationMs: 10_000 });
  });

  it('uses the per-call timeoutMs', async () => {
    const t = setup({ replies: [stallHeaders], options: { timeoutMs: 8000 } });
    const error = await t.failure(t.client.call('live_config', 'get_callback', undefined, { timeoutMs: 2500, retry: false }));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeoutMs).toBe(2500);
    expect(t.time.elapsed()).toBe(2500);
    expect(t.service.calls).toHaveLength(1);
  });

  it('retries HTTP 5xx', async () => {
    const t = setup({ replies: [httpStatus(502), httpStatus(504), ok()] });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.service.calls).toHaveLength(3);
    expect(t.retries.map((event) => event.status)).toEqual([502, 504]);
    expect(t.retries.every((event) => HttpStatusError.isInstance(event.error))).toBe(true);
  });

  it('does not retry HTTP 4xx other than 429', async () => {
    const t = setup({ replies: [httpStatus(404), ok()] });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, retryable: false, service: 'live_config', command: 'get_callback' });
    expect(t.service.calls).toHaveLength(1);
  });

  it('retries malformed answers and reports the last one as MalformedResponseError', async () => {
    const t = setup({ replies: [notJson, () => json({ hello: 'world' }), notJson, notJson] });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 200, attempt: 4, random: Number(t.service.calls[3]!.url.searchParams.get('random')) });
    expect(t.service.calls).toHaveLength(4);
    expect(MalformedResponseError.isInstance(t.retries[1]!.error)).toBe(true);
  });

  it('honours Retry-After on 429 and 503, capped', async () => {
    const t = setup({
      replies: [
        httpStatus(429, { 'retry-after': '7' }),
        httpStatus(503, { 'retry-after': new Date(START + 7000 + 12_000).toUTCString() }),
        httpStatus(503, { 'retry-after': '3600' }),
        ok(),
      ],
    });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.retries.map((event) => event.delayMs)).toEqual([7000, 12_000, 30_000]);
    expect(t.service.gaps()).toEqual([7000, 12_000, 30_000]);
  });

  it('refuses a redirect without following or retrying it, and never names its target', async () => {
    const redirect: Reply = (request) =>
      new Response(null, { status: 302, headers: { location: `https://collector.test/steal?${new URL(request.url).search.slice(1)}` } });
    const t = setup({ replies: [redirect, ok()] });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 302, retryable: false, attempt: 1 });
    expect(error.message).toBe('HTTP 302 from live_config/get_callback: redirect refused (credentials are never sent to another address)');
    expect(JSON.stringify(t.responses)).not.toContain('collector.test');
    expect(t.service.calls).toHaveLength(1);
  });

  it('refuses an answer larger than maxResponseBytes without retrying it', async () => {
    const huge: Reply = () => json({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Padding: 'x'.repeat(5000) });
    const t = setup({ replies: [huge, ok()], options: { maxResponseBytes: 4096 } });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ maxBytes: 4096, retryable: false, status: 200 });
    expect(t.service.calls).toHaveLength(1);
    const fits = setup({ replies: [huge] });
    await fits.succeed(fits.client.call('live_config', 'get_callback'));
  });

  it('refuses a huge 2xx answer at the default limit (8 MiB) while it streams in, without buffering it', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    // A 1 GiB answer with no Content-Length, made on demand: only what the client pulls ever exists.
    const huge: Reply = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled >= 1024 * 1024 * 1024) controller.close();
            else {
              pulled += chunk.byteLength;
              controller.enqueue(chunk);
            }
          },
          cancel() {
            cancelled = true;
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const t = setup({ replies: [huge, ok()] });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ maxBytes: DEFAULT_MAX_RESPONSE_BYTES, retryable: false, status: 200 });
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(8 * 1024 * 1024);
    expect(cancelled).toBe(true);
    // Read up to the limit, then a few chunks in flight at most: never the gigabyte.
    expect(pulled).toBeLessThanOrEqual(DEFAULT_MAX_RESPONSE_BYTES + 4 * chunk.byteLength);
    expect(t.service.calls).toHaveLength(1);
  });

  it('backs off a 429 without Retry-After like a rate-limit code', async () => {
    const t = setup({ replies: [httpStatus(429), ok()], random: scripted(1, HALF, 2) });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.retries.map((event) => event.delayMs)).toEqual([500]);
  });
});

describe('createTencentClient: Tencent error codes', () => {
  it.each([100001, 60008, 60013, 60014, 70169, 70202, 70500])('retries transient code %i', async (code) => {
    const t = setup({ replies: [failWith(code), ok()] });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.service.calls).toHaveLength(2);
    expect(t.retries[0]!.error).toMatchObject({ code, retryClass: 'transient' });
    expect(t.retries[0]!.delayMs).toBeGreaterThanOrEqual(0);
    expect(t.retries[0]!.delayMs).toBeLessThan(200);
  });

  it('backs off transient failures exponentially with full jitter and stops at the limit', async () => {
    // random order: URL 1, jitter 1, URL 2, jitter 2, URL 3, jitter 3, URL 4.
    const t = setup({ replies: [failWith(100001)], random: scripted(11, HALF, 12, MAX_UINT32, 13, 0, 14) });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(t.service.gaps()).toEqual([100, 399, 0]);
    expect(t.time.elapsed()).toBe(499);
    expect(t.service.calls.map((call) => call.url.searchParams.get('random'))).toEqual(['11', '12', '13', '14']);
    expect(TencentApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 100001, random: 14, attempt: 4, service: 'live_config', command: 'get_callback', status: 200 });
    expect((error as TencentApiError).requestId).toMatch(/^Id-100001-/);
    expect(t.retries.map((event) => [event.attempt, event.delayMs, event.reason])).toEqual([
      [1, 100, 'retryable_error'],
      [2, 399, 'retryable_error'],
      [3, 0, 'retryable_error'],
    ]);
  });

  it.each([60007, 60011, 60018, 60019])('uses the longer backoff for rate-limit code %i', async (code) => {
    const t = setup({ replies: [failWith(code)], random: scripted(1, MAX_UINT32, 2, MAX_UINT32, 3, MAX_UINT32, 4) });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(error).toMatchObject({ code, retryClass: 'rate_limit' });
    expect(t.service.gaps()).toEqual([999, 1999, 3999]);
  });

  it('throws 70050 at once, retryable, telling the caller to wait one minute', async () => {
    const t = setup({ replies: [failWith(70050, 'usersig check failed too often'), ok()] });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(error).toMatchObject({ code: 70050, retryable: true, retryClass: 'cooldown' });
    expect(error.message).toContain('wait one minute');
    expect(t.service.calls).toHaveLength(1);
    expect(t.retries).toEqual([]);
    expect(t.time.elapsed()).toBe(0);
  });

  it('takes the retry policy from client options and per-call overrides', async () => {
    const t = setup({
      replies: [failWith(60018)],
      random: () => MAX_UINT32,
      options: { retry: { limit: 5, rateLimitBaseDelayMs: 100, rateLimitMaxDelayMs: 350 } },
    });
    await t.failure(t.client.call('live_config', 'get_callback'));
    expect(t.service.gaps()).toEqual([99, 199, 349, 349, 349]);
    const once = await t.failure(t.client.call('live_config', 'get_callback', undefined, { retry: false }));
    expect(TencentApiError.isInstance(once)).toBe(true);
    expect(t.service.calls).toHaveLength(7);
    await t.failure(t.client.call('live_config', 'get_callback', undefined, { retry: { limit: 1 } }));
    expect(t.service.calls).toHaveLength(9);
  });

  it.each([100002, 60002, 60003, 60009, 100300, 100301, 70403, 123456])('does not retry code %i', async (code) => {
    const t = setup({ replies: [failWith(code, `ErrorInfo for ${code}`), ok()] });
    const error = await t.failure(t.client.call('live_config', 'set_callback', { Callback: 'x' }));
    expect(TencentApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code, info: `ErrorInfo for ${code}`, retryable: false, service: 'live_config', command: 'set_callback' });
    expect(t.service.calls).toHaveLength(1);
    expect(t.retries).toEqual([]);
  });
});

describe('createTencentClient: admin UserSig', () => {
  const latency =
    (reply: Reply, time: () => FakeTime): Reply =>
    (request, call) => {
      time().advance(1500);
      return reply(request, call);
    };

  it('regenerates the UserSig once on 70001 and retries at once', async () => {
    let time: FakeTime | undefined;
    const t = setup({ replies: [latency(failWith(70001), () => time!), ok()] });
    time = t.time;
    await t.succeed(t.client.call('live_config', 'get_callback'));
    const [first, second] = t.service.userSigs();
    expect(second).not.toBe(first);
    for (const sig of [first!, second!])
      verifyUserSig(sig, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: IDENTIFIER, now: t.time.now });
    expect(t.retries.map((event) => [event.reason, event.delayMs])).toEqual([['user_sig_renewed', 0]]);
    // Only the answer's own latency passed: no backoff.
    expect(t.service.gaps()).toEqual([1500]);
  });

  it('renews even with retry: false and without spending the retry budget', async () => {
    let time: FakeTime | undefined;
    const t = setup({ replies: [latency(failWith(70001), () => time!), failWith(100001), ok()], options: { retry: { limit: 1 } } });
    time = t.time;
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.service.calls).toHaveLength(3);
    const again = setup({ replies: [latency(failWith(70001), () => time!), ok()] });
    time = again.time;
    await again.succeed(again.client.call('live_config', 'get_callback', undefined, { retry: false }));
    expect(again.service.calls).toHaveLength(2);
  });

  it('throws the second 70001', async () => {
    let time: FakeTime | undefined;
    const t = setup({ replies: [latency(failWith(70001), () => time!)] });
    time = t.time;
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(error).toMatchObject({ name: 'TencentApiError', code: 70001 });
    expect(t.service.calls).toHaveLength(2);
    expect(new Set(t.service.userSigs()).size).toBe(2);
  });

  it('throws 70001 at once with a fixed userSig', async () => {
    const t = setup({ replies: [failWith(70001), ok()], userSig: FIXED_USER_SIG });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(error).toMatchObject({ name: 'TencentApiError', code: 70001, category: 'auth' });
    expect(t.service.userSigs()).toEqual([FIXED_USER_SIG]);
  });

  it('caches the UserSig across calls and renews it near expiry', async () => {
    const t = setup({ replies: [ok()], options: { userSigExpireSeconds: 3600 } });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    t.time.advance(3000_000);
    await t.succeed(t.client.call('live_config', 'get_callback'));
    t.time.advance(239_999);
    await t.succeed(t.client.call('live_config', 'get_callback'));
    t.time.advance(1);
    await t.succeed(t.client.call('live_config', 'get_callback'));
    const sigs = t.service.userSigs();
    expect(sigs[1]).toBe(sigs[0]);
    expect(sigs[2]).toBe(sigs[0]);
    expect(sigs[3]).not.toBe(sigs[0]);
    const renewed = verifyUserSig(sigs[3]!, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: IDENTIFIER, now: t.time.now });
    expect(renewed).toMatchObject({ time: START / 1000 + 3240, expire: 3600 });
  });
});

describe('createTencentClient: cancellation', () => {
  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const t = setup({ replies: [ok()] });
    const error = await t.failure(t.client.call('live_config', 'get_callback', undefined, { signal: AbortSignal.abort() }));
    expect(RequestAbortedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      service: 'live_config',
      command: 'get_callback',
      retryable: false,
      attempt: undefined,
      random: undefined,
    });
    expect(t.service.calls).toEqual([]);
    expect(t.requests).toEqual([]);
  });

  it('aborts a request in flight without retrying', async () => {
    const controller = new AbortController();
    const t = setup({
      replies: [
        (request) => {
          controller.abort();
          return stallHeaders(request, undefined as never);
        },
      ],
    });
    const error = await t.failure(t.client.call('live_config', 'get_callback', undefined, { signal: controller.signal }));
    expect(RequestAbortedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ attempt: 1, random: Number(t.service.calls[0]!.url.searchParams.get('random')) });
    expect(t.service.calls).toHaveLength(1);
    expect(t.time.elapsed()).toBe(0);
  });

  it('aborts during the backoff wait', async () => {
    const controller = new AbortController();
    const t = setup({ replies: [failWith(100001), ok()], random: scripted(1, HALF, 2) });
    t.time.schedule(1, () => controller.abort());
    const error = await t.failure(t.client.call('live_config', 'get_callback', undefined, { signal: controller.signal }));
    expect(RequestAbortedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ attempt: 1, random: 1 });
    expect(t.responses.map((event) => event.error?.name)).toEqual(['TencentApiError']);
    // onRetry comes after ky's wait, right before the retry: an abort during the wait means no retry to report.
    expect(t.retries).toEqual([]);
    expect(t.time.elapsed()).toBe(1);
    expect(t.service.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts while waiting for the rate limiter, giving the slot back', async () => {
    const controller = new AbortController();
    const t = setup({ replies: [ok()], options: { rateLimit: { requestsPerSecond: 1 } } });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    t.time.schedule(10, () => controller.abort());
    const error = await t.failure(t.client.call('live_config', 'get_callback', undefined, { signal: controller.signal }));
    expect(RequestAbortedError.isInstance(error)).toBe(true);
    expect(t.time.elapsed()).toBe(10);
    expect(t.service.calls).toHaveLength(1);
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.service.calls[1]!.at - START).toBe(1000);
  });
});

describe('createTencentClient: rate limit', () => {
  it('holds each service/command to the configured requests per sliding second, in call order', async () => {
    const t = setup({ replies: [ok()], options: { rateLimit: { requestsPerSecond: 2 } } });
    await t.succeed(Promise.all([1, 2, 3, 4, 5].map(() => t.client.call('live_config', 'get_callback'))));
    await t.succeed(t.client.call('live_config', 'set_callback', {}));
    const times = t.service.calls.map((call) => [call.url.pathname, call.at - START]);
    expect(times).toEqual([
      ['/v4/live_config/get_callback', 0],
      ['/v4/live_config/get_callback', 0],
      ['/v4/live_config/get_callback', 1000],
      ['/v4/live_config/get_callback', 1000],
      ['/v4/live_config/get_callback', 2000],
      ['/v4/live_config/set_callback', 2000],
    ]);
  });

  it('sends at most 200 in any sliding second by default: 330 calls at once go as 200, then 130 a second later', async () => {
    const t = setup({ replies: [ok()] });
    await t.succeed(Promise.all(Array.from({ length: 330 }, () => t.client.call('live_config', 'get_callback'))));
    const offsets = t.service.calls.map((call) => call.at - START);
    expect(offsets.filter((offset) => offset === 0)).toHaveLength(200);
    expect(offsets.slice(200).every((offset) => offset === 1000)).toBe(true);
  });

  it('sends everything at once with rateLimit: false', async () => {
    const t = setup({ replies: [ok()], options: { rateLimit: false } });
    await t.succeed(Promise.all(Array.from({ length: 250 }, () => t.client.call('live_config', 'get_callback'))));
    expect(t.service.calls.every((call) => call.at === START)).toBe(true);
  });
});

describe('createTencentClient: hooks', () => {
  it('reports every attempt with redacted URLs and never the body', async () => {
    const t = setup({ replies: [failWith(60008), ok()], random: scripted(5, 0, 6) });
    await t.succeed(t.client.call('live_config', 'set_callback_token', { Token: 'callback-token-in-body' }));
    const expectedUrl = (random: number): string =>
      `https://tencent.test/v4/live_config/set_callback_token?sdkappid=${SDK_APP_ID}&identifier=administrator&usersig=***&random=${random}&contenttype=json`;
    expect(t.requests).toEqual([
      { service: 'live_config', command: 'set_callback_token', url: expectedUrl(5), attempt: 1, random: 5 },
      { service: 'live_config', command: 'set_callback_token', url: expectedUrl(6), attempt: 2, random: 6 },
    ]);
    expect(t.responses.map((event) => [event.url, event.attempt, event.status, event.error?.name])).toEqual([
      [expectedUrl(5), 1, 200, 'TencentApiError'],
      [expectedUrl(6), 2, 200, undefined],
    ]);
    expect(t.responses[0]!.requestId).toMatch(/^Id-60008-/);
    expect(t.retries).toEqual([
      expect.objectContaining({ url: expectedUrl(5), attempt: 1, random: 5, status: 200, delayMs: 0, reason: 'retryable_error' }),
    ]);
    for (const event of [...t.requests, ...t.responses, ...t.retries])
      expect(JSON.stringify(event)).not.toContain('callback-token-in-body');
  });

  it('survives hooks that throw or reject', async () => {
    const time = createFakeTime();
    const service = fakeTencent([networkDown, ok()]);
    const client = createTencentClient({
      sdkAppId: SDK_APP_ID,
      identifier: IDENTIFIER,
      secretKey: SECRET_KEY,
      baseUrl: BASE_URL,
      fetch: service.fetch,
      hooks: {
        onRequest: () => {
          throw new TypeError('logger exploded');
        },
        onResponse: () => Promise.reject(new TypeError('async logger exploded')),
        onRetry: () => {
          throw new TypeError('metrics exploded');
        },
      },
    });
    const result = await time.run(client.call('live_config', 'get_callback'));
    for (const sig of service.userSigs()) knownSecrets.add(sig);
    expect(result.ErrorCode).toBe(0);
    expect(service.calls).toHaveLength(2);
  });
});

describe('createTencentClient: validation', () => {
  it('lists every option issue and sends nothing', () => {
    let sent = 0;
    const fetch: FetchFunction = async () => {
      sent += 1;
      return new Response('{}');
    };
    let error: unknown;
    try {
      createTencentClient({
        sdkAppId: 0,
        identifier: '',
        secretKey: SECRET_KEY,
        userSig: FIXED_USER_SIG,
        fetch,
        timeoutMs: -1,
      } as unknown as TencentClientOptions);
    } catch (caught) {
      error = caught;
    }
    observed.push(error);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      'sdkAppId',
      'identifier',
      'timeoutMs',
      'secretKey',
      'region',
    ]);
    expect(sent).toBe(0);
  });

  it('rejects bad call arguments before anything is sent', async () => {
    const t = setup({ replies: [ok()] });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const cases: [() => Promise<unknown>, string[]][] = [
      [() => t.client.call('live_config/../x', 'get'), ['service']],
      [() => t.client.call('live_config', 'get callback'), ['command']],
      [() => t.client.call('live_config', 'get_callback', [1, 2] as unknown as object), ['body']],
      [() => t.client.call('live_config', 'get_callback', cyclic), ['body']],
      [
        () => t.client.call('live_config', 'get_callback', {}, { timeoutMs: 0, retry: { limit: 1.5 }, signal: 'x' } as never),
        ['options.signal', 'options.timeoutMs', 'options.retry.limit'],
      ],
      [() => t.client.call('live_config', 'get_callback', {}, { timeout: 5 } as never), ['options.timeout']],
    ];
    for (const [start, paths] of cases) {
      const error = await t.failure(start());
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(paths);
    }
    expect(t.service.calls).toEqual([]);
    expect(t.requests).toEqual([]);
  });
});

describe('createTencentClient: injected random source', () => {
  it.each([
    ['NaN', Number.NaN],
    ['-1', -1],
    ['a fraction', 0.5],
    ['2^32', 2 ** 32],
    ['a string', '7'],
  ])('fails the call with a ValidationError naming random, sending nothing, when it returns %s', async (_, value) => {
    const t = setup({ replies: [ok()], random: () => value as number });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues).toEqual([
      { path: 'random', message: 'must return an integer from 0 to 4294967295 on every call' },
    ]);
    expect(error).toMatchObject({ retryable: false });
    expect(t.service.calls).toEqual([]);
    expect(t.requests).toEqual([]);
  });

  it('fails the call when a jitter draw is out of range, sending no further attempt', async () => {
    const t = setup({ replies: [failWith(100001), ok()], random: scripted(11, -1) });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(t.service.calls).toHaveLength(1);
  });

  it('accepts both ends of the range', async () => {
    const t = setup({ replies: [ok()], random: scripted(0, MAX_UINT32) });
    await t.succeed(t.client.call('live_config', 'get_callback'));
    await t.succeed(t.client.call('live_config', 'get_callback'));
    expect(t.service.calls.map((call) => call.url.searchParams.get('random'))).toEqual(['0', '4294967295']);
  });
});

describe('createTencentClient: secrets', () => {
  it('keeps secrets out of errors whose causes quote the URL', async () => {
    const t = setup({
      replies: [
        (request) => Promise.reject(new TypeError(`error sending request for url (${request.url})`)),
        (request) => new Response(`<pre>bad gateway for ${request.url}</pre>`, { status: 200 }),
      ],
      options: { retry: { limit: 1 } },
    });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect(String(t.retries[0]!.error.cause)).toContain('usersig=***');
    // The afterEach check asserts that neither the secret key nor either UserSig appears anywhere.
    expect(observed.length).toBeGreaterThan(3);
    expect(knownSecrets.size).toBe(3);
  });

  it.each([
    ['a TencentApiError', 70003],
    ['the error of an inconsistent envelope', 0],
  ])('redacts the UserSig and secret key Tencent echoes in ErrorInfo out of %s', async (_, code) => {
    const echo: Reply = (_request, call) =>
      json({
        ActionStatus: 'FAIL',
        ErrorCode: code,
        ErrorInfo: `bad usersig ${call.url.searchParams.get('usersig')} key ${SECRET_KEY}`,
        RequestId: 'Id-echo',
      });
    const t = setup({ replies: [echo], options: { retry: false } });
    const error = await t.failure(t.client.call('live_config', 'get_callback'));
    expect(error.message).toContain('bad usersig *** key ***');
    if (code !== 0) expect((error as TencentApiError).info).toBe('bad usersig *** key ***');
    expect(t.responses[0]!.error).toBe(error);
    // The afterEach check asserts that neither the UserSig sent nor the secret key appears anywhere.
    expect(knownSecrets.size).toBe(3);
  });

  it('redacts the callback token sent in the body, and URL-encoded and hex copies of every secret, out of ErrorInfo', async () => {
    const token = 'tok/en+secret=42';
    const hex = (text: string) => Buffer.from(text).toString('hex');
    const echo: Reply = (_request, call) => {
      const userSig = call.url.searchParams.get('usersig')!;
      const sent = JSON.parse(call.body) as { Token: string };
      return json({
        ActionStatus: 'FAIL',
        ErrorCode: 70403,
        ErrorInfo: `token ${encodeURIComponent(sent.Token)} / ${hex(sent.Token)} / ${sent.Token}; sig ${encodeURIComponent(userSig)}; key ${hex(SECRET_KEY).toUpperCase()}`,
        RequestId: 'Id-echo',
      });
    };
    const t = setup({ replies: [echo], options: { retry: false } });
    for (const secret of [token, encodeURIComponent(token), hex(token), hex(SECRET_KEY).toUpperCase()]) knownSecrets.add(secret);
    const error = await t.failure(t.client.call('live_config', 'set_callback_token', { Token: token, IsTokenEnable: true }));
    expect(TencentApiError.isInstance(error)).toBe(true);
    expect((error as TencentApiError).info).toBe('token *** / *** / ***; sig ***; key ***');
    expect(t.responses[0]!.error).toBe(error);
    for (const userSig of t.service.userSigs()) knownSecrets.add(encodeURIComponent(userSig));
    // The afterEach check asserts that none of these copies appears in the error or a hook event.
  });
});
