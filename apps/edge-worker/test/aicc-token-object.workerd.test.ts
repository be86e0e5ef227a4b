// The AICC_TOKEN Durable Object inside real workerd (miniflare 3): one API Fabric AccessToken for two worker
// instances (two isolates, each with its own gateway handler), fetched once however many requests arrive at once,
// replaced once for both after AICC refuses it, never shown to a browser or a log.
import { createEmulator, type Emulator } from '@tokenwire/emulator';
import { Miniflare, type Request as MiniflareRequest, Response as MiniflareResponse } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerBundle } from './support/build-worker.js';
import { AICC_BINDINGS, APP_KEY, APP_SECRET, CHANNEL } from './support/aicc-app.js';
import { bearer } from './support/user-jwt.js';
import { COMPATIBILITY_DATE } from './support/workerd.js';

/** The emulated AICC, on a clock the test can move forward (workerd reads the real clock). */
let emulator: Emulator;
let offset = 0;
/** Everything workerd printed, and every answer the browser side got: no AccessToken may appear in either. */
const logs: string[] = [];
const answers: string[] = [];
const running = new Set<Miniflare>();

type WorkerName = 'edge-a' | 'edge-b';

async function outbound(request: MiniflareRequest): Promise<MiniflareResponse> {
  const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
  const answer = await emulator.fetch(
    new Request(request.url, { method: request.method, headers: [...request.headers] as [string, string][], body }),
  );
  return new MiniflareResponse(await answer.arrayBuffer(), { status: answer.status, headers: [...answer.headers] });
}

/** Two workers running the same bundle with the AICC bindings, sharing `AICC_TOKEN` (or not). */
async function start(options: { readonly durableObject: boolean; readonly bindings?: Record<string, string> }): Promise<Miniflare> {
  const worker = (name: WorkerName) => ({
    name,
    modules: true,
    scriptPath: workerBundle,
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: { ...AICC_BINDINGS, ...options.bindings },
    outboundService: outbound,
    ...(options.durableObject ? { durableObjects: { AICC_TOKEN: { className: 'AiccTokenObject', scriptName: 'edge-a' } } } : {}),
  });
  const mf = new Miniflare({
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    },
    workers: [worker('edge-a'), worker('edge-b')],
  });
  running.add(mf);
  await mf.ready;
  return mf;
}

async function stop(mf: Miniflare): Promise<void> {
  running.delete(mf);
  await mf.dispose();
}

/** A request to one of the two workers, answered as a Node `Response` (its text recorded). */
async function workerFetch(mf: Miniflare, worker: WorkerName, path: string, init: RequestInit = {}): Promise<Response> {
  const fetcher = (await mf.getWorker(worker)) as unknown as { fetch(url: string, init: RequestInit): Promise<Response> };
  const response = await fetcher.fetch(`https://edge.test${path}`, init);
  const text = await response.text();
  answers.push(`${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${text}`);
  return new Response(text, { status: response.status, headers: [...response.headers] as [string, string][] });
}

/** `POST /aicc/token` for `userId` at `worker`: the gateway needs the app's AccessToken for it. */
const applyToken = (mf: Miniflare, worker: WorkerName, userId: string) =>
  workerFetch(mf, worker, '/aicc/token', {
    method: 'POST',
    headers: { authorization: bearer(userId), 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'Ada', channelId: CHANNEL, locale: 'en_US' }),
  });

/** `count` token requests at once, spread over both workers; their statuses. */
async function burst(mf: Miniflare, count: number): Promise<number[]> {
  const requests = Array.from({ length: count }, (_, index) => applyToken(mf, index % 2 === 0 ? 'edge-a' : 'edge-b', `user-${index}`));
  return (await Promise.all(requests)).map((response) => response.status);
}

const counters = () => emulator.state.aicc!.counters;

beforeAll(() => {
  emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL] }, now: () => Date.now() + offset });
});
afterAll(async () => {
  await Promise.all([...running].map((mf) => mf.dispose()));
  emulator?.close();
});

