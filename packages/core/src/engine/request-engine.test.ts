/// <reference types="node" />
import ky, { isHTTPError } from 'ky';
import { afterEach, assert, beforeEach, describe, expect, it, vi } from 'vitest';
import { limitResponseSize } from '../client/response-size-limit.js';
import { classifyFailure, NO_RETRY_POLICY, resolveRetryPolicy, type RetryOptions } from '../client/retry-policy.js';
import { TencentApiError } from '../errors/tencent-api-error.js';
import type { TokenwireError } from '../errors/tokenwire-error.js';
import {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
} from '../errors/transport-errors.js';
import type { FetchFunction } from './attempt-fetch.js';
import {
  createRequestEngine,
  type AttemptOutcome,
  type EngineCall,
  type RequestEngineOptions,
  type RetryNotice,
} from './request-engine.js';

const SECRET = 'eJwtzEELgjAYxvEvi7lS-secret-user-sig';
const URL_WITH_SECRET = `https://api.test/v4/live_config/get_callback?usersig=${SECRET}&random=77`;
const encoder = new TextEncoder();

/** A fake server: it receives the Request the engine's fetch call describes, and answers in turn (the last repeats). */
type Reply = (request: Request) => Response | Promise<Response>;

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
  readonly redirect: RequestRedirect;
  readonly signal: AbortSignal;
}

function server(...replies: Reply[]) {
  const sent: Sent[] = [];
  const fetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init);
    sent.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.clone().text(),
      redirect: request.redirect,
      signal: request.signal,
    });
    return replies[Math.min(sent.length - 1, replies.length - 1)]!(request);
  };
  return { fetch, sent };
}

const json =
  (value: unknown, status = 200, headers: Record<string, string> = {}): Reply =>
  () =>
    Response.json(value, { status, headers });
const page =
  (status: number, headers: Record<string, string> = {}): Reply =>
  () =>
    new Response('<html>gateway</html>', { status, headers });
const pendingUntilAborted: Reply = (request) =>
  new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
const stalledBody =
  (status = 200): Reply =>
  (request) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('{"partial":'));
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason), { once: true });
        },
      }),
      { status },
    );

/** Records what the engine reports. */
function observer() {
  const ended: AttemptOutcome[] = [];
  const retried: RetryNotice[] = [];
  return {
    ended,
    retried,
    onAttemptEnd: (outcome: AttemptOutcome) => ended.push(outcome),
    onRetry: (notice: RetryNotice) => retried.push(notice),
  };
}

function call(overrides: Partial<EngineCall> = {}): EngineCall {
  return {
    url: URL_WITH_SECRET,
    body: '{"Token":"in-the-body"}',
    timeoutMs: 10_000,
    retry: NO_RETRY_POLICY,
    random: () => 0x8000_0000,
    where: 'live_config/get_callback',
    context: () => ({ service: 'live_config', command: 'get_callback', random: 77 }),
    secrets: () => [SECRET],
    ...overrides,
  };
}

async function failure(engineOptions: RequestEngineOptions, overrides: Partial<EngineCall> = {}): Promise<TokenwireError> {
  try {
    await createRequestEngine(engineOptions).send(call(overrides));
  } catch (error) {
    expectNoSecret(error);
    return error as TokenwireError;
  }
  return assert.fail('expected the call to fail');
}

function expectNoSecret(value: unknown): void {
  const error = value as Error;
  for (const text of [JSON.stringify(error), error.message, String(error.cause), error.stack ?? '']) expect(text).not.toContain(SECRET);
}

const policy = (options: RetryOptions) =>
  resolveRetryPolicy({ baseDelayMs: 0, maxDelayMs: 0, rateLimitBaseDelayMs: 0, rateLimitMaxDelayMs: 0, ...options });

