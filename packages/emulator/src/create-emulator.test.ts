import { ValidationError } from '@tokenwire/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AICC, BASE, TENCENT, aiccLogin, sendBody, tencentCall, tencentUrl } from '../test/fixtures.js';
import { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
import type { EmulatedService } from './service.js';

/** A stateful fake upstream under `/fake/`: counts the requests it handled. */
function counterService(): EmulatedService & { readonly handled: number; readonly bodies: string[] } {
  let handled = 0;
  const bodies: string[] = [];
  return {
    get handled() {
      return handled;
    },
    bodies,
    async handle(request) {
      if (!new URL(request.url).pathname.startsWith('/fake/')) return undefined;
      handled++;
      bodies.push(await request.text());
      return Response.json({ handled }, { headers: { 'x-fake': 'yes' } });
    },
  };
}

/** A fake upstream that answers `/slow` after `delayMs`, or when the request aborts (then it throws). */
function slowService(delayMs: number): EmulatedService {
  return {
    async handle(request) {
      if (new URL(request.url).pathname !== '/slow') return undefined;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return new Response('slow');
    },
  };
}

const post = (path: string, body = '{}', init: RequestInit = {}): [string, RequestInit] => [
  `${BASE}${path}`,
  { method: 'POST', body, ...init },
];

const emulators: Emulator[] = [];
function make<const O extends EmulatorOptions>(options: O): Emulator<O> {
  const emulator = createEmulator(options);
  emulators.push(emulator as Emulator);
  return emulator;
}
afterEach(() => {
  for (const emulator of emulators.splice(0)) emulator.close();
  vi.useRealTimers();
});

/** The paths of the issues of the ValidationError that createEmulator throws for `options`. */
function issuesOf(options: unknown): string[] {
  try {
    createEmulator(options as EmulatorOptions);
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return (error as ValidationError).issues.map((issue) => issue.path);
  }
  throw new Error('expected a ValidationError');
}

describe('createEmulator: composition and routing', () => {
  it('sends Tencent paths to the Tencent service and AICC paths to the AICC service', async () => {
    const emulator = make({ tencent: TENCENT, aicc: AICC });
    const tencent = await tencentCall(emulator.fetch, 'get_callback');
    expect(tencent).toMatchObject({ status: 200, body: { ActionStatus: 'FAIL', ErrorCode: 100301 } });
    const { headers } = await aiccLogin(emulator.fetch);
    expect(emulator.state.aicc?.messageTokens.size).toBe(1);
    const sent = await emulator.fetch(...post('/apiaccess/ccmessaging/send', JSON.stringify(sendBody('user-1', 'CONNECT')), { headers }));
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ resultCode: '0' });
    expect(emulator.tencent.state.commandCounters['live_config/get_callback']?.requests).toBe(1);
  });

  it('answers 404 JSON for paths no service answers, and when a service is not configured', async () => {
    const emulator = make({ tencent: TENCENT });
    const response = await emulator.fetch(...post('/nowhere'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ error: 'not_found', message: 'No emulated service answers POST /nowhere' });
    expect((await emulator.fetch(...post('/apiaccess/ccmessaging/send'))).status).toBe(404);
    expect(emulator.aicc).toBeUndefined();
    expect(emulator.state).toEqual({ tencent: expect.any(Object) });
    expect((await createEmulator().fetch(`${BASE}/v4/live_config/get_callback`, { method: 'POST' })).status).toBe(404);
  });

  it('names a request in faults and the log the way the Tencent service reads its path', async () => {
    const emulator = make({ tencent: TENCENT, faults: [{ name: 'cut', route: 'live_config/get_callback', fault: 'drop-connection' }] });
    for (const path of ['get_callback/', 'get%5Fcallback']) {
      const url = tencentUrl('get_callback').replace('/get_callback?', `/${path}?`);
      const response = await emulator.fetch(url, { method: 'POST', body: '{}' });
      expect(await response.json()).toMatchObject({ ErrorCode: 60009 }); // not the command: no fault either
    }
    expect(emulator.faults.firedCount()).toBe(0);
    expect(emulator.log.entries().map((entry) => entry.route.name)).toEqual([
      '/v4/live_config/get_callback/',
      'live_config/get%5Fcallback',
    ]);
  });

  it('asks extra services after the built-in ones', async () => {
    const fake = counterService();
    const emulator = make({ tencent: TENCENT, services: [fake] });
    const response = await emulator.fetch(...post('/fake/one', 'hello'));
    expect(await response.json()).toEqual({ handled: 1 });
    expect(fake.bodies).toEqual(['hello']);
    await tencentCall(emulator.fetch, 'get_callback');
    expect(fake.handled).toBe(1);
  });

  it('takes the arguments of the global fetch and works unbound', async () => {
    const fake = counterService();
    const { fetch } = make({ services: [fake] });
    await fetch(`${BASE}/fake/a`);
    await fetch(new URL(`${BASE}/fake/b`), { method: 'PUT', body: 'x' });
    await fetch(new Request(`${BASE}/fake/c`, { method: 'POST', body: 'y' }));
    await fetch(new Request(`${BASE}/fake/d`), { headers: { 'x-extra': '1' } });
    await fetch('/fake/relative', { method: 'POST', body: 'z' });
    expect(fake.handled).toBe(5);
    expect(fake.bodies).toEqual(['', 'x', 'y', '', 'z']);
    await expect(fetch('not a url')).rejects.toThrow(TypeError);
  });

  it('hands services the injected clock (UserSig expiry is judged on it)', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = make({ tencent: TENCENT, now: () => now });
    const signedThen = tencentUrl('get_callback', { now: () => now });
    const call = () => emulator.fetch(signedThen, { method: 'POST', body: '{}' }).then((response) => response.json());
    expect(await call()).toMatchObject({ ErrorCode: 100301 });
    now += 200 * 24 * 3600 * 1000; // past the 180-day default validity
    expect(await call()).toMatchObject({ ErrorCode: 70001 });
    expect(emulator.log.last()?.time).toBe(now);
  });

  it('rejects bad options with a ValidationError naming the option, services included', () => {
    expect(issuesOf(null)).toEqual(['']);
    expect(issuesOf({ now: 5, faults: {}, requestLogLimit: -1, services: [{}] })).toEqual([
      'faults',
      'now',
      'requestLogLimit',
      'services.0',
    ]);
    expect(issuesOf({ tencent: { ...TENCENT, sdkAppId: 0 } })).toEqual(['tencent.sdkAppId']);
    expect(issuesOf({ aicc: { ...AICC, channels: [] } })).toEqual(['aicc.channels']);
    expect(issuesOf({ faults: [{ route: 'bad', fault: 'transient' }] })).toEqual(['faults.0.route']);
    expect(issuesOf({ cors: { origin: 3 } })).toEqual(['cors.origin']);
  });

  it('lists every bad option in one ValidationError instead of failing with a TypeError or accepting it', () => {
    expect(issuesOf({ aicc: null })).toEqual(['aicc']);
    expect(issuesOf({ tencent: 'app' })).toEqual(['tencent']);
    expect(issuesOf({ aicc: { ...AICC, fabricTokenPath: 5 } })).toEqual(['aicc.fabricTokenPath']);
    expect(issuesOf({ aicc: { ...AICC, agent: 'yes' } })).toEqual(['aicc.agent']);
    expect(issuesOf({ aicc: { ...AICC, agent: { nickname: 5, enabled: 'no' } } })).toEqual(['aicc.agent.enabled', 'aicc.agent.nickname']);
    expect(issuesOf({ cors: 'yes' })).toEqual(['cors']);
    expect(
      issuesOf({ aicc: null, tencent: { ...TENCENT, sdkAppId: 0 }, cors: 'yes', faults: [{ route: 'bad', fault: 'transient' }] }),
    ).toEqual(['tencent.sdkAppId', 'aicc', 'faults.0.route', 'cors']);
    expect(issuesOf({ faults: {}, cors: 1 })).toEqual(['faults', 'cors']);
  });

  it('answers 500 JSON when a service fails, without leaking secrets, and logs it', async () => {
    const broken: EmulatedService = {
      handle: () => Promise.reject(new Error(`exploded near ${TENCENT.secretKey}`)),
    };
    const emulator = make({ tencent: TENCENT, services: [broken] });
    const response = await emulator.fetch(...post('/anything'));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('emulator_error');
    expect(body.message).toContain('exploded near ***');
    expect(emulator.log.last()).toMatchObject({ outcome: 'error', status: 500, error: expect.stringContaining('***') });
    expect(JSON.stringify(emulator.log.entries())).not.toContain(TENCENT.secretKey);
  });

  it('rejects like fetch when the signal is aborted before or while the service answers', async () => {
    const emulator = make({ services: [slowService(1000)] });
    const aborted = new AbortController();
    aborted.abort();
    await expect(emulator.fetch(`${BASE}/slow`, { signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const controller = new AbortController();
    const pending = emulator.fetch(`${BASE}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(emulator.log.entries().map((entry) => entry.outcome)).toEqual(['aborted', 'aborted']);
    expect(emulator.log.last()?.status).toBeUndefined();
  });

  it('rejects a request whose body was already read, logging an error', async () => {
    const emulator = make({ services: [counterService()] });
    const request = new Request(`${BASE}/fake/x`, { method: 'POST', body: 'once' });
    await request.text();
    await expect(emulator.fetch(request)).rejects.toThrow(TypeError);
    expect(emulator.log.last()?.outcome).toBe('error');
  });

  it('draws every made-up identifier from the injected random source, so a seeded one repeats them exactly', async () => {
    /** mulberry32: a seeded source of uint32 values. */
    const seeded = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
    const run = async (random: () => number) => {
      const emulator = make({ tencent: TENCENT, aicc: AICC, random, now: () => Date.UTC(2026, 0, 1) });
      const requestId = (await tencentCall(emulator.fetch, 'get_callback')).body.RequestId;
      const fabric = await emulator.fetch(`${BASE}/apigovernance/api/oauth/tokenByAkSk`, {
        method: 'POST',
        body: JSON.stringify({ app_key: AICC.appKey, app_secret: AICC.appSecret }),
      });
      const { AccessToken, Scope } = (await fabric.json()) as { AccessToken: string; Scope: string };
      const headers = { authorization: `Bearer ${AccessToken}`, 'x-app-key': AICC.appKey };
      const applied = await emulator.fetch(
        ...post(
          '/apiaccess/ccmessaging/applyToken',
          JSON.stringify({ userId: 'u1', userName: 'U', channelId: AICC.channels[0], locale: 'en' }),
          { headers },
        ),
      );
      const { token } = (await applied.json()) as { token: string };
      const upload = await emulator.fetch(
        ...post('/apiaccess/ccmessaging/uploadFileStream', JSON.stringify({ fileType: 'png', fileStream: 'aGVsbG8=', channel: 'WEB' }), {
          headers: { ...headers, 'ccmessaging-token': token },
        }),
      );
      const { objectKey } = (await upload.json()) as { objectKey: string };
      const faulted = make({ tencent: TENCENT, random, faults: [{ route: '*', fault: 'transient' }] });
      const faultRequestId = (await tencentCall(faulted.fetch, 'get_callback')).body.RequestId;
      return { requestId, AccessToken, Scope, token, objectKey, faultRequestId };
    };
    const first = await run(seeded(7));
    expect(first.objectKey).toMatch(/^ccmessaging\/upload\/[0-9a-f]{32}\.png$/);
    expect(first.requestId).toMatch(/^Id-[0-9a-f]{32}-O-Seq-1$/);
    expect(await run(seeded(7))).toEqual(first);
    const other = await run(seeded(8));
    for (const key of Object.keys(first) as (keyof typeof first)[]) expect(other[key]).not.toEqual(first[key]);
  });

  it('answers 500 when the random source returns something that is not a uint32', async () => {
    const emulator = make({ tencent: TENCENT, random: Math.random });
    const response = await emulator.fetch(tencentUrl('get_callback'), { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'emulator_error', message: expect.stringContaining('random') });
    expect(() => createEmulator({ random: 5 } as never)).toThrow(ValidationError);
  });

  it('gives a fresh deep copy of the state on each read: changing it changes nothing', async () => {
    const emulator = make({ tencent: TENCENT, aicc: AICC });
    const { messageToken, headers } = await aiccLogin(emulator.fetch);
    await emulator.fetch(...post('/apiaccess/ccmessaging/send', JSON.stringify(sendBody('user-1', 'CONNECT')), { headers }));
    const before = JSON.stringify([...emulator.state.aicc!.messageTokens.values(), ...emulator.state.aicc!.sessionLog]);

    const state = emulator.state.aicc! as unknown as {
      messageTokens: Map<string, { expiresAt: number }>;
      sessions: Map<string, { status: string }>;
      sessionLog: unknown[];
      counters: { issuedMessageTokens: number };
    };
    expect(emulator.state.aicc).not.toBe(state);
    state.messageTokens.get(messageToken)!.expiresAt = 0;
    state.sessions.get('user-1')!.status = 'closed';
    state.sessionLog.length = 0;
    state.counters.issuedMessageTokens = 99;
    state.messageTokens.clear();

    const after = emulator.state.aicc!;
    expect(JSON.stringify([...after.messageTokens.values(), ...after.sessionLog])).toBe(before);
    expect(after.counters.issuedMessageTokens).toBe(1);
    expect(after.sessions.get('user-1')?.status).toBe('robot');
    const queue = await emulator.fetch(
      ...post('/apiaccess/ccmessaging/queryQueueInfo', JSON.stringify({ channel: 'WEB', userId: 'user-1' }), { headers }),
    );
    expect(queue.status).toBe(200); // the token still works
    expect(emulator.aicc.state.sessions.get('user-1')).toEqual(after.sessions.get('user-1'));
  });

  it('close() ends held AICC long polls with an empty answer', async () => {
    const emulator = make({ aicc: { ...AICC, pollHoldMs: 60_000 } });
    const { headers } = await aiccLogin(emulator.fetch);
    await emulator.fetch(...post('/apiaccess/ccmessaging/send', JSON.stringify(sendBody('user-1', 'CONNECT')), { headers }));
    // drain the robot's greeting so the next poll is held
    await emulator.fetch(`${BASE}/apiaccess/ccmessaging/poll?receiverId=user-1&channel=WEB`, { headers });
    const held = emulator.fetch(`${BASE}/apiaccess/ccmessaging/poll?receiverId=user-1&channel=WEB`, { headers });
    await new Promise((resolve) => setTimeout(resolve, 20));
    emulator.close();
    const response = await held;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ resultCode: '0' });
  });
});

describe('createEmulator: CORS', () => {
  const preflight = (path: string) =>
    new Request(`${BASE}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://page.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'ccmessaging-token',
      },
    });

  it('answers preflights itself, before services and faults', async () => {
    const fake = counterService();
    const emulator = make({ services: [fake], faults: [{ route: '*', fault: 'drop-connection' }] });
    const response = await emulator.fetch(preflight('/fake/x'));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('ccmessaging-token');
    expect(fake.handled).toBe(0);
    expect(emulator.faults.firedCount()).toBe(0);
    expect(emulator.log.last()).toMatchObject({ method: 'OPTIONS', status: 204, outcome: 'response', faults: [] });
  });

  it('adds CORS headers to service answers and to fault answers', async () => {
    const emulator = make({ aicc: AICC, cors: { origin: ['http://page.test'] } });
    const headers = { origin: 'http://page.test' };
    const answered = await emulator.fetch(...post('/apiaccess/ccmessaging/applyToken', '{}', { headers }));
    expect(answered.headers.get('access-control-allow-origin')).toBe('http://page.test');
    expect(answered.headers.get('access-control-expose-headers')).toBe('ccmessaging-token');
    expect(answered.headers.get('vary')).toContain('Origin');
    emulator.faults.add({ route: '*', fault: { kind: 'http-status', status: 503 } });
    const faulted = await emulator.fetch(...post('/apiaccess/ccmessaging/applyToken', '{}', { headers }));
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('access-control-allow-origin')).toBe('http://page.test');
  });

  it('leaves everything to the services with cors: false', async () => {
    const fake = counterService();
    const emulator = make({ services: [fake], cors: false });
    const response = await emulator.fetch(preflight('/fake/x'));
    expect(response.status).toBe(200);
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    expect(fake.handled).toBe(1);
  });
});

