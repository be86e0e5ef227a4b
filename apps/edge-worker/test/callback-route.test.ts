// handleCallback in Node, for what miniflare's dispatch cannot send: a declared Content-Length.
import { describe, expect, it } from 'vitest';
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

describe('handleCallback', () => {
  it('answers 413 to a declared Content-Length over 1 MiB without reading the body', async () => {
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
    const request = new Request('https://edge.test/tencent/callback?SdkAppid=1400000123', {
      method: 'POST',
      headers: { 'content-length': String(MAX_CALLBACK_BODY_BYTES + 1) },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await handleCallback(request, config, {
      ctx: { waitUntil: () => undefined },
      fetch: () => Promise.reject(new Error('no outbound call expected')),
      now: Date.now,
      replayGuard: new ReplayGuard({ toleranceSeconds: 60 }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ActionStatus: 'FAIL', ErrorCode: 413, ErrorInfo: 'callback body too large' });
    expect(pulled).toBe(false);
  });
});
