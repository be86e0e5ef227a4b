// The AICC relay in Node with the emulated API Fabric (directly, and through the gateway handler): its deadline (through the relayTimeoutMs seam), exactly
// which headers go upstream and come back, and what it logs.
import { createEmulator } from '@tokenwire/emulator';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN_REFRESH_FLOOR_MS, createAiccAccessTokenSource } from './aicc-access-token-source.js';
import { createAiccGatewayHandler } from './create-aicc-gateway-handler.js';
import { RELAY_MAX_ANSWER_BYTES, relayToAicc, type RelayDependencies } from './relay-to-aicc.js';

const APP_KEY = 'relay-app-key-0001';
const APP_SECRET = 'relay-app-secret-0123456789abcdef';
const emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: ['web-channel-1'] } });
afterAll(() => emulator.close());

/** What differs between the tests' gateways: the AICC host, the app secret, the clock, the relay deadline. */
interface Setup {
  readonly baseUrl?: string;
  readonly appSecret?: string;
  readonly now?: () => number;
  readonly relayTimeoutMs?: number;
}

/** Routes API Fabric to the emulator and CC-Messaging calls to `upstream`, recording them. */
function dependencies(upstream: (request: Request) => Promise<Response>, setup: Setup = {}) {
  const recorded: Request[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    if (!new URL(request.url).pathname.startsWith('/apiaccess/ccmessaging/')) return emulator.fetch(request);
    recorded.push(request);
    return upstream(request);
  };
  const baseUrl = setup.baseUrl ?? 'https://aicc.relay.test';
  const appSecret = setup.appSecret ?? APP_SECRET;
  const now = setup.now ?? Date.now;
  const deps: RelayDependencies = {
    baseUrl,
    appKey: APP_KEY,
    appSecret,
    fetch,
    accessTokens: createAiccAccessTokenSource({ baseUrl, appKey: APP_KEY, appSecret, fetch, now }),
    waitUntil: undefined,
    log: (entry) => console.error(JSON.stringify(entry)),
    ...(setup.relayTimeoutMs === undefined ? {} : { relayTimeoutMs: setup.relayTimeoutMs }),
  };
  return { deps, recorded };
}

const stall = (request: Request) =>
  new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));

afterEach(() => vi.restoreAllMocks());

const send = { api: 'send', method: 'POST' as const, search: '', body: '{}', messageToken: 'mt-1', signal: new AbortController().signal };

