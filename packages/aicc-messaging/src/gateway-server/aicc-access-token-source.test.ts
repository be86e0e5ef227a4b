// createAiccAccessTokenSource against the emulated API Fabric, and a gateway handler given an AccessToken source of
// its own (`accessTokens`): shared between handlers, or a store elsewhere that answers asynchronously.
import { ValidationError } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccessTokenGrant } from '../client/access-token-cache.js';
import type { AiccAccessTokenSourceOptions } from './aicc-access-token-source-options.js';
import { ACCESS_TOKEN_REFRESH_FLOOR_MS, type AiccAccessTokenSource, createAiccAccessTokenSource } from './aicc-access-token-source.js';
import { createAiccGatewayHandler } from './create-aicc-gateway-handler.js';

const APP_KEY = 'source-app-key-0001';
const APP_SECRET = 'source-app-secret-0123456789abcdef';
const CHANNEL = 'web-channel-1';
const BASE_URL = 'https://aicc.source.test';
const emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL] } });
afterAll(() => emulator.close());

const issued = () => emulator.state.aicc!.counters.issuedAccessTokens;

/** A source on the emulated API Fabric, on a clock the test moves. */
function sourceOn(clock: { now: number }, options: Partial<AiccAccessTokenSourceOptions> = {}) {
  return createAiccAccessTokenSource({
    baseUrl: BASE_URL,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    fetch: (request) => emulator.fetch(request),
    now: () => clock.now,
    ...options,
  });
}

const authenticate = async (request: Request) => {
  const match = /^Bearer (user-\d)$/.exec(request.headers.get('authorization') ?? '');
  return match === null ? undefined : { userId: match[1]! };
};

const tokenRequest = (user: string) =>
  new Request('https://gateway.test/aicc/token', {
    method: 'POST',
    headers: { authorization: `Bearer ${user}` },
    body: JSON.stringify({ userName: 'Ada', channelId: CHANNEL, locale: 'en_US' }),
  });

describe('createAiccAccessTokenSource', () => {
  it('throws a ValidationError for a bad option, quoting no value', () => {
    const secret = 'a-secret-that-must-not-show-0002';
    const invalid: unknown[] = [
      undefined,
      { baseUrl: 'ftp://aicc.test', appKey: APP_KEY, appSecret: secret },
      { baseUrl: BASE_URL, appKey: APP_KEY },
      { baseUrl: BASE_URL, appKey: APP_KEY, appSecret: secret, accessTokenTtlSeconds: 59 },
      { baseUrl: BASE_URL, appKey: APP_KEY, appSecret: secret, fabricTokenPath: 'oauth/token' },
      { baseUrl: BASE_URL, appKey: APP_KEY, appSecret: secret, fetch: 'fetch' },
      { baseUrl: BASE_URL, appKey: APP_KEY, appSecret: secret, authenticate },
    ];
    for (const options of invalid) {
      let thrown: unknown;
      try {
        createAiccAccessTokenSource(options as AiccAccessTokenSourceOptions);
      } catch (error) {
        thrown = error;
      }
      expect(ValidationError.isInstance(thrown), JSON.stringify(options)).toBe(true);
      expect(String((thrown as Error).message)).not.toContain(secret);
    }
  });

  it('shares one tokenByAkSk among concurrent callers and hands out the grant, its token not enumerable', async () => {
    const clock = { now: Date.now() };
    const source = sourceOn(clock, { accessTokenTtlSeconds: 600 });
    const before = issued();
    const grants = await Promise.all(Array.from({ length: 12 }, () => source.get()));
    expect(issued() - before).toBe(1);
    const [grant] = grants as [AccessTokenGrant];
    expect(new Set(grants).size).toBe(1);
    expect(grant).toEqual({ obtainedAtMs: clock.now, expiresAtMs: clock.now + 600_000, refreshAtMs: clock.now + 540_000 });
    expect(grant.accessToken).toMatch(/.{16,}/);
    expect(JSON.stringify(grant)).not.toContain(grant.accessToken);
    clock.now = grant.refreshAtMs;
    const next = await source.get();
    expect(issued() - before).toBe(2);
    expect(next.accessToken).not.toBe(grant.accessToken);
  });

  it('drops a refused token at most once per refresh floor, and says whether a repeat gets another token', async () => {
    const clock = { now: Date.now() };
    const source = sourceOn(clock);
    const first = (await source.get()).accessToken;
    expect(source.invalidate(first)).toBe(true);
    const second = (await source.get()).accessToken;
    expect(second).not.toBe(first);
    // A late 403 for the old token: it is already replaced, a repeat gets the new one.
    expect(source.invalidate(first)).toBe(true);
    // A 403 for the new one within the floor: kept, the call is not worth repeating.
    clock.now += ACCESS_TOKEN_REFRESH_FLOOR_MS - 1;
    expect(source.invalidate(second)).toBe(false);
    expect((await source.get()).accessToken).toBe(second);
    clock.now += 1;
    expect(source.invalidate(second)).toBe(true);
    expect((await source.get()).accessToken).not.toBe(second);
  });

  it('rejects with FabricAuthError when API Fabric refuses the AK/SK (no secret shown), and tries again at the next get', async () => {
    const clock = { now: Date.now() };
    let requests = 0;
    const refused = sourceOn(clock, {
      appSecret: 'not-the-app-secret-0123456789',
      fetch: (request) => {
        requests += 1;
        return emulator.fetch(request);
      },
    });
    const error = await refused.get().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'FabricAuthError' });
    expect(String((error as Error).message)).not.toContain('not-the-app-secret');
    expect(requests).toBe(1);
    await expect(refused.get()).rejects.toMatchObject({ name: 'FabricAuthError' });
    expect(requests).toBe(2);
  });
});

