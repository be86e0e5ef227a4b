import { CallbackSignatureError, signCallback, ValidationError, type CallbackSignatureErrorReason } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { verifyLiveCallback, type VerifyLiveCallbackOptions } from './verify-live-callback.js';

const SDK_APP_ID = 1400000000;
const TOKEN = 'xxxxyyyy';
const REQUEST_TIME = 1669872112;
const OFFICIAL_SIGN = '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061';
const at = (seconds: number) => () => seconds * 1000;

const DESTROY_BODY =
  '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":"admin","RoomId":"live_1",' +
  '"EventType":"DestroyByUser","EventTime":1669872112000,' +
  '"RoomInfo":{"RoomId":"live_1","Owner_Account":144115216631667826,"RoomType":"Live"},' +
  '"Statistic":{"TotalViewers":10,"TotalGiftsSent":2,"TotalGiftCoins":30,"TotalUniqueGiftSenders":1,"TotalLikesReceived":5}}';

function callbackUrl(parameters: Record<string, string | number>): string {
  const query = Object.entries(parameters)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `https://receiver.example/tencent?${query}`;
}

function signedUrl(command: string, options: { token?: string; requestTime?: number; extra?: Record<string, string> } = {}): string {
  const requestTime = options.requestTime ?? REQUEST_TIME;
  return callbackUrl({
    SdkAppid: SDK_APP_ID,
    CallbackCommand: command,
    contenttype: 'json',
    ClientIP: '203.0.113.9',
    OptPlatform: 'Android',
    ...options.extra,
    Sign: signCallback({ token: options.token ?? TOKEN, requestTime }),
    RequestTime: requestTime,
  });
}

function post(url: string, body: string): Request {
  return new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
}

const options: VerifyLiveCallbackOptions = { sdkAppId: SDK_APP_ID, tokens: TOKEN, now: at(REQUEST_TIME) };

async function rejection(promise: Promise<unknown>): Promise<CallbackSignatureError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(CallbackSignatureError.isInstance(error)).toBe(true);
  return error as CallbackSignatureError;
}

async function expectReason(promise: Promise<unknown>, reason: CallbackSignatureErrorReason, message?: RegExp | string) {
  const error = await rejection(promise);
  expect(error.reason).toBe(reason);
  if (message !== undefined) expect(error.message).toMatch(message);
  expect(error.message).not.toContain(TOKEN);
  return error;
}

