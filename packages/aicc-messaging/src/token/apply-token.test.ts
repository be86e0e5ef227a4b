import { MalformedResponseError, ValidationError } from '@tokenwire/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, DIALECTS, dialectTestBed, type TestBed } from '../../test/harness.js';
import { AiccApiError } from '../errors/aicc-api-error.js';
import { applyToken, MESSAGE_TOKEN_LIFETIME_MS } from './apply-token.js';

const APPLY_PATH = '/apiaccess/ccmessaging/applyToken';

let bed: TestBed;
afterEach(() => bed?.emulator.close());

describe.each(DIALECTS)('against the %s dialect', (dialect) => {
  const testBed = dialectTestBed(dialect);

  describe('applyToken', () => {
    it('returns the ccmessaging-token with its hour on the client clock', async () => {
      bed = testBed();
      const obtainedAtMs = bed.clock.now();
      const result = await applyToken(bed.client(), { userId: 'user-1', userName: 'Ada', channelId: CHANNEL_ID, locale: 'zh_CN' });
      expect(result).toEqual({ token: expect.any(String), obtainedAtMs, expiresAtMs: obtainedAtMs + MESSAGE_TOKEN_LIFETIME_MS });
      expect(bed.emulator.state.aicc!.messageTokens.get(result.token)).toMatchObject({ userId: 'user-1', locale: 'zh_CN' });
      const [request] = bed.recorder.to(APPLY_PATH);
      expect(JSON.parse(request!.body)).toEqual({ userId: 'user-1', userName: 'Ada', channelId: CHANNEL_ID, locale: 'zh_CN' });
      expect(request!.headers.get('ccmessaging-token')).toBeNull();
    });

    it.each(['en', 'zh', 'zh_CN', 'en-US', 'pt_BR', 'es-419', 'fil'])('accepts the locale %s', async (locale) => {
      bed = testBed();
      await expect(applyToken(bed.client(), { userId: 'u', userName: 'U', channelId: CHANNEL_ID, locale })).resolves.toMatchObject({
        token: expect.any(String),
      });
    });

    it.each([
      [{ userId: '' }, 'userId: must be 1–32 characters'],
      [{ userId: 'x'.repeat(33) }, 'userId: must be 1–32 characters'],
      [{ userId: 42 }, 'userId: must be a string'],
      [{ userName: '' }, 'userName: must not be empty'],
      [{ channelId: undefined }, 'channelId: must be a string'],
      [{ channelId: 'omit' }, 'channelId: is required'],
      [{ locale: 'english' }, 'locale: must be an ISO 639 code'],
      [{ locale: 'EN' }, 'locale: must be an ISO 639 code'],
      [{ locale: 'en_USA' }, 'locale: must be an ISO 639 code'],
      [{ locale: 'en_' }, 'locale: must be an ISO 639 code'],
      [{ userID: 'typo' }, 'userID: is not a known option'],
    ])('rejects %j before sending anything', async (override, message) => {
      bed = testBed();
      const user: Record<string, unknown> = { userId: 'user-1', userName: 'Ada', channelId: CHANNEL_ID, locale: 'en', ...override };
      if (user.channelId === 'omit') delete user.channelId;
      const error = await applyToken(bed.client(), user as never).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(message);
      expect(bed.recorder.requests).toHaveLength(0);
    });

    it('counts userId length in characters, not UTF-16 units', async () => {
      bed = testBed();
      const emoji = '😀'.repeat(32);
      await expect(applyToken(bed.client(), { userId: emoji, userName: 'E', channelId: CHANNEL_ID, locale: 'en' })).resolves.toBeDefined();
    });

    it('rejects bad options before sending anything', async () => {
      bed = testBed();
      const error = await applyToken(bed.client(), bed.user(), { signal: 'now' } as never).catch((caught: unknown) => caught);
      expect((error as Error).message).toContain('signal: must be an AbortSignal');
      expect(bed.recorder.requests).toHaveLength(0);
    });

    it('turns resultCode 1 (an unknown channel) into AiccApiError', async () => {
      bed = testBed();
      const error = await applyToken(bed.client(), { ...bed.user(), channelId: 'no-such-channel' }).catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: '1', path: APPLY_PATH, status: 200, description: 'channelId: no such channel configuration.' });
    });

    it('removes quotes wrapped around the token (AICC’s sample answer shows "\\"eyJ…\\"")', async () => {
      bed = testBed();
      bed.intercept((next) => async (request) => {
        const response = await next(request);
        if (new URL(request.url).pathname !== APPLY_PATH) return response;
        const body = (await response.json()) as { token: string };
        return Response.json({ ...body, token: `"\\"${body.token}\\""` });
      });
      const { token } = await applyToken(bed.client(), bed.user());
      expect(bed.emulator.state.aicc!.messageTokens.has(token)).toBe(true);
    });

    it('reports a success without a token as malformed, and accepts a numeric resultCode', async () => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === APPLY_PATH ? Response.json({ resultCode: 0, token: null }) : next(request),
      );
      const error = await applyToken(bed.client(), bed.user()).catch((caught: unknown) => caught);
      expect(MalformedResponseError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ path: APPLY_PATH, retryable: false });
    });

    it('accepts a 200 with a token and no resultCode, as the developer guide’s example { "token": "\\"eyJ…\\"" } (cec_05_2012)', async () => {
      bed = testBed();
      bed.intercept((next) => async (request) => {
        const response = await next(request);
        if (new URL(request.url).pathname !== APPLY_PATH) return response;
        const { token } = (await response.json()) as { token: string };
        return Response.json({ token: `"${token.replace(/^"(.*)"$/, '$1')}"` });
      });
      const { token } = await applyToken(bed.client(), bed.user());
      expect(bed.emulator.state.aicc!.messageTokens.has(token)).toBe(true);
    });

    it('checks resultCode when it is there: a token with resultCode "1" is an AiccApiError', async () => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === APPLY_PATH
            ? Response.json({ resultCode: '1', resultDesc: 'apply token failed', token: 'eyJub3QtdXNlZCJ9' })
            : next(request),
      );
      const error = await applyToken(bed.client(), bed.user()).catch((caught: unknown) => caught);
      expect(AiccApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: '1', field: 'resultCode', description: 'apply token failed', path: APPLY_PATH });
    });

    it('reports a 200 with neither token nor resultCode as malformed, with what the body says (an API Fabric body as in cec_05_1003)', async () => {
      bed = testBed();
      bed.intercept(
        (next) => async (request) =>
          new URL(request.url).pathname === APPLY_PATH
            ? Response.json({ errorCode: '0', exceptionInfo: `auth fail! ${request.headers.get('authorization')}` })
            : next(request),
      );
      const error = await applyToken(bed.client(), bed.user()).catch((caught: unknown) => caught);
      expect(MalformedResponseError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ path: APPLY_PATH, status: 200, retryable: false });
      expect((error as Error).message).toBe(`The answer of ${APPLY_PATH} carries no token (0 auth fail! Bearer ***)`);
    });
  });
});
