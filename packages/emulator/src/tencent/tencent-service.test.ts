import { ValidationError, genUserSig } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import type { TencentEnvelopeBody } from './envelope-response.js';
import { REQUEST_ID_PATTERN } from './request-id.js';
import { createTencentService, type TencentServiceOptions } from './tencent-service.js';
import { createManualClock } from '../../../../tests/support/manual-clock.js';

const SDK_APP_ID = 1400000000;
const SECRET_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const ADMIN = 'administrator';
const START = Date.UTC(2025, 0, 1);

function setup(overrides: Partial<TencentServiceOptions> = {}) {
  const clock = createManualClock(START);
  const { now } = clock;
  const service = createTencentService({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: [ADMIN], ...overrides }, { now });
  const adminSig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: ADMIN, now });
  return {
    service,
    adminSig,
    advance: clock.advance,
    /** Builds a call; `query` entries replace the defaults, `undefined` removes one. */
    request(path: string, options: { query?: Record<string, string | undefined>; body?: string | null; method?: string } = {}) {
      const query: Record<string, string | undefined> = {
        sdkappid: String(SDK_APP_ID),
        identifier: ADMIN,
        usersig: adminSig,
        random: '12345',
        contenttype: 'json',
        ...options.query,
      };
      const search = Object.entries(query)
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
        .join('&');
      const method = options.method ?? 'POST';
      const body = options.body === undefined ? '{}' : options.body;
      return new Request(`https://console.tim.qq.com${path}?${search}`, {
        method,
        ...(body === null || method === 'GET' || method === 'HEAD' ? {} : { body }),
      });
    },
  };
}

async function envelopeOf(response: Response | undefined): Promise<TencentEnvelopeBody> {
  expect(response).toBeDefined();
  expect(response!.status).toBe(200);
  expect(response!.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response!.json()) as TencentEnvelopeBody;
}

async function codeOf(response: Response | undefined): Promise<number> {
  return (await envelopeOf(response)).ErrorCode;
}

describe('createTencentService: options', () => {
  const valid: TencentServiceOptions = { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: [ADMIN] };
  it.each([
    ['sdkAppId 0', { sdkAppId: 0 }, 'sdkAppId'],
    ['sdkAppId beyond uint32', { sdkAppId: 4294967296 }, 'sdkAppId'],
    ['sdkAppId fraction', { sdkAppId: 1.5 }, 'sdkAppId'],
    ['empty secretKey', { secretKey: '' }, 'secretKey'],
    ['no admins', { admins: [] }, 'admins'],
    ['blank admin', { admins: [''] }, 'admins.0'],
    ['rate limit 0', { rateLimitPerSecond: 0 }, 'rateLimitPerSecond'],
    ['rate limit fraction', { rateLimitPerSecond: 1.5 }, 'rateLimitPerSecond'],
    ['negative timeout', { callbackTimeoutMs: -1 }, 'callbackTimeoutMs'],
    ['fetch not a function', { callbackFetch: 'nope' as unknown as typeof fetch }, 'callbackFetch'],
  ])('rejects %s', (_name, override, path) => {
    let thrown: unknown;
    try {
      createTencentService({ ...valid, ...override }, { now: () => START });
    } catch (error) {
      thrown = error;
    }
    expect(ValidationError.isInstance(thrown)).toBe(true);
    expect((thrown as ValidationError).issues.map((issue) => issue.path)).toEqual([path]);
    expect((thrown as Error).message).not.toContain(SECRET_KEY);
  });

  it('accepts a disabled rate limit', () => {
    expect(() => createTencentService({ ...valid, rateLimitPerSecond: false }, { now: () => START })).not.toThrow();
  });
});

