// The AICC gateway inside real workerd, driven by @tokenwire/aicc-messaging's browser-side gateway client, with the
// worker's outbound fetches routed to the emulated AICC.
import { createAiccGatewayClient, createAiccSession, type AiccSession, type MessageTokenChange } from '@tokenwire/aicc-messaging';
import { createEmulator, type Emulator } from '@tokenwire/emulator';
import { serveEmulator } from '@tokenwire/emulator/serve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AICC_BINDINGS, APP_KEY, APP_SECRET, CHANNEL } from './support/aicc-app.js';
import { bearer, JWT_SECRET } from './support/user-jwt.js';
import { startWorker, waitForLog, type WorkerHarness } from './support/workerd.js';

const GATEWAY = 'https://edge.test';
const BINDINGS = { ...AICC_BINDINGS, ALLOWED_ORIGINS: 'https://app.example.test' };

/** An emulated AICC whose clock the test can move forward. */
function createAicc(): { emulator: Emulator; advance(milliseconds: number): void } {
  let offset = 0;
  const emulator = createEmulator({
    aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL, 'web-channel-2'], pollHoldMs: 200 },
    now: () => Date.now() + offset,
  });
  return {
    emulator,
    advance(milliseconds) {
      offset += milliseconds;
    },
  };
}

let aicc: ReturnType<typeof createAicc>;
let worker: WorkerHarness;
/** Every answer the browser side got, to check no secret ever reached it. */
const seenByBrowser: string[] = [];

beforeAll(async () => {
  aicc = createAicc();
  worker = await startWorker({ bindings: BINDINGS, outbound: (request) => aicc.emulator.fetch(request) });
}, 120_000);
afterAll(async () => {
  aicc?.emulator.close();
  await worker?.dispose();
});

/** The browser's fetch: to the worker in workerd, recording what came back. */
async function browserFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await worker.dispatch(new Request(input, init));
  const text = await response.clone().text();
  seenByBrowser.push(`${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${text}`);
  return response;
}

function browserSession(userId: string, onTokenChange?: (change: MessageTokenChange) => void): AiccSession {
  const client = createAiccGatewayClient({
    gatewayUrl: GATEWAY,
    getAuthorization: () => bearer(userId),
    fetch: browserFetch,
    retry: false,
  });
  return createAiccSession(client, {
    userId,
    userName: 'Ada',
    channelId: CHANNEL,
    locale: 'en',
    pollTimeoutMs: 5000,
    ...(onTokenChange ? { onTokenChange } : {}),
  });
}

const counters = () => aicc.emulator.state.aicc!.counters;

const call = (path: string, init: RequestInit & { user?: string | null } = {}) => {
  const { user = 'user-raw', ...rest } = init;
  const headers = new Headers(rest.headers);
  if (user !== null) headers.set('authorization', bearer(user));
  return worker.dispatch(new Request(`${GATEWAY}${path}`, { ...rest, headers }));
};