describe('createRequestEngine: one attempt', () => {
  it('POSTs the JSON body with redirects off and resolves to the decoded answer', async () => {
    const { fetch, sent } = server(json({ ActionStatus: 'OK' }, 200, { 'x-request': 'r1' }));
    const watch = observer();
    const answer = await createRequestEngine({ fetch }).send(call({ onAttemptEnd: watch.onAttemptEnd }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ActionStatus: 'OK' });
    expect(answer.headers.get('x-request')).toBe('r1');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: URL_WITH_SECRET, method: 'POST', body: '{"Token":"in-the-body"}', redirect: 'manual' });
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
    expect(sent[0]!.headers.get('accept')).toBe('application/json');
    expect(watch.ended).toEqual([{ attempt: 1, status: 200, headers: answer.headers, body: { ActionStatus: 'OK' }, error: undefined }]);
  });

  it('sends {} for a POST without a body, nothing for a GET, and extra headers', async () => {
    const { fetch, sent } = server(json({}));
    const engine = createRequestEngine({ fetch });
    await engine.send(call({ body: undefined }));
    await engine.send(call({ method: 'GET', headers: { authorization: 'Bearer t' } }));
    expect(sent.map((request) => [request.method, request.body, request.headers.get('content-type')])).toEqual([
      ['POST', '{}', 'application/json'],
      ['GET', '', null],
    ]);
    expect(sent[1]!.headers.get('authorization')).toBe('Bearer t');
  });

  it('maps a fetch rejection to a retryable NetworkError with context, redacting a cause that quotes the URL', async () => {
    const error = await failure({
      fetch: async (input, init) => Promise.reject(new TypeError(`error sending request for url (${new Request(input, init).url})`)),
    });
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      retryable: true,
      service: 'live_config',
      command: 'get_callback',
      random: 77,
      attempt: 1,
      status: undefined,
    });
    expect(error.message).toContain('usersig=***');
    expect(String(error.cause)).toContain('usersig=***');
  });

  it('maps a body that breaks off to NetworkError, with the status', async () => {
    const broken: Reply = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(encoder.encode('{"a":'));
            controller.error(new TypeError('terminated'));
          },
        }),
      );
    const error = await failure({ fetch: server(broken).fetch });
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 200 });
    expect(error.message).toContain('while reading the response body');
  });

  it('maps a 2xx body that is not JSON to a retryable MalformedResponseError whose cause is redacted', async () => {
    const error = await failure({ fetch: server(() => new Response(`<pre>bad gateway for ${URL_WITH_SECRET}`)).fetch });
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, status: 200, attempt: 1 });
    expect(error.message).toBe('HTTP 200 from live_config/get_callback: the body is not JSON');
  });

  it('maps non-2xx answers to HttpStatusError, cancelling the body unread unless readErrorBody asks for it', async () => {
    let pulled = false;
    const unread: Reply = () =>
      new Response(
        new ReadableStream(
          {
            pull: () => {
              pulled = true;
            },
          },
          { highWaterMark: 0 },
        ),
        {
          status: 404,
          statusText: 'Not Found',
        },
      );
    const watch = observer();
    const error = await failure({ fetch: server(unread).fetch }, { onAttemptEnd: watch.onAttemptEnd });
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, retryable: false, message: 'HTTP 404 Not Found from live_config/get_callback' });
    expect(pulled).toBe(false);
    expect(watch.ended).toEqual([expect.objectContaining({ attempt: 1, status: 404, body: undefined, error })]);

    for (const [reply, body] of [
      [json({ errorCode: 'AUTH.0001', exceptionInfo: 'no' }, 403), { errorCode: 'AUTH.0001', exceptionInfo: 'no' }],
      [page(502), '<html>gateway</html>'],
      [() => new Response('  ', { status: 500 }), undefined],
    ] as const) {
      const seen = observer();
      const failed = await failure({ fetch: server(reply).fetch }, { readErrorBody: true, onAttemptEnd: seen.onAttemptEnd });
      expect(HttpStatusError.isInstance(failed)).toBe(true);
      expect(seen.ended[0]!.body).toEqual(body);
    }
  });

  it('passes an error thrown by a hook of the caller unchanged', async () => {
    const mine = new RangeError('my hook says no');
    const api = ky.create({ hooks: { beforeRequest: [() => Promise.reject(mine)] } });
    await expect(createRequestEngine({ ky: api, fetch: server(json({})).fetch }).send(call({ retry: policy({ limit: 3 }) }))).rejects.toBe(
      mine,
    );
  });
});

