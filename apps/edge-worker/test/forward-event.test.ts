// forwardEvent in Node on core's request engine: which answers are an acceptance, a refusal or worth another
// attempt, with a fast policy and no jitter (the random source is injected).
import type { RetryPolicy } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import type { CallbackEventMessage } from '../src/tencent/callback-event-message.js';
import { FORWARD_ANSWER_MAX_BYTES, forwardEvent } from '../src/tencent/forward-event.js';

const message: CallbackEventMessage = {
  id: 'b'.repeat(64),
  command: 'Live.CallbackAfterCreateRoom',
  sdkAppId: 1400000123,
  requestTime: 1_800_000_000,
  clientIp: undefined,
  optPlatform: undefined,
  receivedAt: 1_800_000_000_000,
  rawBody: '{"RoomId":"r"}',
};

const FAST: RetryPolicy = { limit: 4, baseDelayMs: 5, maxDelayMs: 20, rateLimitBaseDelayMs: 5, rateLimitMaxDelayMs: 20 };

/** A target answering `answers` in turn (the last one repeats), recording each request. */
function target(...answers: (() => Response | Promise<Response>)[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return (answers[requests.length - 1] ?? answers.at(-1)!)();
  };
  return { fetch, requests };
}

const forward = (fetch: (request: Request) => Promise<Response>, attemptTimeoutMs = 1000) =>
  forwardEvent(message, {
    fetch,
    url: new URL('https://events.example/in'),
    authorization: 'Bearer forward-secret',
    attemptTimeoutMs,
    retry: FAST,
    random: () => 0,
  });

const status =
  (code: number, body: string | null = null, headers: HeadersInit = {}) =>
  () =>
    new Response(body, { status: code, headers });

describe('forwardEvent', () => {
  it('retries 5xx and 429 until the target accepts, with the event headers on every attempt', async () => {
    const { fetch, requests } = target(status(503), status(429), status(500), status(202));
    expect(await forward(fetch)).toEqual({ status: 'accepted', attempts: 4 });
    for (const request of requests) {
      expect(Object.fromEntries(request.headers)).toMatchObject({
        authorization: 'Bearer forward-secret',
        'content-type': 'application/json; charset=utf-8',
        'x-tokenwire-event-id': message.id,
        'x-tokenwire-callback-command': message.command,
      });
      expect(await request.json()).toEqual(message);
    }
  });

  it.each([
    ['empty', status(204)],
    ['not JSON', status(200, 'thanks')],
    ['larger than the answer limit', status(202, 'x'.repeat(FORWARD_ANSWER_MAX_BYTES + 1))],
  ])('takes a 2xx whose body is %s as an acceptance, sent once', async (_name, answer) => {
    const { fetch, requests } = target(answer);
    expect(await forward(fetch)).toEqual({ status: 'accepted', attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('stops at a refusal (4xx, 408 too) and at a redirect, which it never follows', async () => {
    const refused = target(status(422, 'no'));
    expect(await forward(refused.fetch)).toEqual({ status: 'refused', attempts: 1, httpStatus: 422 });
    // core's engine repeats 429 and 5xx only: a 408 (which the hand-written loop retried) ends the forward.
    expect(await forward(target(status(408)).fetch)).toEqual({ status: 'refused', attempts: 1, httpStatus: 408 });
    const redirected = target(status(307, null, { location: 'https://elsewhere.example/in' }));
    expect(await forward(redirected.fetch)).toEqual({ status: 'refused', attempts: 1, httpStatus: 307 });
    expect(redirected.requests.map((request) => request.url)).toEqual(['https://events.example/in']);
  });

  it('gives up after 5 attempts, saying why the last one failed: HTTP status, network error, timeout', async () => {
    const unavailable = target(status(503));
    expect(await forward(unavailable.fetch)).toEqual({ status: 'exhausted', attempts: 5, lastFailure: 'HTTP 503' });
    const unreachable = target(() => Promise.reject(new TypeError('fetch failed')));
    expect(await forward(unreachable.fetch)).toEqual({ status: 'exhausted', attempts: 5, lastFailure: 'network error' });
    const stalled = target(() => new Promise<Response>(() => undefined));
    expect(await forward(stalled.fetch, 20)).toEqual({ status: 'exhausted', attempts: 5, lastFailure: 'timeout' });
    expect(stalled.requests).toHaveLength(5);
  });
});
