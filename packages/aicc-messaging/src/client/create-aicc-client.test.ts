import { HttpStatusError, NetworkError, RequestAbortedError, TimeoutError, ValidationError } from '@tokenwire/core';
import ky from 'ky';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_KEY,
  APP_SECRET,
  BASE_URL,
  DIALECTS,
  dialectTestBed,
  TEST_TIMEOUT_MS,
  textsOfError,
  type TestBed,
} from '../../test/harness.js';
import { AiccApiError } from '../errors/aicc-api-error.js';
import { FabricAuthError } from '../errors/fabric-auth-error.js';
import { applyToken } from '../token/apply-token.js';
import { createAiccClient } from './create-aicc-client.js';
import type { MessageTokenSource } from './message-token-source.js';

const TOKEN_PATH = '/apigovernance/api/oauth/tokenByAkSk';
const APPLY_PATH = '/apiaccess/ccmessaging/applyToken';

let bed: TestBed;
afterEach(() => bed?.emulator.close());

const applyBody = { userId: 'user-1', userName: 'Ada', channelId: 'web-channel-1', locale: 'en' };

describe('createAiccClient options', () => {
  it.each([
    [{ baseUrl: 'ftp://aicc.test' }, 'baseUrl: must be an absolute http(s) URL'],
    [{ baseUrl: 'https://aicc.test/?x=1' }, 'baseUrl: must not have a query or fragment'],
    [{ appKey: '' }, 'appKey: must not be empty'],
    [{ appSecret: 42 }, 'appSecret: must be a string'],
    [{ accessTokenTtlSeconds: 3601 }, 'accessTokenTtlSeconds: must be a whole number of seconds from 60 to 3600'],
    [{ accessTokenTtlSeconds: 59 }, 'accessTokenTtlSeconds: must be a whole number of seconds from 60 to 3600'],
    [{ accessTokenTtlSeconds: 600.5 }, 'accessTokenTtlSeconds: must be a whole number of seconds from 60 to 3600'],
    [{ fabricTokenPath: 'oauth/token' }, 'fabricTokenPath: must be a path starting with /'],
    [{ timeoutMs: 0 }, 'timeoutMs: must be a positive number of milliseconds up to 2147483647'],
    [{ retry: { limit: -1 } }, 'retry.limit: must be an integer from 0 to 100'],
    [{ retry: { attempts: 2 } }, 'retry.attempts: is not a known option'],
    [{ fetch: 'fetch' }, 'fetch: must be a function'],
    [{ ky: { extend: 1 } }, 'ky: must be a ky instance'],
    // ky waits its backoff and deadlines with its own timers: there is no sleep to inject any more.
    [{ sleep: async () => undefined }, 'sleep: is not a known option'],
    [{ appSecrets: 'x' }, 'appSecrets: is not a known option'],
  ])('rejects %j before sending anything', (override, message) => {
    let sent = 0;
    const options = {
      baseUrl: BASE_URL,
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      fetch: async () => {
        sent++;
        return new Response('{}');
      },
      ...override,
    };
    let caught: unknown;
    try {
      createAiccClient(options as never);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).message).toContain(message);
    expect(sent).toBe(0);
  });

  it('never quotes the secret in a validation error', () => {
    const secret = 'leaky-secret-value-1234';
    let caught: unknown;
    try {
      createAiccClient({ baseUrl: secret, appKey: secret, appSecret: secret, accessTokenTtlSeconds: secret as never });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect(textsOfError(caught)).not.toContain(secret);
  });

  it('keeps a path prefix and drops trailing slashes of the base URL', () => {
    const client = createAiccClient({ baseUrl: 'https://gw.example.com:28070/aicc///', appKey: APP_KEY, appSecret: APP_SECRET });
    expect(client.endpoint).toBe('https://gw.example.com:28070/aicc');
    expect(client.mode).toBe('direct');
  });
});

