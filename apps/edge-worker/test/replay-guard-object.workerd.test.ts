// The REPLAY_GUARD Durable Object inside real workerd (miniflare 3): one replay memory for every worker instance,
// kept in Durable Object storage across a restart (a new Miniflare on the same persisted storage).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare, type Request as MiniflareRequest, Response as MiniflareResponse } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerBundle } from './support/build-worker.js';
import { CALLBACK_BINDINGS, createRoomBody, createTencentApp, giftBody, type TencentApp } from './support/tencent-app.js';
import { COMPATIBILITY_DATE } from './support/workerd.js';

const FORWARD_URL = 'https://events.example.test/tencent';
const DECIDER_URL = 'https://gifts.example.test/decide';
const BINDINGS = { ...CALLBACK_BINDINGS, FORWARD_URL, BEFORE_GIFT_FORWARD_URL: DECIDER_URL };

/** Every request the workers sent out, by URL. */
const outbound: { url: string; body: string }[] = [];
const forwards = (roomId: string) => outbound.filter((entry) => entry.url === FORWARD_URL && entry.body.includes(roomId));
const decisions = () => outbound.filter((entry) => entry.url === DECIDER_URL);
/** While set, FORWARD_URL answers only once it resolves. */
let stallForwards: Promise<void> | undefined;

async function target(request: MiniflareRequest): Promise<MiniflareResponse> {
  const body = await request.text();
  outbound.push({ url: request.url, body });
  // The decider blocks every gift over 100 coins.
  if (request.url === DECIDER_URL) {
    const coins = (JSON.parse((JSON.parse(body) as { rawBody: string }).rawBody) as { GiftWater: { Coins: number } }).GiftWater.Coins;
    return MiniflareResponse.json(coins > 100 ? { ErrorCode: 7001, ErrorInfo: 'over the limit' } : { ErrorCode: 0, ErrorInfo: '' });
  }
  await stallForwards;
  return new MiniflareResponse('', { status: 202 });
}

/** Two workers running the same bundle — two instances, each with its own isolate memory — sharing REPLAY_GUARD. */
function start(persist: string, options: { readonly durableObject?: boolean } = {}): Miniflare {
  const durableObject = options.durableObject ?? true;
  const worker = (name: string) => ({
    name,
    modules: true,
    scriptPath: workerBundle,
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: BINDINGS,
    outboundService: target,
    ...(durableObject ? { durableObjects: { REPLAY_GUARD: { className: 'ReplayGuardObject', scriptName: 'edge-a' } } } : {}),
  });
  return new Miniflare({ durableObjectsPersist: persist, workers: [worker('edge-a'), worker('edge-b')] });
}

let app: TencentApp;
let persist: string;
const running = new Set<Miniflare>();

async function started(options?: { readonly durableObject?: boolean }): Promise<Miniflare> {
  const mf = start(persist, options);
  running.add(mf);
  await mf.ready;
  return mf;
}

async function stopped(mf: Miniflare): Promise<void> {
  running.delete(mf);
  await mf.dispose();
}

type WorkerName = 'edge-a' | 'edge-b';

/** A request to one of the two workers, answered as a Node `Response`. */
async function workerFetch(mf: Miniflare, worker: WorkerName, url: string, init: RequestInit = {}): Promise<Response> {
  const fetcher = (await mf.getWorker(worker)) as unknown as { fetch(url: string, init: RequestInit): Promise<Response> };
  const response = await fetcher.fetch(url, init);
  return new Response(await response.text(), { status: response.status, headers: [...response.headers] as [string, string][] });
}

/** Delivers a callback, signed for `requestTime` (default now), to one of the two workers. */
async function emit(mf: Miniflare, worker: WorkerName, command: string, body: unknown, requestTime?: number) {
  return app.emulator.tencent!.emitCallback(command as 'Live.CallbackAfterCreateRoom', body as string, {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      return workerFetch(mf, worker, request.url, {
        method: request.method,
        headers: [...request.headers] as [string, string][],
        body: await request.text(),
      });
    },
    ...(requestTime === undefined ? {} : { requestTime }),
  });
}

/** The HTTP status the worker answered a delivered callback with. */
const statusOf = (result: Awaited<ReturnType<typeof emit>>) => ('status' in result ? result.status : undefined);

async function health(mf: Miniflare, worker: WorkerName): Promise<Record<string, unknown>> {
  return (await workerFetch(mf, worker, 'https://edge.test/healthz')).json() as Promise<Record<string, unknown>>;
}

beforeAll(async () => {
  app = await createTencentApp();
  persist = mkdtempSync(join(tmpdir(), 'tokenwire-replay-guard-'));
});
afterAll(async () => {
  await Promise.all([...running].map((mf) => mf.dispose()));
  rmSync(persist, { recursive: true, force: true });
});

