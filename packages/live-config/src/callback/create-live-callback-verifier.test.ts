import { CallbackSignatureError, signCallback, ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createLiveCallbackVerifier } from './create-live-callback-verifier.js';
import { type VerifyLiveCallbackOptions, verifyLiveCallback } from './verify-live-callback.js';

const SDK_APP_ID = 1400000000;
const TOKEN = 'verifier-token-0123456789';
const REQUEST_TIME = 1669872112;
const now = () => REQUEST_TIME * 1000;
const GIFT_BODY =
  '{"CallbackCommand":"Live.CallbackBeforeSendGift","RoomId":"r1","GiftWater":{"From_Account":"alice","Coins":10,"Count":2,"Owner":144115216631667826}}';

function url(parameters: { token?: string; sdkAppId?: number; requestTime?: number } = {}): string {
  const requestTime = parameters.requestTime ?? REQUEST_TIME;
  const query = new URLSearchParams({
    SdkAppid: String(parameters.sdkAppId ?? SDK_APP_ID),
    CallbackCommand: 'Live.CallbackBeforeSendGift',
    Sign: signCallback({ token: parameters.token ?? TOKEN, requestTime }),
    RequestTime: String(requestTime),
  });
  return `https://receiver.example/tencent?${query}`;
}

function validationError(options: unknown): ValidationError {
  let caught: unknown;
  try {
    createLiveCallbackVerifier(options as VerifyLiveCallbackOptions);
  } catch (error) {
    caught = error;
  }
  expect(ValidationError.isInstance(caught)).toBe(true);
  return caught as ValidationError;
}

/** Options whose every read is counted: a verifier that re-validated them per callback would read them again. */
function countedOptions(values: VerifyLiveCallbackOptions) {
  const reads = new Map<string, number>();
  const options = {};
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(options, key, {
      enumerable: true,
      get: () => {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return value;
      },
    });
  }
  return { options: options as VerifyLiveCallbackOptions, reads: () => new Map(reads) };
}