describe('createEmulator: faults', () => {
  it('adds latency, then lets the request through (state changes)', async () => {
    const emulator = make({
      tencent: TENCENT,
      faults: [{ name: 'slow', route: 'live_config/set_callback', fault: { kind: 'latency', delayMs: 60 } }],
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let settled = false;
    const calling = tencentCall(emulator.fetch, 'set_callback', {
      Url: 'https://hook.test/cb',
      CallbackCommandList: ['Live.CallbackAfterCreateRoom'],
    });
    calling.then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.advanceTimersByTimeAsync(59);
    expect(settled).toBe(false);
    expect(emulator.state.tencent?.callback).toBeUndefined(); // the service has not seen it yet
    await vi.advanceTimersByTimeAsync(1);
    const result = await calling;
    expect(result.body).toMatchObject({ ErrorCode: 0 });
    expect(emulator.state.tencent?.callback?.url).toBe('https://hook.test/cb');
    expect(emulator.log.last()).toMatchObject({ outcome: 'response', status: 200, faults: [{ name: 'slow' }] });
    expect(emulator.log.last()!.durationMs).toBe(60);
  });

  it('rejects when the signal aborts during added latency, and the service never sees it', async () => {
    const fake = counterService();
    const emulator = make({ services: [fake], faults: [{ route: '/fake/*', fault: { kind: 'latency', delayMs: 5000 } }] });
    const controller = new AbortController();
    const pending = emulator.fetch(`${BASE}/fake/x`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.handled).toBe(0);
    expect(emulator.log.last()?.outcome).toBe('aborted');
  });

  it.each([
    ['http-status', { kind: 'http-status', status: 502 }, 502],
    ['transient', { kind: 'transient', code: 60008 }, 200],
    ['rate-limit', { kind: 'rate-limit' }, 200],
    ['malformed-json', { kind: 'malformed-json' }, 200],
  ] as const)('answers a %s fault instead of the service', async (_name, fault, status) => {
    const emulator = make({ tencent: TENCENT, faults: [{ route: 'live_config/set_callback', fault }] });
    const response = await emulator.fetch(tencentUrl('set_callback'), {
      method: 'POST',
      body: JSON.stringify({ Url: 'https://hook.test', CallbackCommandList: [] }),
    });
    expect(response.status).toBe(status);
    const text = await response.text();
    if (fault.kind === 'transient') expect(JSON.parse(text)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60008 });
    if (fault.kind === 'rate-limit') expect(JSON.parse(text)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60018 });
    if (fault.kind === 'malformed-json' || fault.kind === 'http-status') expect(() => JSON.parse(text)).toThrow();
    expect(emulator.state.tencent?.callback).toBeUndefined();
    expect(emulator.state.tencent?.commandCounters).toEqual({});
    expect(emulator.log.last()).toMatchObject({ status, outcome: 'response', faults: [{ name: 'fault-1', fault }] });
  });

  it('drops the connection: fetch rejects with a TypeError and nothing changes', async () => {
    const emulator = make({ tencent: TENCENT, faults: [{ name: 'cut', route: 'live_config/*', fault: 'drop-connection' }] });
    const attempt = tencentCall(emulator.fetch, 'set_callback_token', { Token: 'tok-123456', IsTokenEnable: true });
    await expect(attempt).rejects.toThrow(TypeError);
    await expect(attempt).rejects.toThrow('fetch failed');
    expect(emulator.state.tencent?.callbackToken).toBeUndefined();
    expect(emulator.log.last()).toMatchObject({ outcome: 'dropped', faults: [{ name: 'cut' }] });
    expect(emulator.log.last()?.status).toBeUndefined();
  });

  it('stalls the body until the request signal aborts, without touching state', async () => {
    const emulator = make({ aicc: AICC, faults: [{ route: '/apiaccess/ccmessaging/applyToken', fault: 'stall-body' }] });
    const controller = new AbortController();
    const response = await emulator.fetch(`${BASE}/apiaccess/ccmessaging/applyToken`, {
      method: 'POST',
      body: '{}',
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reading = response.text();
    setTimeout(() => controller.abort(), 20);
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(emulator.state.aicc?.messageTokens.size).toBe(0);
    expect(emulator.log.last({ outcome: 'stalled' })).toMatchObject({ status: 200 });
  });

  it('fires on exactly the listed matching requests (sequence)', async () => {
    const emulator = make({
      tencent: TENCENT,
      faults: [{ name: 'seq', route: 'live_config/get_callback', fault: 'transient', sequence: [1, 3] }],
    });
    const codes: unknown[] = [];
    for (let index = 0; index < 4; index++) {
      await tencentCall(emulator.fetch, 'get_callback_token'); // other route: not counted
      codes.push((await tencentCall(emulator.fetch, 'get_callback')).body.ErrorCode);
    }
    expect(codes).toEqual([100001, 100301, 100001, 100301]);
    expect(emulator.faults.list()).toEqual([expect.objectContaining({ name: 'seq', matched: 4, fired: 2, exhausted: true })]);
  });

  it('fires on the next N matching requests (times), added at run time', async () => {
    const emulator = make({ tencent: TENCENT });
    await tencentCall(emulator.fetch, 'get_callback');
    const handle = emulator.faults.add({ route: 'live_config/get_callback', fault: { kind: 'rate-limit', code: 60007 }, times: 2 });
    const codes = [];
    for (let index = 0; index < 3; index++) codes.push((await tencentCall(emulator.fetch, 'get_callback')).body.ErrorCode);
    expect(codes).toEqual([60007, 60007, 100301]);
    expect(handle.fired).toBe(2);
    expect(emulator.faults.firedCount()).toBe(2);
  });

  it('fires by seeded probability, the same way for the same seed', async () => {
    const run = async (seed: number) => {
      const emulator = make({
        tencent: TENCENT,
        faults: [{ route: 'live_config/*', fault: { kind: 'http-status', status: 500 }, probability: 0.5, seed }],
      });
      const statuses = [];
      for (let index = 0; index < 24; index++)
        statuses.push((await emulator.fetch(tencentUrl('get_callback'), { method: 'POST', body: '{}' })).status);
      return statuses;
    };
    const first = await run(99);
    expect(await run(99)).toEqual(first);
    expect(await run(100)).not.toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('selects by predicate, and answers 500 when the predicate throws', async () => {
    const fake = counterService();
    const emulator = make({
      services: [fake],
      faults: [{ route: (request) => request.headers.get('x-fail') === 'yes', fault: { kind: 'http-status', status: 503 } }],
    });
    expect((await emulator.fetch(`${BASE}/fake/a`, { headers: { 'x-fail': 'yes' } })).status).toBe(503);
    expect((await emulator.fetch(`${BASE}/fake/b`)).status).toBe(200);
    emulator.faults.add({
      name: 'body-reader',
      route: () => {
        throw new Error('predicate bug');
      },
      fault: 'transient',
    });
    const response = await emulator.fetch(`${BASE}/fake/c`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'emulator_error', message: expect.stringContaining('predicate bug') });
    expect(fake.handled).toBe(1);
  });

  it('lets a predicate read the body without consuming it for the service', async () => {
    const fake = counterService();
    const seen: string[] = [];
    const emulator = make({
      services: [fake],
      faults: [
        {
          route: (request) => {
            void request.text().then((text) => seen.push(text));
            return false;
          },
          fault: 'transient',
        },
      ],
    });
    await emulator.fetch(`${BASE}/fake/a`, { method: 'POST', body: 'payload' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['payload']);
    expect(fake.bodies).toEqual(['payload']);
  });

  it('answers AICC routes in AICC shapes and changes nothing', async () => {
    const emulator = make({ aicc: AICC });
    const { headers } = await aiccLogin(emulator.fetch);
    emulator.faults.add({ route: '/apiaccess/ccmessaging/send', fault: 'transient', times: 1 });
    emulator.faults.add({ route: '/apigovernance/**', fault: 'rate-limit', times: 1 });
    const sent = await emulator.fetch(...post('/apiaccess/ccmessaging/send', JSON.stringify(sendBody('user-1', 'CONNECT')), { headers }));
    expect(await sent.json()).toEqual({ resultCode: '13', resultDesc: 'Exception appeared!' });
    expect(emulator.state.aicc?.sessions.size).toBe(0);
    const token = await emulator.fetch(
      ...post('/apigovernance/api/oauth/tokenByAkSk', JSON.stringify({ app_key: AICC.appKey, app_secret: AICC.appSecret })),
    );
    expect(token.status).toBe(429);
    expect(emulator.state.aicc?.accessTokens.size).toBe(1);
  });

  it('never lets any terminal fault change Tencent or AICC state', async () => {
    for (const fault of ['http-status', 'transient', 'rate-limit', 'malformed-json', 'drop-connection'] as const) {
      const emulator = make({ tencent: TENCENT, aicc: AICC, faults: [{ route: '*', fault }] });
      await tencentCall(emulator.fetch, 'set_callback', { Url: 'https://hook.test', CallbackCommandList: [] }).catch(() => undefined);
      await aiccLogin(emulator.fetch).catch(() => undefined);
      expect(emulator.state.tencent, fault).toEqual({ callback: undefined, callbackToken: undefined, commandCounters: {} });
      expect(emulator.state.aicc?.accessTokens.size, fault).toBe(0);
      expect(emulator.state.aicc?.messageTokens.size, fault).toBe(0);
      expect(emulator.faults.firedCount(), fault).toBe(emulator.log.size); // every request was faulted
    }
  });
});

describe('createEmulator: request log', () => {
  it('records method, redacted URL, route, status, duration, faults, headers and body', async () => {
    const emulator = make({ tencent: TENCENT, now: () => 1_700_000_000_000 });
    await tencentCall(emulator.fetch, 'set_callback', {
      Url: 'https://hook.test/cb',
      CallbackCommandList: ['Live.CallbackAfterCreateRoom'],
    });
    const entry = emulator.log.last()!;
    expect(entry).toMatchObject({
      sequence: 1,
      time: 1_700_000_000_000,
      method: 'POST',
      route: { kind: 'tencent', name: 'live_config/set_callback' },
      status: 200,
      outcome: 'response',
      faults: [],
      requestBody: { Url: 'https://hook.test/cb', CallbackCommandList: ['Live.CallbackAfterCreateRoom'] },
      requestHeaders: { 'content-type': 'application/json' },
      responseHeaders: { 'content-type': expect.stringContaining('application/json'), 'access-control-allow-origin': '*' },
    });
    expect(entry.url).toMatch(/usersig=\*\*\*&random=12345/);
    expect(entry.requestBodyBytes).toBeGreaterThan(20);
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    emulator.log.clear();
    expect(emulator.log.size).toBe(0);
  });

  it('never holds a secret: keys, UserSigs, tokens, AccessTokens, ccmessaging-tokens', async () => {
    const emulator = make({
      tencent: TENCENT,
      aicc: { ...AICC, messageTokenTtlSeconds: 600, rotateWithinSeconds: 600 },
      faults: [{ route: '/apiaccess/ccmessaging/queryQueueInfo', fault: 'drop-connection' }],
    });
    const callbackToken = 'callback-token-abcdef123456';
    await tencentCall(emulator.fetch, 'set_callback_token', { Token: callbackToken, IsTokenEnable: true });
    await tencentCall(emulator.fetch, 'get_callback_token');
    await tencentCall(emulator.fetch, 'set_callback', { Url: `https://hook.test/cb?echo=${callbackToken}`, CallbackCommandList: [] });
    const userSigUrl = tencentUrl('get_callback');
    await emulator.fetch(userSigUrl, { method: 'POST', body: `not json ${TENCENT.secretKey}` });
    const { accessToken, messageToken, headers } = await aiccLogin(emulator.fetch);
    const sent = await emulator.fetch(...post('/apiaccess/ccmessaging/send', JSON.stringify(sendBody('user-1', 'CONNECT')), { headers }));
    const rotated = sent.headers.get('ccmessaging-token');
    expect(rotated).toBeTruthy(); // the token is within the rotation window: a successor came back
    await emulator.fetch(...post('/apiaccess/ccmessaging/queryQueueInfo', '{}', { headers })).catch(() => undefined);
    await emulator.fetch(
      ...post('/apiaccess/ccmessaging/send', JSON.stringify({ ...sendBody('user-1', 'CHAT', `my token is ${messageToken}`) }), { headers }),
    );

    const logged = JSON.stringify(emulator.log.entries());
    const userSig = new URL(userSigUrl).searchParams.get('usersig')!;
    for (const secret of [TENCENT.secretKey, userSig, callbackToken, AICC.appSecret, accessToken, messageToken, rotated!]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).toContain('***');
    const applyEntry = emulator.log.last({ route: '/apiaccess/ccmessaging/applyToken' })!;
    expect(applyEntry.requestHeaders.authorization).toBe('***');
    expect(emulator.log.last({ route: '/apigovernance/**' })!.requestBody).toMatchObject({ app_key: AICC.appKey, app_secret: '***' });
    expect(emulator.log.last({ route: 'live_config/set_callback_token' })!.requestBody).toEqual({ Token: '***', IsTokenEnable: true });
    expect(emulator.log.last({ outcome: 'dropped' })?.route.name).toBe('/apiaccess/ccmessaging/queryQueueInfo');
    expect(emulator.log.entries({ route: '/apiaccess/ccmessaging/send' })[0]?.responseHeaders?.['ccmessaging-token']).toBe('***');
  });

  it('still scrubs a callback token after it was rotated away', async () => {
    const emulator = make({ tencent: TENCENT });
    const oldToken = 'callback-token-old-0123456789';
    await tencentCall(emulator.fetch, 'set_callback_token', { Token: oldToken, IsTokenEnable: true });
    await tencentCall(emulator.fetch, 'set_callback_token', { Token: 'callback-token-new-9876543210', IsTokenEnable: true });
    await tencentCall(emulator.fetch, 'set_callback', { Url: `https://hook.test/cb?old=${oldToken}`, CallbackCommandList: [] });
    await tencentCall(emulator.fetch, 'delete_callback_token');
    await tencentCall(emulator.fetch, 'set_callback', { Url: `https://hook.test/cb?again=${oldToken}`, CallbackCommandList: [] });
    const logged = JSON.stringify(emulator.log.entries());
    expect(logged).not.toContain(oldToken);
    expect(logged).not.toContain('callback-token-new-9876543210');
  });

  it('forgets tokens long expired (the list of secrets stays bounded), but scrubs recently expired ones', async () => {
    let now = Date.UTC(2026, 0, 1);
    const emulator = make({ aicc: AICC, now: () => now });
    const first = await aiccLogin(emulator.fetch, 'user-1');
    const secrets = () => [...(emulator.aicc.secrets?.() ?? [])];
    expect(secrets()).toEqual([AICC.appSecret, first.accessToken, first.messageToken]);
    emulator.aicc.expireAccessTokens();
    emulator.aicc.expireMessageTokens();
    now += 30 * 60 * 1000;
    expect(secrets()).toEqual([AICC.appSecret, first.accessToken, first.messageToken]);
    now += 31 * 60 * 1000;
    const second = await aiccLogin(emulator.fetch, 'user-2');
    expect(secrets()).toEqual([AICC.appSecret, second.accessToken, second.messageToken]);
  });

  it('keeps only requestLogLimit entries', async () => {
    const emulator = make({ services: [counterService()], requestLogLimit: 2 });
    for (const path of ['a', 'b', 'c']) await emulator.fetch(`${BASE}/fake/${path}`);
    expect(emulator.log.entries().map((entry) => entry.route.path)).toEqual(['/fake/b', '/fake/c']);
  });
});
