// The worker's queue() handler, the consumer of the EVENTS queue, inside real workerd (miniflare 3's queues):
// delivery to FORWARD_URL, a retry with backoff, dead-lettering after max retries, a duplicate delivered once.
import { createHash } from 'node:crypto';
import { Miniflare, type Request as MiniflareRequest, Response as MiniflareResponse } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/tencent/canonical-json.js';
import { workerBundle } from './support/build-worker.js';
import { CALLBACK_BINDINGS, createRoomBody, createTencentApp, type TencentApp } from './support/tencent-app.js';
import { COMPATIBILITY_DATE, dispatchingFetch, waitFor } from './support/workerd.js';

const FORWARD_URL = 'https://events.example.test/tencent';
const FORWARD_AUTHORIZATION = 'Bearer forward-secret-for-the-consumer-0123';
const MAX_RETRIES = 2;
const eventIdOf = (body: string) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/** Every POST the consumer made to FORWARD_URL: the event id, when (ms), and the answer it got. */
const forwards: { id: string; at: number; status: number; authorization: string | null }[] = [];
/** How FORWARD_URL answers each event id: 503 for the first `failFirst` attempts, then 202 (default: 202 at once). */
const failFirst = new Map<string, number>();
/** Bodies the dead-letter queue's consumer received. */
const deadLetters: { id: string }[] = [];
const logs: string[] = [];

async function forwardTarget(request: MiniflareRequest): Promise<MiniflareResponse> {
  const id = request.headers.get('x-tokenwire-event-id') ?? '';
  const failing = (failFirst.get(id) ?? 0) > forwards.filter((entry) => entry.id === id).length;
  const status = failing ? 503 : 202;
  forwards.push({ id, at: Date.now(), status, authorization: request.headers.get('authorization') });
  return new MiniflareResponse(failing ? 'unavailable' : '', { status });
}

const DEAD_LETTER_CONSUMER = `
export default {
  async queue(batch, env) {
    await env.SINK.fetch('http://sink.test/', { method: 'POST', body: JSON.stringify(batch.messages.map((message) => message.body)) });
    batch.ackAll();
  },
};
`;

let app: TencentApp;
let mf: Miniflare;

beforeAll(async () => {
  app = await createTencentApp();
  mf = new Miniflare({
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    },
    workers: [
      {
        name: 'edge',
        modules: true,
        scriptPath: workerBundle,
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: { ...CALLBACK_BINDINGS, FORWARD_URL, FORWARD_AUTHORIZATION },
        durableObjects: { REPLAY_GUARD: 'ReplayGuardObject' },
        queueProducers: { EVENTS: 'tencent-events' },
        queueConsumers: {
          'tencent-events': { maxBatchSize: 10, maxBatchTimeout: 0, maxRetries: MAX_RETRIES, deadLetterQueue: 'tencent-events-dlq' },
        },
        outboundService: forwardTarget,
      },
      {
        name: 'dead-letters',
        modules: true,
        script: DEAD_LETTER_CONSUMER,
        compatibilityDate: COMPATIBILITY_DATE,
        queueConsumers: { 'tencent-events-dlq': { maxBatchSize: 10, maxBatchTimeout: 0 } },
        serviceBindings: {
          SINK: async (request: MiniflareRequest) => {
            deadLetters.push(...((await request.json()) as { id: string }[]));
            return new MiniflareResponse('ok');
          },
        },
      },
    ],
  });
  await mf.ready;
}, 120_000);
afterAll(async () => {
  await mf?.dispose();
});

/** A callback with `body` to the worker, which queues it (EVENTS is bound): returns the event id. */
async function emit(body: string): Promise<string> {
  const result = await app.emulator.tencent!.emitCallback('Live.CallbackAfterCreateRoom', body, { fetch: dispatchingFetch(mf) });
  expect(result).toMatchObject({ accepted: true, status: 200 });
  return eventIdOf(body);
}

const attemptsOf = (id: string) => forwards.filter((entry) => entry.id === id);

describe('the EVENTS queue consumer', () => {
  it('delivers a queued event to FORWARD_URL with its id and FORWARD_AUTHORIZATION', async () => {
    const id = await emit(createRoomBody('room-consumer-1'));
    await waitFor(() => attemptsOf(id).length === 1, 10_000);
    expect(attemptsOf(id)[0]).toMatchObject({ status: 202, authorization: FORWARD_AUTHORIZATION });
  });

  it('retries a failed delivery after a backoff (message.retry with delaySeconds), then succeeds', async () => {
    // One body for the id and the callback: its EventTime is the time it was made.
    const body = createRoomBody('room-consumer-retried');
    failFirst.set(eventIdOf(body), 1);
    const id = await emit(body);
    await waitFor(() => attemptsOf(id).length === 2, 15_000);
    const [first, second] = attemptsOf(id);
    expect([first!.status, second!.status]).toEqual([503, 202]);
    // The first retry waits queueRetryDelaySeconds(1) = 2 s.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1900);
    const log = logs.join('');
    expect(log).toContain('"event":"queue.forward_failed"');
    expect(log).not.toContain(FORWARD_AUTHORIZATION);
    expect(deadLetters.map((letter) => letter.id)).not.toContain(id);
  });

  it('moves an event the target never accepts to the dead-letter queue after max_retries, the whole message kept', async () => {
    const body = createRoomBody('room-consumer-dead');
    const id = eventIdOf(body);
    failFirst.set(id, Number.POSITIVE_INFINITY);
    expect(await emit(body)).toBe(id);
    await waitFor(() => deadLetters.some((letter) => letter.id === id), 30_000);
    expect(attemptsOf(id).map((attempt) => attempt.status)).toEqual(Array(MAX_RETRIES + 1).fill(503));
    expect(deadLetters.find((letter) => letter.id === id)).toMatchObject({ id, rawBody: body, command: 'Live.CallbackAfterCreateRoom' });
  }, 40_000);

  it('dead-letters a message that is not an event (no id) without POSTing it', async () => {
    const producer = await mf.getQueueProducer<unknown>('EVENTS', 'edge');
    const before = forwards.length;
    await producer.send({ note: 'not-an-event' });
    await waitFor(() => deadLetters.some((letter) => (letter as { note?: string }).note === 'not-an-event'), 30_000);
    expect(forwards.length).toBe(before);
    expect(logs.join('')).toContain('"event":"queue.malformed_message"');
  }, 40_000);

  it('delivers an event queued twice (the same id) once: the duplicate is acked without a second POST', async () => {
    const producer = await mf.getQueueProducer<unknown>('EVENTS', 'edge');
    const rawBody = createRoomBody('room-consumer-duplicate');
    const id = eventIdOf(rawBody);
    // The same message twice at once (at-least-once delivery, or a producer that sent it again), then once more later.
    const message = { id, command: 'Live.CallbackAfterCreateRoom', rawBody };
    await Promise.all([producer.send(message), producer.send(message)]);
    await waitFor(() => attemptsOf(id).length === 1, 10_000);
    await producer.send(message);
    // Long enough for every copy, and for the retry of a copy seen while the first was being delivered (2 s).
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(attemptsOf(id)).toHaveLength(1);
    expect(deadLetters.map((letter) => letter.id)).not.toContain(id);
  }, 20_000);
});