describe('createTencentService: routing', () => {
  it.each(['/', '/v4', '/v5/live_config/get_callback', '/apigovernance/api/oauth/tokenByAkSk'])(
    'leaves %s to other services',
    async (path) => {
      const { service, request } = setup();
      expect(await service.handle(request(path))).toBeUndefined();
    },
  );

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('answers %s with 60002 (POST only)', async (method) => {
    const { service, request } = setup();
    const envelope = await envelopeOf(await service.handle(request('/v4/live_config/get_callback', { method })));
    expect(envelope).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
    expect(envelope.ErrorInfo).toContain('POST');
    expect(envelope.RequestId).toMatch(REQUEST_ID_PATTERN);
  });

  it('checks the method before the resource', async () => {
    const { service, request } = setup();
    expect(await codeOf(await service.handle(request('/v4/nope/nope', { method: 'GET' })))).toBe(60002);
  });

  it.each([
    '/v4/',
    '/v4/live_config',
    '/v4/live_config/',
    '/v4/livee_config/get_callback',
    '/v4/im_open_login_svc/account_import',
    '/v4/live_config/get_callbacks',
    '/v4/live_config/toString',
    '/v4/live_config/__proto__',
    '/v4/live_config/get_callback/extra',
    '/v4/LIVE_CONFIG/get_callback',
  ])('answers the unknown resource %s with 60009', async (path) => {
    const { service, request } = setup();
    const envelope = await envelopeOf(await service.handle(request(path)));
    expect(envelope).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60009 });
  });

  it('checks the resource before the query', async () => {
    const { service, request } = setup();
    const response = await service.handle(request('/v4/live_config/nope', { query: { sdkappid: undefined, usersig: 'bad' } }));
    expect(await codeOf(response)).toBe(60009);
  });
});

describe('createTencentService: query checks, in the order of the real service', () => {
  const path = '/v4/live_config/get_callback';

  it.each<[string, Record<string, string | undefined>, number, string]>([
    ['missing sdkappid (and a bad usersig)', { sdkappid: undefined, usersig: 'garbage' }, 60012, 'sdkappid'],
    ['empty sdkappid', { sdkappid: '' }, 60012, 'sdkappid'],
    ['sdkappid spelled SdkAppId (names are case-sensitive)', { sdkappid: undefined, SdkAppId: String(SDK_APP_ID) }, 60012, 'sdkappid'],
    ['non-numeric sdkappid (and no identifier)', { sdkappid: 'abc', identifier: undefined }, 60006, 'SDKAppID'],
    ['negative sdkappid', { sdkappid: '-1400000000' }, 60006, 'SDKAppID'],
    ['fractional sdkappid', { sdkappid: '1400000000.0' }, 60006, 'SDKAppID'],
    ['hex sdkappid', { sdkappid: '0x10' }, 60006, 'SDKAppID'],
    ['another app (and no identifier)', { sdkappid: '1400000001', identifier: undefined }, 70020, '1400000001'],
    ['missing identifier (and no usersig)', { identifier: undefined, usersig: undefined }, 60010, 'admin'],
    ['identifier not an admin', { identifier: 'alice' }, 60010, 'admin'],
    ['identifier in another case', { identifier: 'Administrator' }, 60010, 'admin'],
    ['missing usersig (and no random)', { usersig: undefined, random: undefined }, 70002, 'UserSig'],
    ['empty usersig', { usersig: '' }, 70002, 'UserSig'],
    ['unparsable usersig', { usersig: 'not-a-usersig' }, 70003, ''],
    ['missing random (and a wrong contenttype)', { random: undefined, contenttype: 'xml' }, 60002, 'random'],
    ['empty random', { random: '' }, 60002, 'random'],
    ['negative random', { random: '-1' }, 60002, 'random'],
    ['random beyond uint32', { random: '4294967296' }, 60002, 'random'],
    ['fractional random', { random: '1.0' }, 60002, 'random'],
    ['random with a sign', { random: '+1' }, 60002, 'random'],
    ['random with an exponent', { random: '1e3' }, 60002, 'random'],
    ['missing contenttype', { contenttype: undefined }, 60002, 'contenttype'],
    ['contenttype in upper case', { contenttype: 'JSON' }, 60002, 'contenttype'],
    ['contenttype xml', { contenttype: 'xml' }, 60002, 'contenttype'],
  ])('%s → %i', async (_name, query, code, infoMentions) => {
    const { service, request } = setup();
    const envelope = await envelopeOf(await service.handle(request(path, { query, body: 'not json' })));
    expect(envelope.ActionStatus).toBe('FAIL');
    expect(envelope.ErrorCode).toBe(code);
    expect(envelope.ErrorInfo).toContain(infoMentions);
    expect(envelope.RequestId).toMatch(REQUEST_ID_PATTERN);
  });

  it.each(['0', '4294967295', '007'])('accepts random=%s', async (random) => {
    const { service, request } = setup();
    expect(await codeOf(await service.handle(request(path, { query: { random } })))).toBe(100301);
  });

  it('answers 70003 for a truncated UserSig and never echoes it', async () => {
    const { service, request, adminSig } = setup();
    const truncated = adminSig.slice(0, 40);
    const envelope = await envelopeOf(await service.handle(request(path, { query: { usersig: truncated } })));
    expect(envelope.ErrorCode).toBe(70003);
    expect(envelope.ErrorInfo).not.toContain(truncated);
  });

  it('answers 70001 for an expired UserSig', async () => {
    const { service, request } = setup();
    const usersig = genUserSig({
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      identifier: ADMIN,
      expireSeconds: 60,
      now: () => START - 61_000,
    });
    expect(await codeOf(await service.handle(request(path, { query: { usersig } })))).toBe(70001);
  });

  it('accepts a UserSig until its last second and answers 70001 once the clock passes it', async () => {
    const { service, request, advance } = setup();
    const usersig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: ADMIN, expireSeconds: 60, now: () => START });
    advance(60_000);
    expect(await codeOf(await service.handle(request(path, { query: { usersig } })))).toBe(100301);
    advance(1_000);
    expect(await codeOf(await service.handle(request(path, { query: { usersig } })))).toBe(70001);
  });

  it('answers 70009 for a UserSig signed with another key, without leaking either key', async () => {
    const { service, request } = setup();
    const otherKey = 'another-secret-key-of-another-app';
    const usersig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: otherKey, identifier: ADMIN, now: () => START });
    const envelope = await envelopeOf(await service.handle(request(path, { query: { usersig } })));
    expect(envelope.ErrorCode).toBe(70009);
    expect(envelope.ErrorInfo).not.toContain(otherKey);
    expect(envelope.ErrorInfo).not.toContain(SECRET_KEY);
  });

  it('answers 70013 for a UserSig of another admin', async () => {
    const { service, request } = setup({ admins: [ADMIN, 'operator'] });
    const usersig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'operator', now: () => START });
    expect(await codeOf(await service.handle(request(path, { query: { usersig } })))).toBe(70013);
    // …which the other admin may use
    expect(await codeOf(await service.handle(request(path, { query: { usersig, identifier: 'operator' } })))).toBe(100301);
  });

  it('answers 70014 for a UserSig of another app', async () => {
    const { service, request } = setup();
    const usersig = genUserSig({ sdkAppId: 1400000001, secretKey: SECRET_KEY, identifier: ADMIN, now: () => START });
    expect(await codeOf(await service.handle(request(path, { query: { usersig } })))).toBe(70014);
  });
});

