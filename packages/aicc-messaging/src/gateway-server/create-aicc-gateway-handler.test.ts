// createAiccGatewayHandler driven with plain Requests — and by createAiccGatewayClient + createAiccSession — against
// the emulated AICC (the emulator's fetch as the upstream fetch).
import { ValidationError } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { createAiccGatewayClient } from '../gateway/create-aicc-gateway-client.js';
import { createAiccSession } from '../session/create-aicc-session.js';
import type { AiccGatewayHandlerOptions } from './aicc-gateway-handler-options.js';
import { createAiccGatewayHandler } from './create-aicc-gateway-handler.js';
import type { AiccGatewayLogEntry } from './gateway-log-entry.js';

const APP_KEY = 'handler-app-key-0001';
const APP_SECRET = 'handler-app-secret-0123456789abcdef';
const CHANNEL = 'web-channel-1';
const ORIGIN = 'https://app.example.test';
const emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL, 'web-channel-2'], pollHoldMs: 20 } });
afterAll(() => emulator.close());

/** Credentials of the test's users: `Bearer <user>-credential` is user `<user>`. */
const authenticate = async (request: Request) => {
  const match = /^Bearer (user-\d)-credential$/.exec(request.headers.get('authorization') ?? '');
  return match === null ? undefined : { userId: match[1]! };
};

function gatewayWith(options: Partial<AiccGatewayHandlerOptions> = {}) {
  const logged: AiccGatewayLogEntry[] = [];
  const gateway = createAiccGatewayHandler({
    baseUrl: 'https://aicc.handler.test',
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    authenticate,
    allowedOrigins: [ORIGIN],
    channels: [CHANNEL],
    fetch: (request) => emulator.fetch(request),
    log: (entry) => void logged.push(entry),
    ...options,
  });
  return { gateway, logged };
}

const call = (path: string, init: RequestInit & { user?: string | null } = {}) => {
  const { user = 'user-1', ...rest } = init;
  const headers = new Headers(rest.headers);
  if (user !== null) headers.set('authorization', `Bearer ${user}-credential`);
  return new Request(`https://gateway.test${path}`, { method: 'POST', ...rest, headers });
};

const tokenBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ userName: 'Ada', channelId: CHANNEL, locale: 'en_US', ...extra });

describe('createAiccGatewayHandler options', () => {
  it('throws a ValidationError at creation for a bad option, quoting no value', () => {
    const secret = 'a-secret-that-must-not-show-0001';
    const invalid: unknown[] = [
      { baseUrl: 'ftp://aicc.test', appKey: APP_KEY, appSecret: secret, authenticate },
      { baseUrl: 'https://aicc.test', appKey: APP_KEY, appSecret: secret },
      { baseUrl: 'https://aicc.test', appKey: APP_KEY, appSecret: secret, authenticate, allowedOrigins: ['app.example.test/path'] },
      { baseUrl: 'https://aicc.test', appKey: APP_KEY, appSecret: secret, authenticate, maxUploads: 0 },
      { baseUrl: 'https://aicc.test', appKey: APP_KEY, appSecret: secret, authenticate, channels: [''] },
      { baseUrl: 'https://aicc.test', appKey: APP_KEY, appSecret: secret, authenticate, unknown: true },
      { baseUrl: 'https://aicc.test', appKey: '', appSecret: secret, authenticate },
    ];
    for (const options of invalid) {
      let thrown: unknown;
      try {
        createAiccGatewayHandler(options as AiccGatewayHandlerOptions);
      } catch (error) {
        thrown = error;
      }
      expect(ValidationError.isInstance(thrown), JSON.stringify(Object.keys(options as object))).toBe(true);
      expect(String((thrown as Error).message)).not.toContain(secret);
    }
    expect(() =>
      createAiccGatewayHandler({ baseUrl: 'https://aicc.test', appKey: APP_KEY, appSecret: secret, authenticate }),
    ).not.toThrow();
  });
});

