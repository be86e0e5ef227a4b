import { ValidationError } from '@tokenwire/core';
import { bytesToBase64 } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { AICC_DIALECTS, DEFAULT_AICC_DIALECT, pollTokenRejectionStatusOf } from './aicc-dialect.js';
import { FABRIC_AUTH_FAIL_MESSAGE, FABRIC_ERROR_CODES } from './aicc-responses.js';
import { resolveAiccServiceOptions } from './aicc-service-options.js';
import { createHarness, TEST_APP_KEY, TEST_APP_SECRET, TEST_CHANNEL } from '../../test/aicc-harness.js';

const BASE_OPTIONS = { appKey: TEST_APP_KEY, appSecret: TEST_APP_SECRET, channels: [TEST_CHANNEL] };
const pollQuery = (userId: string) => ({ receiverId: userId, channel: 'WEB' });
const upload = { fileType: 'png', fileStream: bytesToBase64(new Uint8Array([1, 2, 3])), channel: 'WEB' };

describe('the dialect option', () => {
  it('defaults to the API reference, whose long poll answers an expired ccmessaging-token with 401', () => {
    expect(DEFAULT_AICC_DIALECT).toBe('api-reference');
    expect(AICC_DIALECTS).toEqual(['api-reference', 'developer-guide']);
    expect(resolveAiccServiceOptions(BASE_OPTIONS)).toMatchObject({ dialect: 'api-reference', pollTokenRejectionStatus: 401 });
    expect(resolveAiccServiceOptions({ ...BASE_OPTIONS, dialect: 'developer-guide' })).toMatchObject({
      dialect: 'developer-guide',
      pollTokenRejectionStatus: 403,
    });
    expect(resolveAiccServiceOptions({ ...BASE_OPTIONS, dialect: 'developer-guide', pollTokenRejectionStatus: 401 })).toMatchObject({
      pollTokenRejectionStatus: 401,
    });
    expect(pollTokenRejectionStatusOf('api-reference')).toBe(401);
  });

  it('refuses an unknown dialect or rejection status, naming the field', () => {
    let caught: unknown;
    try {
      resolveAiccServiceOptions({ ...BASE_OPTIONS, dialect: 'vendor' as never, pollTokenRejectionStatus: 404 as never });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).issues).toEqual([
      { path: 'dialect', message: 'must be one of api-reference, developer-guide' },
      { path: 'pollTokenRejectionStatus', message: 'must be 401 or 403' },
    ]);
  });
});

