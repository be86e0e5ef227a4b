// The client's `ky` option: a ky instance of the user's own (`ky.create`, `ky.extend`) becomes the HTTP engine of
// the client. Its hooks, headers and fetch apply to every attempt; the client keeps what makes a Tencent call
// (signed URL with a fresh random per attempt, method and body, timeout, retries, HTTP errors, no redirects).
import ky, { isHTTPError } from 'ky';
import { describe, expect, it } from 'vitest';
import { TencentApiError } from '../errors/tencent-api-error.js';
import { TimeoutError } from '../errors/transport-errors.js';
import type { FetchFunction } from '../engine/attempt-fetch.js';
import { createTencentClient } from './create-tencent-client.js';
import type { TencentClientOptions } from './client-options.js';

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RequestId: 'req-1', Response: { Url: 'https://example.test/cb' } };
const TRANSIENT = { ActionStatus: 'FAIL', ErrorCode: 70500, ErrorInfo: 'internal error', RequestId: 'req-0' };

interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly body: string;
  readonly traceHeader: string | null;
  readonly signal: AbortSignal;
}

/** A Tencent service: answers each request with the next scripted reply (the last one repeats). */
function service(replies: readonly ((request: Request) => Promise<Response>)[]) {
  const seen: Seen[] = [];
  const fetch: FetchFunction = async (input, init) => {
    const request = new Request(input, init);
    seen.push({
      method: request.method,
      url: new URL(request.url),
      body: await request.clone().text(),
      traceHeader: request.headers.get('x-trace-id'),
      signal: request.signal,
    });
    return replies[Math.min(seen.length - 1, replies.length - 1)]!(request);
  };
  return { fetch, seen };
}

const answer = (status: number, body: unknown) => () => Promise.resolve(Response.json(body, { status }));

function client(options: Partial<TencentClientOptions>) {
  return createTencentClient({
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey: 'ky-interop-secret-key',
    baseUrl: 'https://tencent.test',
    rateLimit: false,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  } as TencentClientOptions);
}

describe('createTencentClient with your own ky instance', () => {
  it('sends the signed POST through it: its hooks and headers apply, its fetch sends', async () => {
    const { fetch, seen } = service([answer(200, OK)]);
    const observed: string[] = [];
    const api = ky.create({
      fetch,
      headers: { 'x-team': 'live' },
      hooks: {
        beforeRequest: [(request) => void request.headers.set('x-trace-id', 'trace-42')],
        afterResponse: [(_request, _options, response) => void observed.push(`after ${response.status}`)],
      },
    });
    const body = await client({ ky: api }).call('live_config', 'set_callback', { Url: 'https://example.test/cb' });
    expect(body).toMatchObject({ ErrorCode: 0, RequestId: 'req-1' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"Url":"https://example.test/cb"}', traceHeader: 'trace-42' });
    expect(seen[0]!.url.pathname).toBe('/v4/live_config/set_callback');
    expect([...seen[0]!.url.searchParams.keys()]).toEqual(['sdkappid', 'identifier', 'usersig', 'random', 'contenttype']);
    expect(observed).toEqual(['after 200']);
  });

  it("retries by the client's policy whatever the instance says: an HTTP 503 and a transient code, each with a fresh random", async () => {
    const { fetch, seen } = service([answer(503, {}), answer(200, TRANSIENT), answer(200, OK)]);
    const retried: string[] = [];
    const api = ky.create({
      fetch,
      retry: 0,
      throwHttpErrors: false,
      hooks: {
        beforeRetry: [
          ({ error, retryCount }) => void retried.push(`${retryCount}: ${isHTTPError(error) ? error.response.status : error.name}`),
        ],
      },
    });
    await expect(client({ ky: api }).call('live_config', 'get_callback')).resolves.toMatchObject({ ErrorCode: 0 });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((request) => request.url.searchParams.get('random'))).size).toBe(3);
    // Your beforeRetry hooks see ky's errors: its HTTPError, and the client's forced retry of a transient code.
    expect(retried).toEqual(['1: 503', '2: ForceRetryError']);
  });

  it("keeps the client's deadline over the instance's timeout, and its signal reaches the service aborted", async () => {
    const never = (request: Request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
    const { fetch, seen } = service([never]);
    const api = ky.create({ fetch, timeout: false });
    const error = await client({ ky: api, timeoutMs: 30 })
      .call('live_config', 'get_callback', undefined, { retry: false })
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 30, attempt: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signal.aborted).toBe(true);
  });

  it('uses the fetch option over the instance fetch, and lets the instance answer from a hook (a cache, a test double)', async () => {
    const instanceFetch = service([answer(200, OK)]);
    const optionFetch = service([answer(200, { ...OK, RequestId: 'from-option' })]);
    const api = ky.create({ fetch: instanceFetch.fetch });
    await expect(client({ ky: api, fetch: optionFetch.fetch }).call('live_config', 'get_callback')).resolves.toMatchObject({
      RequestId: 'from-option',
    });
    expect(instanceFetch.seen).toHaveLength(0);

    const cached = ky.create({
      hooks: { beforeRequest: [() => Response.json({ ...TRANSIENT, ErrorCode: 100002, ErrorInfo: 'cached failure' })] },
    });
    const error = await client({ ky: cached, fetch: optionFetch.fetch })
      .call('live_config', 'get_callback')
      .catch((caught: unknown) => caught);
    expect(TencentApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 100002, attempt: 1 });
  });

  it('still accepts a ky instance as the fetch option (it then sees the requests the client builds)', async () => {
    const { fetch, seen } = service([answer(200, OK)]);
    const api = ky.create({
      fetch,
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      hooks: { beforeRequest: [(request) => void request.headers.set('x-trace-id', 'inner')] },
    });
    await client({ fetch: (input, init) => api(input, init) }).call('live_config', 'get_callback');
    expect(seen[0]!.traceHeader).toBe('inner');
  });
});