describe('createRequestEngine: redirects are refused', () => {
  const location = `https://elsewhere.test/collect?usersig=${SECRET}`;

  function redirecting(status: number) {
    let pulled = false;
    const sent: string[] = [];
    const fetch: FetchFunction = async (input, init) => {
      const request = new Request(input, init);
      sent.push(request.url);
      const body = new ReadableStream<Uint8Array>(
        {
          pull: () => {
            pulled = true;
          },
        },
        { highWaterMark: 0 },
      );
      if (request.redirect === 'manual') return new Response(body, { status, headers: { location } });
      sent.push(location);
      return Response.json({ ok: true });
    };
    return { fetch, sent, pulled: () => pulled };
  }

  it.each([301, 302, 303, 307, 308])('refuses a %i without following it, reading it or retrying it', async (status) => {
    const fake = redirecting(status);
    const error = await failure({ fetch: fake.fetch }, { readErrorBody: true, retry: policy({ limit: 3 }) });
    expect(HttpStatusError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status, retryable: false, service: 'live_config', command: 'get_callback', random: 77 });
    expect(error.message).toBe(
      `HTTP ${status} from live_config/get_callback: redirect refused (credentials are never sent to another address)`,
    );
    expect(JSON.stringify(error)).not.toContain('elsewhere.test');
    expect(classifyFailure(error)).toBe('none');
    expect(fake.sent).toEqual([URL_WITH_SECRET]);
    expect(fake.pulled()).toBe(false);
  });

  it("refuses a browser's opaque redirect (status 0)", async () => {
    const fetch: FetchFunction = async () => {
      const response = new Response(null, { status: 200 });
      Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
      return response;
    };
    const error = await failure({ fetch });
    expect(error.message).toBe(
      'HTTP redirect from live_config/get_callback: redirect refused (credentials are never sent to another address)',
    );
    expect(error).toMatchObject({ name: 'HttpStatusError', status: 0, retryable: false });
  });
});

describe('createRequestEngine: responseSizeLimit', () => {
  /** A body of 1000 `chunk`s pulled one by one; records how many were pulled and whether it was cancelled. */
  function large(chunk: string) {
    const state = { pulled: 0, cancelled: false };
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          state.pulled += 1;
          controller.enqueue(encoder.encode(chunk));
          if (state.pulled === 1000) controller.close();
        },
        cancel() {
          state.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, state };
  }

  it('refuses a body whose Content-Length is over the limit without reading it, and does not retry it', async () => {
    const { stream, state } = large('{"fileStream":"QUFB');
    const reply: Reply = () => new Response(stream, { status: 200, headers: { 'content-length': '5000000' } });
    const { fetch, sent } = server(reply);
    const error = await failure({ fetch }, { responseSizeLimit: limitResponseSize(1000), retry: policy({ limit: 3 }) });
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ maxBytes: 1000, retryable: false, status: 200, random: 77 });
    expect(error.message).toBe('HTTP 200 from live_config/get_callback: the body is larger than the limit of 1000 bytes');
    expect(state.pulled).toBe(0);
    expect(state.cancelled).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    const { stream, state } = large('QUFBQUFB'.repeat(128)); // 1000 chunks of 1 KiB
    const error = await failure({ fetch: server(() => new Response(stream)).fetch }, { responseSizeLimit: limitResponseSize(10_000) });
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain('QUFB');
    expect(state.pulled).toBe(10);
    expect(state.cancelled).toBe(true);
  });

  it('accepts a body of exactly the limit, decoding UTF-8 split across chunks', async () => {
    const bytes = encoder.encode('{"text":"汉字"}');
    const split: Reply = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
            controller.close();
          },
        }),
      );
    const answer = await createRequestEngine({ fetch: server(split).fetch }).send(
      call({ responseSizeLimit: limitResponseSize(bytes.byteLength) }),
    );
    expect(answer.body).toEqual({ text: '汉字' });
    const over = await failure(
      { fetch: server(() => new Response(bytes)).fetch },
      { responseSizeLimit: limitResponseSize(bytes.byteLength - 1) },
    );
    expect(ResponseTooLargeError.isInstance(over)).toBe(true);
  });

  it('drops an oversized error body but keeps the HTTP status error', async () => {
    const { stream, state } = large('<html>error page</html>');
    const watch = observer();
    const error = await failure(
      { fetch: server(() => new Response(stream, { status: 502 })).fetch },
      { readErrorBody: true, responseSizeLimit: limitResponseSize(100), onAttemptEnd: watch.onAttemptEnd },
    );
    expect(error).toMatchObject({ name: 'HttpStatusError', status: 502, retryable: true });
    expect(watch.ended[0]!.body).toBeUndefined();
    expect(state.cancelled).toBe(true);
  });
});

