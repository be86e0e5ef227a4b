import { genUserSig } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import type { TencentEnvelopeBody } from './envelope-response.js';
import { REQUEST_ID_PATTERN } from './request-id.js';
import { createTencentService, type TencentService } from './tencent-service.js';

const SDK_APP_ID = 1400000000;
const SECRET_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const ADMIN = 'administrator';
const START = Date.UTC(2025, 0, 1);
const URL_A = 'https://receiver.example/callback';
const URL_B = 'http://10.0.0.2:8080/tencent?tenant=b';
const COMMANDS_A = ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'];

function setup() {
  const service = createTencentService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: [ADMIN] }, { now: () => START });
  const usersig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: ADMIN, now: () => START });
  let random = 0;
  async function call(command: string, body: unknown = {}): Promise<TencentEnvelopeBody> {
    const url = `https://console.tim.qq.com/v4/live_config/${command}?sdkappid=${SDK_APP_ID}&identifier=${ADMIN}&usersig=${usersig}&random=${random++}&contenttype=json`;
    const response = await service.handle(new Request(url, { method: 'POST', body: JSON.stringify(body) }));
    expect(response?.status).toBe(200);
    const envelope = (await response!.json()) as TencentEnvelopeBody;
    expect(envelope.RequestId).toMatch(REQUEST_ID_PATTERN);
    expect(envelope.ActionStatus).toBe(envelope.ErrorCode === 0 ? 'OK' : 'FAIL');
    return envelope;
  }
  return { service, call };
}

/** Asserts a failure and that the state did not change. */
async function expectRejected(
  service: TencentService,
  request: Promise<TencentEnvelopeBody>,
  code: number,
  infoMentions: readonly string[] = [],
): Promise<void> {
  const before = service.state;
  const envelope = await request;
  expect(envelope.ErrorCode).toBe(code);
  expect(envelope).not.toHaveProperty('Response');
  for (const text of infoMentions) expect(envelope.ErrorInfo).toContain(text);
  const after = service.state;
  expect(after.callback).toEqual(before.callback);
  expect(after.callbackToken).toEqual(before.callbackToken);
}

