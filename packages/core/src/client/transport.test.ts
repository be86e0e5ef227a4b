import { describe, expect, it, vi } from 'vitest';
import {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  TimeoutError,
} from '../errors/transport-errors.js';
import { limitResponseSize } from './response-size-limit.js';
import { sleep as defaultSleep, type Sleep } from './sleep.js';
import type { FetchFunction } from '../engine/attempt-fetch.js';
import { sendRequest, type TransportRequest } from './transport.js';

const USER_SIG = 'eJwtzEELgjAYxvEvi7lS-secret-user-sig';
const URL_WITH_SIG = `https://tencent.test/v4/live_config/get_callback?sdkappid=1400000000&identifier=administrator&usersig=${USER_SIG}&random=77&contenttype=json`;

/** A deadline the test fires by hand; records whether the transport cancelled it. */
function manualDeadline() {
  const calls: { ms: number; signal: AbortSignal | undefined; resolve: () => void }[] = [];
  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ ms, signal, resolve });
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return { sleep, calls, fire: () => calls.forEach((call) => call.resolve()) };
}

/** A fake server: it receives the Request that the engine's `fetch(request, init)` call describes. */
type FakeServer = (request: Request) => Promise<Response>;

function request(server: FakeServer, overrides: Partial<TransportRequest> = {}): TransportRequest {
  const fetch: FetchFunction = (input, init) => server(new Request(input, init));
  return {
    url: URL_WITH_SIG,
    body: '{"Token":"callback-token"}',
    fetch,
    timeoutMs: 10_000,
    sleep: manualDeadline().sleep,
    service: 'live_config',
    command: 'get_callback',
    random: 77,
    attempt: 2,
    secrets: [USER_SIG],
    ...overrides,
  };
}

/** Resolves when `signal` aborts, like a real fetch that is waiting for the network. */
function pendingUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

function expectNoSecret(value: unknown): void {
  const error = value as Error;
  for (const text of [JSON.stringify(error), error.message, String(error.cause), error.stack ?? '']) expect(text).not.toContain(USER_SIG);
}

