import { base64ToBytes } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { CLOCK_START, createHarness, TEST_CHANNEL } from '../../test/aicc-harness.js';

const validBody = { userId: 'user-1', userName: 'User One', channelId: TEST_CHANNEL, locale: 'en' };

describe('applyToken', () => {
  it('issues an opaque token valid for one hour', async () => {
    const { call, aicc } = createHarness();
    const response = await call('applyToken', { body: validBody });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; resultCode: string };
    expect(body.resultCode).toBe('0');
    expect(body.token).toMatch(/^[A-Za-z0-9%]+$/);
    const decoded = new TextDecoder().decode(base64ToBytes(decodeURIComponent(body.token)));
    expect(JSON.parse(decoded)).toEqual({ createTime: CLOCK_START, nonce: expect.stringMatching(/^[0-9a-f]{35}$/) });
    expect(decoded).not.toContain('user-1');
    const record = aicc.state.messageTokens.get(body.token);
    expect(record).toMatchObject({
      userId: 'user-1',
      userName: 'User One',
      channelId: TEST_CHANNEL,
      locale: 'en',
      expiresAt: CLOCK_START + 3600_000,
    });
    expect(aicc.state.counters.issuedMessageTokens).toBe(1);
  });

  it('honours messageTokenTtlSeconds', async () => {
    const { call, aicc } = createHarness({ messageTokenTtlSeconds: 120 });
    const { token } = (await (await call('applyToken', { body: validBody })).json()) as { token: string };
    expect(aicc.state.messageTokens.get(token)?.expiresAt).toBe(CLOCK_START + 120_000);
  });

  it.each([
    ['userId of 32 characters', { userId: 'u'.repeat(32) }],
    ['userId of one character', { userId: 'u' }],
    ['locale zh_CN', { locale: 'zh_CN' }],
    ['locale en-US', { locale: 'en-US' }],
    ['locale es-419', { locale: 'es-419' }],
    ['the second configured channel', { channelId: 'web-channel-2' }],
  ])('accepts %s', async (_label, change) => {
    const { call } = createHarness();
    const body = (await (await call('applyToken', { body: { ...validBody, ...change } })).json()) as { resultCode: string };
    expect(body.resultCode).toBe('0');
  });

  it.each([
    ['an empty userId', { userId: '' }, 'userId'],
    ['a userId of 33 characters', { userId: 'u'.repeat(33) }, 'userId'],
    ['a numeric userId', { userId: 12345 }, 'userId'],
    ['a missing userName', { userName: undefined }, 'userName'],
    ['an empty userName', { userName: '' }, 'userName'],
    ['a missing channelId', { channelId: undefined }, 'channelId'],
    ['an unknown channelId', { channelId: 'no-such-channel' }, 'channelId'],
    ['an empty locale', { locale: '' }, 'locale'],
    ['locale "english"', { locale: 'english' }, 'locale'],
    ['locale "EN"', { locale: 'EN' }, 'locale'],
    ['locale "zh_CHN"', { locale: 'zh_CHN' }, 'locale'],
  ])('refuses %s with resultCode "1"', async (_label, change, field) => {
    const { call, aicc } = createHarness();
    const response = await call('applyToken', { body: { ...validBody, ...change } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { resultCode: string; resultDesc: string; token?: string };
    expect(body.resultCode).toBe('1');
    expect(body.resultDesc).toContain(field);
    expect(body.token).toBeUndefined();
    expect(aicc.state.messageTokens.size).toBe(0);
  });

  it('answers 400 to a malformed body and 405 to GET', async () => {
    const { call } = createHarness();
    const malformed = await call('applyToken', { body: '{"userId": "u' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { resultCode: string }).resultCode).toBe('1');
    expect((await call('applyToken', { method: 'GET' })).status).toBe(405);
  });

  it('keeps earlier tokens of the same user valid', async () => {
    const { applyToken, call } = createHarness();
    const first = await applyToken('user-1');
    const second = await applyToken('user-1');
    expect(second).not.toBe(first);
    for (const token of [first, second]) {
      expect((await call('queryPhraseByKeyword', { token, body: { strContent: 'password', locale: 'en', channel: 'WEB' } })).status).toBe(
        200,
      );
    }
  });
});

describe('the ccmessaging-token check', () => {
  const phraseBody = { strContent: 'order', locale: 'en', channel: 'WEB' };

  async function expect401(response: Response): Promise<void> {
    expect(response.status).toBe(401);
    const body = (await response.json()) as { resultCode: string; resultDesc: string };
    expect(body.resultDesc).toMatch(/ccmessaging-token/);
  }

  it('answers 401 when the token is missing or unknown', async () => {
    const { call, aicc } = createHarness();
    await expect401(await call('queryPhraseByKeyword', { body: phraseBody }));
    await expect401(await call('queryPhraseByKeyword', { token: 'eyJub3QiOiJyZWFsIn0%3D', body: phraseBody }));
    await expect401(await call('poll', { token: 'unknown', query: { receiverId: 'user-1', channel: 'WEB' } }));
    expect(aicc.state.counters.rejectedMessageTokens).toBe(3);
  });

  it('answers 401 once the token expires by the clock, and after expireMessageTokens()', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    harness.clock.advance(3600_000 - 1);
    expect((await harness.call('queryPhraseByKeyword', { token, body: phraseBody })).status).toBe(200);
    harness.clock.advance(1);
    await expect401(await harness.call('queryPhraseByKeyword', { token, body: phraseBody }));

    const other = createHarness();
    const otherToken = await other.connectedUser('user-2');
    other.aicc.expireMessageTokens();
    await expect401(await other.call('send', { token: otherToken, body: {} }));
    const renewed = await other.applyToken('user-2');
    expect((await other.call('queryPhraseByKeyword', { token: renewed, body: phraseBody })).status).toBe(200);
  });

  it('checks the token before reading the body', async () => {
    const { call } = createHarness();
    await expect401(await call('send', { token: 'unknown', body: '{broken' }));
  });
});