describe('round trip through the gateway', () => {
  it('connects, chats with the robot over the long poll and disconnects, with one AccessToken for everything', async () => {
    const changes: MessageTokenChange[] = [];
    const session = browserSession('user-1', (change) => changes.push(change));
    const issuedBefore = counters().issuedAccessTokens;
    await session.connect();
    await session.send('hello robot');
    const replies = [];
    for (let round = 0; round < 5 && replies.length < 2; round++) replies.push(...(await session.poll()).messages);
    expect(replies.map((message) => message.sourceType)).toContain('ROBOT');
    expect(changes).toEqual(['applied']);
    const history = aicc.emulator.state.aicc!.messages.get('user-1') ?? [];
    expect(history.some((message) => (message as { content?: string }).content === 'hello robot')).toBe(true);
    await session.disconnect();
    expect(counters().issuedAccessTokens - issuedBefore).toBe(1); // the isolate's first AICC call
    expect(counters().rejectedAccessTokens).toBe(0);
  });

  it('passes a rotated ccmessaging-token back, and recovers from an expired AccessToken with one refresh', async () => {
    const changes: MessageTokenChange[] = [];
    const session = browserSession('user-2', (change) => changes.push(change));
    await session.connect();
    const issuedBefore = counters().issuedAccessTokens;
    // 58 minutes later (AICC's clock): the ccmessaging-token is near expiry and the AccessToken (600 s) has expired.
    aicc.advance(58 * 60 * 1000);
    await session.send('still there?');
    expect(changes).toEqual(['applied', 'rotated']);
    expect(counters().rejectedAccessTokens).toBe(1); // the worker's cached AccessToken, refused once
    expect(counters().issuedAccessTokens).toBe(issuedBefore + 1); // refreshed once, then replayed
    await session.disconnect();
  });

  it('never lets the AK/SK or an AccessToken reach the browser', async () => {
    expect(seenByBrowser.length).toBeGreaterThan(5);
    const accessTokens = [...aicc.emulator.state.aicc!.accessTokens.keys()];
    expect(accessTokens.length).toBeGreaterThan(0);
    for (const answer of seenByBrowser) {
      for (const secret of [APP_SECRET, APP_KEY, ...accessTokens]) expect(answer).not.toContain(secret);
    }
  });

  it('shares one tokenByAkSk among concurrent first requests of a fresh isolate', async () => {
    const fresh = await startWorker({ bindings: BINDINGS, outbound: (request) => aicc.emulator.fetch(request) });
    try {
      const before = counters().issuedAccessTokens;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          fresh.dispatch(
            new Request(`${GATEWAY}/aicc/token`, {
              method: 'POST',
              headers: { authorization: bearer(`user-c${index}`), 'content-type': 'application/json' },
              body: JSON.stringify({ userName: 'C', channelId: CHANNEL, locale: 'en' }),
            }),
          ),
        ),
      );
      for (const answer of answers) expect(await answer.json()).toMatchObject({ resultCode: '0', token: expect.any(String) });
      expect(counters().issuedAccessTokens - before).toBe(1);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('POST /aicc/token', () => {
  const apply = (body: unknown, user: string | null = 'user-3') =>
    call('/aicc/token', { method: 'POST', user, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('applies for the JWT subject: userId defaults to it and AICC answers as it does', async () => {
    const response = await apply({ userName: 'Ada', channelId: CHANNEL, locale: 'en' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(aicc.emulator.state.aicc!.messageTokens.get(token)).toMatchObject({ userId: 'user-3', channelId: CHANNEL });
    const invalid = await apply({ userName: 'Ada', channelId: 'no-such-channel', locale: 'en' });
    expect(invalid.status).toBe(200);
    expect(await invalid.json()).toMatchObject({ resultCode: '1' });
    expect(invalid.headers.get('x-aicc-gateway-error')).toBeNull(); // AICC's answer, relayed
  });

  it('refuses another userId (403), a missing JWT (401), a non-object body (400), an oversized body (413), GET (405)', async () => {
    expect((await apply({ userId: 'someone-else', userName: 'Ada', channelId: CHANNEL, locale: 'en' })).status).toBe(403);
    const anonymous = await apply({ userName: 'Ada', channelId: CHANNEL, locale: 'en' }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-aicc-gateway-error')).toBe('unauthorized');
    expect((await call('/aicc/token', { method: 'POST', body: '[1,2]' })).status).toBe(400);
    const big = await apply({ userName: 'x'.repeat(17 * 1024), channelId: CHANNEL, locale: 'en' });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large' });
    const get = await call('/aicc/token');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('restricts channels to AICC_CHANNEL_IDS when set', async () => {
    const restricted = await startWorker({
      bindings: { ...BINDINGS, AICC_CHANNEL_IDS: CHANNEL },
      outbound: (request) => aicc.emulator.fetch(request),
    });
    try {
      const post = (channelId: string) =>
        restricted.dispatch(
          new Request(`${GATEWAY}/aicc/token`, {
            method: 'POST',
            headers: { authorization: bearer('user-4') },
            body: JSON.stringify({ userName: 'A', channelId, locale: 'en' }),
          }),
        );
      expect((await post(CHANNEL)).status).toBe(200);
      const other = await post('web-channel-2');
      expect(other.status).toBe(403);
      expect(await other.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining('channelId') });
    } finally {
      await restricted.dispose();
    }
  });
});

describe('/aicc/ccmessaging/*', () => {
  async function messageToken(user: string): Promise<string> {
    const response = await call('/aicc/token', {
      method: 'POST',
      user,
      body: JSON.stringify({ userName: 'U', channelId: CHANNEL, locale: 'en' }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  it('relays only the documented APIs with their method; applyToken only through /aicc/token', async () => {
    for (const path of [
      '/aicc/ccmessaging/deleteEverything',
      '/aicc/ccmessaging/applyToken',
      '/aicc/ccmessaging/v1/createClickToCall',
      '/aicc/ccmessaging/send/extra',
    ]) {
      const response = await call(path, { method: 'POST', body: '{}' });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    }
    const wrongMethod = await call('/aicc/ccmessaging/send');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it("relays AICC's own refusals (401 for a bad ccmessaging-token) as they are", async () => {
    const response = await call('/aicc/ccmessaging/poll?receiverId=user-raw&channel=WEB', { headers: { 'ccmessaging-token': 'forged' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-aicc-gateway-error')).toBeNull();
    expect(await response.json()).toMatchObject({ resultCode: '1' });
  });

  it('refuses calls naming another user (from, userId, callId, ?receiverId) with 403 before AICC sees them', async () => {
    const token = await messageToken('user-5');
    const asUser5 = { user: 'user-5', headers: { 'ccmessaging-token': token } };
    const requestsBefore = aicc.emulator.state.aicc!.requestsByPath.get('/apiaccess/ccmessaging/send') ?? 0;
    const cases: [string, RequestInit][] = [
      [
        '/aicc/ccmessaging/send',
        {
          method: 'POST',
          body: JSON.stringify({
            channel: 'WEB',
            controlType: 'CONNECT',
            from: 'user-6',
            to: CHANNEL,
            mediaType: 'TEXT',
            sourceType: 'CUSTOMER',
          }),
        },
      ],
      [
        '/aicc/ccmessaging/queryQueueInfo',
        { method: 'POST', body: JSON.stringify({ userId: 'user-6', channelConfigId: CHANNEL, channel: 'WEB' }) },
      ],
      [
        '/aicc/ccmessaging/doLeaveMessage',
        { method: 'POST', body: JSON.stringify({ callId: 'user-6', caller: '123', leaveMessage: 'hi', channel: 'WEB' }) },
      ],
      ['/aicc/ccmessaging/poll?receiverId=user-6&channel=WEB', { method: 'GET' }],
    ];
    for (const [path, init] of cases) {
      const response = await call(path, { ...init, ...asUser5 });
      expect(response.status, path).toBe(403);
      expect(await response.json()).toMatchObject({
        error: 'forbidden',
        message: expect.stringContaining('must be the authenticated user'),
      });
    }
    expect(aicc.emulator.state.aicc!.requestsByPath.get('/apiaccess/ccmessaging/send') ?? 0).toBe(requestsBefore);
    const own = await call('/aicc/ccmessaging/send', {
      ...asUser5,
      method: 'POST',
      body: JSON.stringify({
        channel: 'WEB',
        controlType: 'CONNECT',
        from: 'user-5',
        to: CHANNEL,
        mediaType: 'TEXT',
        sourceType: 'CUSTOMER',
      }),
    });
    expect(await own.json()).toMatchObject({ resultCode: '0' });
  });

  it('matches identity fields in any case or spelling, in the body and the query (receiverid=, UserID, user_id, callid)', async () => {
    const token = await messageToken('user-5');
    const asUser5 = { user: 'user-5', headers: { 'ccmessaging-token': token } };
    const cases: [string, RequestInit][] = [
      ['/aicc/ccmessaging/poll?receiverid=user-6&channel=WEB', { method: 'GET' }],
      ['/aicc/ccmessaging/poll?RECEIVERID=user-6&receiverId=user-5&channel=WEB', { method: 'GET' }],
      [
        '/aicc/ccmessaging/queryQueueInfo',
        { method: 'POST', body: JSON.stringify({ UserID: 'user-6', channelConfigId: CHANNEL, channel: 'WEB' }) },
      ],
      [
        '/aicc/ccmessaging/queryQueueInfo',
        { method: 'POST', body: JSON.stringify({ user_id: 'user-6', channelConfigId: CHANNEL, channel: 'WEB' }) },
      ],
      [
        '/aicc/ccmessaging/doLeaveMessage',
        { method: 'POST', body: JSON.stringify({ callid: 'user-6', caller: '123', leaveMessage: 'hi', channel: 'WEB' }) },
      ],
      ['/aicc/ccmessaging/send?from=user-6', { method: 'POST', body: JSON.stringify({ channel: 'WEB', from: 'user-5', to: CHANNEL }) }],
    ];
    for (const [path, init] of cases) {
      const response = await call(path, { ...init, ...asUser5 });
      expect(response.status, path).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'forbidden' });
    }
    const apply = await call('/aicc/token', {
      method: 'POST',
      user: 'user-5',
      body: JSON.stringify({ USERID: 'user-6', userName: 'U', channelId: CHANNEL, locale: 'en' }),
    });
    expect(apply.status).toBe(403);
  });

  it('relays the body it checked, re-serialised: of duplicate keys AICC gets only the one checked', async () => {
    const token = await messageToken('user-5');
    const relayed: string[] = [];
    const recording = await startWorker({
      bindings: BINDINGS,
      outbound: async (request) => {
        if (new URL(request.url).pathname.endsWith('/send')) relayed.push(await request.clone().text());
        return aicc.emulator.fetch(request);
      },
    });
    try {
      const duplicate = `{"channel":"WEB","controlType":"CONNECT","from":"user-6","from":"user-5","to":"${CHANNEL}","mediaType":"TEXT","sourceType":"CUSTOMER"}`;
      const response = await recording.dispatch(
        new Request(`${GATEWAY}/aicc/ccmessaging/send`, {
          method: 'POST',
          headers: { authorization: bearer('user-5'), 'ccmessaging-token': token },
          body: duplicate,
        }),
      );
      expect(await response.json()).toMatchObject({ resultCode: '0' });
      expect(relayed).toHaveLength(1);
      expect(relayed[0]).not.toContain('user-6');
      expect(JSON.parse(relayed[0]!)).toEqual({
        channel: 'WEB',
        controlType: 'CONNECT',
        from: 'user-5',
        to: CHANNEL,
        mediaType: 'TEXT',
        sourceType: 'CUSTOMER',
      });
    } finally {
      await recording.dispose();
    }
  });

  it('limits bodies: 16 KiB in general, 14 MiB for uploadFileStream, and uploads within the limit go through', async () => {
    const token = await messageToken('user-7');
    const headers = { 'ccmessaging-token': token };
    const big = await call('/aicc/ccmessaging/queryPhraseByKeyword', {
      method: 'POST',
      user: 'user-7',
      headers,
      body: JSON.stringify({ strContent: 'x'.repeat(20_000), locale: 'en', channel: 'WEB' }),
    });
    expect(big.status).toBe(413);
    const fileStream = Buffer.alloc(64 * 1024, 7).toString('base64');
    const upload = await call('/aicc/ccmessaging/uploadFileStream', {
      method: 'POST',
      user: 'user-7',
      headers,
      body: JSON.stringify({ fileType: 'txt', fileStream, channel: 'WEB' }),
    });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ returnCode: '0', objectKey: expect.any(String) });
    const huge = await call('/aicc/ccmessaging/uploadFileStream', {
      method: 'POST',
      user: 'user-7',
      headers,
      body: `{"fileType":"txt","channel":"WEB","fileStream":"${'A'.repeat(14.5 * 1024 * 1024)}"}`,
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers 400 for a body that is not a JSON object, 401 without a JWT', async () => {
    expect((await call('/aicc/ccmessaging/send', { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await call('/aicc/ccmessaging/send', { method: 'POST', body: '{}', user: null })).status).toBe(401);
  });
});

describe('upstream and configuration failures', () => {
  it('answers 502 upstream_unavailable when AICC drops the connection (over real sockets), without retrying', async () => {
    const served = await serveEmulator(aicc.emulator, { port: 0, hostname: '127.0.0.1' });
    const direct = await startWorker({ bindings: { ...BINDINGS, AICC_BASE_URL: served.url } }); // no outboundService: real fetch
    try {
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        direct.dispatch(
          new Request(`${GATEWAY}${path}`, {
            method: 'POST',
            headers: { authorization: bearer('user-9'), ...headers },
            body: JSON.stringify(body),
          }),
        );
      const { token } = (await (await post('/aicc/token', { userName: 'U', channelId: CHANNEL, locale: 'en' })).json()) as {
        token: string;
      };
      const connect = { channel: 'WEB', controlType: 'CONNECT', from: 'user-9', to: CHANNEL, mediaType: 'TEXT', sourceType: 'CUSTOMER' };
      expect(await (await post('/aicc/ccmessaging/send', connect, { 'ccmessaging-token': token })).json()).toMatchObject({
        resultCode: '0',
      });
      const rule = aicc.emulator.faults.add({ route: '/apiaccess/ccmessaging/send', fault: 'drop-connection', times: 1 });
      const response = await post(
        '/aicc/ccmessaging/send',
        { ...connect, controlType: 'CHAT', content: 'hi' },
        { 'ccmessaging-token': token },
      );
      expect(response.status).toBe(502);
      expect(response.headers.get('x-aicc-gateway-error')).toBe('upstream_unavailable');
      expect(rule.fired).toBe(1);
      expect(
        aicc.emulator.log.entries({ route: '/apiaccess/ccmessaging/send' }).filter((entry) => entry.outcome === 'dropped'),
      ).toHaveLength(1);
      expect(aicc.emulator.log.entries({ route: '/apiaccess/ccmessaging/send' }).at(-1)?.outcome).toBe('dropped'); // not retried
    } finally {
      await direct.dispose();
      await served.close();
    }
  });

  it('answers 502 when API Fabric refuses the AK/SK, without quoting them', async () => {
    const wrong = await startWorker({
      bindings: { ...BINDINGS, AICC_APP_SECRET: 'a-wrong-secret-value' },
      outbound: (request) => aicc.emulator.fetch(request),
    });
    try {
      const response = await wrong.dispatch(
        new Request(`${GATEWAY}/aicc/token`, {
          method: 'POST',
          headers: { authorization: bearer('user-8') },
          body: '{"userName":"A","channelId":"web-channel-1","locale":"en"}',
        }),
      );
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'upstream_unavailable' });
      expect(text).not.toContain('a-wrong-secret-value');
      const logs = await waitForLog(wrong, 'aicc.access_token_failed');
      for (const secret of ['a-wrong-secret-value', APP_KEY]) expect(logs).not.toContain(secret);
    } finally {
      await wrong.dispose();
    }
  });

  it('answers 500 misconfigured without naming the bindings, which it logs', async () => {
    const missing = await startWorker({ bindings: { USER_JWT_SECRET: JWT_SECRET, AICC_BASE_URL: 'ftp://aicc.test' } });
    try {
      const response = await missing.dispatch(
        new Request(`${GATEWAY}/aicc/token`, { method: 'POST', headers: { authorization: bearer('user-8') }, body: '{}' }),
      );
      expect(response.status).toBe(500);
      const { error, message } = (await response.json()) as { error: string; message: string };
      expect(error).toBe('misconfigured');
      expect(message).not.toContain('AICC_');
      const logs = await waitForLog(missing, 'AICC_APP_SECRET is not set');
      expect(logs).toContain('AICC_BASE_URL must be an absolute https URL');
      expect(logs).toContain('AICC_APP_KEY is not set');
    } finally {
      await missing.dispose();
    }
  });
});

describe('an AICC that speaks the developer guide', () => {
  it('starts a session on its bare { token } and renews both tokens when the long poll still gets 403 after the worker’s AccessToken refresh (devg-voip cec_05_1010)', async () => {
    const developerGuide = createEmulator({
      aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL], pollHoldMs: 200, dialect: 'developer-guide' },
    });
    const isolate = await startWorker({ bindings: BINDINGS, outbound: (request) => developerGuide.fetch(request) });
    try {
      const statuses: number[] = [];
      const client = createAiccGatewayClient({
        gatewayUrl: GATEWAY,
        getAuthorization: () => bearer('user-dg'),
        fetch: async (input, init) => {
          const request = new Request(input, init);
          const response = await isolate.dispatch(request);
          if (new URL(request.url).pathname.endsWith('/aicc/ccmessaging/poll')) statuses.push(response.status);
          return response;
        },
        retry: false,
      });
      const changes: MessageTokenChange[] = [];
      const session = createAiccSession(client, {
        userId: 'user-dg',
        userName: 'Ada',
        channelId: CHANNEL,
        locale: 'en',
        pollTimeoutMs: 5000,
        onTokenChange: (change) => changes.push(change),
      });
      await session.connect();
      await session.poll();
      developerGuide.aicc.expireAllTokens();
      developerGuide.aicc.pushMessage('user-dg', { content: 'Welcome back' });
      const { messages } = await session.poll();
      expect(messages.map((message) => message.content)).toEqual(['Welcome back']);
      expect(statuses).toEqual([200, 403, 200]);
      expect(changes).toEqual(['applied', 'applied']);
      // The worker refreshed its AccessToken once; the browser re-applied its ccmessaging-token once.
      expect(developerGuide.state.aicc!.counters).toMatchObject({ issuedAccessTokens: 2, issuedMessageTokens: 2 });
    } finally {
      developerGuide.close();
      await isolate.dispose();
    }
  });
});

describe('logs', () => {
  it('never contain the AK/SK, an AccessToken or a ccmessaging-token', () => {
    const state = aicc.emulator.state.aicc!;
    const secrets = [APP_KEY, APP_SECRET, ...state.accessTokens.keys(), ...state.messageTokens.keys()];
    expect(secrets.length).toBeGreaterThan(3);
    const logs = worker.logs.join('');
    for (const secret of secrets) expect(logs).not.toContain(secret);
  });
});