describe('relayToAicc', () => {
  it('answers 504 upstream_timeout when AICC does not answer within the deadline', async () => {
    const { deps, recorded } = dependencies(stall, { relayTimeoutMs: 50 });
    const call = {
      api: 'send',
      method: 'POST' as const,
      search: '',
      body: '{}',
      messageToken: 'mt-1',
      signal: new AbortController().signal,
    };
    const started = performance.now();
    const response = await relayToAicc(call, deps);
    expect(response.status).toBe(504);
    expect(response.headers.get('x-aicc-gateway-error')).toBe('upstream_timeout');
    expect(await response.json()).toEqual({ error: 'upstream_timeout', message: 'AICC did not answer within 50 ms' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(recorded).toHaveLength(1); // not retried
  });

  it('sends exactly its own headers upstream and relays back only content-type, ccmessaging-token and retry-after (no cookies either way)', async () => {
    const { deps, recorded } = dependencies(
      async () =>
        new Response('{"resultCode":"0"}', {
          headers: {
            'content-type': 'application/json',
            'ccmessaging-token': 'mt-rotated',
            'retry-after': '1',
            'set-cookie': 'aicc-session=s3cr3t',
            server: 'aicc/1.0',
          },
        }),
    );
    const browser = new Request('https://edge.test/aicc/ccmessaging/send', {
      method: 'POST',
      headers: {
        authorization: 'Bearer user-1-credential',
        cookie: 'edge-session=browser-cookie',
        'ccmessaging-token': 'mt-1',
        'content-type': 'text/plain',
        origin: 'https://app.example.test',
        'x-forwarded-for': '203.0.113.9',
        'x-app-key': 'forged-by-the-browser',
      },
      body: JSON.stringify({ from: 'user-1', content: 'hi' }),
    });
    const gateway = createAiccGatewayHandler({
      baseUrl: 'https://aicc.relay.test',
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      authenticate: async (request) =>
        request.headers.get('authorization') === 'Bearer user-1-credential' ? { userId: 'user-1' } : undefined,
      allowedOrigins: ['https://app.example.test'],
      fetch: deps.fetch,
    });
    const response = await gateway(browser);
    expect(response.status).toBe(200);
    // Besides the gateway's CORS headers (Vary, Access-Control-*), only what the relay lets through.
    expect([...response.headers].filter(([name]) => name !== 'vary' && !name.startsWith('access-control-'))).toEqual([
      ['cache-control', 'no-store'],
      ['ccmessaging-token', 'mt-rotated'],
      ['content-type', 'application/json'],
      ['retry-after', '1'],
    ]);
    expect(recorded).toHaveLength(1);
    const accessTokens = [...emulator.state.aicc!.accessTokens.keys()];
    expect([...recorded[0]!.headers]).toEqual([
      ['authorization', `Bearer ${accessTokens.at(-1)}`],
      ['ccmessaging-token', 'mt-1'],
      ['content-type', 'application/json;charset=UTF-8'],
      ['x-app-key', APP_KEY],
    ]);
  });

  it('logs no AK/SK or token when API Fabric refuses the credentials', async () => {
    const lines: string[] = [];
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    }
    const { deps } = dependencies(stall, { appSecret: 'a-wrong-app-secret-0123456789' });
    const call = {
      api: 'send',
      method: 'POST' as const,
      search: '',
      body: '{}',
      messageToken: 'mt-secret-1',
      signal: new AbortController().signal,
    };
    const response = await relayToAicc(call, deps);
    expect(response.status).toBe(502);
    expect(lines.join('\n')).toContain('aicc.access_token_failed');
    for (const secret of ['a-wrong-app-secret-0123456789', APP_KEY, 'mt-secret-1']) expect(lines.join('\n')).not.toContain(secret);
  });

  it("relays AICC's answer byte for byte, 2xx or not, JSON or not", async () => {
    for (const [status, body, type] of [
      [200, '{"resultCode":"0","id":144115216631667826123, "note":"\\u00e9"}', 'application/json'],
      [400, '{"resultCode":"1","resultDesc":"bad"}', 'application/json'],
      [200, 'plain text', 'text/plain'],
    ] as const) {
      const { deps } = dependencies(async () => new Response(body, { status, headers: { 'content-type': type } }));
      const response = await relayToAicc(send, deps);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe(type);
      expect(await response.text()).toBe(body);
    }
  });

  it('answers 502 for a redirect, never followed, and for an answer over the size limit', async () => {
    const redirect = dependencies(
      async () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/steal' } }),
    );
    const redirected = await relayToAicc(send, redirect.deps);
    expect(redirected.status).toBe(502);
    expect(await redirected.json()).toMatchObject({ error: 'upstream_unavailable', message: expect.stringContaining('redirect') });
    expect(redirect.recorded.map((request) => new URL(request.url).hostname)).toEqual(['aicc.relay.test']);
    const huge = dependencies(async () => new Response(`{"resultCode":"0","x":"${'x'.repeat(RELAY_MAX_ANSWER_BYTES)}"}`));
    const tooLarge = await relayToAicc(send, huge.deps);
    expect(tooLarge.status).toBe(502);
    expect(await tooLarge.json()).toMatchObject({ error: 'upstream_unavailable', message: expect.stringContaining('larger than') });
  });

  it('answers 504 when AICC sends its headers but not its whole body within the deadline — a non-2xx answer too', async () => {
    for (const status of [200, 400, 500]) {
      const { deps } = dependencies(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"resultCode":'));
              },
            }),
            { status, headers: { 'content-type': 'application/json' } },
          ),
        { relayTimeoutMs: 100 },
      );
      const response = await relayToAicc(send, deps);
      const text = await Promise.race([
        response.text(),
        new Promise<string>((resolve) => setTimeout(() => resolve('the relayed body never ended'), 3000)),
      ]);
      expect({ status: response.status, text }).toEqual({
        status: 504,
        text: JSON.stringify({ error: 'upstream_timeout', message: 'AICC did not answer within 100 ms' }),
      });
    }
  });

  it('answers 502 for a non-2xx answer over the size limit (never relayed in part)', async () => {
    const { deps } = dependencies(async () => new Response('x'.repeat(RELAY_MAX_ANSWER_BYTES + 1), { status: 400 }));
    const response = await relayToAicc(send, deps);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: 'upstream_unavailable', message: expect.stringContaining('larger than') });
  });
});

describe('the AccessToken under a stream of 403s', () => {
  it('lets 403s force at most one refresh per floor, replaying only the call that got a fresh token', async () => {
    let clock = Date.now();
    const issued = () => emulator.state.aicc!.counters.issuedAccessTokens;
    const forbidden = dependencies(async () => Response.json({ resultCode: '1', resultDesc: 'forbidden' }, { status: 403 }), {
      baseUrl: 'https://aicc-403.relay.test',
      now: () => clock,
    });
    const before = issued();
    // Ten 403s, in a row and at once: the first drops the token, one tokenByAkSk follows, that call is replayed once.
    for (let call = 0; call < 5; call++) expect((await relayToAicc(send, forbidden.deps)).status).toBe(403);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => relayToAicc(send, forbidden.deps)));
    expect(concurrent.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(issued() - before).toBe(2); // the first token, and one refresh
    expect(forbidden.recorded).toHaveLength(11);
    // Past the floor, a 403 may force a refresh again.
    clock += ACCESS_TOKEN_REFRESH_FLOOR_MS;
    expect((await relayToAicc(send, forbidden.deps)).status).toBe(403);
    expect(issued() - before).toBe(3);
  });
});