describe('ccmessaging-token rotation', () => {
  const phraseBody = { strContent: 'order', locale: 'en', channel: 'WEB' };

  it('sends no new token while the token is far from expiry', async () => {
    const { applyToken, call, clock } = createHarness({ rotateWithinSeconds: 300 });
    const token = await applyToken('user-1');
    clock.advance((3600 - 301) * 1000);
    const response = await call('queryPhraseByKeyword', { token, body: phraseBody });
    expect(response.headers.get('ccmessaging-token')).toBeNull();
  });

  it('returns a fresh token in the response header near expiry; both work until the old one expires', async () => {
    const { applyToken, call, clock, aicc } = createHarness({ rotateWithinSeconds: 300 });
    const token = await applyToken('user-1');
    clock.advance((3600 - 300) * 1000);
    const response = await call('queryPhraseByKeyword', { token, body: phraseBody });
    expect(response.status).toBe(200);
    const rotated = response.headers.get('ccmessaging-token');
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(token);
    expect(aicc.state.messageTokens.get(rotated!)).toMatchObject({
      userId: 'user-1',
      channelId: TEST_CHANNEL,
      rotatedFrom: token,
      expiresAt: clock.now() + 3600_000,
    });
    expect(aicc.state.counters.rotatedMessageTokens).toBe(1);

    // The old token keeps working and keeps pointing at the same successor.
    clock.advance(299_000);
    const again = await call('queryPhraseByKeyword', { token, body: phraseBody });
    expect(again.status).toBe(200);
    expect(again.headers.get('ccmessaging-token')).toBe(rotated);
    expect(aicc.state.counters.rotatedMessageTokens).toBe(1);

    // The new token works without a header of its own.
    const withNew = await call('queryPhraseByKeyword', { token: rotated!, body: phraseBody });
    expect(withNew.status).toBe(200);
    expect(withNew.headers.get('ccmessaging-token')).toBeNull();

    clock.advance(1000);
    expect((await call('queryPhraseByKeyword', { token, body: phraseBody })).status).toBe(401);
    expect((await call('queryPhraseByKeyword', { token: rotated!, body: phraseBody })).status).toBe(200);
  });

  it('carries the rotated token on business failures and on poll too', async () => {
    const { connectedUser, call, clock } = createHarness({ rotateWithinSeconds: 600 });
    const token = await connectedUser('user-1');
    clock.advance(3000 * 1000 + 1);
    const failed = await call('queryPhraseByKeyword', { token, body: { strContent: 'x', locale: 'klingon', channel: 'WEB' } });
    expect(((await failed.json()) as { resultCode: string }).resultCode).toBe('1');
    const rotated = failed.headers.get('ccmessaging-token');
    expect(rotated).toBeTruthy();
    const polled = await call('poll', { token, query: { receiverId: 'user-1', channel: 'WEB' } });
    expect(polled.headers.get('ccmessaging-token')).toBe(rotated);
  });
});