describe('createRequestEngine: ky owns attempts, retries, backoff, Retry-After and the timeout', () => {
  const realMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  /** Drives `promise` on fake timers: fires the earliest timer whenever nothing else can happen. */
  async function run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let step = 0; step < 1000; step++) {
      await realMacrotask();
      if (settled) return promise;
      if (vi.getTimerCount() === 0) assert.fail('deadlock: waiting with no timer pending');
      await vi.advanceTimersToNextTimerAsync();
    }
    return assert.fail('did not settle');
  }
  const START = Date.parse('2025-06-01T08:00:00Z');
  const elapsed = (): number => Date.now() - START;

  beforeEach(() => {
    vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('bounds each attempt by timeoutMs, headers and body alike, aborting the request, then retries', async () => {
    const { fetch, sent } = server(pendingUntilAborted, stalledBody(), json({ ok: true }));
    const watch = observer();
    const answer = await run(
      createRequestEngine({ fetch }).send(
        call({ timeoutMs: 2500, retry: policy({ limit: 3 }), onAttemptEnd: watch.onAttemptEnd, onRetry: watch.onRetry }),
      ),
    );
    expect(answer.body).toEqual({ ok: true });
    expect(elapsed()).toBe(5000);
    expect(sent.map((request) => request.signal.aborted)).toEqual([true, true, false]);
    const [headers, body] = watch.retried.map((notice) => notice.error);
    expect(TimeoutError.isInstance(headers) && TimeoutError.isInstance(body)).toBe(true);
    expect(headers).toMatchObject({
      timeoutMs: 2500,
      status: undefined,
      attempt: 1,
      message: 'Call to live_config/get_callback timed out after 2500 ms (no response)',
    });
    expect(body).toMatchObject({
      status: 200,
      attempt: 2,
      message: 'Call to live_config/get_callback timed out after 2500 ms (the response body did not finish)',
    });
    expect(watch.ended.map((outcome) => [outcome.attempt, outcome.error?.name])).toEqual([
      [1, 'TimeoutError'],
      [2, 'TimeoutError'],
      [3, undefined],
    ]);
  });

  it('times out even when the fetch and its body ignore the signal', async () => {
    const deaf: Reply = () => new Response(new ReadableStream({ start: (controller) => controller.enqueue(encoder.encode('{')) }));
    const error = await run(createRequestEngine({ fetch: server(deaf).fetch }).send(call({ timeoutMs: 100 }))).catch(
      (caught: unknown) => caught,
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    const hung = await run(createRequestEngine({ fetch: () => new Promise(() => undefined) }).send(call({ timeoutMs: 100 }))).catch(
      (caught: unknown) => caught,
    );
    expect(hung).toMatchObject({ name: 'TimeoutError', status: undefined });
  });

  it('reports a non-2xx answer whose wanted error body stalls as its HTTP status', async () => {
    const error = await run(
      createRequestEngine({ fetch: server(stalledBody(503)).fetch }).send(call({ readErrorBody: true, timeoutMs: 100 })),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'HttpStatusError', status: 503, retryable: true });
  });

  it('retries transient failures with full-jitter backoff (ceiling from the policy, jitter from the random source) up to the limit', async () => {
    const draws = [0x8000_0000, 0xffff_ffff, 0];
    const { fetch, sent } = server(
      page(502),
      () => Promise.reject(new TypeError('fetch failed')),
      () => new Response('not json'),
      page(503),
    );
    const watch = observer();
    const at: number[] = [];
    const error = await run(
      createRequestEngine({
        fetch: (input, init) => {
          at.push(elapsed());
          return fetch(input, init);
        },
      })
        .send(
          call({
            retry: resolveRetryPolicy({ limit: 3, baseDelayMs: 200, maxDelayMs: 5000 }),
            random: () => draws.shift()!,
            onAttemptEnd: watch.onAttemptEnd,
            onRetry: watch.onRetry,
          }),
        )
        .catch((caught: unknown) => caught),
    );
    // 200·0.5, 400·(2^32−1)/2^32, 800·0
    expect(at).toEqual([0, 100, 499, 499]);
    expect(sent).toHaveLength(4);
    expect(error).toMatchObject({ name: 'HttpStatusError', status: 503, attempt: 4 });
    expect(watch.ended.map((outcome) => outcome.error?.name)).toEqual([
      'HttpStatusError',
      'NetworkError',
      'MalformedResponseError',
      'HttpStatusError',
    ]);
    // The last failure is the one reported and the one thrown.
    expect(watch.ended[3]!.error).toBe(error);
    expect(watch.retried.map((notice) => [notice.attempt, notice.error.name, notice.immediate])).toEqual([
      [1, 'HttpStatusError', false],
      [2, 'NetworkError', false],
      [3, 'MalformedResponseError', false],
    ]);
  });

  it("honours Retry-After on 429 and 503 (ky's reading), capped at rateLimitMaxDelayMs, and backs off a bare 429 as a rate limit", async () => {
    const at: number[] = [];
    const { fetch } = server(
      page(429, { 'retry-after': '7' }),
      page(503, { 'retry-after': new Date(START + 7000 + 12_000).toUTCString() }),
      page(503, { 'retry-after': '3600' }),
      page(429),
      json({ ok: true }),
    );
    const retry = resolveRetryPolicy({ limit: 4, rateLimitBaseDelayMs: 1000, rateLimitMaxDelayMs: 30_000 });
    await run(
      createRequestEngine({
        fetch: (input, init) => {
          at.push(elapsed());
          return fetch(input, init);
        },
      }).send(call({ retry })),
    );
    // The bare 429 is the 4th retry: ceiling min(30 s, 1 s·2^3) = 8 s, jitter 0.5.
    expect(at).toEqual([0, 7000, 19_000, 49_000, 53_000]);
  });

  it('does not retry what is not retryable, nor past the limit, nor at all with NO_RETRY_POLICY', async () => {
    for (const [reply, retry] of [
      [page(404), policy({ limit: 3 })],
      [page(502), NO_RETRY_POLICY],
    ] as const) {
      const { fetch, sent } = server(reply, json({ ok: true }));
      const error = await run(
        createRequestEngine({ fetch })
          .send(call({ retry }))
          .catch((caught: unknown) => caught),
      );
      expect(HttpStatusError.isInstance(error)).toBe(true);
      expect(sent).toHaveLength(1);
    }
  });

  it('repeats answers the service rejects with ky.retry(): transient ones with backoff, immediate ones at once and off the limit', async () => {
    const { fetch, sent } = server(json({ code: 'expired' }), json({ code: 'busy' }), json({ code: 'expired' }), json({ code: 'ok' }));
    const watch = observer();
    const at: number[] = [];
    const inspect: EngineCall['inspect'] = (answer) => {
      const { code } = answer.body as { code: string };
      if (code === 'ok') return undefined;
      const error = new TencentApiError({ code: code === 'busy' ? 100001 : 70001, info: code });
      return code === 'expired' ? { error, retry: 'immediate' } : { error };
    };
    const error = await run(
      createRequestEngine({
        fetch: (input, init) => {
          at.push(elapsed());
          return fetch(input, init);
        },
      })
        .send(call({ retry: resolveRetryPolicy({ limit: 1, baseDelayMs: 200 }), immediateRetries: 1, inspect, onRetry: watch.onRetry }))
        .catch((caught: unknown) => caught),
    );
    // expired → at once (immediate), busy → 100 ms (the one counted retry), expired again → no immediate retry left.
    expect(at).toEqual([0, 0, 100]);
    expect(sent).toHaveLength(3);
    expect(error).toMatchObject({ name: 'TencentApiError', code: 70001, attempt: undefined });
    expect(watch.retried.map((notice) => [notice.attempt, notice.immediate, (notice.error as TencentApiError).code])).toEqual([
      [1, true, 70001],
      [2, false, 100001],
    ]);
  });

  it('ends the call with RequestAbortedError when the signal aborts, in an attempt or in a backoff wait, aborting the request', async () => {
    const controller = new AbortController();
    const { fetch, sent } = server((request) => {
      queueMicrotask(() => controller.abort(new DOMException('left', 'AbortError')));
      return pendingUntilAborted(request);
    });
    const watch = observer();
    const during = await run(
      createRequestEngine({ fetch })
        .send(call({ signal: controller.signal, retry: policy({ limit: 3 }), onAttemptEnd: watch.onAttemptEnd }))
        .catch((caught: unknown) => caught),
    );
    expect(RequestAbortedError.isInstance(during)).toBe(true);
    expect(during).toMatchObject({
      attempt: 1,
      random: 77,
      retryable: false,
      message: 'Call to live_config/get_callback was aborted by the caller',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.signal.aborted).toBe(true);
    expect(watch.ended[0]!.error).toBe(during);

    const later = new AbortController();
    setTimeout(() => later.abort(), 50);
    const backoff = server(page(503), json({ ok: true }));
    const waiting = await run(
      createRequestEngine({ fetch: backoff.fetch })
        .send(call({ signal: later.signal, retry: resolveRetryPolicy({ limit: 3, baseDelayMs: 1000 }) }))
        .catch((caught: unknown) => caught),
    );
    expect(RequestAbortedError.isInstance(waiting)).toBe(true);
    expect(elapsed()).toBe(50);
    expect(backoff.sent).toHaveLength(1);

    const before = server(json({}));
    await expect(createRequestEngine({ fetch: before.fetch }).send(call({ signal: AbortSignal.abort() }))).rejects.toMatchObject({
      name: 'RequestAbortedError',
      attempt: undefined,
    });
    expect(before.sent).toHaveLength(0);
  });

  it('sends each attempt where beforeAttempt says, with the same headers and body', async () => {
    const { fetch, sent } = server(page(500), json({ ok: true }));
    await run(
      createRequestEngine({ fetch }).send(
        call({
          retry: policy({ limit: 1 }),
          beforeAttempt: (request, attempt) => {
            request.headers.set('x-attempt', String(attempt));
            return attempt === 1 ? undefined : `https://api.test/retry?attempt=${attempt}`;
          },
        }),
      ),
    );
    expect(sent.map((request) => [request.url, request.headers.get('x-attempt'), request.body, request.redirect])).toEqual([
      [URL_WITH_SECRET, '1', '{"Token":"in-the-body"}', 'manual'],
      ['https://api.test/retry?attempt=2', '2', '{"Token":"in-the-body"}', 'manual'],
    ]);
  });
  it('waits for an inspectFailure that answers asynchronously before repeating the call', async () => {
    const { fetch, sent } = server(json({ reason: 'token expired' }, 403), json({ ok: true }));
    let repair: (() => void) | undefined;
    const repaired = new Promise<void>((resolve) => {
      repair = resolve;
    });
    let sentBeforeRepair = -1;
    const inspectFailure: EngineCall['inspectFailure'] = async (_answer, error) => {
      await Promise.resolve();
      setTimeout(() => {
        sentBeforeRepair = sent.length;
        repair?.();
      }, 0);
      await repaired;
      return { error, retry: 'immediate' };
    };
    const answer = await run(
      createRequestEngine({ fetch }).send(call({ retry: policy({ limit: 0 }), immediateRetries: 1, readErrorBody: true, inspectFailure })),
    );
    expect(answer.body).toEqual({ ok: true });
    expect(sentBeforeRepair).toBe(1);
    expect(sent).toHaveLength(2);
  });
  it('lets inspectFailure judge non-2xx answers: replace the error (Retry-After still honoured), repeat at once off the limit, or end the call', async () => {
    const at: number[] = [];
    const { fetch, sent } = server(
      json({ reason: 'token expired' }, 403),
      json({ reason: 'busy' }, 429, { 'retry-after': '2' }),
      json({ reason: 'denied' }, 403),
      json({ ok: true }),
    );
    const judged: [number, number, unknown, string][] = [];
    let repaired = false;
    const inspectFailure: EngineCall['inspectFailure'] = (answer, error, attempt) => {
      judged.push([attempt, answer.status, answer.body, error.name]);
      const { reason } = answer.body as { reason: string };
      const replaced = new HttpStatusError(`${error.message}: ${reason}`, {
        ...error.context,
        status: answer.status,
        retryable: error.retryable,
      });
      if (answer.status === 403 && !repaired) {
        repaired = true;
        return { error: replaced, retry: 'immediate' };
      }
      return { error: replaced };
    };
    const watch = observer();
    const error = await run(
      createRequestEngine({
        fetch: (input, init) => {
          at.push(elapsed());
          return fetch(input, init);
        },
      })
        .send(
          call({
            readErrorBody: true,
            retry: policy({ limit: 3, rateLimitMaxDelayMs: 30_000 }),
            immediateRetries: 1,
            inspectFailure,
            onRetry: watch.onRetry,
          }),
        )
        .catch((caught: unknown) => caught),
    );
    // 403 → at once (immediate, not counted), 429 → Retry-After 2 s, 403 again → not retryable: the call ends.
    expect(at).toEqual([0, 0, 2000]);
    expect(sent).toHaveLength(3);
    expect(judged.map(([attempt, status, body]) => [attempt, status, body])).toEqual([
      [1, 403, { reason: 'token expired' }],
      [2, 429, { reason: 'busy' }],
      [3, 403, { reason: 'denied' }],
    ]);
    expect(error).toMatchObject({
      name: 'HttpStatusError',
      status: 403,
      attempt: 3,
      message: 'HTTP 403 from live_config/get_callback: denied',
    });
    expect(watch.retried.map((notice) => [notice.attempt, notice.immediate, notice.error.message])).toEqual([
      [1, true, 'HTTP 403 from live_config/get_callback: token expired'],
      [2, false, 'HTTP 429 from live_config/get_callback: busy'],
    ]);
  });

  it('repeats only what mayRetry allows (a call that must not run twice), and ends the call with what beforeAttempt throws', async () => {
    const onlyUnprocessed = (error: TokenwireError): boolean => HttpStatusError.isInstance(error) && error.status === 503;
    const ambiguous = server(page(502), json({ ok: true }));
    const refused = await run(
      createRequestEngine({ fetch: ambiguous.fetch })
        .send(call({ retry: policy({ limit: 3 }), mayRetry: onlyUnprocessed }))
        .catch((caught: unknown) => caught),
    );
    expect(refused).toMatchObject({ name: 'HttpStatusError', status: 502 });
    expect(ambiguous.sent).toHaveLength(1);
    const unprocessed = server(page(503), json({ ok: true }));
    await run(createRequestEngine({ fetch: unprocessed.fetch }).send(call({ retry: policy({ limit: 3 }), mayRetry: onlyUnprocessed })));
    expect(unprocessed.sent).toHaveLength(2);

    // A failure to prepare an attempt (a token that could not be fetched) is not an attempt's failure: never retried.
    const tokenless = server(page(500), json({ ok: true }));
    const unavailable = new NetworkError('the token service is down');
    let prepared = 0;
    const beforeAttempt = (_request: Request, attempt: number): undefined => {
      prepared += 1;
      if (attempt === 2) throw unavailable;
      return undefined;
    };
    const watch = observer();
    const thrown = await run(
      createRequestEngine({ fetch: tokenless.fetch })
        .send(call({ retry: policy({ limit: 3 }), beforeAttempt, onAttemptEnd: watch.onAttemptEnd }))
        .catch((caught: unknown) => caught),
    );
    expect(thrown).toBe(unavailable);
    expect([prepared, tokenless.sent.length]).toEqual([2, 1]);
    expect(watch.ended.map((outcome) => [outcome.attempt, outcome.error?.name])).toEqual([[1, 'HttpStatusError']]);

    // Aborted while preparing: RequestAbortedError, whatever the preparation rejected with.
    const controller = new AbortController();
    const waiting = createRequestEngine({ fetch: server(json({})).fetch }).send(
      call({
        signal: controller.signal,
        beforeAttempt: () =>
          new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('stopped waiting')))),
      }),
    );
    controller.abort();
    await expect(run(waiting)).rejects.toMatchObject({
      name: 'RequestAbortedError',
      message: 'Call to live_config/get_callback was aborted by the caller',
    });
  });
});

