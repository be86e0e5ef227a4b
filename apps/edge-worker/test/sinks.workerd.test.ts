// Where accepted events go, inside real workerd: FORWARD_URL (retried in ctx.waitUntil), the queue falling back
// to it, and a FAIL answer whenever no sink took the event.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_BINDINGS, CALLBACK_TOKEN, createRoomBody, createTencentApp, SDK_APP_ID, type TencentApp } from './support/tencent-app.js';
import { canonicalJson } from '../src/tencent/canonical-json.js';
import { startWorker, waitFor, type WorkerHarness } from './support/workerd.js';

const FORWARD_URL = 'https://events.example.test/tencent';
const FORWARD_AUTHORIZATION = 'Bearer forward-secret-0123456789';
const eventIdOf = (body: string) => createHash('sha256').update(canonicalJson(body)).digest('hex');

type TargetMode = 'accept' | 'unavailable' | 'refuse' | 'stall';
let mode: TargetMode = 'accept';
const stalled: (() => void)[] = [];
const forwarded: { headers: Record<string, string>; body: Record<string, unknown>; status: number; at: number }[] = [];

async function forwardTarget(request: Request): Promise<Response> {
  const body = (await request.json()) as Record<string, unknown>;
  const current = mode;
  if (current === 'stall') await new Promise<void>((resolve) => stalled.push(resolve));
  const status = current === 'accept' ? 202 : current === 'refuse' ? 422 : 503;
  forwarded.push({ headers: Object.fromEntries(request.headers), body, status, at: performance.now() });
  // An unavailable target asks for 1 s (Retry-After), which the worker's request engine honours.
  return new Response(current === 'accept' ? '' : 'nope', { status, headers: status === 503 ? { 'retry-after': '1' } : {} });
}

let app: TencentApp;
let forwarding: WorkerHarness;
let queueAndForward: WorkerHarness;
let queueOnly: WorkerHarness;
let noSink: WorkerHarness;

beforeAll(async () => {
  app = await createTencentApp();
  [forwarding, queueAndForward, queueOnly, noSink] = await Promise.all([
    startWorker({ bindings: { ...CALLBACK_BINDINGS, FORWARD_URL, FORWARD_AUTHORIZATION }, outbound: forwardTarget }),
    startWorker({ bindings: { ...CALLBACK_BINDINGS, FORWARD_URL, FORWARD_AUTHORIZATION }, queue: true, outbound: forwardTarget }),
    startWorker({ bindings: { ...CALLBACK_BINDINGS }, queue: true }),
    startWorker({ bindings: { ...CALLBACK_BINDINGS } }),
  ]);
}, 120_000);
afterAll(async () => {
  for (const release of stalled) release();
  await Promise.all([forwarding, queueAndForward, queueOnly, noSink].map((harness) => harness?.dispose()));
});

async function emit(target: WorkerHarness, body: string, requestTime?: number) {
  const started = performance.now();
  const result = await app.emulator.tencent!.emitCallback('Live.CallbackAfterCreateRoom', body, {
    fetch: (input, init) => target.dispatch(new Request(input, init)),
    ...(requestTime === undefined ? {} : { requestTime }),
  });
  return { result, elapsedMs: performance.now() - started };
}