describe('createLiveCallbackVerifier', () => {
  it('verifies exactly as verifyLiveCallback does: the same event for the same callback', async () => {
    const options = { sdkAppId: SDK_APP_ID, tokens: [TOKEN, undefined], now };
    const verifier = createLiveCallbackVerifier(options);
    const fromVerifier = await verifier.verify({ url: url(), body: GIFT_BODY });
    const fromFunction = await verifyLiveCallback({ url: url(), body: GIFT_BODY }, options);
    expect(fromVerifier).toEqual(fromFunction);
    expect(fromVerifier).toMatchObject({ known: true, command: 'Live.CallbackBeforeSendGift', signed: true, requestTime: REQUEST_TIME });
    // A web Request too, and exact big integers.
    const event = await verifier.verify(new Request(url(), { method: 'POST', body: GIFT_BODY }));
    expect(event.body).toMatchObject({ GiftWater: { Owner: '144115216631667826' } });
  });

  it.each([
    ['a forged signature', { token: 'attacker-guess' }, 'signature_mismatch'],
    ['another app', { sdkAppId: 1400000001 }, 'sdkappid_mismatch'],
    ['a stale time', { requestTime: REQUEST_TIME - 61 }, 'stale_request_time'],
  ] as const)('refuses %s with the same reason as verifyLiveCallback', async (_, parameters, reason) => {
    const options = { sdkAppId: SDK_APP_ID, tokens: TOKEN, now };
    const verifier = createLiveCallbackVerifier(options);
    const [fromVerifier, fromFunction] = await Promise.all([
      verifier.verify({ url: url(parameters), body: GIFT_BODY }).catch((error: unknown) => error),
      verifyLiveCallback({ url: url(parameters), body: GIFT_BODY }, options).catch((error: unknown) => error),
    ]);
    expect(CallbackSignatureError.isInstance(fromVerifier)).toBe(true);
    expect(fromVerifier).toMatchObject({ reason, message: (fromFunction as Error).message });
    expect((fromVerifier as Error).message).not.toContain(TOKEN);
  });

  it('reads its options once, when it is made, not on each callback', async () => {
    const { options, reads } = countedOptions({ sdkAppId: SDK_APP_ID, tokens: [TOKEN], now, toleranceSeconds: 60 });
    const verifier = createLiveCallbackVerifier(options);
    const afterStart = reads();
    expect([...afterStart.keys()].sort()).toEqual(['now', 'sdkAppId', 'tokens', 'toleranceSeconds']);
    for (let index = 0; index < 5; index++) await verifier.verify({ url: url(), body: GIFT_BODY });
    await verifier.verify({ url: url({ token: 'forged' }), body: GIFT_BODY }).catch(() => undefined);
    expect(reads()).toEqual(afterStart);

    // verifyLiveCallback, by contrast, checks them on every call.
    await verifyLiveCallback({ url: url(), body: GIFT_BODY }, options);
    expect(reads().get('sdkAppId')).toBeGreaterThan(afterStart.get('sdkAppId')!);
  });

  it('copies the token list: changing it afterwards changes nothing', async () => {
    const tokens = [TOKEN];
    const verifier = createLiveCallbackVerifier({ sdkAppId: SDK_APP_ID, tokens, now });
    tokens[0] = 'replaced';
    await expect(verifier.verify({ url: url(), body: GIFT_BODY })).resolves.toMatchObject({ known: true });
  });

  it('fails at start-up, with a ValidationError, for an unset SDK_APP_ID (NaN) or a missing one', () => {
    expect(validationError({ sdkAppId: Number(undefined), tokens: TOKEN }).message).toBe(
      'Invalid callback verifier options: sdkAppId: must be a positive integer (the SDKAppID from the console), got NaN',
    );
    expect(validationError({ tokens: TOKEN }).issues).toEqual([{ path: 'sdkAppId', message: 'is required' }]);
    expect(validationError({ sdkAppId: 0, tokens: TOKEN }).issues[0]?.path).toBe('sdkAppId');
  });

  it.each([
    ['an empty list', []],
    ['unset variables', [undefined, undefined]],
    ['blank strings', ['', '  ']],
    ['a blank token', ' '],
  ])('fails at start-up for a token list with no token: %s', (_, tokens) => {
    const error = validationError({ sdkAppId: SDK_APP_ID, tokens });
    expect(error.issues).toEqual([
      { path: 'tokens', message: expect.stringMatching(/no callback token.*pass null while token authentication is off/) },
    ]);
  });

  it('fails at start-up for an unknown option, a bad tolerance or clock, and never repeats a token', () => {
    expect(validationError({ sdkAppId: SDK_APP_ID, tokens: TOKEN, toleranceSecond: 30 }).issues).toEqual([
      { path: 'toleranceSecond', message: expect.stringMatching(/not a known field/) },
    ]);
    expect(validationError({ sdkAppId: SDK_APP_ID, tokens: TOKEN, toleranceSeconds: -1 }).issues[0]?.path).toBe('toleranceSeconds');
    expect(validationError({ sdkAppId: SDK_APP_ID, tokens: TOKEN, toleranceSeconds: Number.NaN }).issues[0]?.path).toBe('toleranceSeconds');
    expect(validationError({ sdkAppId: SDK_APP_ID, tokens: TOKEN, now: 5 }).issues[0]?.path).toBe('now');
    expect(validationError({ sdkAppId: 'x', tokens: [TOKEN, 7] }).message).not.toContain(TOKEN);
    expect(validationError(null).message).toMatch(/must be an object/);
  });

  it('accepts tokens: null (authentication off at Tencent) and marks events unsigned', async () => {
    const verifier = createLiveCallbackVerifier({ sdkAppId: SDK_APP_ID, tokens: null });
    const unsigned = `https://receiver.example/tencent?SdkAppid=${SDK_APP_ID}&CallbackCommand=Live.CallbackBeforeSendGift`;
    await expect(verifier.verify({ url: unsigned, body: GIFT_BODY })).resolves.toMatchObject({ signed: false, sign: undefined });
  });

  it('is a frozen object whose verify needs no this', async () => {
    const verifier = createLiveCallbackVerifier({ sdkAppId: SDK_APP_ID, tokens: TOKEN, now });
    expect(Object.isFrozen(verifier)).toBe(true);
    const { verify } = verifier;
    await expect(verify({ url: url(), body: GIFT_BODY })).resolves.toMatchObject({ known: true });
  });
});
