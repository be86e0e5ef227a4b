import { CallbackSignatureError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { readCallbackQuery } from './read-callback-query.js';

describe('readCallbackQuery', () => {
  it('reads Tencent parameters case-insensitively and ignores others', () => {
    expect(
      readCallbackQuery(
        'https://example.com/cb?tenant=7&SdkAppId=1400000000&CALLBACKCOMMAND=Live.CallbackAfterCreateRoom&contenttype=json&ClientIP=1.2.3.4&OptPlatform=iOS&sign=AB&requesttime=1669872112',
      ),
    ).toEqual({
      sdkAppId: '1400000000',
      command: 'Live.CallbackAfterCreateRoom',
      contentType: 'json',
      clientIp: '1.2.3.4',
      optPlatform: 'iOS',
      sign: 'AB',
      requestTime: '1669872112',
    });
  });

  it('accepts relative URLs (Express req.originalUrl) and the WebhookCommand spelling', () => {
    expect(readCallbackQuery('/cb?SdkAppid=1&WebhookCommand=Live.X')).toMatchObject({ sdkAppId: '1', command: 'Live.X', sign: undefined });
  });

  it.each([
    '/cb?SdkAppid=1&SdkAppId=1',
    '/cb?Sign=a&sign=b',
    '/cb?RequestTime=1&RequestTime=1',
    '/cb?CallbackCommand=Live.A&WebhookCommand=Live.A',
  ])('refuses a repeated Tencent parameter: %s', (url) => {
    expect(() => readCallbackQuery(url)).toThrow(CallbackSignatureError);
    try {
      readCallbackQuery(url);
    } catch (error) {
      expect((error as CallbackSignatureError).reason).toBe('malformed_request');
      expect((error as Error).message).toContain('repeats');
    }
  });

  it('allows repeated parameters of your own', () => {
    expect(readCallbackQuery('/cb?tag=a&tag=b&SdkAppid=1').sdkAppId).toBe('1');
  });
});