describe("createRequestEngine: the caller's ky instance", () => {
  it('applies its hooks and headers and sends with its fetch, while the engine keeps timeout, retry and HTTP errors', async () => {
    const { fetch, sent } = server(page(503), json({ ok: true }));
    const seen: string[] = [];
    const api = ky.create({
      fetch,
      headers: { 'x-team': 'payments' },
      retry: { limit: 0, statusCodes: [408] },
      timeout: 1,
      throwHttpErrors: false,
      prefixUrl: 'https://wrong.test',
      searchParams: { dropped: 'yes' },
      hooks: {
        beforeRequest: [(request) => void request.headers.set('x-trace', 'trace-42')],
        afterResponse: [(_request, _options, response) => void seen.push(`after ${response.status}`)],
        beforeError: [
          (error) => {
            seen.push(`error ${error.response.status}`);
            return error;
          },
        ],
        beforeRetry: [({ error }) => void seen.push(`retry after ${isHTTPError(error) ? error.response.status : 'other'}`)],
      },
    });
    const answer = await createRequestEngine({ ky: api }).send(call({ retry: policy({ limit: 1 }), timeoutMs: 5000 }));
    expect(answer.body).toEqual({ ok: true });
    expect(sent.map((request) => [request.url, request.headers.get('x-trace'), request.headers.get('x-team')])).toEqual([
      [URL_WITH_SECRET, 'trace-42', 'payments'],
      [URL_WITH_SECRET, 'trace-42', 'payments'],
    ]);
    expect(seen).toEqual(['after 503', 'error 503', 'retry after 503', 'after 200']);
  });

  it("calls fetch(url, init) with the request's options, or with ky's Request when a hook of the caller replaced it", async () => {
    const calls: { input: unknown; init: RequestInit | undefined; body: unknown }[] = [];
    const fetch: FetchFunction = async (input, init) => {
      calls.push({ input, init, body: input instanceof Request ? await input.clone().text() : init?.body });
      return Response.json({ ok: true });
    };
    const api = ky.create({
      fetch,
      credentials: 'include',
      hooks: { beforeRequest: [(request) => void request.headers.set('x-trace', 't')] },
    });
    await createRequestEngine({ ky: api }).send(call());
    expect(calls[0]!.input).toBe(URL_WITH_SECRET);
    expect(calls[0]!.init).toMatchObject({ method: 'POST', body: '{"Token":"in-the-body"}', redirect: 'manual', credentials: 'include' });
    expect(new Headers(calls[0]!.init!.headers).get('x-trace')).toBe('t');
    expect(calls[0]!.init!.signal).toBeInstanceOf(AbortSignal);

    const replacing = ky.create({ fetch, hooks: { beforeRequest: [(request) => new Request(request, { body: '{"replaced":true}' })] } });
    await createRequestEngine({ ky: replacing }).send(call());
    expect(calls[1]!.input).toBeInstanceOf(Request);
    expect(calls[1]!.body).toBe('{"replaced":true}');
  });

  it('hands the answer to the hooks of the caller that read bodies, and takes the answer they replace it with', async () => {
    const { fetch } = server(json({ from: 'network' }));
    const bodies: string[] = [];
    const reading = ky.create({
      fetch,
      hooks: { afterResponse: [async (_request, _options, response) => void bodies.push(await response.text())] },
    });
    expect((await createRequestEngine({ ky: reading }).send(call())).body).toEqual({ from: 'network' });
    expect(bodies).toEqual(['{"from":"network"}']);

    const replacing = ky.create({ fetch, hooks: { afterResponse: [() => Response.json({ from: 'hook' })] } });
    expect((await createRequestEngine({ ky: replacing }).send(call())).body).toEqual({ from: 'hook' });
  });

  it('takes an explicit fetch over the instance one, and lets a hook of the caller answer instead of the network', async () => {
    const theirs = server(json({ from: 'instance' }));
    const ours = server(json({ from: 'option' }));
    const api = ky.create({ fetch: theirs.fetch });
    expect((await createRequestEngine({ ky: api, fetch: ours.fetch }).send(call())).body).toEqual({ from: 'option' });
    expect(theirs.sent).toHaveLength(0);

    const mocked = ky.extend({ hooks: { beforeRequest: [() => Response.json({ from: 'cache' })] } });
    const network = server(json({ from: 'network' }));
    expect((await createRequestEngine({ ky: mocked, fetch: network.fetch }).send(call())).body).toEqual({ from: 'cache' });
    expect(network.sent).toHaveLength(0);
  });
});