describe('createTencentService: body', () => {
  const path = '/v4/live_config/get_callback';

  it.each([
    ['an empty body', ''],
    ['no body at all', null],
    ['text', 'hello'],
    ['truncated JSON', '{"Url":'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"{}"'],
    ['a JSON number', '42'],
  ])('answers %s with 60003', async (_name, body) => {
    const { service, request } = setup();
    const envelope = await envelopeOf(await service.handle(request(path, { body })));
    expect(envelope).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60003 });
  });

  it('accepts {} and whitespace around it', async () => {
    const { service, request } = setup();
    expect(await codeOf(await service.handle(request(path, { body: ' \n{}\n ' })))).toBe(100301);
  });
});

describe('createTencentService: envelope and RequestId', () => {
  it('answers success with an empty ErrorInfo and a RequestId in the real format, one sequence per service', async () => {
    const { service, request } = setup();
    const first = await envelopeOf(await service.handle(request('/v4/live_config/delete_callback')));
    const second = await envelopeOf(await service.handle(request('/v4/live_config/nope')));
    const third = await envelopeOf(await service.handle(request('/v4/live_config/delete_callback', { query: { random: 'x' } })));
    expect(first).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RequestId: expect.stringMatching(REQUEST_ID_PATTERN) });
    expect(Object.keys(first)).not.toContain('Response');
    const sequences = [first, second, third].map((envelope) => Number(envelope.RequestId.split('-Seq-')[1]));
    expect(sequences).toEqual([1, 2, 3]);
    expect(new Set([first, second, third].map((envelope) => envelope.RequestId.slice(3, 35))).size).toBe(3);
  });
});