describe('live_config callback configuration', () => {
  it('walks the whole lifecycle: set, get, set again, update, delete', async () => {
    const { service, call } = setup();
    await expectRejected(service, call('get_callback'), 100301);
    await expectRejected(service, call('update_callback', { Url: URL_B, CallbackCommandList: [] }), 100301);

    expect(await call('set_callback', { Url: URL_A, CallbackCommandList: COMMANDS_A })).toMatchObject({ ErrorCode: 0, ErrorInfo: '' });
    expect(service.state.callback).toEqual({ url: URL_A, commands: COMMANDS_A });

    const got = await call('get_callback');
    expect(got).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      RequestId: expect.any(String),
      Response: { Url: URL_A, CallbackCommandList: COMMANDS_A },
    });

    await expectRejected(service, call('set_callback', { Url: URL_B, CallbackCommandList: ['Live.CallbackBeforeSendGift'] }), 100300, [
      'update_callback',
    ]);

    expect((await call('update_callback', { Url: URL_B, CallbackCommandList: ['Live.CallbackBeforeSendGift'] })).ErrorCode).toBe(0);
    expect((await call('get_callback')).Response).toEqual({ Url: URL_B, CallbackCommandList: ['Live.CallbackBeforeSendGift'] });

    expect((await call('delete_callback')).ErrorCode).toBe(0);
    expect(service.state.callback).toBeUndefined();
    await expectRejected(service, call('get_callback'), 100301);
    expect((await call('delete_callback')).ErrorCode).toBe(0); // idempotent

    expect((await call('set_callback', { Url: URL_A, CallbackCommandList: [] })).ErrorCode).toBe(0); // creatable again
    expect((await call('get_callback')).Response).toEqual({ Url: URL_A, CallbackCommandList: [] });
  });

  it('ignores unknown fields and accepts an upper-case scheme', async () => {
    const { service, call } = setup();
    expect((await call('set_callback', { Url: 'HTTPS://Receiver.example/cb', CallbackCommandList: ['x'], Extra: 1 })).ErrorCode).toBe(0);
    expect(service.state.callback).toEqual({ url: 'HTTPS://Receiver.example/cb', commands: ['x'] });
  });

  const badBodies: [string, unknown, string[]][] = [
    ['an empty body', {}, ['Url', 'CallbackCommandList']],
    ['no Url', { CallbackCommandList: COMMANDS_A }, ['Url']],
    ['a numeric Url', { Url: 42, CallbackCommandList: COMMANDS_A }, ['Url']],
    ['a null Url', { Url: null, CallbackCommandList: COMMANDS_A }, ['Url']],
    ['an ftp Url', { Url: 'ftp://receiver.example/cb', CallbackCommandList: COMMANDS_A }, ['Url', 'http://']],
    ['a Url without scheme', { Url: 'receiver.example/cb', CallbackCommandList: COMMANDS_A }, ['Url']],
    ['a Url without host', { Url: 'http://', CallbackCommandList: COMMANDS_A }, ['Url']],
    ['an empty Url', { Url: '', CallbackCommandList: COMMANDS_A }, ['Url']],
    ['no CallbackCommandList', { Url: URL_A }, ['CallbackCommandList']],
    ['a string CallbackCommandList', { Url: URL_A, CallbackCommandList: 'Live.CallbackAfterCreateRoom' }, ['CallbackCommandList']],
    ['numbers in CallbackCommandList', { Url: URL_A, CallbackCommandList: [1, 2] }, ['CallbackCommandList']],
    ['null in CallbackCommandList', { Url: URL_A, CallbackCommandList: ['Live.CallbackAfterCreateRoom', null] }, ['CallbackCommandList']],
  ];

  it.each(badBodies)('set_callback rejects %s with 100002 naming the field', async (_name, body, mentions) => {
    const { service, call } = setup();
    await expectRejected(service, call('set_callback', body), 100002, mentions);
    expect(service.state.callback).toBeUndefined();
  });

  it.each(badBodies)('update_callback rejects %s with 100002 and keeps the old configuration', async (_name, body, mentions) => {
    const { service, call } = setup();
    await call('set_callback', { Url: URL_A, CallbackCommandList: COMMANDS_A });
    await expectRejected(service, call('update_callback', body), 100002, mentions);
    expect(service.state.callback).toEqual({ url: URL_A, commands: COMMANDS_A });
  });

  it('validates the body before reporting that the configuration exists', async () => {
    const { service, call } = setup();
    await call('set_callback', { Url: URL_A, CallbackCommandList: COMMANDS_A });
    await expectRejected(service, call('set_callback', { Url: 1 }), 100002);
  });

  it('lists only the bad field when the other one is fine', async () => {
    const { call } = setup();
    const envelope = await call('set_callback', { Url: URL_A, CallbackCommandList: 'x' });
    expect(envelope.ErrorInfo).toContain('CallbackCommandList');
    expect(envelope.ErrorInfo).not.toContain('Url');
  });
});