describe('applyToken in each dialect', () => {
  it('answers { token, resultCode: "0" } in the API reference (cec_07_2214)', async () => {
    const harness = createHarness();
    const response = await harness.call('applyToken', {
      body: { userId: 'user-1', userName: 'Ada', channelId: TEST_CHANNEL, locale: 'zh' },
    });
    const body = (await response.json()) as Record<string, string>;
    expect(body).toEqual({ token: expect.any(String), resultCode: '0' });
    expect(harness.aicc.state.messageTokens.has(body.token!)).toBe(true);
  });

  it('answers only { token: "\\"…\\"" } in the developer guide (cec_05_2012), and the unquoted token works', async () => {
    const harness = createHarness({ dialect: 'developer-guide' });
    const response = await harness.call('applyToken', {
      body: { userId: 'user-1', userName: 'Ada', channelId: TEST_CHANNEL, locale: 'zh_CN' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['token']);
    expect(body.token).toMatch(/^"[^"]+"$/);
    const token = body.token!.slice(1, -1);
    expect(harness.aicc.state.messageTokens.has(token)).toBe(true);
    expect(await harness.send(token, 'user-1', 'CONNECT')).toMatchObject({ resultCode: '0' });
  });

  it.each(AICC_DIALECTS)('reports a bad request with resultCode "1" in the %s dialect', async (dialect) => {
    const harness = createHarness({ dialect });
    const response = await harness.call('applyToken', {
      body: { userId: 'user-1', userName: 'Ada', channelId: 'no-such-channel', locale: 'en' },
    });
    expect(await response.json()).toEqual({ resultCode: '1', resultDesc: 'channelId: no such channel configuration.' });
  });
});

describe('uploadFileStream in each dialect', () => {
  it('answers returnCode in the API reference (cec_07_2222)', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    expect(await (await harness.call('uploadFileStream', { token, body: upload })).json()).toEqual({
      returnCode: '0',
      objectKey: expect.any(String),
    });
    expect(await (await harness.call('uploadFileStream', { token, body: { ...upload, fileType: 'exe' } })).json()).toEqual({
      returnCode: '3',
      resultDesc: expect.stringContaining('fileType'),
    });
  });

  it('answers resultCode and resultDesc in the developer guide (cec_05_2036)', async () => {
    const harness = createHarness({ dialect: 'developer-guide' });
    const token = await harness.applyToken('user-1');
    const stored = (await (await harness.call('uploadFileStream', { token, body: upload })).json()) as Record<string, string>;
    expect(stored).toEqual({ resultCode: '0', resultDesc: 'upload file success.', objectKey: expect.any(String) });
    expect(harness.aicc.state.uploads.has(stored.objectKey!)).toBe(true);
    expect(await (await harness.call('uploadFileStream', { token, body: { ...upload, fileStream: '' } })).json()).toEqual({
      resultCode: '2',
      resultDesc: expect.stringContaining('fileStream'),
    });
  });
});

describe('saveSatisfaction in each dialect', () => {
  async function rate(dialect: 'api-reference' | 'developer-guide', comment: unknown) {
    const harness = createHarness({ dialect });
    const token = await harness.connectedUser('user-1');
    await harness.send(token, 'user-1', 'TRANS2AGENT');
    harness.aicc.joinAgent('user-1');
    const body = { channel: 'WEB', userId: 'user-1', evaluation: '5', comment, channelConfigId: TEST_CHANNEL };
    return (await harness.call('saveSatisfaction', { token, body })).json();
  }

  it('answers resultCode and resultDesc in the API reference (cec_07_2226)', async () => {
    expect(await rate('api-reference', 'Satisfied')).toEqual({ resultCode: '0', resultDesc: 'Save satisfaction success!' });
    expect(await rate('api-reference', 5)).toEqual({ resultCode: '13', resultDesc: expect.stringContaining('comment') });
  });

  it('answers { returnCode: "0" } in the developer guide, as every example of cec_05_2027', async () => {
    expect(await rate('developer-guide', 'Satisfied')).toEqual({ returnCode: '0' });
    expect(await rate('developer-guide', 5)).toEqual({ returnCode: '13', resultDesc: expect.stringContaining('comment') });
  });
});

describe('an expired ccmessaging-token on the long poll', () => {
  it('gets 401 in the API reference (cec_07_0088)', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    harness.aicc.expireMessageTokens();
    const response = await harness.call('poll', { token, query: pollQuery('user-1') });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ resultCode: '1' });
  });

  it('gets 403 in API Fabric’s shape in the developer guide (cec_05_1010), other APIs still 401', async () => {
    const harness = createHarness({ dialect: 'developer-guide' });
    const token = await harness.connectedUser('user-1');
    harness.aicc.expireMessageTokens();
    const response = await harness.call('poll', { token, query: pollQuery('user-1') });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errorCode: FABRIC_ERROR_CODES.authenticationFailed, exceptionInfo: FABRIC_AUTH_FAIL_MESSAGE });
    const history = await harness.call('queryHistoryChatMessage', {
      token,
      body: { channelId: TEST_CHANNEL, userId: 'user-1', limit: '5', offset: '0', channel: 'WEB' },
    });
    expect(history.status).toBe(401);
    expect(harness.aicc.state.counters.rejectedMessageTokens).toBe(2);
  });

  it('gets 403 in the API reference too with pollTokenRejectionStatus 403', async () => {
    const harness = createHarness({ pollTokenRejectionStatus: 403 });
    const token = await harness.connectedUser('user-1');
    harness.aicc.expireMessageTokens();
    expect((await harness.call('poll', { token, query: pollQuery('user-1') })).status).toBe(403);
  });

  it.each([
    ['api-reference', 401],
    ['developer-guide', 403],
  ] as const)(
    'after expireAllTokens, in the %s dialect: 403 for the AccessToken, then %i with a new one, then 200 with a new ccmessaging-token',
    async (dialect, status) => {
      const harness = createHarness({ dialect });
      const token = await harness.connectedUser('user-1');
      const accessToken = await harness.accessToken();
      harness.aicc.expireAllTokens();
      const stale = await harness.call('poll', { token, accessToken, query: pollQuery('user-1') });
      expect(stale.status).toBe(403);
      expect(harness.aicc.state.counters.rejectedAccessTokens).toBe(1);
      const withNewAccessToken = await harness.call('poll', { token, query: pollQuery('user-1') });
      expect(withNewAccessToken.status).toBe(status);
      const renewed = await harness.applyToken('user-1');
      const answer = await harness.call('poll', { token: renewed, query: pollQuery('user-1') });
      expect(answer.status).toBe(200);
    },
  );
});