describe('createTencentService: rate limit', () => {
  const path = '/v4/live_config/delete_callback';

  it('admits 200 requests per command per second, answers the 201st with 60007 and admits again a second later', async () => {
    const { service, request, advance } = setup();
    for (let index = 0; index < 200; index++) {
      expect(await codeOf(await service.handle(request(path)))).toBe(0);
      if (index % 50 === 49) advance(100); // spread over 400 ms, all inside one window
    }
    const limited = await envelopeOf(await service.handle(request(path)));
    expect(limited).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60007 });
    // another command has its own budget
    expect(await codeOf(await service.handle(request('/v4/live_config/delete_callback_token')))).toBe(0);
    advance(599); // 999 ms after the first request: still full
    expect(await codeOf(await service.handle(request(path)))).toBe(60007);
    advance(1); // the first 50 requests leave the window
    expect(await codeOf(await service.handle(request(path)))).toBe(0);
    expect(service.state.commandCounters['live_config/delete_callback']).toEqual({
      requests: 203,
      succeeded: 201,
      failed: 2,
      rateLimited: 2,
    });
  });

  it('changes nothing for a rate-limited request', async () => {
    const { service, request } = setup({ rateLimitPerSecond: 1 });
    const body = JSON.stringify({ Url: 'https://receiver.example/cb', CallbackCommandList: [] });
    expect(await codeOf(await service.handle(request('/v4/live_config/set_callback', { body: '{}' })))).toBe(100002);
    expect(await codeOf(await service.handle(request('/v4/live_config/set_callback', { body })))).toBe(60007);
    expect(service.state.callback).toBeUndefined();
  });

  it('does not count requests that fail authentication', async () => {
    const { service, request } = setup({ rateLimitPerSecond: 2 });
    for (let index = 0; index < 5; index++) {
      expect(await codeOf(await service.handle(request(path, { query: { usersig: 'bad' } })))).toBe(70003);
    }
    expect(await codeOf(await service.handle(request(path)))).toBe(0);
    expect(await codeOf(await service.handle(request(path)))).toBe(0);
    expect(await codeOf(await service.handle(request(path)))).toBe(60007);
  });

  it('checks the rate limit before the body', async () => {
    const { service, request } = setup({ rateLimitPerSecond: 1 });
    expect(await codeOf(await service.handle(request(path)))).toBe(0);
    expect(await codeOf(await service.handle(request(path, { body: 'not json' })))).toBe(60007);
  });

  it('can be turned off', async () => {
    const { service, request } = setup({ rateLimitPerSecond: false });
    for (let index = 0; index < 300; index++) expect(await codeOf(await service.handle(request(path)))).toBe(0);
  });
});

describe('createTencentService: counters and state snapshots', () => {
  it('counts requests per command by outcome', async () => {
    const { service, request } = setup();
    await service.handle(request('/v4/live_config/get_callback'));
    await service.handle(request('/v4/live_config/get_callback', { query: { usersig: '' } }));
    await service.handle(request('/v4/live_config/delete_callback'));
    await service.handle(request('/v4/live_config/nope'));
    expect(service.state.commandCounters).toEqual({
      'live_config/get_callback': { requests: 2, succeeded: 0, failed: 2, rateLimited: 0 },
      'live_config/delete_callback': { requests: 1, succeeded: 1, failed: 0, rateLimited: 0 },
    });
  });

  it('hands out copies: changing a snapshot changes nothing', async () => {
    const { service, request } = setup();
    const body = JSON.stringify({ Url: 'https://receiver.example/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] });
    await service.handle(request('/v4/live_config/set_callback', { body }));
    const snapshot = service.state;
    (snapshot.callback!.commands as string[]).push('Live.CallbackAfterDestroyRoom');
    (snapshot.commandCounters as Record<string, unknown>)['live_config/set_callback'] = undefined;
    expect(service.state.callback).toEqual({ url: 'https://receiver.example/cb', commands: ['Live.CallbackAfterCreateRoom'] });
    expect(service.state.commandCounters['live_config/set_callback']?.succeeded).toBe(1);
  });
});
