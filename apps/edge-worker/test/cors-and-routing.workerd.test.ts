// CORS for ALLOWED_ORIGINS, /healthz and unknown routes, inside real workerd.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_BINDINGS, CALLBACK_TOKEN } from './support/tencent-app.js';
import { bearer, JWT_SECRET } from './support/user-jwt.js';
import { startWorker, waitForLog, type WorkerHarness } from './support/workerd.js';

const ORIGIN = 'https://app.example.test';
const BASE = 'https://edge.test';
const BINDINGS = {
  ...CALLBACK_BINDINGS,
  FORWARD_URL: 'https://events.example.test/tencent',
  TENCENT_SECRET_KEY: 'tencent-secret-key-for-cors-tests-0123456789',
  USER_JWT_SECRET: JWT_SECRET,
  AICC_BASE_URL: 'https://aicc.emulator.test',
  AICC_APP_KEY: 'k',
  AICC_APP_SECRET: 's',
  ALLOWED_ORIGINS: `${ORIGIN}, https://admin.example.test:8443`,
};

let worker: WorkerHarness;
beforeAll(async () => {
  worker = await startWorker({ bindings: BINDINGS });
}, 120_000);
afterAll(async () => {
  await worker?.dispose();
});

const preflight = (path: string, origin: string, method = 'POST') =>
  worker.dispatch(
    new Request(`${BASE}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type, ccmessaging-token',
      },
    }),
  );

describe('CORS preflight', () => {
  it('allows configured origins on the browser routes with the methods and headers they need', async () => {
    for (const [path, method] of [
      ['/tencent/usersig', 'POST'],
      ['/aicc/token', 'POST'],
      ['/aicc/ccmessaging/send', 'POST'],
      ['/aicc/ccmessaging/poll', 'GET'],
    ] as const) {
      const response = await preflight(path, ORIGIN, method);
      expect(response.status, path).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(response.headers.get('access-control-allow-methods')).toBe(method);
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type, ccmessaging-token');
      expect(response.headers.get('access-control-max-age')).toBe('600');
      expect(response.headers.get('vary')).toContain('Origin');
    }
    expect((await preflight('/aicc/token', 'https://admin.example.test:8443')).status).toBe(204);
  });

  it('refuses other origins, other methods and unknown APIs, without CORS headers', async () => {
    const evil = await preflight('/aicc/token', 'https://evil.example.test');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const lookalike = await preflight('/aicc/token', 'https://app.example.test.evil.test');
    expect(lookalike.status).toBe(403);
    expect((await preflight('/aicc/ccmessaging/poll', ORIGIN, 'POST')).status).toBe(405);
    expect((await preflight('/aicc/ccmessaging/nothing', ORIGIN)).status).toBe(404);
  });
});

describe('CORS on answers', () => {
  it('lets an allowed origin read the answer and the ccmessaging-token header, also for errors', async () => {
    const response = await worker.dispatch(
      new Request(`${BASE}/tencent/usersig`, { method: 'POST', headers: { origin: ORIGIN, authorization: bearer('viewer-1') } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('ccmessaging-token, retry-after, x-aicc-gateway-error');
    expect(response.headers.get('vary')).toBe('Origin');
    const refused = await worker.dispatch(new Request(`${BASE}/aicc/token`, { method: 'POST', headers: { origin: ORIGIN } }));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('adds no Access-Control-Allow-Origin for other origins or without Origin, but always Vary: Origin', async () => {
    const other = await worker.dispatch(
      new Request(`${BASE}/tencent/usersig`, {
        method: 'POST',
        headers: { origin: 'https://evil.example.test', authorization: bearer('viewer-1') },
      }),
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toBe('Origin');
    const server = await worker.dispatch(
      new Request(`${BASE}/tencent/usersig`, { method: 'POST', headers: { authorization: bearer('viewer-1') } }),
    );
    expect(server.status).toBe(200);
    expect(server.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers * for ALLOWED_ORIGINS=*, and 500 misconfigured for an entry that is not an origin', async () => {
    const [any, broken] = await Promise.all([
      startWorker({ bindings: { ...BINDINGS, ALLOWED_ORIGINS: '*' } }),
      startWorker({ bindings: { ...BINDINGS, ALLOWED_ORIGINS: 'app.example.test/path' } }),
    ]);
    try {
      const anyAnswer = await any.dispatch(
        new Request(`${BASE}/aicc/token`, {
          method: 'OPTIONS',
          headers: { origin: 'https://x.test', 'access-control-request-method': 'POST' },
        }),
      );
      expect(anyAnswer.headers.get('access-control-allow-origin')).toBe('*');
      const brokenAnswer = await broken.dispatch(new Request(`${BASE}/tencent/usersig`, { method: 'POST' }));
      expect(brokenAnswer.status).toBe(500);
      expect(await brokenAnswer.json()).toMatchObject({ error: 'misconfigured', message: expect.not.stringContaining('ALLOWED_ORIGINS') });
      await waitForLog(broken, 'ALLOWED_ORIGINS must list origins');
    } finally {
      await Promise.all([any.dispose(), broken.dispose()]);
    }
  });
});

describe('routing', () => {
  it('GET /healthz reports which routes are ready, and no values', async () => {
    const response = await worker.dispatch(new Request(`${BASE}/healthz`));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      status: 'ok',
      routes: { tencentCallback: true, userSig: true, aiccGateway: true, cors: true },
      replayGuard: 'memory',
      aiccAccessToken: 'memory',
    });
    for (const secret of [CALLBACK_TOKEN, JWT_SECRET]) expect(text).not.toContain(secret);
    const empty = await startWorker({ bindings: {} });
    try {
      const misconfigured = 'misconfigured: a request to the route logs which bindings to fix';
      expect(await (await empty.dispatch(new Request(`${BASE}/healthz`))).json()).toEqual({
        status: 'ok',
        routes: { tencentCallback: false, userSig: false, aiccGateway: false, cors: true },
        replayGuard: 'memory',
        aiccAccessToken: 'memory',
        notReady: { tencentCallback: misconfigured, userSig: misconfigured, aiccGateway: misconfigured },
      });
    } finally {
      await empty.dispose();
    }
  });

  it('GET /healthz reports the callback route not ready, and why, when no event sink (EVENTS, FORWARD_URL) is configured', async () => {
    const noSink = await startWorker({ bindings: { ...CALLBACK_BINDINGS } });
    try {
      const text = await (await noSink.dispatch(new Request(`${BASE}/healthz`))).text();
      expect(JSON.parse(text)).toEqual({
        status: 'ok',
        routes: { tencentCallback: false, userSig: false, aiccGateway: false, cors: true },
        replayGuard: 'memory',
        aiccAccessToken: 'memory',
        notReady: {
          tencentCallback: 'no event sink is configured (bind EVENTS or set FORWARD_URL)',
          userSig: 'misconfigured: a request to the route logs which bindings to fix',
          aiccGateway: 'misconfigured: a request to the route logs which bindings to fix',
        },
      });
      expect(text).not.toContain(CALLBACK_TOKEN);
    } finally {
      await noSink.dispose();
    }
  });

  it('answers 404 JSON for unknown paths', async () => {
    for (const path of ['/', '/tencent', '/tencent/callback/extra', '/aicc', '/aicc/ccmessaging']) {
      const response = await worker.dispatch(new Request(`${BASE}${path}`, { method: 'POST' }));
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    }
  });
});