describe('FORWARD_URL', () => {
  it('acknowledges once the target accepted the event, sent with the event id and FORWARD_AUTHORIZATION', async () => {
    mode = 'accept';
    const body = createRoomBody('room-forward-1');
    const { result } = await emit(forwarding, body);
    expect(result).toMatchObject({ accepted: true, status: 200 });
    const last = forwarded.at(-1)!;
    expect(last.headers).toMatchObject({
      authorization: FORWARD_AUTHORIZATION,
      'x-tokenwire-event-id': eventIdOf(body),
      'x-tokenwire-callback-command': 'Live.CallbackAfterCreateRoom',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(last.body).toMatchObject({ id: eventIdOf(body), command: 'Live.CallbackAfterCreateRoom', sdkAppId: SDK_APP_ID, rawBody: body });
    expect(JSON.stringify(last.body)).not.toContain(CALLBACK_TOKEN);
  });

  it('answers 503 FAIL when the target does not accept within 1.5 s, and keeps retrying in ctx.waitUntil', async () => {
    mode = 'unavailable';
    const body = createRoomBody('room-forward-retried');
    const attemptsFor = () => forwarded.filter((entry) => entry.body['rawBody'] === body);
    const { result, elapsedMs } = await emit(forwarding, body);
    expect(result).toMatchObject({ delivered: false, status: 503, body: { ActionStatus: 'FAIL', ErrorCode: 503 } });
    expect((result as { body: { ErrorInfo: string } }).body.ErrorInfo).toContain('FORWARD_URL');
    expect(elapsedMs).toBeGreaterThan(1400);
    expect(elapsedMs).toBeLessThan(2000); // Tencent's deadline
    // Retry-After: 1 — attempts are due at 0 and 1 s; on a loaded machine the second may come after the answer.
    const beforeAnswer = attemptsFor().length;
    expect(beforeAnswer).toBeGreaterThanOrEqual(1);
    expect(beforeAnswer).toBeLessThanOrEqual(2); // the 3rd is due 2 s in
    mode = 'accept';
    await waitFor(() => attemptsFor().some((entry) => entry.status === 202), 8000);
    const attempts = attemptsFor();
    const statuses = attempts.map((entry) => entry.status);
    expect(statuses.at(-1)).toBe(202);
    expect(statuses.slice(0, -1).every((status) => status === 503)).toBe(true);
    expect(statuses.length).toBeGreaterThan(beforeAnswer);
    for (let index = 1; index < attempts.length; index++) expect(attempts[index]!.at - attempts[index - 1]!.at).toBeGreaterThan(900);
    // The target accepted late, after the FAIL answer: Tencent's redelivery (signed anew) is answered OK, and the
    // event is not forwarded a second time.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const redelivered = await emit(forwarding, body, Math.floor(Date.now() / 1000));
    expect(redelivered.result).toMatchObject({ accepted: true, status: 200, body: { ActionStatus: 'OK', ErrorCode: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attemptsFor()).toHaveLength(attempts.length);
  }, 20_000);

  it('answers FAIL at once when the target refuses the event (4xx), without retrying', async () => {
    mode = 'refuse';
    const body = createRoomBody('room-forward-refused');
    const { result, elapsedMs } = await emit(forwarding, body);
    expect(result).toMatchObject({ status: 503, body: { ErrorInfo: expect.stringContaining('FORWARD_URL refused the event (HTTP 422)') } });
    expect(elapsedMs).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(forwarded.filter((entry) => entry.body['rawBody'] === body)).toHaveLength(1);
  });

  it('answers FAIL within the budget when the target stalls', async () => {
    mode = 'stall';
    const { result, elapsedMs } = await emit(forwarding, createRoomBody('room-forward-stalled'));
    expect(result).toMatchObject({ status: 503, body: { ErrorInfo: expect.stringContaining('did not accept the event in time') } });
    expect(elapsedMs).toBeLessThan(2000); // Tencent's deadline
  });
});

describe('the EVENTS queue', () => {
  it('falls back to FORWARD_URL when the queue refuses the message (over 128 KB)', async () => {
    mode = 'accept';
    const body = createRoomBody('room-too-big-for-a-queue').replace('"CustomInfo":""', `"CustomInfo":"${'x'.repeat(140_000)}"`);
    const { result } = await emit(queueAndForward, body);
    expect(result).toMatchObject({ accepted: true });
    expect(forwarded.at(-1)?.body).toMatchObject({ id: eventIdOf(body) });
    expect(queueAndForward.queued).toHaveLength(0);
  });

  it('prefers the queue when it takes the message', async () => {
    const before = forwarded.length;
    const { result } = await emit(queueAndForward, createRoomBody('room-queue-preferred'));
    expect(result).toMatchObject({ accepted: true });
    await waitFor(() => queueAndForward.queued.length === 1);
    expect(forwarded.length).toBe(before);
  });

  it('answers 503 FAIL when the queue refuses and there is no FORWARD_URL, and lets Tencent retry', async () => {
    const body = createRoomBody('room-lost').replace('"CustomInfo":""', `"CustomInfo":"${'x'.repeat(140_000)}"`);
    const requestTime = Math.floor(Date.now() / 1000);
    const first = await emit(queueOnly, body, requestTime);
    expect(first.result).toMatchObject({
      status: 503,
      body: { ActionStatus: 'FAIL', ErrorInfo: expect.stringContaining('the EVENTS queue refused the event') },
    });
    // A callback that failed is released: the same callback again (same signed URL) is processed afresh.
    const second = await emit(queueOnly, body, requestTime);
    expect(second.result).toMatchObject({ status: 503 });
  });
});

describe('no sink', () => {
  it('answers 503 FAIL for after-events when neither EVENTS nor FORWARD_URL is configured', async () => {
    const { result } = await emit(noSink, createRoomBody('room-nowhere'));
    expect(result).toMatchObject({
      delivered: false,
      status: 503,
      body: {
        ActionStatus: 'FAIL',
        ErrorCode: 503,
        ErrorInfo: 'no event sink accepted the event: no event sink is configured (bind EVENTS or set FORWARD_URL)',
      },
    });
  });
});