describe('verifyLiveCallback', () => {
  it('accepts the official vector and returns a typed event with the query metadata', async () => {
    const url = callbackUrl({
      SdkAppid: SDK_APP_ID,
      CallbackCommand: 'Live.CallbackAfterDestroyRoom',
      contenttype: 'json',
      ClientIP: '203.0.113.9',
      OptPlatform: 'Android',
      Sign: OFFICIAL_SIGN,
      RequestTime: REQUEST_TIME,
    });
    const event = await verifyLiveCallback(post(url, DESTROY_BODY), options);
    expect(event).toMatchObject({
      known: true,
      command: 'Live.CallbackAfterDestroyRoom',
      sdkAppId: SDK_APP_ID,
      clientIp: '203.0.113.9',
      optPlatform: 'Android',
      requestTime: REQUEST_TIME,
      contentType: 'json',
      signed: true,
      rawBody: DESTROY_BODY,
    });
    if (!event.known || event.command !== 'Live.CallbackAfterDestroyRoom') throw new Error('narrowing failed');
    expect(event.body.EventType).toBe('DestroyByUser');
    expect(event.body.Statistic?.TotalGiftCoins).toBe(30);
  });

  it('keeps integers beyond 2^53 exactly', async () => {
    const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), DESTROY_BODY), options);
    if (!event.known || event.command !== 'Live.CallbackAfterDestroyRoom') throw new Error('narrowing failed');
    expect(event.body.RoomInfo?.Owner_Account).toBe('144115216631667826');
  });

  it('accepts upper-case hex and case-insensitive parameter names (SdkAppId, callbackcommand, SIGN, requesttime)', async () => {
    const sign = signCallback({ token: TOKEN, requestTime: REQUEST_TIME }).toUpperCase();
    const url = `https://r.example/cb?SdkAppId=${SDK_APP_ID}&callbackcommand=Live.CallbackAfterDestroyRoom&SIGN=${sign}&requesttime=${REQUEST_TIME}`;
    const event = await verifyLiveCallback(post(url, DESTROY_BODY), options);
    expect(event.command).toBe('Live.CallbackAfterDestroyRoom');
    expect(event.clientIp).toBeUndefined();
    expect(event.sign).toBe(sign.toLowerCase());
  });

  it('carries the verified Sign in lower-case hex, and none when the callback was not verified (tokens: null)', async () => {
    const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), DESTROY_BODY), options);
    expect(event.sign).toBe(signCallback({ token: TOKEN, requestTime: REQUEST_TIME }));
    const unverified = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), DESTROY_BODY), {
      sdkAppId: SDK_APP_ID,
      tokens: null,
    });
    expect(unverified).toMatchObject({ signed: false, sign: undefined });
  });

  describe('rotation', () => {
    const previous = 'previous-token';
    const current = 'current-token';

    it('accepts callbacks signed with either token of [current, previous]', async () => {
      for (const token of [current, previous]) {
        const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom', { token }), DESTROY_BODY), {
          ...options,
          tokens: [current, previous],
        });
        expect(event.signed).toBe(true);
      }
    });

    it('refuses the previous token once it is dropped, and ignores blank entries', async () => {
      await expectReason(
        verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom', { token: previous }), DESTROY_BODY), {
          ...options,
          tokens: [current, undefined, ''],
        }),
        'signature_mismatch',
      );
    });

    it('refuses an empty token list instead of turning verification off', async () => {
      await expectReason(
        verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), DESTROY_BODY), { ...options, tokens: [] }),
        'no_tokens',
      );
    });

    it.each([[[]], [['', ' ', null, undefined]], ['']] as const)(
      'reports no_tokens, not missing_signature, for tokens %j on an unsigned callback',
      async (tokens) => {
        const unsigned = callbackUrl({ SdkAppid: SDK_APP_ID, CallbackCommand: 'Live.CallbackAfterDestroyRoom' });
        await expectReason(verifyLiveCallback(post(unsigned, DESTROY_BODY), { ...options, tokens }), 'no_tokens', /tokens: null/);
      },
    );
  });

  describe('time window', () => {
    it.each([
      [-60, true],
      [60, true],
      [-61, false],
      [61, false],
      [-3600, false],
      [86_400, false],
    ])('RequestTime %i s from now: accepted = %s', async (offset, accepted) => {
      const promise = verifyLiveCallback(
        post(signedUrl('Live.CallbackAfterDestroyRoom', { requestTime: REQUEST_TIME + offset }), DESTROY_BODY),
        options,
      );
      if (accepted) await expect(promise).resolves.toMatchObject({ requestTime: REQUEST_TIME + offset });
      else await expectReason(promise, 'stale_request_time');
    });

    it('honours toleranceSeconds', async () => {
      const url = signedUrl('Live.CallbackAfterDestroyRoom', { requestTime: REQUEST_TIME - 200 });
      await expect(verifyLiveCallback(post(url, DESTROY_BODY), { ...options, toleranceSeconds: 300 })).resolves.toBeDefined();
      await expectReason(verifyLiveCallback(post(url, DESTROY_BODY), { ...options, toleranceSeconds: 100 }), 'stale_request_time');
    });

    it('refuses a RequestTime that is not plain decimal', async () => {
      const url = callbackUrl({
        SdkAppid: SDK_APP_ID,
        CallbackCommand: 'Live.CallbackAfterDestroyRoom',
        Sign: OFFICIAL_SIGN,
        RequestTime: '01669872112',
      });
      await expectReason(verifyLiveCallback(post(url, DESTROY_BODY), options), 'malformed_request_time');
    });
  });

  describe('forgeries', () => {
    it('refuses a signature made with another token', async () => {
      await expectReason(
        verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom', { token: 'attacker-guess' }), DESTROY_BODY), options),
        'signature_mismatch',
      );
    });

    it('refuses a valid signature replayed with another RequestTime', async () => {
      const url = callbackUrl({
        SdkAppid: SDK_APP_ID,
        CallbackCommand: 'Live.CallbackAfterDestroyRoom',
        Sign: OFFICIAL_SIGN,
        RequestTime: REQUEST_TIME + 1,
      });
      await expectReason(verifyLiveCallback(post(url, DESTROY_BODY), options), 'signature_mismatch');
    });

    it.each(['', 'zz', OFFICIAL_SIGN.slice(0, 63), `${OFFICIAL_SIGN}00`, OFFICIAL_SIGN.replace('1', '2')])(
      'refuses Sign %j',
      async (sign) => {
        const url = callbackUrl({
          SdkAppid: SDK_APP_ID,
          CallbackCommand: 'Live.CallbackAfterDestroyRoom',
          Sign: sign,
          RequestTime: REQUEST_TIME,
        });
        const error = await rejection(verifyLiveCallback(post(url, DESTROY_BODY), options));
        expect(['signature_mismatch', 'missing_signature']).toContain(error.reason);
        expect(error.message).not.toContain(OFFICIAL_SIGN);
      },
    );

    it('refuses a second Sign smuggled in with another spelling', async () => {
      const url = `${signedUrl('Live.CallbackAfterDestroyRoom')}&sign=${'0'.repeat(64)}`;
      await expectReason(verifyLiveCallback(post(url, DESTROY_BODY), options), 'malformed_request', /repeats/);
    });
  });

  describe('missing parameters', () => {
    it.each([
      ['Sign', 'missing_signature', /no Sign query parameter/],
      ['RequestTime', 'missing_signature', /no RequestTime query parameter/],
      ['SdkAppid', 'malformed_request', /no SdkAppid/],
    ] as const)('refuses a callback without %s', async (name, reason, message) => {
      const url = new URL(signedUrl('Live.CallbackAfterDestroyRoom'));
      url.searchParams.delete(name);
      await expectReason(verifyLiveCallback(post(url.href, DESTROY_BODY), options), reason, message);
    });

    it('takes the command from the body when the query lacks it, and refuses when both lack it', async () => {
      const url = new URL(signedUrl('Live.CallbackAfterDestroyRoom'));
      url.searchParams.delete('CallbackCommand');
      await expect(verifyLiveCallback(post(url.href, DESTROY_BODY), options)).resolves.toMatchObject({
        command: 'Live.CallbackAfterDestroyRoom',
      });
      await expectReason(verifyLiveCallback(post(url.href, '{"RoomId":"r"}'), options), 'malformed_body', /no CallbackCommand/);
    });

    it('accepts unsigned callbacks only with tokens: null, and marks them unsigned', async () => {
      const url = callbackUrl({ SdkAppid: SDK_APP_ID, CallbackCommand: 'Live.CallbackAfterDestroyRoom' });
      await expectReason(verifyLiveCallback(post(url, DESTROY_BODY), options), 'missing_signature');
      const event = await verifyLiveCallback(post(url, DESTROY_BODY), { sdkAppId: SDK_APP_ID, tokens: null });
      expect(event.signed).toBe(false);
      expect(event.requestTime).toBeUndefined();
    });
  });

  describe('wrong app', () => {
    it.each(['1400000001', '01400000000', '1400000000.0', 'abc', ''])('refuses SdkAppid=%j with sdkappid_mismatch', async (sdkAppId) => {
      const url = signedUrl('Live.CallbackAfterDestroyRoom').replace(`SdkAppid=${SDK_APP_ID}`, `SdkAppid=${sdkAppId}`);
      await expectReason(verifyLiveCallback(post(url, DESTROY_BODY), options), 'sdkappid_mismatch', /not 1400000000/);
    });

    it('checks the app even when tokens are null', async () => {
      const url = callbackUrl({ SdkAppid: 1400000001, CallbackCommand: 'Live.CallbackAfterDestroyRoom' });
      await expectReason(verifyLiveCallback(post(url, DESTROY_BODY), { sdkAppId: SDK_APP_ID, tokens: null }), 'sdkappid_mismatch');
    });
  });

  describe('raw body', () => {
    it('refuses a Request whose body was already read, saying so', async () => {
      const request = post(signedUrl('Live.CallbackAfterDestroyRoom'), DESTROY_BODY);
      await request.json();
      await expectReason(verifyLiveCallback(request, options), 'malformed_request', /already read/);
    });

    it('reads the Request body once; a clone still verifies', async () => {
      const request = post(signedUrl('Live.CallbackAfterDestroyRoom'), DESTROY_BODY);
      const clone = request.clone();
      await verifyLiveCallback(request, options);
      expect(request.bodyUsed).toBe(true);
      await expect(verifyLiveCallback(clone, options)).resolves.toMatchObject({ known: true });
    });

    it('does not read the body of a callback that fails authentication', async () => {
      const request = post(signedUrl('Live.CallbackAfterDestroyRoom', { token: 'forged' }), DESTROY_BODY);
      await expectReason(verifyLiveCallback(request, options), 'signature_mismatch');
      expect(request.bodyUsed).toBe(false);
    });

    it('accepts { url, body } with a string, bytes or a relative URL (Express)', async () => {
      const url = signedUrl('Live.CallbackAfterDestroyRoom');
      const relative = url.slice('https://receiver.example'.length);
      for (const input of [
        { url, body: DESTROY_BODY },
        { url: new URL(url), body: new TextEncoder().encode(DESTROY_BODY) },
        { url: relative, body: new TextEncoder().encode(DESTROY_BODY) },
      ]) {
        const event = await verifyLiveCallback(input, options);
        if (!event.known || event.command !== 'Live.CallbackAfterDestroyRoom') throw new Error('narrowing failed');
        expect(event.body.RoomInfo?.Owner_Account).toBe('144115216631667826');
      }
    });

    it('refuses a parsed body with a message about re-serialized bodies and express.raw', async () => {
      const url = signedUrl('Live.CallbackAfterDestroyRoom');
      await expectReason(
        verifyLiveCallback({ url, body: JSON.parse(DESTROY_BODY) } as never, options),
        'malformed_request',
        /re-serialized.*express\.raw/s,
      );
      await expectReason(verifyLiveCallback({ url, body: {} } as never, options), 'malformed_request', /parsed object/);
      await expectReason(verifyLiveCallback({ url } as never, options), 'malformed_request', /no body/);
      await expectReason(verifyLiveCallback('https://x' as never, options), 'malformed_request', /Request or a \{ url, body \}/);
    });

    it.each([
      ['not JSON', '{"RoomId":', /not valid JSON/],
      ['an array', '[1,2]', /not a JSON object/],
      ['empty', '', /not valid JSON/],
    ])('refuses a body that is %s', async (_name, body, message) => {
      await expectReason(verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), body), options), 'malformed_body', message);
    });

    it('refuses a body that cannot be read with malformed_body', async () => {
      const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new TypeError('connection reset')) });
      const request = new Request(signedUrl('Live.CallbackAfterDestroyRoom'), { method: 'POST', body, duplex: 'half' } as RequestInit);
      await expectReason(verifyLiveCallback(request, options), 'malformed_body', /could not be read/);
    });

    describe('the exact body bytes', () => {
      const encoder = new TextEncoder();
      /** `{"RoomId":"r<byte>"}` as bytes, `<byte>` written raw into the string. */
      const bodyWith = (...bytes: number[]) => new Uint8Array([...encoder.encode('{"RoomId":"r'), ...bytes, ...encoder.encode('"}')]);
      const postBytes = (bytes: Uint8Array) =>
        new Request(signedUrl('Live.CallbackAfterDestroyRoom'), { method: 'POST', body: bytes as BodyInit });

      it('hands over rawBytes equal to the bytes received, and rawBody as their exact text, whatever the input form', async () => {
        const bytes = encoder.encode(DESTROY_BODY.replace('"admin"', '"ädmin 🎁"'));
        const url = signedUrl('Live.CallbackAfterDestroyRoom');
        for (const input of [postBytes(bytes), { url, body: bytes }, { url, body: new TextDecoder().decode(bytes) }]) {
          const event = await verifyLiveCallback(input, options);
          expect(event.rawBytes).toEqual(bytes);
          expect(event.rawBody).toBe(new TextDecoder().decode(bytes));
          expect(event.known).toBe(true);
        }
      });

      it('keeps a copy: changing the given buffer afterwards changes neither rawBytes nor the event', async () => {
        const bytes = encoder.encode(DESTROY_BODY);
        const event = await verifyLiveCallback({ url: signedUrl('Live.CallbackAfterDestroyRoom'), body: bytes }, options);
        bytes.fill(0x20);
        expect(event.rawBytes).toEqual(encoder.encode(DESTROY_BODY));
      });

      it('refuses a body that is not valid UTF-8 (malformed_body), so byte-distinct bodies never share a rawBody', async () => {
        // 0xff and 0xfe are never UTF-8; decoded with replacement both bodies would read `{"RoomId":"r\uFFFD"}`.
        for (const bytes of [bodyWith(0xff), bodyWith(0xfe), bodyWith(0xc3), bodyWith(0xed, 0xa0, 0x80)]) {
          await expectReason(verifyLiveCallback(postBytes(bytes), options), 'malformed_body', /not valid UTF-8/);
          const url = signedUrl('Live.CallbackAfterDestroyRoom');
          await expectReason(verifyLiveCallback({ url, body: bytes }, options), 'malformed_body', /not valid UTF-8/);
        }
        // A string with a lone surrogate has no UTF-8 encoding either.
        const url = signedUrl('Live.CallbackAfterDestroyRoom');
        await expectReason(verifyLiveCallback({ url, body: '{"RoomId":"r\uD800"}' }, options), 'malformed_body', /not valid UTF-8/);
      });

      it('refuses invalid UTF-8 only after the signature check: a forged one is refused for its signature, unread', async () => {
        const request = new Request(signedUrl('Live.CallbackAfterDestroyRoom', { token: 'forged' }), {
          method: 'POST',
          body: bodyWith(0xff) as BodyInit,
        });
        await expectReason(verifyLiveCallback(request, options), 'signature_mismatch');
        expect(request.bodyUsed).toBe(false);
      });

      it('parses a body behind a byte order mark, keeping the mark in rawBody and rawBytes, for every input form', async () => {
        const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(DESTROY_BODY)]);
        const url = signedUrl('Live.CallbackAfterDestroyRoom');
        for (const input of [postBytes(bytes), { url, body: bytes }, { url, body: `\uFEFF${DESTROY_BODY}` }]) {
          const event = await verifyLiveCallback(input, options);
          expect(event).toMatchObject({ known: true, rawBody: `\uFEFF${DESTROY_BODY}` });
          expect(event.rawBytes).toEqual(bytes);
        }
      });
    });

    it('says malformed_body only after the signature verified (or with tokens: null), malformed_request before it', async () => {
      const notJson = '{"RoomId":';
      // The body is as bad in every case; what was proven about the sender decides the reason.
      await expectReason(verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), notJson), options), 'malformed_body');
      const unsigned = callbackUrl({ SdkAppid: SDK_APP_ID, CallbackCommand: 'Live.CallbackAfterDestroyRoom' });
      await expectReason(verifyLiveCallback(post(unsigned, notJson), { sdkAppId: SDK_APP_ID, tokens: null }), 'malformed_body');
      await expectReason(
        verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom', { token: 'forged' }), notJson), options),
        'signature_mismatch',
      );
      const noAppId = new URL(signedUrl('Live.CallbackAfterDestroyRoom'));
      noAppId.searchParams.delete('SdkAppid');
      await expectReason(verifyLiveCallback(post(noAppId.href, notJson), options), 'malformed_request', /no SdkAppid/);
      await expectReason(
        verifyLiveCallback(post(`${signedUrl('Live.CallbackAfterDestroyRoom')}&SIGN=00`, notJson), options),
        'malformed_request',
        /repeats/,
      );
    });

    it.each([
      ['no room id', '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":"admin","RoomId":null}', /^RoomId: expected /],
      [
        'mistyped fields',
        DESTROY_BODY.replace('"EventTime":1669872112000', '"EventTime":"soon-secret-value"'),
        /EventTime: expected integer/,
      ],
    ])('returns an authentic body with %s as an untyped event with shapeIssues, not as a forgery', async (_name, body, issues) => {
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), body), options);
      if (event.known) throw new Error('expected an untyped event');
      expect(event).toMatchObject({
        command: 'Live.CallbackAfterDestroyRoom',
        signed: true,
        body: expect.objectContaining({ Operator_Account: 'admin' }),
        rawBody: body,
      });
      expect(event.shapeIssues).toMatch(issues);
      expect(event.shapeIssues).not.toContain('soon-secret-value');
    });

    it('still refuses a forged callback whose body also misses its schema', async () => {
      const body = '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","RoomId":"r"}';
      await expectReason(
        verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom', { token: 'forged' }), body), options),
        'signature_mismatch',
      );
    });
  });

  describe('events', () => {
    it('returns unknown commands as a generic event, not an error', async () => {
      const body = '{"CallbackCommand":"Live.CallbackAfterSomethingNew","Big":9007199254740993,"Nested":{"a":[1]}}';
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterSomethingNew'), body), options);
      expect(event).toMatchObject({
        known: false,
        command: 'Live.CallbackAfterSomethingNew',
        body: { Big: '9007199254740993', Nested: { a: [1] } },
      });
      expect(event).toHaveProperty('shapeIssues', undefined);
    });

    it('types loosely documented commands and lets their other fields through', async () => {
      const body = '{"RoomId":"r1","EventTime":1,"BattleId":"b1","BattleConfig":{"Duration":300}}';
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterStartBattle'), body), options);
      if (!event.known || event.command !== 'Live.CallbackAfterStartBattle') throw new Error('narrowing failed');
      expect(event.body.RoomId).toBe('r1');
      expect(event.body['BattleId']).toBe('b1');
    });

    it('parses the documented gift, member-state, owner and create-room bodies', async () => {
      const bodies = {
        'Live.CallbackBeforeSendGift':
          '{"CallbackCommand":"Live.CallbackBeforeSendGift","Operator_Account":"u1","RoomId":"r1","GiftWater":{"From_Account":"u1","To_Account":["u2"],"Time":1669872112,"GiftId":"rocket","Count":2,"Coins":200}}',
        'Live.CallbackAfterMemberStateChanged':
          '{"RoomId":"r1","EventType":"Online","EventCause":"Enter","MemberList":[{"Member_Account":"u1"},{"Member_Account":144115216631667826}],"EventTime":1669872112000}',
        'Live.CallbackAfterChangeOwner':
          '{"RoomId":"r1","EventTime":1,"Operator_Account":"admin","CurrentOwner_Account":"u2","OriginalOwner_Account":"u1"}',
        'Live.CallbackAfterCreateRoom':
          '{"Operator_Account":"u1","RoomInfo":{"RoomId":"r1","RoomName":"n","RoomType":"Live","Owner_Account":"u1","MaxMemberCount":1000,"IsMessageDisabled":false,"CustomInfo":"","IsSeatEnabled":true,"TakeSeatMode":"ApplyToTake","MaxSeatCount":8,"CreateTime":1669872112,"IsPublicVisible":true,"CoverURL":"https://c","Category":[1,2]},"EventTime":1669872112000}',
        'Live.CallbackAfterCloudRecordingChanged':
          '{"CallbackCommand":"Live.CallbackAfterCloudRecordingChanged","EventGroupId":3,"EventType":305,"CallbackTs":1752580150082,"EventInfo":{"RoomId":"635055","EventTs":1752580150,"EventMsTs":1752580150081,"UserId":"user1","TaskId":"-m9-bVVU7id","Payload":{"Status":0}}}',
      };
      const events = await Promise.all(
        Object.entries(bodies).map(([command, body]) => verifyLiveCallback(post(signedUrl(command), body), options)),
      );
      for (const event of events) {
        if (!event.known) throw new Error('expected known events');
        switch (event.command) {
          case 'Live.CallbackBeforeSendGift':
            expect(event.body.GiftWater?.Coins).toBe(200);
            expect(event.body.GiftWater?.To_Account).toEqual(['u2']);
            break;
          case 'Live.CallbackAfterMemberStateChanged':
            expect(event.body.MemberList?.map((member) => member.Member_Account)).toEqual(['u1', '144115216631667826']);
            break;
          case 'Live.CallbackAfterChangeOwner':
            expect(event.body.CurrentOwner_Account).toBe('u2');
            break;
          case 'Live.CallbackAfterCreateRoom':
            expect(event.body.RoomInfo.TakeSeatMode).toBe('ApplyToTake');
            expect(event.body.RoomInfo.Category).toEqual([1, 2]);
            expect(event.eventTime).toBe(1669872112000);
            break;
          case 'Live.CallbackAfterCloudRecordingChanged':
            expect(event.body.EventInfo).toMatchObject({ RoomId: '635055', Payload: { Status: 0 } });
            expect(event.eventTime).toBe(1752580150081);
            break;
          default:
            throw new Error(`unexpected ${event.command}`);
        }
      }
    });
  });

  describe('the documented variants of a body', () => {
    const roomInfo =
      '"RoomId":"tandy-test-rest","RoomName":"tandy-test-rest","RoomType":"Live","Owner_Account":"user3","MaxMemberCount":300';

    it.each([
      [
        'no EventTime at all (647/64422, the current zh/en/jp sample)',
        `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{${roomInfo}}}`,
        undefined,
      ],
      [
        'EventTime inside RoomInfo (647/110679)',
        `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{${roomInfo},"EventTime":1703589922780}}`,
        1703589922780,
      ],
      [
        'EventTime at the top level (647/110523)',
        `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":"admin","RoomInfo":{${roomInfo}},"EventTime":1703589922780}`,
        1703589922780,
      ],
    ])('types a Live.CallbackAfterCreateRoom with %s, with the time in eventTime', async (_name, body, eventTime) => {
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterCreateRoom'), body), options);
      if (!event.known || event.command !== 'Live.CallbackAfterCreateRoom')
        throw new Error(`expected a typed event, got ${JSON.stringify(event)}`);
      expect(event.body.RoomInfo.RoomId).toBe('tandy-test-rest');
      expect(event.eventTime).toBe(eventTime);
      expect(event.commandMismatch).toBeUndefined();
    });

    it('types a Live.CallbackAfterDestroyRoom whose RoomInfo has no RoomId, with its Statistic (1071/78184, 647/110524)', async () => {
      const body =
        '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":"admin","RoomId":"tandy-test-rest","EventType":"DestroyByUser","EventTime":1703589922780,' +
        '"RoomInfo":{"RoomName":"live name","RoomType":"Live","Owner_Account":144115216631667826,"ActivityStatus":0,"ViewCount":0,"IsUnlimitedRoomEnabled":true},' +
        '"Statistic":{"TotalViewers":0,"TotalGiftsSent":0,"TotalGiftCoins":0,"TotalUniqueGiftSenders":0,"TotalLikesReceived":0}}';
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterDestroyRoom'), body), options);
      if (!event.known || event.command !== 'Live.CallbackAfterDestroyRoom')
        throw new Error(`expected a typed event, got ${JSON.stringify(event)}`);
      expect(event.body.RoomId).toBe('tandy-test-rest');
      expect(event.body.RoomInfo).toMatchObject({ Owner_Account: '144115216631667826' });
      expect(event.body.RoomInfo).not.toHaveProperty('RoomId');
      expect(event.body.Statistic?.TotalViewers).toBe(0);
    });

    it('types a member kicked out (EventCause Kicked, 647/64413 of 2026-03)', async () => {
      const body =
        '{"CallbackCommand":"Live.CallbackAfterMemberStateChanged","RoomId":"room_id","EventType":"Offline","EventCause":"Kicked","MemberList":[{"Member_Account":"jared"}],"EventTime":1703589922780}';
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterMemberStateChanged'), body), options);
      if (!event.known || event.command !== 'Live.CallbackAfterMemberStateChanged') throw new Error('expected a typed event');
      expect(event.body.EventCause).toBe('Kicked');
    });

    it('types a room message whose EventTime is a string of digits (647/74347)', async () => {
      const body =
        '{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#2J4SZEAEL","Type":"Live","From_Account":"jared","EventTime":"1670574414123"}';
      const event = await verifyLiveCallback(post(signedUrl('Group.CallbackBeforeSendMsg'), body), options);
      if (!event.known || event.command !== 'Group.CallbackBeforeSendMsg') throw new Error('expected a typed event');
      expect(event.body.EventTime).toBe(1670574414123);
      expect(event.eventTime).toBe(1670574414123);
      expect(event.rawBody).toBe(body);
    });
  });

  describe('URL and body naming different commands', () => {
    const memberBody =
      '{"CallbackCommand":"Live.CallbackAfterMemberStateChanged","RoomId":"room_id","EventType":"Online","EventCause":"Enter","MemberList":[{"Member_Account":"jared"}],"EventTime":1703589922780}';

    it("hands over 647/64424's table spelling in the URL as the After… command, reporting the disagreement", async () => {
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackMemberStateChanged'), memberBody), options);
      expect(event).toMatchObject({
        known: true,
        command: 'Live.CallbackAfterMemberStateChanged',
        commandMismatch: { query: 'Live.CallbackMemberStateChanged', body: 'Live.CallbackAfterMemberStateChanged' },
        signed: true,
      });
    });

    it('takes the alias from the URL alone, or from the body alone, without a mismatch', async () => {
      const withoutCommand = memberBody.replace('"CallbackCommand":"Live.CallbackAfterMemberStateChanged",', '');
      const fromUrl = await verifyLiveCallback(post(signedUrl('Live.CallbackMemberStateChanged'), withoutCommand), options);
      expect(fromUrl).toMatchObject({ known: true, command: 'Live.CallbackAfterMemberStateChanged', commandMismatch: undefined });
      const url = new URL(signedUrl('x'));
      url.searchParams.delete('CallbackCommand');
      const fromBody = await verifyLiveCallback(
        post(url.href, memberBody.replace('CallbackAfterMemberStateChanged', 'CallbackMemberStateChanged')),
        options,
      );
      expect(fromBody).toMatchObject({ known: true, command: 'Live.CallbackAfterMemberStateChanged', commandMismatch: undefined });
    });

    it("types two different known commands by the body's (647/68223's table names SetMetadata for DelMetadata)", async () => {
      const body =
        '{"CallbackCommand":"Live.CallbackAfterDelMetadata","Operator_Account":"brennanli","RoomId":"live-room1111","Keys":["key1","key2"],"EventTime":1739966441121}';
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackAfterSetMetadata'), body), options);
      expect(event).toMatchObject({
        known: true,
        command: 'Live.CallbackAfterDelMetadata',
        commandMismatch: { query: 'Live.CallbackAfterSetMetadata', body: 'Live.CallbackAfterDelMetadata' },
        body: { Keys: ['key1', 'key2'] },
      });
    });

    it("keeps the URL's known command when the body names one tokenwire does not know", async () => {
      const event = await verifyLiveCallback(
        post(signedUrl('Live.CallbackAfterDestroyRoom'), '{"CallbackCommand":"Live.CallbackSomethingNew","RoomId":"r"}'),
        options,
      );
      expect(event).toMatchObject({
        known: true,
        command: 'Live.CallbackAfterDestroyRoom',
        commandMismatch: { query: 'Live.CallbackAfterDestroyRoom', body: 'Live.CallbackSomethingNew' },
      });
    });

    it("keeps the URL's command when neither is known", async () => {
      const event = await verifyLiveCallback(post(signedUrl('Live.CallbackNewA'), '{"CallbackCommand":"Live.CallbackNewB"}'), options);
      expect(event).toMatchObject({
        known: false,
        command: 'Live.CallbackNewA',
        commandMismatch: { query: 'Live.CallbackNewA', body: 'Live.CallbackNewB' },
        shapeIssues: undefined,
      });
    });

    it('reports a body CallbackCommand that is not a string as a shape issue, typed by the URL', async () => {
      const event = await verifyLiveCallback(
        post(signedUrl('Live.CallbackAfterDestroyRoom'), '{"CallbackCommand":7,"RoomId":"r"}'),
        options,
      );
      expect(event).toMatchObject({
        known: false,
        command: 'Live.CallbackAfterDestroyRoom',
        commandMismatch: undefined,
        shapeIssues: 'CallbackCommand: expected string',
      });
    });

    it('still refuses a mismatched callback that fails authentication', async () => {
      await expectReason(
        verifyLiveCallback(post(signedUrl('Live.CallbackMemberStateChanged', { token: 'forged' }), memberBody), options),
        'signature_mismatch',
      );
    });
  });

  it('validates its options', async () => {
    const request = post(signedUrl('Live.CallbackAfterDestroyRoom'), DESTROY_BODY);
    await expect(verifyLiveCallback(request, { sdkAppId: '1400000000', tokens: TOKEN } as never)).rejects.toThrow(ValidationError);
    await expect(verifyLiveCallback(request, { sdkAppId: SDK_APP_ID } as never)).rejects.toThrow(/tokens/);
    await expect(verifyLiveCallback(request, { ...options, toleranceSeconds: -1 })).rejects.toThrow(ValidationError);
    const typo = await verifyLiveCallback(request, { ...options, toleranceSecond: 300 } as never).catch((error: unknown) => error);
    expect(ValidationError.isInstance(typo)).toBe(true);
    expect((typo as ValidationError).issues).toEqual([
      expect.objectContaining({ path: 'toleranceSecond', message: expect.stringMatching(/not a known field/) }),
    ]);
    expect(request.bodyUsed).toBe(false);
  });
});