describe('the REPLAY_GUARD Durable Object', () => {
  it('says in /healthz which replay memory is active, and no values', async () => {
    const mf = await started();
    try {
      const answer = await health(mf, 'edge-b');
      expect(answer).toMatchObject({ status: 'ok', replayGuard: 'durable_object' });
      expect(JSON.stringify(answer)).not.toContain(CALLBACK_BINDINGS.TENCENT_CALLBACK_TOKEN);
    } finally {
      await stopped(mf);
    }
    const memoryOnly = await started({ durableObject: false });
    try {
      expect(await health(memoryOnly, 'edge-a')).toMatchObject({ replayGuard: 'memory' });
    } finally {
      await stopped(memoryOnly);
    }
  });

  it('delivers an event once across two worker instances: the repeat at the other instance is answered OK, not sent again', async () => {
    const mf = await started();
    try {
      const body = createRoomBody('room-two-instances');
      expect(await emit(mf, 'edge-a', 'Live.CallbackAfterCreateRoom', body)).toMatchObject({ accepted: true, status: 200 });
      // A redelivery, signed anew, at the other instance (whose own memory never saw it).
      const repeat = await emit(mf, 'edge-b', 'Live.CallbackAfterCreateRoom', body, Math.floor(Date.now() / 1000) - 5);
      expect(repeat).toMatchObject({ accepted: true, status: 200, body: { ActionStatus: 'OK', ErrorCode: 0 } });
      expect(forwards('room-two-instances')).toHaveLength(1);
    } finally {
      await stopped(mf);
    }
  });

  it('answers a repeat at the other instance 503 while the first delivery is still under way, without a second forward', async () => {
    const mf = await started();
    let release = () => {};
    stallForwards = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const body = createRoomBody('room-in-progress');
      const first = emit(mf, 'edge-a', 'Live.CallbackAfterCreateRoom', body);
      await expect.poll(() => forwards('room-in-progress').length).toBe(1);
      const repeat = await emit(mf, 'edge-b', 'Live.CallbackAfterCreateRoom', body);
      expect(repeat).toMatchObject({
        status: 503,
        body: { ActionStatus: 'FAIL', ErrorInfo: expect.stringContaining('not delivered twice') },
      });
      release();
      // OK, or 503 if the stall outlasted the 1.5 s answer budget (the forward then settles in the background).
      expect([200, 503]).toContain(statusOf(await first));
      await expect
        .poll(async () => statusOf(await emit(mf, 'edge-b', 'Live.CallbackAfterCreateRoom', body)), { timeout: 10_000 })
        .toBe(200);
      expect(forwards('room-in-progress')).toHaveLength(1);
    } finally {
      release();
      stallForwards = undefined;
      await stopped(mf);
    }
  });

  it('remembers across a restart: a new worker on the same Durable Object storage answers a replayed event and gift as before', async () => {
    const requestTime = Math.floor(Date.now() / 1000);
    const body = createRoomBody('room-restart');
    const gift = giftBody(500);
    const before = await started();
    try {
      expect(await emit(before, 'edge-a', 'Live.CallbackAfterCreateRoom', body)).toMatchObject({ accepted: true });
      expect(await emit(before, 'edge-a', 'Live.CallbackBeforeSendGift', gift, requestTime)).toMatchObject({
        refused: true,
        body: { ErrorCode: 7001 },
      });
    } finally {
      await stopped(before);
    }
    expect(decisions()).toHaveLength(1);

    const after = await started();
    try {
      expect(await emit(after, 'edge-a', 'Live.CallbackAfterCreateRoom', body)).toMatchObject({ accepted: true, status: 200 });
      expect(forwards('room-restart')).toHaveLength(1);
      // The exact gift callback replayed (same RequestTime and Sign): the same refusal, the decider not asked again.
      const replayed = await emit(after, 'edge-b', 'Live.CallbackBeforeSendGift', gift, requestTime);
      expect(replayed).toMatchObject({
        refused: true,
        status: 200,
        body: { ActionStatus: 'OK', ErrorCode: 7001, ErrorInfo: 'over the limit' },
      });
      expect(decisions()).toHaveLength(1);
    } finally {
      await stopped(after);
    }
  });

  it('without the binding each instance has its own memory: the repeat at the other instance is delivered again', async () => {
    const mf = await started({ durableObject: false });
    try {
      const body = createRoomBody('room-memory-only');
      expect(await emit(mf, 'edge-a', 'Live.CallbackAfterCreateRoom', body)).toMatchObject({ accepted: true });
      expect(await emit(mf, 'edge-a', 'Live.CallbackAfterCreateRoom', body)).toMatchObject({ accepted: true });
      expect(forwards('room-memory-only')).toHaveLength(1);
      expect(await emit(mf, 'edge-b', 'Live.CallbackAfterCreateRoom', body)).toMatchObject({ accepted: true });
      expect(forwards('room-memory-only')).toHaveLength(2);
    } finally {
      await stopped(mf);
    }
  });
});
