import {
  DEFAULT_RETRY_OPTIONS,
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  ValidationError,
  type RetryPolicy,
} from '@tokenwire/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AiccApiError, FLOW_CONTROL_RESULT_CODE } from '../errors/aicc-api-error.js';
import { FabricAuthError } from '../errors/fabric-auth-error.js';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import { streamMessages, type MessageStreamOptions } from './message-stream.js';
import type { PollOptions, PollResult } from './poll-messages.js';

const POLICY: RetryPolicy = {
  ...DEFAULT_RETRY_OPTIONS,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  rateLimitBaseDelayMs: 500,
  rateLimitMaxDelayMs: 2_000,
};
const POLL_PATH = '/apiaccess/ccmessaging/poll';

const message = (content: string, isOfflineStatus = false): DownlinkMessage => ({ content, isOfflineStatus, sourceType: 'AGENT' });
const batch = (...messages: DownlinkMessage[]): PollResult => ({ messages, resultDesc: undefined });

/** A poll answering from a script: an error is thrown, a result returned; after the script, `tail` forever. */
function scriptedPoll(script: readonly (PollResult | Error)[], tail: () => Promise<PollResult> = () => new Promise(() => undefined)) {
  const calls: PollOptions[] = [];
  const poll = async (options: PollOptions): Promise<PollResult> => {
    const step = script[calls.length];
    calls.push(options);
    if (step === undefined) return tail();
    if (step instanceof Error) throw step;
    return step;
  };
  return { poll, calls };
}

/** The stream's reader over a scripted poll. */
const readerOf = (poll: (options: PollOptions) => Promise<PollResult>) => () => ({
  next: async (options: PollOptions) => (await poll(options)).messages,
  close: () => undefined,
});

function run(script: readonly (PollResult | Error)[], options: MessageStreamOptions = {}) {
  const scripted = scriptedPoll(script);
  const errors: [unknown, number, number][] = [];
  const stream = streamMessages(readerOf(scripted.poll), () => false, POLICY, { onError: (...told) => errors.push(told), ...options });
  return { stream, errors, calls: scripted.calls };
}

const networkError = () => new NetworkError('connection reset', { path: POLL_PATH });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('streamMessages', () => {
  it('keeps polling through 20 failed polls in a row, backing off exponentially up to the cap, telling onError each time', async () => {
    const failures = Array.from({ length: 20 }, networkError);
    const { stream, errors, calls } = run([...failures, batch(message('back again'))]);
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await next).value).toMatchObject({ content: 'back again' });
    expect(calls).toHaveLength(21);
    expect(errors.map(([, count]) => count)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(errors.map(([, , delay]) => delay).slice(0, 6)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(NetworkError.isInstance(errors[0]![0])).toBe(true);
  });

  it('waits the backoff before polling again (nothing is polled early)', async () => {
    const { stream, calls } = run([networkError(), networkError(), batch(message('ok'))]);
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect((await next).value).toMatchObject({ content: 'ok' });
  });

  it('rides out malformed answers, HTTP 5xx/429 and AICC business codes; flow control and 429 back off on the rate-limit scale', async () => {
    const flowControl = new AiccApiError({ code: FLOW_CONTROL_RESULT_CODE, path: POLL_PATH });
    const { stream, errors } = run([
      new MalformedResponseError('not JSON', { path: POLL_PATH, retryable: false }),
      new HttpStatusError('HTTP 502', { status: 502 }),
      new HttpStatusError('HTTP 429', { status: 429 }),
      flowControl,
      new AiccApiError({ code: '13', path: POLL_PATH }),
      batch(message('fine')),
    ]);
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await next).value).toMatchObject({ content: 'fine' });
    expect(errors.map(([, , delay]) => delay)).toEqual([100, 200, 2_000, 2_000, 1_000]);
  });

  it('resets the failure count after a successful poll', async () => {
    const { stream, errors } = run([networkError(), networkError(), batch(message('a')), networkError(), batch(message('b'))]);
    const first = stream.next();
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await first).value).toMatchObject({ content: 'a' });
    const second = stream.next();
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await second).value).toMatchObject({ content: 'b' });
    expect(errors.map(([, count]) => count)).toEqual([1, 2, 1]);
  });

  it('ends at once, without onError, on failures polling again cannot cure', async () => {
    const fatal = [
      new HttpStatusError('HTTP 401', { status: 401 }),
      new HttpStatusError('HTTP 403 from the gateway', { status: 403 }),
      new FabricAuthError({ reason: 'access_token_rejected', path: POLL_PATH }),
      new AiccApiError({ code: '1', path: '/apiaccess/ccmessaging/applyToken' }),
      new ValidationError('poll options', [{ path: 'signal', message: 'must be an AbortSignal' }]),
      new TypeError('a bug'),
    ];
    for (const error of fatal) {
      const { stream, errors, calls } = run([error, batch(message('never'))]);
      await expect(stream.next()).rejects.toBe(error);
      expect(errors).toEqual([]);
      expect(calls).toHaveLength(1);
    }
  });

  it('gives up with the last error after maxConsecutiveFailures failed polls in a row', async () => {
    const last = networkError();
    const { stream, errors, calls } = run([networkError(), networkError(), last], { maxConsecutiveFailures: 3 });
    const next = stream.next().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await next).toBe(last);
    expect(calls).toHaveLength(3);
    expect(errors).toHaveLength(2);
  });

  it('ends quietly when the signal aborts during a backoff wait, and polls no more', async () => {
    const controller = new AbortController();
    const { stream, calls } = run([networkError(), batch(message('late'))], { signal: controller.signal });
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(50);
    controller.abort(new Error('page closed'));
    expect(await next).toEqual({ done: true, value: undefined });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
  });

  it('stops after a backoff when the session ended meanwhile', async () => {
    let ended = false;
    const scripted = scriptedPoll([networkError(), batch(message('late'))]);
    const stream = streamMessages(readerOf(scripted.poll), () => ended, POLICY, {
      onError: () => {
        ended = true;
      },
    });
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await next).done).toBe(true);
    expect(scripted.calls).toHaveLength(1);
  });

  it('ignores an onError that throws', async () => {
    const { stream } = run([networkError(), batch(message('ok'))], {
      onError: () => {
        throw new Error('observer bug');
      },
    });
    const next = stream.next();
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await next).value).toMatchObject({ content: 'ok' });
  });

  it('validates maxConsecutiveFailures and onError before polling', () => {
    const { poll, calls } = scriptedPoll([]);
    for (const bad of [0, -1, 1.5, Number.NaN, '3']) {
      expect(() => streamMessages(readerOf(poll), () => false, POLICY, { maxConsecutiveFailures: bad as number })).toThrow(
        'maxConsecutiveFailures: must be a whole number of at least 1, or Infinity',
      );
    }
    expect(() => streamMessages(readerOf(poll), () => false, POLICY, { onError: 'log' as never })).toThrow('onError: must be a function');
    expect(() => streamMessages(readerOf(poll), () => false, POLICY, { maxConsecutiveFailures: Number.POSITIVE_INFINITY })).not.toThrow();
    expect(calls).toHaveLength(0);
  });
});