describe('createAiccGatewayHandler', () => {
  it('applies a token for the authenticated user and relays a chat, with CORS for an allowed origin', async () => {
    const { gateway } = gatewayWith();
    const applied = await gateway(call('/aicc/token', { body: tokenBody(), headers: { origin: ORIGIN } }));
    expect(applied.status).toBe(200);
    expect(applied.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(applied.headers.get('access-control-expose-headers')).toBe('ccmessaging-token, retry-after, x-aicc-gateway-error');
    expect(applied.headers.get('vary')).toBe('Origin');
    const { token } = (await applied.json()) as { token: string };
    expect(emulator.state.aicc!.messageTokens.get(token.replaceAll('"', ''))).toMatchObject({ userId: 'user-1', channelId: CHANNEL });
  });

  it('serves createAiccGatewayClient + createAiccSession end to end', async () => {
    const { gateway } = gatewayWith();
    const client = createAiccGatewayClient({
      gatewayUrl: 'https://gateway.test',
      getAuthorization: async () => 'Bearer user-2-credential',
      fetch: (input, init) => gateway(new Request(input, init)),
    });
    const session = createAiccSession(client, { userId: 'user-2', userName: 'Bo', channelId: CHANNEL, locale: 'en_US' });
    await session.connect();
    const sent = await session.send('Where is my order?');
    expect(sent).toBeDefined();
    expect(
      (emulator.state.aicc!.messages.get('user-2') ?? []).some((message) => JSON.stringify(message).includes('Where is my order?')),
    ).toBe(true);
  });

  it('answers 401 without detail when authenticate returns nothing, before reading the body', async () => {
    const { gateway } = gatewayWith();
    const response = await gateway(call('/aicc/token', { body: tokenBody(), user: null }));
    expect(response.status).toBe(401);
    expect(response.headers.get('x-aicc-gateway-error')).toBe('unauthorized');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ error: 'unauthorized', message: 'A valid end-user credential is required' });
  });

  it("pins identity: another user's userId (any spelling, body or query) is 403, and channels are enforced", async () => {
    const { gateway } = gatewayWith();
    const requestsBefore = emulator.state.aicc!.requestsByPath.get('/apiaccess/ccmessaging/send') ?? 0;
    for (const request of [
      call('/aicc/token', { body: tokenBody({ userId: 'user-2' }) }),
      call('/aicc/token', { body: tokenBody({ User_ID: 'user-2' }) }),
      call('/aicc/ccmessaging/send', { body: JSON.stringify({ from: 'user-2', content: 'hi' }) }),
      call('/aicc/ccmessaging/send?userid=user-2', { body: JSON.stringify({ from: 'user-1', content: 'hi' }) }),
      call('/aicc/token', { body: tokenBody({ channelId: 'web-channel-2' }) }),
    ]) {
      const response = await gateway(request);
      expect(response.status).toBe(403);
      expect(response.headers.get('x-aicc-gateway-error')).toBe('forbidden');
    }
    expect(emulator.state.aicc!.requestsByPath.get('/apiaccess/ccmessaging/send') ?? 0).toBe(requestsBefore);
  });

  it('relays what it checked: a duplicated key reaches AICC as the value checked', async () => {
    const sent: string[] = [];
    const { gateway } = gatewayWith({
      fetch: async (request) => {
        if (new URL(request.url).pathname.endsWith('/send')) sent.push(await request.clone().text());
        return emulator.fetch(request);
      },
    });
    await gateway(call('/aicc/ccmessaging/send', { body: '{"from":"user-9","from":"user-1","content":"hi"}' }));
    expect(sent).toEqual(['{"from":"user-1","content":"hi"}']);
  });

  it('refuses routes, methods, bodies and origins outside the contract', async () => {
    const { gateway } = gatewayWith();
    const notFound = await gateway(call('/aicc/ccmessaging/applyToken', { body: '{}' }));
    expect([notFound.status, notFound.headers.get('x-aicc-gateway-error')]).toEqual([404, 'not_found']);
    expect((await gateway(call('/elsewhere'))).status).toBe(404);
    const wrongMethod = await gateway(call('/aicc/ccmessaging/poll', { body: '{}' }));
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET']);
    const tooLarge = await gateway(
      call('/aicc/ccmessaging/send', { body: JSON.stringify({ from: 'user-1', content: 'x'.repeat(17_000) }) }),
    );
    expect([tooLarge.status, tooLarge.headers.get('x-aicc-gateway-error')]).toEqual([413, 'payload_too_large']);
    const notJson = await gateway(call('/aicc/ccmessaging/send', { body: '[1]' }));
    expect([notJson.status, notJson.headers.get('x-aicc-gateway-error')]).toEqual([400, 'invalid_body']);

    const preflight = (origin: string, method: string, path = '/aicc/token') =>
      gateway(
        new Request(`https://gateway.test${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method } }),
      );
    const allowed = await preflight(ORIGIN, 'POST');
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(allowed.headers)).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'authorization, content-type, ccmessaging-token',
      'access-control-max-age': '600',
    });
    const evil = await preflight('https://evil.example.test', 'POST');
    expect([evil.status, evil.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    expect((await preflight(ORIGIN, 'POST', '/aicc/ccmessaging/poll')).status).toBe(405);
    expect((await preflight(ORIGIN, 'POST', '/aicc/ccmessaging/nothing')).status).toBe(404);
    const any = createAiccGatewayHandler({
      baseUrl: 'https://aicc.test',
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      authenticate,
      allowedOrigins: ['*'],
    });
    const anyAnswer = await any(
      new Request('https://gateway.test/aicc/token', {
        method: 'OPTIONS',
        headers: { origin: 'https://x.test', 'access-control-request-method': 'POST' },
      }),
    );
    expect(anyAnswer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 500 internal_error when authenticate throws, logging the error name only', async () => {
    const { gateway, logged } = gatewayWith({
      authenticate: async () => {
        throw new TypeError('token eyJhbGciOi.secret-looking could not be parsed');
      },
    });
    const response = await gateway(call('/aicc/token', { body: tokenBody(), headers: { origin: ORIGIN } }));
    expect([response.status, response.headers.get('x-aicc-gateway-error')]).toEqual([500, 'internal_error']);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(logged).toEqual([{ event: 'internal_error', route: '/aicc/token', name: 'TypeError' }]);
  });

  it('answers 502 when API Fabric refuses the AK/SK, logging no secret', async () => {
    const { gateway, logged } = gatewayWith({ appSecret: 'a-wrong-app-secret-0123456789' });
    const response = await gateway(call('/aicc/token', { body: tokenBody() }));
    expect([response.status, response.headers.get('x-aicc-gateway-error')]).toEqual([502, 'upstream_unavailable']);
    expect(logged.map((entry) => entry.event)).toEqual(['aicc.access_token_failed']);
    const text = JSON.stringify(logged) + (await response.text());
    for (const secret of ['a-wrong-app-secret-0123456789', APP_KEY]) expect(text).not.toContain(secret);
  });

  it("keeps a shared AccessToken refresh alive with the runtime's waitUntil (ctx, the third argument)", async () => {
    const { gateway } = gatewayWith();
    const kept: Promise<unknown>[] = [];
    const response = await gateway(call('/aicc/token', { body: tokenBody() }), {}, { waitUntil: (promise) => void kept.push(promise) });
    expect(response.status).toBe(200);
    expect(kept.length).toBeGreaterThan(0);
  });

  it(`limits uploads per user and in all (maxUploadsPerUser, maxUploads): 429, then 503, with Retry-After`, async () => {
    const { gateway } = gatewayWith({
      maxUploadsPerUser: 1,
      maxUploads: 2,
      fetch: async (request) =>
        new URL(request.url).pathname.endsWith('/uploadFileStream') ? new Promise<Response>(() => undefined) : emulator.fetch(request),
    });
    // Held uploads: a body that has begun and does not end. The refused ones send a whole (small) body.
    const upload = (user: string, body: BodyInit = held()) =>
      gateway(call('/aicc/ccmessaging/uploadFileStream', { user, body, duplex: 'half' } as RequestInit & { user: string }));
    const held = () => new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"fileStream":"AAAA')) });
    void upload('user-1');
    void upload('user-2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const mine = await upload('user-1', '{}');
    expect([mine.status, mine.headers.get('x-aicc-gateway-error'), mine.headers.get('retry-after')]).toEqual([
      429,
      'too_many_uploads',
      '1',
    ]);
    const busy = await upload('user-3', '{}');
    expect([busy.status, busy.headers.get('x-aicc-gateway-error')]).toEqual([503, 'gateway_busy']);
  });
});