describe('createAiccGatewayHandler with accessTokens', () => {
  const handler = (accessTokens: AiccAccessTokenSource | undefined, fetch: (request: Request) => Promise<Response>) =>
    createAiccGatewayHandler({ baseUrl: BASE_URL, appKey: APP_KEY, appSecret: APP_SECRET, authenticate, fetch, accessTokens });

  it('refuses an accessTokens that is not a source', () => {
    for (const accessTokens of [{}, { get: () => undefined }, 'token', null]) {
      expect(() => handler(accessTokens as unknown as AiccAccessTokenSource, fetch), JSON.stringify(accessTokens)).toThrow(ValidationError);
    }
  });

  it('lets two handlers share one source: one tokenByAkSk for both', async () => {
    const clock = { now: Date.now() };
    const shared = sourceOn(clock);
    const toEmulator = (request: Request) => emulator.fetch(request);
    const chat = handler(shared, toEmulator);
    const support = handler(shared, toEmulator);
    const before = issued();
    const answers = await Promise.all([chat(tokenRequest('user-1')), support(tokenRequest('user-2')), chat(tokenRequest('user-3'))]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(issued() - before).toBe(1);
  });

  /** A source held elsewhere (a Durable Object): every method a round trip, tokens `shared-1`, `shared-2`, … */
  function remoteSource(renew: boolean) {
    let current = 1;
    const calls: string[] = [];
    const source: AiccAccessTokenSource = {
      async get() {
        await new Promise((resolve) => setTimeout(resolve, 1));
        calls.push('get');
        const grant = { obtainedAtMs: 0, expiresAtMs: 1, refreshAtMs: 1 };
        return Object.defineProperty(grant, 'accessToken', { value: `shared-${current}` }) as AccessTokenGrant;
      },
      async invalidate(accessToken) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        calls.push(`invalidate ${accessToken}`);
        if (renew && accessToken === `shared-${current}`) current += 1;
        return renew;
      },
    };
    return { source, calls };
  }

  /** AICC that refuses `shared-1` with 403 and answers the rest; API Fabric must not be called. */
  function upstream() {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      const { pathname } = new URL(request.url);
      seen.push(`${pathname} ${request.headers.get('authorization')}`);
      if (request.headers.get('authorization') === 'Bearer shared-1')
        return Response.json({ errorCode: 'APIGW.0301', exceptionInfo: 'token expired' }, { status: 403 });
      return Response.json(
        { resultCode: '0', resultDesc: 'success', ccmessagingToken: 'mt-1' },
        { headers: { 'ccmessaging-token': 'mt-1' } },
      );
    };
    return { fetch, seen };
  }

  it('awaits an asynchronous invalidate, then replays the refused call once with the other token', async () => {
    const remote = remoteSource(true);
    const aicc = upstream();
    const answer = await handler(remote.source, aicc.fetch)(tokenRequest('user-1'));
    expect(answer.status).toBe(200);
    expect(aicc.seen).toEqual(['/apiaccess/ccmessaging/applyToken Bearer shared-1', '/apiaccess/ccmessaging/applyToken Bearer shared-2']);
    expect(remote.calls).toEqual(['get', 'invalidate shared-1', 'get']);
  });

  it('relays the 403 without a replay when the source keeps the token (its refresh floor)', async () => {
    const remote = remoteSource(false);
    const aicc = upstream();
    const answer = await handler(remote.source, aicc.fetch)(tokenRequest('user-1'));
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ errorCode: 'APIGW.0301', exceptionInfo: 'token expired' });
    expect(aicc.seen).toEqual(['/apiaccess/ccmessaging/applyToken Bearer shared-1']);
    expect(remote.calls).toEqual(['get', 'invalidate shared-1']);
  });
});