describe('live_config callback token configuration', () => {
  it('walks the whole lifecycle: create with both fields, partial updates, get, delete', async () => {
    const { service, call } = setup();
    await expectRejected(service, call('get_callback_token'), 100302, ['set_callback_token']);

    expect((await call('set_callback_token', { Token: 'token-1', IsTokenEnable: true })).ErrorCode).toBe(0);
    expect(service.state.callbackToken).toEqual({ token: 'token-1', enabled: true });
    expect(await call('get_callback_token')).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      RequestId: expect.any(String),
      Response: { Token: 'token-1', IsTokenEnable: true },
    });

    expect((await call('set_callback_token', { IsTokenEnable: false })).ErrorCode).toBe(0);
    expect((await call('get_callback_token')).Response).toEqual({ Token: 'token-1', IsTokenEnable: false });

    expect((await call('set_callback_token', { Token: 'token-2' })).ErrorCode).toBe(0);
    expect((await call('get_callback_token')).Response).toEqual({ Token: 'token-2', IsTokenEnable: false });

    expect((await call('set_callback_token', {})).ErrorCode).toBe(0); // nothing to change
    expect(service.state.callbackToken).toEqual({ token: 'token-2', enabled: false });

    expect((await call('set_callback_token', { Token: 'token-3', IsTokenEnable: true })).ErrorCode).toBe(0);
    expect(service.state.callbackToken).toEqual({ token: 'token-3', enabled: true });

    expect((await call('delete_callback_token')).ErrorCode).toBe(0);
    expect(service.state.callbackToken).toBeUndefined();
    await expectRejected(service, call('get_callback_token'), 100302);
    expect((await call('delete_callback_token')).ErrorCode).toBe(0); // idempotent

    // after a delete, the next set is a first setup again: both fields required
    await expectRejected(service, call('set_callback_token', { IsTokenEnable: true }), 100002, ['Token']);
  });

  it.each<[string, unknown, string[]]>([
    ['an empty body', {}, ['Token', 'IsTokenEnable', 'both required']],
    ['only Token', { Token: 'token-1' }, ['IsTokenEnable', 'both required']],
    ['only IsTokenEnable', { IsTokenEnable: true }, ['Token', 'both required']],
    ['an empty Token', { Token: '', IsTokenEnable: true }, ['Token', '1 to 128']],
    ['a Token of 129 characters', { Token: 'a'.repeat(129), IsTokenEnable: true }, ['Token']],
    ['a numeric Token', { Token: 12345678, IsTokenEnable: true }, ['Token']],
    ['a null Token', { Token: null, IsTokenEnable: true }, ['Token']],
    ['IsTokenEnable as a string', { Token: 'token-1', IsTokenEnable: 'true' }, ['IsTokenEnable', 'boolean']],
    ['IsTokenEnable as a number', { Token: 'token-1', IsTokenEnable: 1 }, ['IsTokenEnable']],
    ['IsTokenEnable null', { Token: 'token-1', IsTokenEnable: null }, ['IsTokenEnable']],
  ])('the first set_callback_token rejects %s with 100002', async (_name, body, mentions) => {
    const { service, call } = setup();
    await expectRejected(service, call('set_callback_token', body), 100002, mentions);
    expect(service.state.callbackToken).toBeUndefined();
  });

  it.each<[string, unknown, string[]]>([
    ['an empty Token', { Token: '' }, ['Token']],
    ['a Token of 129 characters', { Token: 'b'.repeat(129) }, ['Token']],
    ['a null Token', { Token: null }, ['Token']],
    ['IsTokenEnable as a string', { IsTokenEnable: 'false' }, ['IsTokenEnable']],
    ['a good Token with a bad IsTokenEnable', { Token: 'token-9', IsTokenEnable: 0 }, ['IsTokenEnable']],
    ['a bad Token with a good IsTokenEnable', { Token: 7, IsTokenEnable: false }, ['Token']],
  ])('a later set_callback_token rejects %s with 100002 and changes nothing', async (_name, body, mentions) => {
    const { service, call } = setup();
    await call('set_callback_token', { Token: 'token-1', IsTokenEnable: true });
    await expectRejected(service, call('set_callback_token', body), 100002, mentions);
    expect(service.state.callbackToken).toEqual({ token: 'token-1', enabled: true });
  });

  it.each([1, 128])('accepts a Token of %i characters', async (length) => {
    const { service, call } = setup();
    expect((await call('set_callback_token', { Token: 't'.repeat(length), IsTokenEnable: false })).ErrorCode).toBe(0);
    expect(service.state.callbackToken?.token).toHaveLength(length);
  });
});

describe('live_config: the two configurations are independent', () => {
  it('deleting one leaves the other', async () => {
    const { service, call } = setup();
    await call('set_callback', { Url: URL_A, CallbackCommandList: COMMANDS_A });
    await call('set_callback_token', { Token: 'token-1', IsTokenEnable: true });
    await call('delete_callback');
    expect(service.state.callbackToken).toEqual({ token: 'token-1', enabled: true });
    await call('set_callback', { Url: URL_A, CallbackCommandList: COMMANDS_A });
    await call('delete_callback_token');
    expect(service.state.callback).toEqual({ url: URL_A, commands: COMMANDS_A });
  });

  it('get commands ignore whatever body fields they are sent', async () => {
    const { call } = setup();
    await call('set_callback', { Url: URL_A, CallbackCommandList: COMMANDS_A });
    expect((await call('get_callback', { Url: 5 })).Response).toEqual({ Url: URL_A, CallbackCommandList: COMMANDS_A });
  });
});