describe.each(DIALECTS)('against the %s dialect', (dialect) => {
  const testBed = dialectTestBed(dialect);

  describe('the API Fabric AccessToken', () => {
    it('is fetched once with X-Token-Expire and the AK/SK, then sent as Bearer with x-app-key', async () => {
      bed = testBed();
      const client = bed.client({ accessTokenTtlSeconds: 900 });
      await client.request({ api: 'applyToken', body: applyBody });
      await client.request({ api: 'applyToken', body: applyBody });
      const [tokenRequest, ...others] = bed.recorder.to(TOKEN_PATH);
      expect(others).toHaveLength(0);
      expect(tokenRequest?.headers.get('x-token-expire')).toBe('900');
      expect(JSON.parse(tokenRequest!.body)).toEqual({ app_key: APP_KEY, app_secret: APP_SECRET });
      const issued = [...bed.emulator.state.aicc!.accessTokens.keys()];
      expect(issued).toHaveLength(1);
      for (const request of bed.recorder.to(APPLY_PATH)) {
        expect(request.headers.get('authorization')).toBe(`Bearer ${issued[0]}`);
        expect(request.headers.get('x-app-key')).toBe(APP_KEY);
        expect(request.body).not.toContain(APP_SECRET);
      }
      expect(client.accessTokens.grant?.expiresAtMs).toBe(bed.clock.now() + 900_000);
    });

    it('is asked for, and every ccmessaging POST sent, with Content-Type application/json;charset=UTF-8 (devg-voip cec_05_1003, Huawei’s demo cec_05_1115)', async () => {
      bed = testBed();
      const client = bed.client();
      await client.request({ api: 'applyToken', body: applyBody });
      const { token } = (await client.request({ api: 'applyToken', body: applyBody })).body as { token: string };
      await client.request({
        api: 'queryHistoryChatMessage',
        body: { channelId: 'web-channel-1', userId: 'user-1', limit: '5', offset: '0', channel: 'WEB' },
        messageToken: token.replace(/"/g, ''),
      });
      const posts = bed.recorder.requests.filter((request) => request.method === 'POST');
      expect(posts.map((request) => request.url.pathname)).toEqual([
        TOKEN_PATH,
        APPLY_PATH,
        APPLY_PATH,
        '/apiaccess/ccmessaging/queryHistoryChatMessage',
      ]);
      for (const request of posts) expect(request.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    });

    it('is refreshed 60 s before it expires, not earlier', async () => {
      bed = testBed();
      const client = bed.client();
      await client.request({ api: 'applyToken', body: applyBody });
      bed.clock.advance(539_000);
      await client.request({ api: 'applyToken', body: applyBody });
      expect(bed.emulator.state.aicc!.counters.issuedAccessTokens).toBe(1);
      bed.clock.advance(2_000);
      await client.request({ api: 'applyToken', body: applyBody });
      expect(bed.emulator.state.aicc!.counters.issuedAccessTokens).toBe(2);
      // Refreshed before API Fabric had to say no.
      expect(bed.emulator.state.aicc!.counters.rejectedAccessTokens).toBe(0);
    });

    it('takes its lifetime from Expires, as a number or a string, with a margin of a tenth of short lifetimes', async () => {
      for (const expires of [120, '120']) {
        bed = testBed();
        bed.intercept((next) => async (request) => {
          const response = await next(request);
          if (new URL(request.url).pathname !== TOKEN_PATH) return response;
          const body = (await response.json()) as Record<string, unknown>;
          return Response.json({ ...body, Expires: expires });
        });
        const client = bed.client();
        await client.request({ api: 'applyToken', body: applyBody });
        expect(client.accessTokens.grant!.expiresAtMs - client.accessTokens.grant!.obtainedAtMs).toBe(120_000);
        bed.clock.advance(107_000);
        await client.request({ api: 'applyToken', body: applyBody });
        expect(bed.emulator.state.aicc!.counters.issuedAccessTokens).toBe(1);
        bed.clock.advance(2_000);
        await client.request({ api: 'applyToken', body: applyBody });
        expect(bed.emulator.state.aicc!.counters.issuedAccessTokens).toBe(2);
        bed.emulator.close();
      }
    });

    it('rejects an answer without AccessToken or with a bad Expires as malformed, not retried', async () => {
      for (const broken of [{ AccessToken: '' }, { Expires: 'soon' }, { Expires: 0 }]) {
        bed = testBed();
        bed.intercept((next) => async (request) => {
          const response = await next(request);
          if (new URL(request.url).pathname !== TOKEN_PATH) return response;
          const body = (await response.json()) as Record<string, unknown>;
          return Response.json({ ...body, ...broken });
        });
        const error = await bed
          .client()
          .request({ api: 'applyToken', body: applyBody })
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ name: 'MalformedResponseError', path: TOKEN_PATH, retryable: false });
        expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(1);
        expect(textsOfError(error)).not.toContain(APP_SECRET);
        bed.emulator.close();
      }
    });

    it('never quotes a value of an answer in a MalformedResponseError, even from schema steps without a message', async () => {
      bed = testBed();
      bed.intercept((next) => async (request) => {
        const response = await next(request);
        if (new URL(request.url).pathname !== TOKEN_PATH) return response;
        return Response.json({ ...((await response.json()) as Record<string, unknown>), Expires: 'soon-secret-value' });
      });
      const error = await bed
        .client()
        .request({ api: 'applyToken', body: applyBody })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'MalformedResponseError' });
      const text = textsOfError(error);
      expect(text).toContain('Expires');
      expect(text).not.toContain('soon-secret-value');
      expect(text).not.toMatch(/received/i);
    });

    it('is fetched once for 20 concurrent first calls (single flight)', async () => {
      bed = testBed();
      const client = bed.client();
      const results = await Promise.all(Array.from({ length: 20 }, () => client.request({ api: 'applyToken', body: applyBody })));
      expect(results.every((result) => result.status === 200)).toBe(true);
      expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(1);
      expect(bed.emulator.state.aicc!.counters.issuedAccessTokens).toBe(1);
    });

    it('recovers from a Fabric 403: 20 concurrent calls cause one refresh and each is replayed once', async () => {
      bed = testBed();
      const client = bed.client();
      await client.request({ api: 'applyToken', body: applyBody });
      const before = bed.emulator.state.aicc!.counters.issuedMessageTokens;
      bed.aicc.expireAccessTokens();
      const results = await Promise.all(Array.from({ length: 20 }, () => client.request({ api: 'applyToken', body: applyBody })));
      expect(results.every((result) => typeof (result.body as { token?: unknown }).token === 'string')).toBe(true);
      const counters = bed.emulator.state.aicc!.counters;
      expect(counters.issuedAccessTokens).toBe(2);
      expect(counters.rejectedAccessTokens).toBe(20);
      expect(counters.issuedMessageTokens).toBe(before + 20);
      expect(bed.recorder.to(APPLY_PATH)).toHaveLength(1 + 40);
      expect(bed.time.backoffs).toEqual([]);
    });

    it('gives up with FabricAuthError when the fresh AccessToken is rejected too', async () => {
      bed = testBed();
      let rejected = 0;
      bed.intercept((next) => async (request) => {
        if (new URL(request.url).pathname !== APPLY_PATH) return next(request);
        rejected += 1;
        return Response.json(
          { errorCode: '10010000001', exceptionInfo: `auth fail! token ${request.headers.get('authorization')}` },
          { status: 403 },
        );
      });
      const client = bed.client();
      const error = await client.request({ api: 'applyToken', body: applyBody }).catch((caught: unknown) => caught);
      expect(FabricAuthError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        reason: 'access_token_rejected',
        status: 403,
        errorCode: '10010000001',
        path: APPLY_PATH,
        retryable: false,
        attempt: 2,
      });
      expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(2);
      expect(rejected).toBe(2);
      // The echoed AccessToken is redacted.
      for (const token of bed.emulator.state.aicc!.accessTokens.keys()) expect(textsOfError(error)).not.toContain(token);
      expect((error as FabricAuthError).exceptionInfo).toContain('Bearer ***');
    });

    it('treats a 401 on applyToken as an Authorization problem: one refresh, one replay', async () => {
      bed = testBed();
      let answered401 = false;
      bed.intercept((next) => async (request) => {
        if (new URL(request.url).pathname === APPLY_PATH && !answered401) {
          answered401 = true;
          return Response.json({ resultCode: '1', resultDesc: 'authentication failed' }, { status: 401 });
        }
        return next(request);
      });
      const client = bed.client();
      const response = await client.request({ api: 'applyToken', body: applyBody });
      expect((response.body as { token?: unknown }).token).toEqual(expect.any(String));
      expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(2);
    });

    it('reports wrong credentials as FabricAuthError credentials_rejected without retrying', async () => {
      bed = testBed();
      const client = bed.client({ appSecret: 'wrong-secret-value' });
      const error = await client.request({ api: 'applyToken', body: applyBody }).catch((caught: unknown) => caught);
      expect(FabricAuthError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ reason: 'credentials_rejected', status: 403, path: TOKEN_PATH, errorCode: '10010000001' });
      expect((error as Error).message).toContain('API Fabric rejected the app_key/app_secret');
      expect(textsOfError(error)).not.toContain('wrong-secret-value');
      expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(1);
      expect(bed.recorder.to(APPLY_PATH)).toHaveLength(0);
    });

    it('retries a failing token endpoint (HTTP 500, 429, dropped connection) with backoff', async () => {
      bed = testBed({
        faults: [
          { route: TOKEN_PATH, fault: 'transient', times: 1 },
          { route: TOKEN_PATH, fault: 'rate-limit', sequence: [2] },
          { route: TOKEN_PATH, fault: 'drop-connection', sequence: [3] },
        ],
      });
      const client = bed.client();
      const response = await client.request({ api: 'applyToken', body: applyBody });
      expect(response.status).toBe(200);
      expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(4);
      expect(bed.time.backoffs).toHaveLength(3);
      // 200 ms base for transient failures, 1 s base for rate limits (full jitter at 0.5).
      expect(bed.time.backoffs).toEqual([100, 1000, 400]);
    });

    it('fails every waiting caller when the shared refresh fails, and tries again on the next call', async () => {
      bed = testBed({ faults: [{ route: TOKEN_PATH, fault: 'drop-connection', times: 2 }] });
      const client = bed.client({ retry: { limit: 1 } });
      const errors = await Promise.all(
        Array.from({ length: 5 }, () => client.request({ api: 'applyToken', body: applyBody }).catch((caught: unknown) => caught)),
      );
      expect(errors.every((error) => NetworkError.isInstance(error))).toBe(true);
      expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(2);
      const response = await client.request({ api: 'applyToken', body: applyBody });
      expect(response.status).toBe(200);
    });

    it('lets one caller abort its wait for a shared refresh without failing the others', async () => {
      bed = testBed();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      bed.intercept((next) => async (request) => {
        if (new URL(request.url).pathname === TOKEN_PATH) await gate;
        return next(request);
      });
      const client = bed.client();
      const controller = new AbortController();
      const aborted = client.request({ api: 'applyToken', body: applyBody, signal: controller.signal }).catch((caught: unknown) => caught);
      const patient = client.request({ api: 'applyToken', body: applyBody });
      await new Promise((resolve) => setTimeout(resolve, 0));
      controller.abort(new Error('user left'));
      expect(RequestAbortedError.isInstance(await aborted)).toBe(true);
      release();
      expect((await patient).status).toBe(200);
      expect(bed.recorder.to(TOKEN_PATH)).toHaveLength(1);
    });
  });

  describe('client.request', () => {
    it('validates the request before sending anything', async () => {
      bed = testBed();
      const client = bed.client();
      for (const [request, message] of [
        [{ api: '../admin' }, 'api: must be an API name'],
        [{ api: 'poll', body: {} }, 'body: must be omitted for GET'],
        [{ api: 'send', body: [] }, 'body: must be a JSON object'],
        [{ api: 'send', body: { big: 1n } }, 'body: must be serialisable as JSON'],
        [{ api: 'send', signal: 'stop' }, 'signal: must be an AbortSignal'],
        [{ api: 'send', method: 'PUT' }, 'method: must be GET or POST'],
      ] as const) {
        const error = await client.request(request as never).catch((caught: unknown) => caught);
        expect(
          ValidationError.isInstance(error),
          JSON.stringify(request, (_key, value) => (typeof value === 'bigint' ? 'bigint' : value)),
        ).toBe(true);
        expect((error as Error).message).toContain(message);
      }
      expect(bed.recorder.requests).toHaveLength(0);
    });

    it('retries AICC flow control (resultCode 10010000002) with the rate-limit backoff', async () => {
      bed = testBed({ faults: [{ route: APPLY_PATH, fault: 'rate-limit', times: 2 }] });
      const response = await bed.client().request({ api: 'applyToken', body: applyBody });
      expect(response).toMatchObject({ status: 200, attempt: 3, body: { token: expect.any(String) } });
      // 1 s base for rate limits, full jitter at 0.5.
      expect(bed.time.backoffs).toEqual([500, 1000]);
    });

    it('surfaces flow control that persists as AiccApiError with retryable true', async () => {
      bed = testBed({ faults: [{ route: '/apiaccess/ccmessaging/send', fault: 'rate-limit' }] });
      const client = bed.client({ retry: { limit: 2 } });
      const error = await client.request({ api: 'send', body: {}, messageToken: 'x' }).catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: '10010000002', retryable: true, path: '/apiaccess/ccmessaging/send', attempt: 3 });
      expect(bed.time.backoffs).toEqual([500, 1000]);
    });

    it('sends through the caller’s ky instance: its headers and hooks apply to every attempt, tokenByAkSk included', async () => {
      bed = testBed();
      const seen: string[] = [];
      const answered: number[] = [];
      const instance = ky.create({
        headers: { 'x-trace-id': 'trace-1' },
        hooks: {
          beforeRequest: [(request) => void seen.push(new URL(request.url).pathname)],
          afterResponse: [(_request, _options, response) => void answered.push(response.status)],
        },
      });
      bed.emulator.faults.add({ route: APPLY_PATH, fault: { kind: 'http-status', status: 502 }, times: 1 });
      const response = await bed.client({ ky: instance }).request({ api: 'applyToken', body: applyBody });
      expect(response).toMatchObject({ status: 200, attempt: 2 });
      // The caller's hooks run first; then the client's, which fetches the AccessToken (through the same instance).
      expect(seen).toEqual([APPLY_PATH, TOKEN_PATH, APPLY_PATH]);
      expect(answered).toEqual([200, 502, 200]);
      expect(bed.recorder.requests.map((request) => request.headers.get('x-trace-id'))).toEqual(['trace-1', 'trace-1', 'trace-1']);
      // The client still owns what makes the call: the Fabric headers and the body.
      const [, , replay] = bed.recorder.requests;
      expect(replay!.headers.get('authorization')).toMatch(/^Bearer /);
      expect(JSON.parse(replay!.body)).toEqual(applyBody);
    });

    it('refuses a redirect without following it: the tokens would go along', async () => {
      bed = testBed();
      let redirected = 0;
      bed.intercept((next) => async (request) => {
        if (new URL(request.url).pathname !== APPLY_PATH) return next(request);
        redirected += 1;
        return new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/collect' } });
      });
      const error = await bed
        .client()
        .request({ api: 'applyToken', body: applyBody })
        .catch((caught: unknown) => caught);
      expect(HttpStatusError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 302, retryable: false, path: APPLY_PATH });
      expect((error as Error).message).not.toContain('elsewhere.example');
      expect(redirected).toBe(1);
      expect(bed.recorder.requests.some((request) => request.url.hostname === 'elsewhere.example')).toBe(false);
    });

    it('bounds each attempt by timeoutMs, then retries', async () => {
      bed = testBed({ faults: [{ route: APPLY_PATH, fault: 'stall-body', times: 1 }] });
      const pending = bed.client().request({ api: 'applyToken', body: applyBody });
      while (bed.time.pendingDeadlines === 0 || bed.recorder.to(APPLY_PATH).length === 0)
        await new Promise((resolve) => setTimeout(resolve, 0));
      bed.time.expireDeadlines();
      expect(await pending).toMatchObject({ status: 200, attempt: 2 });
      const once = bed.client({ retry: false });
      bed.emulator.faults.add({ route: APPLY_PATH, fault: 'stall-body', times: 1 });
      const failing = once.request({ api: 'applyToken', body: applyBody }).catch((caught: unknown) => caught);
      while (bed.time.pendingDeadlines === 0 || bed.recorder.to(APPLY_PATH).length < 3)
        await new Promise((resolve) => setTimeout(resolve, 0));
      bed.time.expireDeadlines();
      const error = await failing;
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ timeoutMs: TEST_TIMEOUT_MS, status: 200, path: APPLY_PATH, retryable: true });
    });

    it('takes the ccmessaging-token from a MessageTokenSource: asked before every attempt, renewed once after a 401 and the call replayed once', async () => {
      bed = testBed();
      const client = bed.client();
      const { token: fresh } = await applyToken(client, bed.user());
      const asked: string[] = [];
      const source: MessageTokenSource = {
        current: async () => {
          asked.push('current');
          return 'expired-message-token';
        },
        renew: async (rejected) => {
          asked.push(`renew ${rejected}`);
          return fresh;
        },
        adopt: (sentWith, header) => {
          asked.push(`adopt ${sentWith === fresh ? 'fresh' : sentWith} ${header === null ? 'none' : 'rotated'}`);
          return false;
        },
      };
      const body = { userId: 'user-1', channelConfigId: applyBody.channelId, channel: 'WEB' };
      const response = await client.request({ api: 'queryQueueInfo', body, messageToken: source });
      expect(response).toMatchObject({ status: 200, attempt: 2 });
      expect(asked).toEqual(['current', 'adopt expired-message-token none', 'renew expired-message-token', 'adopt fresh none']);
      expect(bed.recorder.to('/apiaccess/ccmessaging/queryQueueInfo').map((request) => request.headers.get('ccmessaging-token'))).toEqual([
        'expired-message-token',
        fresh,
      ]);

      // A source whose renewal does not help: the second 401 is the caller's, after exactly one replay.
      const stubborn: MessageTokenSource = {
        current: async () => 'expired-message-token',
        renew: async () => 'still-expired',
        adopt: () => false,
      };
      const error = await client.request({ api: 'queryQueueInfo', body, messageToken: stubborn }).catch((caught: unknown) => caught);
      expect(HttpStatusError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 401, attempt: 2 });
      expect(textsOfError(error)).not.toContain('still-expired');
    });

    it('puts what an error body says into the HttpStatusError, without secrets', async () => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === '/apiaccess/ccmessaging/send'
            ? Response.json({ resultCode: '1', resultDesc: `bad token ${request.headers.get('ccmessaging-token')}` }, { status: 400 })
            : next(request),
      );
      const error = await bed
        .client()
        .request({ api: 'send', body: {}, messageToken: 'secret-message-token' })
        .catch((caught: unknown) => caught);
      expect(HttpStatusError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe('HTTP 400 from /apiaccess/ccmessaging/send: 1 bad token ***');
      expect(error).toMatchObject({ status: 400, retryable: false, path: '/apiaccess/ccmessaging/send' });
    });
  });
});
