import { CallbackSignatureError, genUserSig, signCallback, ValidationError } from '@tokenwire/core';
import { verifyLiveCallback } from '@tokenwire/live-config';
import { describe, expect, it } from 'vitest';
import { createSignedCallbackRequest, type SignedCallbackRequestOptions } from './create-signed-callback-request.js';
import { createTencentService } from './tencent-service.js';

const SDK_APP_ID = 1400000000;
const TOKEN = 'receiver-test-token-0123';
const NOW = Date.UTC(2026, 2, 4, 5, 6, 7, 890);
const NOW_SECONDS = Math.floor(NOW / 1000);
const URL_ = 'https://receiver.example/tencent?tenant=7';
const GIFT = { RoomId: 'room-1', Operator_Account: 'ada', GiftWater: { GiftId: 'rose', Count: 1, Coins: 10 } };

const giftRequest = (options: Partial<SignedCallbackRequestOptions<'Live.CallbackBeforeSendGift'>> = {}) =>
  createSignedCallbackRequest({
    url: URL_,
    sdkAppId: SDK_APP_ID,
    token: TOKEN,
    command: 'Live.CallbackBeforeSendGift',
    body: GIFT,
    now: () => NOW,
    ...options,
  });

const verify = (request: Request, tokens: string = TOKEN) => verifyLiveCallback(request, { sdkAppId: SDK_APP_ID, tokens, now: () => NOW });

/** The reason verifyLiveCallback refuses `request` with. */
async function refusal(request: Request, tokens?: string): Promise<string> {
  const error = await verify(request, tokens).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(CallbackSignatureError.isInstance(error)).toBe(true);
  return (error as CallbackSignatureError).reason;
}

/** `request` with its query or body replaced. */
async function tampered(request: Request, change: { readonly query?: Record<string, string>; readonly body?: string }): Promise<Request> {
  const url = new URL(request.url);
  for (const [key, value] of Object.entries(change.query ?? {})) url.searchParams.set(key, value);
  return new Request(url, { method: 'POST', headers: request.headers, body: change.body ?? (await request.text()) });
}