describe('the AICC_TOKEN Durable Object', () => {
  it('says in /healthz where the AccessToken is kept', async () => {
    const shared = await start({ durableObject: true });
    try {
      const health = (await (await workerFetch(shared, 'edge-b', '/healthz')).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: 'ok', aiccAccessToken: 'durable_object' });
    } finally {
      await stop(shared);
    }
    const isolated = await start({ durableObject: false });
    try {
      expect(await (await workerFetch(isolated, 'edge-a', '/healthz')).json()).toMatchObject({ aiccAccessToken: 'memory' });
    } finally {
      await stop(isolated);
    }
  });

  it('makes one tokenByAkSk for many concurrent requests at two worker instances, and one replacement for both after a 403', async () => {
    const mf = await start({ durableObject: true });
    try {
      const issuedBefore = counters().issuedAccessTokens;
      expect(await burst(mf, 24)).toEqual(Array.from({ length: 24 }, () => 200));
      expect(counters().issuedAccessTokens - issuedBefore).toBe(1);
      // Both isolates now hold the token; more requests use their copies.
      expect(await burst(mf, 8)).toEqual(Array.from({ length: 8 }, () => 200));
      expect(counters().issuedAccessTokens - issuedBefore).toBe(1);

      // AICC stops accepting it (its clock passed the token's 600 s): the first 403 at edge-a replaces it in the
      // object; edge-b's 403 with its old copy finds it already replaced and takes the new one — one tokenByAkSk.
      offset += 601_000;
      const rejectedBefore = counters().rejectedAccessTokens;
      expect((await applyToken(mf, 'edge-a', 'user-late-a')).status).toBe(200);
      expect(counters().issuedAccessTokens - issuedBefore).toBe(2);
      expect((await applyToken(mf, 'edge-b', 'user-late-b')).status).toBe(200);
      expect(counters().issuedAccessTokens - issuedBefore).toBe(2);
      expect(counters().rejectedAccessTokens - rejectedBefore).toBe(2);
      expect(await burst(mf, 8)).toEqual(Array.from({ length: 8 }, () => 200));
      expect(counters().issuedAccessTokens - issuedBefore).toBe(2);
    } finally {
      await stop(mf);
    }
  });

  it('without the binding each worker instance fetches its own', async () => {
    const mf = await start({ durableObject: false });
    try {
      const issuedBefore = counters().issuedAccessTokens;
      expect(await burst(mf, 24)).toEqual(Array.from({ length: 24 }, () => 200));
      expect(counters().issuedAccessTokens - issuedBefore).toBe(2);
    } finally {
      await stop(mf);
    }
  });

  it('answers 502 at every instance when API Fabric refuses the AK/SK, logging the error name only', async () => {
    const wrongSecret = 'not-the-aicc-app-secret-0123456789';
    const mf = await start({ durableObject: true, bindings: { AICC_APP_SECRET: wrongSecret } });
    try {
      for (const worker of ['edge-a', 'edge-b'] as const) {
        const answer = await applyToken(mf, worker, 'user-refused');
        expect(answer.status).toBe(502);
        expect(await answer.json()).toMatchObject({ error: 'upstream_unavailable', message: expect.stringContaining('FabricAuthError') });
      }
      await expect.poll(() => logs.join('')).toContain('"event":"aicc.access_token_failed","error":"FabricAuthError"');
      expect(`${logs.join('')}\n${answers.join('\n')}`).not.toContain(wrongSecret);
    } finally {
      await stop(mf);
    }
  });

  it('never shows an AccessToken or the app secret to a browser or in a log', () => {
    const shown = `${logs.join('')}\n${answers.join('\n')}`;
    const tokens = [...emulator.state.aicc!.accessTokens.keys()];
    expect(tokens.length).toBe(4);
    for (const secret of [...tokens, APP_SECRET]) expect(shown).not.toContain(secret);
  });
});
