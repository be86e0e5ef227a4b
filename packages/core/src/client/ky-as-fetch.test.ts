// A ky instance as the client's `fetch`: users who already route HTTP through ky (its hooks for auth headers,
// logging, tracing) plug it in with ky's retries, timeout and HTTP-error throwing turned off, and the client
// keeps owning retries, deadlines and error classification.
import ky from 'ky';
import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../errors/transport-errors.js';
import type { FetchFunction } from './transport.js';
import { createTencentClient } from './create-tencent-client.js';

const OK = JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RequestId: 'req-1', Response: { Url: 'https://example.test/cb' } });

interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly body: string;
  readonly traceHeader: string | null;
  readonly signal: AbortSignal;
}

/** A Tencent service behind ky: answers each request with the next scripted reply (the last one repeats). */
function kyBackedService(replies: readonly ((request: Request) => Promise<Response>)[]) {
  const seen: Seen[] = [];
  const service = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: new URL(request.url), body: await request.clone().text(), traceHeader: request.headers.get('x-trace-id'), signal: request.signal });
    return replies[Math.min(seen.length - 1, replies.length - 1)]!(request);
  };
  const api = ky.create({
    fetch: service,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    hooks: { beforeRequest: [(request) => request.headers.set('x-trace-id', 'trace-42')] },
  });
  const fetch: FetchFunction = (input, init) => api(input, init);
  return { fetch, seen };
}

const answer = (status: number, body: string) => () => Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));

function client(fetch: FetchFunction, timeoutMs = 10_000) {
  return createTencentClient({
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey: 'ky-interop-secret-key',
    baseUrl: 'https://tencent.test',
    fetch,
    timeoutMs,
    rateLimit: false,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
}

describe('a ky instance as fetch', () => {
  it('sends the signed POST through ky, with ky hooks applied, and resolves the envelope', async () => {
    const { fetch, seen } = kyBackedService([answer(200, OK)]);
    const body = await client(fetch).call('live_config', 'set_callback', { Url: 'https://example.test/cb' });
    expect(body).toMatchObject({ ErrorCode: 0, RequestId: 'req-1' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"Url":"https://example.test/cb"}', traceHeader: 'trace-42' });
    expect(seen[0]!.url.pathname).toBe('/v4/live_config/set_callback');
    expect([...seen[0]!.url.searchParams.keys()]).toEqual(['sdkappid', 'identifier', 'usersig', 'random', 'contenttype']);
  });

  it('leaves retries to the client: an HTTP 503 and a transient code are retried with fresh randoms', async () => {
    const transient = JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 70500, ErrorInfo: 'internal error', RequestId: 'req-0' });
    const { fetch, seen } = kyBackedService([answer(503, '{}'), answer(200, transient), answer(200, OK)]);
    await expect(client(fetch).call('live_config', 'get_callback')).resolves.toMatchObject({ ErrorCode: 0 });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((request) => request.url.searchParams.get('random'))).size).toBe(3);
  });

  it('keeps the client deadline: a request that never answers times out and its signal reaches the service aborted', async () => {
    const never = (request: Request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
    const { fetch, seen } = kyBackedService([never]);
    const error = await client(fetch, 30).call('live_config', 'get_callback', undefined, { retry: false }).catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signal.aborted).toBe(true);
  });
});
