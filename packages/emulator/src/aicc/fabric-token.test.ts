import { describe, expect, it } from 'vitest';
import { FABRIC_AUTH_FAIL_MESSAGE } from './aicc-responses.js';
import { parseTokenExpireHeader } from './fabric-token.js';
import { CLOCK_START, createHarness, TEST_APP_KEY, TEST_APP_SECRET, TEST_CHANNEL } from '../../test/aicc-harness.js';

const TOKEN_PATH = '/apigovernance/api/oauth/tokenByAkSk';

function tokenRequest(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('tokenByAkSk', () => {
  it('issues an AccessToken with the documented fields, numbers as strings', async () => {
    const { request, aicc } = createHarness();
    const response = await request(
      TOKEN_PATH,
      tokenRequest({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }, { 'X-Token-Expire': '600' }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      AccessToken: expect.any(String),
      ApplyType: 'Bearer',
      CreateTime: String(CLOCK_START / 1000),
      Expires: '600',
      Scope: expect.stringMatching(/^[0-9a-f]{32}$/),
      AppKey: TEST_APP_KEY,
      UserID: 'Anonymous',
    });
    expect(aicc.state.counters.issuedAccessTokens).toBe(1);
    expect(aicc.state.accessTokens.get(body.AccessToken as string)?.expiresAt).toBe(CLOCK_START + 600_000);
  });

  it('defaults to 600 s without X-Token-Expire and clamps longer requests to 3600 s', async () => {
    const { request } = createHarness();
    const plain = await request(TOKEN_PATH, tokenRequest({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }));
    expect(((await plain.json()) as { Expires: string }).Expires).toBe('600');
    const long = await request(
      TOKEN_PATH,
      tokenRequest({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }, { 'X-Token-Expire': '7200' }),
    );
    expect(((await long.json()) as { Expires: string }).Expires).toBe('3600');
    const exact = await request(
      TOKEN_PATH,
      tokenRequest({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }, { 'X-Token-Expire': '1200' }),
    );
    expect(((await exact.json()) as { Expires: string }).Expires).toBe('1200');
  });

  it.each(['0', '-5', 'abc', '12.5', ''])('rejects X-Token-Expire %j with 400 in the Fabric error shape', async (value) => {
    const { request, aicc } = createHarness();
    const response = await request(
      TOKEN_PATH,
      tokenRequest({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }, { 'X-Token-Expire': value }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: expect.any(String), exceptionInfo: expect.stringContaining('X-Token-Expire') });
    expect(aicc.state.counters.issuedAccessTokens).toBe(0);
  });

  it.each([
    ['wrong secret', { app_key: TEST_APP_KEY, app_secret: 'nope' }],
    ['wrong key', { app_key: 'another-key', app_secret: TEST_APP_SECRET }],
  ])('answers 403 for a %s', async (_label, body) => {
    const { request, aicc } = createHarness();
    const response = await request(TOKEN_PATH, tokenRequest(body));
    expect(response.status).toBe(403);
    const error = (await response.json()) as { errorCode: string; exceptionInfo: string };
    expect(error.errorCode).toBe('10010000001');
    expect(error.exceptionInfo).toMatch(/^auth fail!/);
    expect(error.exceptionInfo).not.toContain('nope');
    expect(aicc.state.accessTokens.size).toBe(0);
  });

  it.each([
    ['malformed JSON', '{"app_key":'],
    ['a JSON array', '[]'],
    ['an empty body', ''],
    ['a missing app_secret', { app_key: TEST_APP_KEY }],
    ['a numeric app_key', { app_key: 42, app_secret: TEST_APP_SECRET }],
  ])('answers 400 for %s', async (_label, body) => {
    const { request } = createHarness();
    const response = await request(TOKEN_PATH, tokenRequest(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: '10010000400', exceptionInfo: expect.any(String) });
  });

  it('answers 405 to GET', async () => {
    const { request } = createHarness();
    const response = await request(TOKEN_PATH, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('serves a configured token path, even outside /apigovernance/', async () => {
    const { request, aicc } = createHarness({ fabricTokenPath: '/auth/tokenByAkSk' });
    const response = await request('/auth/tokenByAkSk', tokenRequest({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }));
    expect(response.status).toBe(200);
    expect((await request(TOKEN_PATH, tokenRequest({ app_key: TEST_APP_KEY, app_secret: TEST_APP_SECRET }))).status).toBe(404);
    expect(aicc.state.requestsByPath.get('/auth/tokenByAkSk')).toBe(1);
  });
});

describe('parseTokenExpireHeader', () => {
  it('reads, defaults and clamps', () => {
    expect(parseTokenExpireHeader(null)).toBe(600);
    expect(parseTokenExpireHeader(' 60 ')).toBe(60);
    expect(parseTokenExpireHeader('3600')).toBe(3600);
    expect(parseTokenExpireHeader('3601')).toBe(3600);
    expect(parseTokenExpireHeader('1e3')).toBeUndefined();
  });
});

describe('the API Fabric check on ccmessaging calls', () => {
  const applyBody = { userId: 'user-1', userName: 'User One', channelId: TEST_CHANNEL, locale: 'en' };

  async function expectFabric403(response: Response): Promise<void> {
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errorCode: '10010000001', exceptionInfo: FABRIC_AUTH_FAIL_MESSAGE });
  }

  it('accepts a live AccessToken with x-app-key in any casing', async () => {
    const { call } = createHarness();
    const response = await call('applyToken', { body: applyBody, headers: { 'X-APP-Key': TEST_APP_KEY } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { resultCode: string }).resultCode).toBe('0');
  });

  it('answers 403 without Authorization, with an unknown token, or with a wrong or missing x-app-key', async () => {
    const harness = createHarness();
    await expectFabric403(await harness.call('applyToken', { body: applyBody, accessToken: null }));
    await expectFabric403(await harness.call('applyToken', { body: applyBody, accessToken: 'not-a-token' }));
    await expectFabric403(await harness.call('applyToken', { body: applyBody, headers: { 'x-app-key': 'other-app' } }));
    const accessToken = await harness.accessToken();
    const noAppKey = await harness.request('/apiaccess/ccmessaging/applyToken', {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(applyBody),
    });
    await expectFabric403(noAppKey);
    const basic = await harness.request('/apiaccess/ccmessaging/applyToken', {
      method: 'POST',
      headers: { authorization: `Basic ${accessToken}`, 'x-app-key': TEST_APP_KEY },
      body: JSON.stringify(applyBody),
    });
    await expectFabric403(basic);
    expect(harness.aicc.state.counters.rejectedAccessTokens).toBe(5);
    expect(harness.aicc.state.counters.issuedMessageTokens).toBe(0);
  });

  it('answers 403 once the AccessToken expires by the clock, and to expireAccessTokens()', async () => {
    const harness = createHarness();
    const accessToken = await harness.accessToken();
    harness.clock.advance(3600_000 - 1);
    expect((await harness.call('applyToken', { body: applyBody, accessToken })).status).toBe(200);
    harness.clock.advance(1);
    await expectFabric403(await harness.call('applyToken', { body: applyBody, accessToken }));

    const fresh = createHarness();
    const token = await fresh.connectedUser('user-2');
    const stale = await fresh.accessToken();
    fresh.aicc.expireAccessTokens();
    await expectFabric403(await fresh.call('send', { token, body: {}, accessToken: stale }));
    await expectFabric403(await fresh.call('poll', { token, query: { receiverId: 'user-2', channel: 'WEB' }, accessToken: stale }));
    // A new AccessToken restores access; the ccmessaging-token was never affected.
    const renewed = await fresh.call('poll', { token, query: { receiverId: 'user-2', channel: 'WEB' } });
    expect(renewed.status).toBe(200);
    expect(fresh.aicc.state.counters.issuedAccessTokens).toBe(2);
  });

  it('checks the AccessToken before the ccmessaging-token and the body', async () => {
    const { call } = createHarness();
    await expectFabric403(await call('send', { accessToken: null, body: '{not json' }));
  });
});