describe('createSignedCallbackRequest', () => {
  it("is a POST of the JSON body with Tencent's query, in Tencent's order, signed with the token", async () => {
    const request = giftRequest();
    const sign = signCallback({ token: TOKEN, requestTime: NOW_SECONDS });
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      `${URL_}&SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackBeforeSendGift&contenttype=json&ClientIP=127.0.0.1` +
        `&OptPlatform=RESTAPI&Sign=${sign}&RequestTime=${NOW_SECONDS}`,
    );
    expect(request.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await request.text()).toBe(`{"CallbackCommand":"Live.CallbackBeforeSendGift",${JSON.stringify(GIFT).slice(1)}`);
  });

  it('is accepted by verifyLiveCallback as a known, typed event', async () => {
    const event = await verify(giftRequest());
    expect(event).toMatchObject({ known: true, command: 'Live.CallbackBeforeSendGift', signed: true, sdkAppId: SDK_APP_ID });
    expect(event.known && event.command === 'Live.CallbackBeforeSendGift' && event.body.GiftWater?.Coins).toBe(10);
  });

  it('is the request the emulator sends for the same callback', async () => {
    const sent: Request[] = [];
    const secretKey = 'emulator-secret-key';
    const service = createTencentService(
      {
        sdkAppId: SDK_APP_ID,
        secretKey,
        admins: ['administrator'],
        callbackFetch: async (url, init) => {
          sent.push(new Request(url, init));
          return Response.json({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
        },
      },
      { now: () => NOW },
    );
    const usersig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey, identifier: 'administrator', now: () => NOW });
    const query = `sdkappid=${SDK_APP_ID}&identifier=administrator&usersig=${usersig}&random=1&contenttype=json`;
    for (const [command, body] of [
      ['set_callback', { Url: URL_, CallbackCommandList: ['Live.CallbackBeforeSendGift'] }],
      ['set_callback_token', { Token: TOKEN, IsTokenEnable: true }],
    ] as const) {
      const url = `https://console.tim.qq.com/v4/live_config/${command}?${query}`;
      expect(await (await service.handle(new Request(url, { method: 'POST', body: JSON.stringify(body) })))?.json()).toMatchObject({
        ErrorCode: 0,
      });
    }
    await service.emitCallback('Live.CallbackBeforeSendGift', GIFT);
    const made = giftRequest();
    expect(sent.map((request) => [request.method, request.url, request.headers.get('content-type')])).toEqual([
      [made.method, made.url, made.headers.get('content-type')],
    ]);
    expect(await sent[0]!.text()).toBe(await made.text());
  });

  it('with options: the requestTime signed in, ClientIP, OptPlatform and the URL command of a dialect, raw text as it is', async () => {
    const raw = '{"CallbackCommand":"Live.CallbackAfterMemberStateChanged","RoomId":"r","Big":144115216631667826}';
    const request = createSignedCallbackRequest({
      url: new URL('https://receiver.example/cb'),
      sdkAppId: SDK_APP_ID,
      token: TOKEN,
      command: 'Live.CallbackAfterMemberStateChanged',
      body: raw,
      requestTime: NOW_SECONDS - 5,
      clientIp: '198.51.100.4',
      optPlatform: 'Web',
      queryCommand: 'Live.CallbackMemberStateChanged',
      now: () => NOW,
    });
    const query = new URL(request.url).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      CallbackCommand: 'Live.CallbackMemberStateChanged',
      ClientIP: '198.51.100.4',
      OptPlatform: 'Web',
      RequestTime: String(NOW_SECONDS - 5),
      Sign: signCallback({ token: TOKEN, requestTime: NOW_SECONDS - 5 }),
    });
    expect(await request.clone().text()).toBe(raw);
    const event = await verify(request);
    expect(event).toMatchObject({ known: true, command: 'Live.CallbackAfterMemberStateChanged', requestTime: NOW_SECONDS - 5 });
    expect(event.body).toMatchObject({ Big: '144115216631667826' });
  });

  it('is refused when signed with another token, when Sign or RequestTime was changed, or when it is stale', async () => {
    expect(await refusal(giftRequest(), 'another-token')).toBe('signature_mismatch');
    expect(await refusal(giftRequest({ token: 'forger-token' }))).toBe('signature_mismatch');
    const sign = signCallback({ token: TOKEN, requestTime: NOW_SECONDS });
    expect(await refusal(await tampered(giftRequest(), { query: { Sign: sign.replace(/^./, sign.startsWith('0') ? '1' : '0') } }))).toBe(
      'signature_mismatch',
    );
    expect(await refusal(await tampered(giftRequest(), { query: { RequestTime: String(NOW_SECONDS + 1) } }))).toBe('signature_mismatch');
    expect(await refusal(await tampered(giftRequest(), { query: { SdkAppid: '1400000001' } }))).toBe('sdkappid_mismatch');
    expect(await refusal(giftRequest({ requestTime: NOW_SECONDS - 61 }))).toBe('stale_request_time');
  });

  it("is refused when its body was replaced by one that is not a callback; Tencent's Sign does not cover the body", async () => {
    expect(await refusal(await tampered(giftRequest(), { body: '{"CallbackCommand":' }))).toBe('malformed_body');
    expect(await refusal(await tampered(giftRequest(), { body: '[1,2,3]' }))).toBe('malformed_body');
    // Sign is SHA-256(token + RequestTime): another well-formed body verifies. Receivers rely on https for the body.
    const swapped = await tampered(giftRequest(), { body: JSON.stringify({ ...GIFT, GiftWater: { ...GIFT.GiftWater, Coins: 1 } }) });
    const event = await verify(swapped);
    expect(event.known && event.command === 'Live.CallbackBeforeSendGift' && event.body.GiftWater?.Coins).toBe(1);
  });

  it('refuses bad options, never repeating the token', () => {
    const issues = (options: object) => {
      try {
        createSignedCallbackRequest(options as SignedCallbackRequestOptions);
      } catch (error) {
        expect(ValidationError.isInstance(error)).toBe(true);
        expect((error as Error).message).not.toContain(TOKEN);
        return (error as ValidationError).issues.map((issue) => issue.path);
      }
      throw new Error('expected a ValidationError');
    };
    const valid = {
      url: URL_,
      sdkAppId: SDK_APP_ID,
      token: TOKEN,
      command: 'Live.CallbackAfterCreateRoom',
      body: { RoomInfo: { RoomId: 'r' } },
    };
    expect(issues({ ...valid, url: 'ftp://receiver.example/' })).toEqual(['url']);
    expect(issues({ ...valid, url: '/relative' })).toEqual(['url']);
    expect(issues({ ...valid, sdkAppId: 0, token: '' })).toEqual(['sdkAppId', 'token']);
    expect(issues({ ...valid, command: '', body: [] })).toEqual(['command', 'body']);
    expect(issues({ ...valid, requestTime: -1 })).toEqual(['requestTime']);
    expect(issues({ ...valid, tokne: TOKEN })).toEqual(['tokne']);
    expect(issues({ ...valid, token: 42 })).toEqual(['token']);
  });
});