describe('sendRequest', () => {
  it('POSTs the JSON body once and decodes a JSON answer', async () => {
    const seen: Request[] = [];
    const bodies: string[] = [];
    const deadline = manualDeadline();
    const result = await sendRequest(
      request(
        async (input) => {
          seen.push(input);
          bodies.push(await input.text());
          return new Response('{"ActionStatus":"OK","ErrorCode":0}', { headers: { 'x-test': '1' } });
        },
        { sleep: deadline.sleep, timeoutMs: 1234 },
      ),
    );
    expect(result).toMatchObject({ ok: true, status: 200, body: { ActionStatus: 'OK', ErrorCode: 0 } });
    expect(result.ok && result.headers.get('x-test')).toBe('1');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe(URL_WITH_SIG);
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    expect(bodies).toEqual(['{"Token":"callback-token"}']);
    // The deadline was armed for the attempt and released when it finished.
    expect(deadline.calls.map((call) => call.ms)).toEqual([1234]);
    expect(deadline.calls[0]!.signal?.aborted).toBe(true);
  });

  it('maps a fetch rejection to a retryable NetworkError with context', async () => {
    const cause = new TypeError('fetch failed');
    const result = await sendRequest(request(() => Promise.reject(cause)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(NetworkError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ retryable: true, service: 'live_config', command: 'get_callback', random: 77, attempt: 2, status: undefined });
    expect(result.error.cause).toBe(cause);
    expect(result.error.message).toContain('TypeError: fetch failed');
  });

  it('redacts a fetch error that quotes the URL (as Deno and Bun do)', async () => {
    const result = await sendRequest(request(async (input) => Promise.reject(new TypeError(`error sending request for url (${input.url})`))));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(NetworkError.isInstance(result.error)).toBe(true);
    expect(result.error.message).toContain('usersig=***');
    expect(String(result.error.cause)).toContain('usersig=***');
    expectNoSecret(result.error);
  });

  it('times out while waiting for headers, aborting the fetch', async () => {
    const deadline = manualDeadline();
    let fetchSignal: AbortSignal | undefined;
    const result = await sendRequest(
      request(
        (input) => {
          fetchSignal = input.signal;
          queueMicrotask(deadline.fire);
          return pendingUntilAborted(input.signal);
        },
        { sleep: deadline.sleep, timeoutMs: 3500 },
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(TimeoutError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ timeoutMs: 3500, retryable: true, random: 77, attempt: 2, status: undefined });
    expect(result.error.message).toContain('no response');
    expect(fetchSignal?.aborted).toBe(true);
  });

  it('times out even when the fetch ignores its signal', async () => {
    const deadline = manualDeadline();
    const result = await sendRequest(
      request(
        () => {
          queueMicrotask(deadline.fire);
          return new Promise<Response>(() => undefined);
        },
        { sleep: deadline.sleep },
      ),
    );
    expect(!result.ok && TimeoutError.isInstance(result.error)).toBe(true);
  });

  it('times out when the body stalls after the headers arrived', async () => {
    const deadline = manualDeadline();
    let fetchSignal: AbortSignal | undefined;
    const result = await sendRequest(
      request(
        async (input) => {
          fetchSignal = input.signal;
          const encoder = new TextEncoder();
          let sent = false;
          const body = new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                if (!sent) {
                  sent = true;
                  controller.enqueue(encoder.encode('{"ActionStatus":"OK",'));
                  return;
                }
                // The rest never comes; the deadline fires while the body is being read.
                deadline.fire();
                return new Promise<void>(() => undefined);
              },
            },
            { highWaterMark: 0 },
          );
          return new Response(body, { status: 200 });
        },
        { sleep: deadline.sleep },
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(TimeoutError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ status: 200, random: 77 });
    expect(result.error.message).toContain('the response body did not finish');
    expect(result.status).toBe(200);
    // A real fetch tears the body stream down through its signal.
    expect(fetchSignal?.aborted).toBe(true);
  });

  it('reports a caller abort as RequestAbortedError, before or during the request', async () => {
    let calls = 0;
    const reason = new DOMException('user left', 'AbortError');
    const before = await sendRequest(
      request(
        async () => {
          calls += 1;
          return new Response('{}');
        },
        { signal: AbortSignal.abort(reason) },
      ),
    );
    expect(calls).toBe(0);
    expect(!before.ok && RequestAbortedError.isInstance(before.error)).toBe(true);

    const controller = new AbortController();
    const during = await sendRequest(
      request(
        () => {
          queueMicrotask(() => controller.abort(reason));
          return new Promise<Response>(() => undefined);
        },
        { signal: controller.signal },
      ),
    );
    expect(during.ok).toBe(false);
    if (during.ok) return;
    expect(RequestAbortedError.isInstance(during.error)).toBe(true);
    expect(during.error).toMatchObject({ retryable: false, random: 77, attempt: 2, service: 'live_config' });
    expect(during.error.cause).toBe(reason);
  });

  it('maps non-2xx answers to HttpStatusError without reading the body', async () => {
    let pulled = false;
    const page = (): ReadableStream<Uint8Array> =>
      new ReadableStream(
        {
          pull(controller) {
            pulled = true;
            controller.enqueue(new TextEncoder().encode('<html>502 Bad Gateway</html>'));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
    const bad = await sendRequest(request(async () => new Response(page(), { status: 502, statusText: 'Bad Gateway' })));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(HttpStatusError.isInstance(bad.error)).toBe(true);
    expect(bad.error).toMatchObject({ status: 502, retryable: true, random: 77, attempt: 2 });
    expect(bad.error.message).toBe('HTTP 502 Bad Gateway from live_config/get_callback');
    expect(pulled).toBe(false);

    const notFound = await sendRequest(request(async () => new Response('nope', { status: 404 })));
    expect(!notFound.ok && notFound.error).toMatchObject({ name: 'HttpStatusError', status: 404, retryable: false });

    const limited = await sendRequest(request(async () => new Response('', { status: 429, headers: { 'retry-after': '2' } })));
    expect(limited.ok).toBe(false);
    if (limited.ok) return;
    expect(limited.error).toMatchObject({ status: 429, retryable: true });
    expect(limited.headers?.get('retry-after')).toBe('2');
  });

  it('maps a 2xx body that is not JSON to MalformedResponseError, redacting an echoed UserSig', async () => {
    const result = await sendRequest(request(async (input) => new Response(`<html>oops ${input.url}</html>`, { status: 200 })));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(MalformedResponseError.isInstance(result.error)).toBe(true);
    expect(result.error).toMatchObject({ status: 200, retryable: true, random: 77 });
    expectNoSecret(result.error);

    const empty = await sendRequest(request(async () => new Response(null, { status: 204 })));
    expect(!empty.ok && MalformedResponseError.isInstance(empty.error)).toBe(true);
  });

  it('maps a body that breaks off to NetworkError', async () => {
    const result = await sendRequest(
      request(async () => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"Action'));
            controller.error(new TypeError('terminated'));
          },
        });
        return new Response(body);
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(NetworkError.isInstance(result.error)).toBe(true);
    expect(result.error.message).toContain('reading the response body');
    expect(result.error.status).toBe(200);
  });
  it('reads the body of a non-2xx answer as JSON or text when readErrorBody is set', async () => {
    const fabric = await sendRequest(
      request(async () => Response.json({ errorCode: '10010000001', exceptionInfo: 'auth fail!' }, { status: 403, headers: { 'x-trace': 't-1' } }), {
        readErrorBody: true,
        path: '/apiaccess/ccmessaging/send',
        service: undefined,
        command: undefined,
      }),
    );
    expect(fabric.ok).toBe(false);
    if (fabric.ok) return;
    expect(HttpStatusError.isInstance(fabric.error)).toBe(true);
    expect(fabric.error).toMatchObject({ status: 403, retryable: false, path: '/apiaccess/ccmessaging/send' });
    expect(fabric.error.message).toBe('HTTP 403 from /apiaccess/ccmessaging/send');
    expect(fabric.body).toEqual({ errorCode: '10010000001', exceptionInfo: 'auth fail!' });
    expect(fabric.headers?.get('x-trace')).toBe('t-1');

    const page = await sendRequest(request(async () => new Response('<html>502</html>', { status: 502 }), { readErrorBody: true }));
    expect(!page.ok && page.body).toBe('<html>502</html>');
    const empty = await sendRequest(request(async () => new Response(null, { status: 401 }), { readErrorBody: true }));
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.body).toBeUndefined();
    expect(!empty.ok && empty.error.status).toBe(401);

    // Without the flag the failure has no body (and the stream is cancelled, as before).
    const unread = await sendRequest(request(async () => Response.json({ errorCode: 'x' }, { status: 403 })));
    expect(unread.ok).toBe(false);
    expect(!unread.ok && unread.body).toBeUndefined();
  });

  it('still reports the HTTP status when a non-2xx body stalls past the deadline or breaks off', async () => {
    const deadline = manualDeadline();
    const stalled = sendRequest(
      request(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"errorCode":'));
              },
            }),
            { status: 403 },
          ),
        { readErrorBody: true, sleep: deadline.sleep },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    deadline.fire();
    const result = await stalled;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(HttpStatusError.isInstance(result.error)).toBe(true);
    expect(result.error.status).toBe(403);
    expect(result.body).toBeUndefined();

    const broken = await sendRequest(
      request(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"errorCode":'));
                controller.error(new TypeError('terminated'));
              },
            }),
            { status: 500 },
          ),
        { readErrorBody: true },
      ),
    );
    expect(!broken.ok && broken.error).toMatchObject({ name: 'HttpStatusError', status: 500, retryable: true });
    expect(!broken.ok && broken.body).toBeUndefined();
  });

  it('reports a caller abort while reading a non-2xx body as RequestAbortedError', async () => {
    const controller = new AbortController();
    const pending = sendRequest(
      request(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(stream) {
                stream.enqueue(new TextEncoder().encode('{"resultCode":'));
              },
            }),
            { status: 401 },
          ),
        { readErrorBody: true, signal: controller.signal },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort(new Error('user left'));
    const result = await pending;
    expect(!result.ok && RequestAbortedError.isInstance(result.error)).toBe(true);
    expect(!result.ok && result.status).toBe(401);
  });
  describe('with the default sleep (a plain timer as the deadline)', () => {
    it('times out even when the fetch ignores its signal, and aborts the fetch', async () => {
      let fetchSignal: AbortSignal | undefined;
      const result = await sendRequest(
        request(
          (input) => {
            fetchSignal = input.signal;
            return new Promise<Response>(() => undefined);
          },
          { sleep: defaultSleep, timeoutMs: 20 },
        ),
      );
      expect(!result.ok && TimeoutError.isInstance(result.error)).toBe(true);
      expect(!result.ok && result.error.message).toContain('no response');
      expect(fetchSignal?.aborted).toBe(true);
    });

    it('times out when the body stalls', async () => {
      const result = await sendRequest(
        request(async () => new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => undefined) })), {
          sleep: defaultSleep,
          timeoutMs: 20,
        }),
      );
      expect(!result.ok && TimeoutError.isInstance(result.error)).toBe(true);
      expect(!result.ok && result.error.message).toContain('the response body did not finish');
    });

    it('clears its timer once the attempt is over, and leaves the finished fetch signal alone', async () => {
      vi.useFakeTimers();
      try {
        let fetchSignal: AbortSignal | undefined;
        const result = await sendRequest(
          request(
            async (input) => {
              fetchSignal = input.signal;
              return new Response('{"ActionStatus":"OK","ErrorCode":0}', { status: 200 });
            },
            { sleep: defaultSleep },
          ),
        );
        expect(result.ok).toBe(true);
        expect(vi.getTimerCount()).toBe(0);
        expect(fetchSignal?.aborted).toBe(false);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});

// Redirects, size limits and the rest of an attempt's reading are tested on the engine (request-engine.test.ts);
// here only what sendRequest adds: the result's shape and the deadline of an injected sleep.
describe('sendRequest: responseSizeLimit', () => {
  const encoder = new TextEncoder();

  /** A body of 1000 `chunk`s pulled one by one; records how many were pulled and whether the reader cancelled it. */
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

  it('drops an oversized error body but keeps the HTTP status error', async () => {
    const { stream, state } = large('<html>error page</html>');
    const result = await sendRequest(request(async () => new Response(stream, { status: 502 }), { readErrorBody: true, responseSizeLimit: limitResponseSize(100) }));
    expect(!result.ok && result.error).toMatchObject({ name: 'HttpStatusError', status: 502, retryable: true });
    expect(!result.ok && result.body).toBeUndefined();
    expect(state.cancelled).toBe(true);
    const small = await sendRequest(request(async () => Response.json({ errorCode: 'x' }, { status: 403 }), { readErrorBody: true, responseSizeLimit: limitResponseSize(100) }));
    expect(!small.ok && small.body).toEqual({ errorCode: 'x' });
  });

  it('times out a stalled bounded read and cancels it', async () => {
    const deadline = manualDeadline();
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"ActionStatus":'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const pending = sendRequest(request(async () => new Response(stream, { status: 200 }), { responseSizeLimit: limitResponseSize(1000), sleep: deadline.sleep }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    deadline.fire();
    const result = await pending;
    expect(!result.ok && TimeoutError.isInstance(result.error)).toBe(true);
    expect(cancelled).toBe(true);
  });
});
