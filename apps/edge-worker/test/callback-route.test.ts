// handleCallback in Node, for what miniflare's dispatch cannot send (a declared Content-Length) or control (the clock
// while a body arrives).
import { signCallback } from '@tokenwire/core';
import { describe, expect, it, vi } from 'vitest';
import { createWorker } from '../src/create-worker.js';
import type { CallbackConfig } from '../src/config/callback-config.js';
import { handleCallback, MAX_CALLBACK_BODY_BYTES } from '../src/tencent/callback-route.js';
import { ReplayGuard } from '../src/tencent/replay-guard.js';

const config: CallbackConfig = {
  sdkAppId: 1400000123,
  tokens: ['callback-token-0123456789'],
  queue: { send: async () => undefined },
  forwardUrl: undefined,
  forwardAuthorization: undefined,
  beforeGift: { policy: 'allow', forwardUrl: undefined, forwardTimeoutMs: 1500 },
};

const dependencies = (now: () => number) => ({
  ctx: { waitUntil: () => undefined },
  fetch: () => Promise.reject(new Error('no outbound call expected')),
  now,
  replayGuard: new ReplayGuard({ toleranceSeconds: 60 }),
});

const REQUEST_TIME = 1_700_000_000;

function signedCallbackUrl(token = config.tokens[0]!): string {
  const sign = signCallback({ token, requestTime: REQUEST_TIME });
  return `https://edge.test/tencent/callback?SdkAppid=1400000123&CallbackCommand=Live.CallbackAfterDestroyRoom&Sign=${sign}&RequestTime=${REQUEST_TIME}`;
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

const post = (url: string, body: ReadableStream<Uint8Array> | string) =>
  new Request(url, { method: 'POST', body, duplex: 'half' } as RequestInit);

describe('handleCallback refusals, decided by the one verification', () => {
  it('answers 400 with detail to a malformed body after a valid signature, even if RequestTime went stale while it arrived', async () => {
    const slow = slowBody('not json');
    // The signature is fresh when checked; by the time the body is in, RequestTime is 2 minutes old. The status
    // comes from verifyLiveCallback's reason (malformed_body), not from checking the signature again later.
    const now = () => (slow.read() ? REQUEST_TIME + 120 : REQUEST_TIME) * 1000;
    const response = await handleCallback(post(signedCallbackUrl(), slow.body), config, dependencies(now));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 400,
      ErrorInfo: expect.stringMatching(/^malformed callback: .*not valid JSON/),
    });
  });

  it('answers 401 with the reason only to a forged Sign, and drains the unread body', async () => {
    const slow = slowBody('not json either');
    const response = await handleCallback(
      post(signedCallbackUrl('a-token-the-worker-does-not-have'), slow.body),
      config,
      dependencies(() => REQUEST_TIME * 1000),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 401,
      ErrorInfo: 'unauthenticated callback: signature_mismatch',
    });
    expect(slow.read()).toBe(true);
  });
});

describe('the callback route of the worker app', () => {
  const env = { TENCENT_SDK_APP_ID: '1400000123', TENCENT_CALLBACK_TOKEN: config.tokens[0] };
  const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };

  it('answers 413 to a declared Content-Length over 1 MiB without reading the body (hono/body-limit)', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(signedCallbackUrl(), {
      method: 'POST',
      headers: { 'content-length': String(MAX_CALLBACK_BODY_BYTES + 1) },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await createWorker({ fetch: () => Promise.reject(new Error('no outbound call expected')) }).fetch(request, env, ctx);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ActionStatus: 'FAIL', ErrorCode: 413, ErrorInfo: 'callback body too large' });
    expect(pulled).toBe(false);
  });

  it('answers 500 with a Tencent-shaped body, and logs, when the route throws', async () => {
    const lines: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      const replayGuard = new ReplayGuard({ toleranceSeconds: 60 });
      vi.spyOn(replayGuard, 'remember').mockImplementation(() => {
        throw new TypeError('the replay memory broke');
      });
      const worker = createWorker({ now: () => REQUEST_TIME * 1000, replayGuard });
      const body = '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","RoomId":"r1"}';
      const response = await worker.fetch(post(signedCallbackUrl(), body), { ...env, EVENTS: { send: async () => undefined } }, ctx);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        ActionStatus: 'FAIL',
        ErrorCode: 500,
        ErrorInfo: 'the receiver failed to handle the callback',
      });
      expect(lines.join('\n')).toContain('"event":"internal_error","route":"/tencent/callback","name":"TypeError"');
    } finally {
      error.mockRestore();
    }
  });
});
