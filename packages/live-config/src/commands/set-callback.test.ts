import { TencentApiError, ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createHarness, loseAnswersAfterApplying } from '../../test/emulator-harness.js';
import { getCallback } from './get-callback.js';
import type { LiveConfigClient } from './live-config-client.js';
import { CALLBACK_ALREADY_CONFIGURED, setCallback } from './set-callback.js';

const asked = {
  url: 'https://receiver.example/tencent',
  commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom', 'Live.CallbackBeforeSendGift'],
} as const;
const askedState = { url: asked.url, commands: [...asked.commands] };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('setCallback', () => {
  it('creates the callback configuration', async () => {
    const { client, tencent, counters } = createHarness();
    await setCallback(client, asked);
    expect(tencent().callback).toEqual(askedState);
    expect(counters('set_callback')).toMatchObject({ requests: 1, succeeded: 1 });
    expect(await getCallback(client)).toEqual({ url: asked.url, commands: asked.commands });
  });

  it('throws 100300 on a first attempt when a configuration exists, changing nothing', async () => {
    const { client, tencent, counters } = createHarness();
    await setCallback(client, { url: 'https://other.example/cb', commands: ['Live.CallbackAfterCreateRoom'] });
    const error = await rejection(setCallback(client, asked));
    expect(TencentApiError.isInstance(error) && error.code).toBe(CALLBACK_ALREADY_CONFIGURED);
    expect((error as TencentApiError).attempt).toBe(1);
    expect(tencent().callback?.url).toBe('https://other.example/cb');
    expect(counters('get_callback').requests).toBe(0); // no read-back for a first-attempt 100300
  });

  describe('retried after an ambiguous failure', () => {
    it('succeeds when the lost first attempt had created exactly the asked configuration', async () => {
      const { client, tencent, counters } = createHarness({ wrapFetch: loseAnswersAfterApplying('set_callback') });
      await setCallback(client, asked);
      expect(tencent().callback).toEqual(askedState);
      // created once by attempt 1; attempt 2 met 100300 and the read-back confirmed it
      expect(counters('set_callback')).toMatchObject({ requests: 2, succeeded: 1, failed: 1 });
      expect(counters('get_callback')).toMatchObject({ requests: 1, succeeded: 1 });
    });

    it('compares the commands as a set: the same commands in another order count as asked', async () => {
      const { client, counters } = createHarness({
        faults: [{ route: 'live_config/set_callback', fault: 'drop-connection', sequence: [2] }],
      });
      await setCallback(client, { url: asked.url, commands: [...asked.commands].reverse() });
      await expect(setCallback(client, asked)).resolves.toBeUndefined(); // attempt 1 dropped, attempt 2 → 100300 → same set
      expect(counters('get_callback').requests).toBe(1);
    });

    it('throws the 100300 when the configuration there differs from the asked one, changing nothing', async () => {
      const { client, tencent, counters } = createHarness({
        faults: [{ route: 'live_config/set_callback', fault: 'drop-connection', sequence: [2] }],
      });
      const other = { url: asked.url, commands: ['Live.CallbackAfterCreateRoom'] };
      await setCallback(client, other);
      const error = await rejection(setCallback(client, asked));
      expect(TencentApiError.isInstance(error) && error.code).toBe(CALLBACK_ALREADY_CONFIGURED);
      expect((error as TencentApiError).attempt).toBe(2);
      expect(tencent().callback).toEqual({ url: other.url, commands: other.commands });
      expect(counters('get_callback').requests).toBe(1);
    });

    it('throws the 100300 when the URL differs', async () => {
      const { client } = createHarness({ faults: [{ route: 'live_config/set_callback', fault: 'drop-connection', sequence: [2] }] });
      await setCallback(client, { ...asked, url: 'https://receiver.example/tencent/' });
      expect(TencentApiError.isInstance(await rejection(setCallback(client, asked)))).toBe(true);
    });

    it('survives a latency beyond the timeout (the emulator drops the request unapplied) and creates once', async () => {
      const { client, tencent, counters } = createHarness({
        faults: [{ route: 'live_config/set_callback', fault: { kind: 'latency', delayMs: 500 }, times: 1 }],
      });
      await setCallback(client, asked, { timeoutMs: 50 });
      expect(tencent().callback).toEqual(askedState);
      expect(counters('set_callback')).toMatchObject({ requests: 1, succeeded: 1 });
    });
  });

  it.each([
    ['100001', { route: 'live_config/set_callback', fault: { kind: 'transient' as const }, times: 2 }],
    ['502', { route: 'live_config/set_callback', fault: { kind: 'http-status' as const, status: 502 }, times: 2 }],
    ['a dropped connection', { route: 'live_config/set_callback', fault: 'drop-connection' as const, times: 2 }],
    ['a 60018 burst', { route: 'live_config/set_callback', fault: { kind: 'rate-limit' as const, code: 60018 }, times: 3 }],
  ])('ends with the asked configuration, created once, through %s', async (_name, rule) => {
    const { client, tencent, counters, emulator } = createHarness({ faults: [rule] });
    await setCallback(client, asked);
    expect(tencent().callback).toEqual(askedState);
    expect(counters('set_callback')).toMatchObject({ requests: 1, succeeded: 1, failed: 0 });
    expect(emulator.faults.firedCount()).toBe(rule.times);
  });

  it('gives up after the retry limit with the transport error, having changed nothing', async () => {
    const { client, tencent } = createHarness({
      faults: [{ route: 'live_config/set_callback', fault: { kind: 'http-status', status: 502 } }],
    });
    const error = await rejection(setCallback(client, asked));
    expect((error as { name: string }).name).toBe('HttpStatusError');
    expect((error as { attempt: number }).attempt).toBe(4);
    expect(tencent().callback).toBeUndefined();
  });

  it('propagates a failing read-back instead of guessing', async () => {
    const { client } = createHarness({
      wrapFetch: loseAnswersAfterApplying('set_callback'),
      faults: [{ route: 'live_config/get_callback', fault: { kind: 'http-status', status: 400 } }],
    });
    const error = await rejection(setCallback(client, asked));
    expect((error as { name: string }).name).toBe('HttpStatusError');
  });

  it('keeps the 100300 when the configuration vanished before the read-back (100301)', async () => {
    const calls: string[] = [];
    const client: LiveConfigClient = {
      async call(_service, command) {
        calls.push(command);
        if (command === 'set_callback')
          throw new TencentApiError({ code: 100300, info: 'exists', service: 'live_config', command, attempt: 2 });
        throw new TencentApiError({ code: 100301, info: 'gone', service: 'live_config', command, attempt: 1 });
      },
    };
    const error = await rejection(setCallback(client, asked));
    expect((error as TencentApiError).code).toBe(100300);
    expect(calls).toEqual(['set_callback', 'get_callback']);
  });

  it.each([
    [{ url: 'ftp://receiver.example', commands: ['Live.CallbackAfterCreateRoom'] }, 'url'],
    [{ url: asked.url, commands: [] }, 'commands'],
    [{ url: asked.url, commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterCreateRoom'] }, 'commands'],
    [{ url: asked.url }, 'commands'],
    [{ url: asked.url, commands: ['Live.CallbackAfterCreateRoom'], enabled: true }, 'enabled'],
  ])('validates %j before sending anything', async (input, path) => {
    const { client, emulator } = createHarness();
    const error = await rejection(setCallback(client, input as never));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect(emulator.log.size).toBe(0);
  });
});
