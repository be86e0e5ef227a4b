import { ValidationError } from '@tokenwire/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveCallbackVerifier } from './create-live-callback-verifier.js';
import type { LiveCallbackEvent } from './events/live-callback-event.js';
import { createLiveCallbackRouter, DEFAULT_CALLBACK_DEADLINE_MS } from './live-callback-router.js';

const SDK_APP_ID = 1400000000;
const verifier = createLiveCallbackVerifier({ sdkAppId: SDK_APP_ID, tokens: null });

/** A verified event for `body` (authentication off, so no signature is needed). */
function event(body: Record<string, unknown>): Promise<LiveCallbackEvent> {
  return verifier.verify({ url: `https://receiver.example/tencent?SdkAppid=${SDK_APP_ID}`, body: JSON.stringify(body) });
}

const gift = () =>
  event({ CallbackCommand: 'Live.CallbackBeforeSendGift', RoomId: 'r1', GiftWater: { From_Account: 'alice', Coins: 10, Count: 2 } });
const destroyRoom = () => event({ CallbackCommand: 'Live.CallbackAfterDestroyRoom', RoomId: 'r1' });
const unknownCommand = () => event({ CallbackCommand: 'Live.CallbackAfterSomethingNew', RoomId: 'r1' });
/** A known command whose body lacks what identifies it: `known: false` with `shapeIssues`. */
const changedGift = () => event({ CallbackCommand: 'Live.CallbackBeforeSendGift', GiftWater: { Coins: 'many' } });

const never = () => new Promise<never>(() => {});

function validationError(run: () => unknown): ValidationError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(ValidationError.isInstance(caught)).toBe(true);
  return caught as ValidationError;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createLiveCallbackRouter', () => {
  it('hands each known command to its handler, typed, and answers what the handler returns', async () => {
    const seen: string[] = [];
    const router = createLiveCallbackRouter()
      .on('Live.CallbackBeforeSendGift', (giftEvent) => {
        seen.push(`gift ${giftEvent.body.GiftWater?.From_Account} ${giftEvent.body.GiftWater?.Coins}`);
        return { kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' };
      })
      .on('Live.CallbackAfterDestroyRoom', async (destroyEvent) => {
        seen.push(`destroy ${destroyEvent.body.RoomId}`);
      });
    await expect(router.answer(await gift())).resolves.toEqual({ kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' });
    await expect(router.answer(await destroyRoom())).resolves.toEqual({ kind: 'accept' });
    expect(seen).toEqual(['gift alice 10', 'destroy r1']);
  });

  it('accepts what no handler takes, and gives it to otherwise when there is one', async () => {
    expect(await createLiveCallbackRouter().answer(await gift())).toEqual({ kind: 'accept' });
    const others: string[] = [];
    const router = createLiveCallbackRouter()
      .on('Live.CallbackAfterDestroyRoom', () => undefined)
      .otherwise((other) => {
        others.push(`${other.command} known=${other.known} issues=${other.known ? '' : other.shapeIssues}`);
        return { kind: 'refuse', errorCode: 7 };
      });
    await expect(router.answer(await unknownCommand())).resolves.toEqual({ kind: 'refuse', errorCode: 7 });
    await expect(router.answer(await gift())).resolves.toEqual({ kind: 'refuse', errorCode: 7 });
    await router.answer(await changedGift());
    await router.answer(await destroyRoom());
    expect(others).toEqual([
      'Live.CallbackAfterSomethingNew known=false issues=undefined',
      'Live.CallbackBeforeSendGift known=true issues=',
      expect.stringMatching(/^Live\.CallbackBeforeSendGift known=false issues=.*RoomId/),
    ]);
  });

  it('refuses a gift whose handler has not answered by the deadline (1500 ms), and aborts its signal', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const router = createLiveCallbackRouter().on('Live.CallbackBeforeSendGift', (_, context) => {
      signal = context.signal;
      return never();
    });
    let settled = false;
    const answer = router.answer(await gift()).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(DEFAULT_CALLBACK_DEADLINE_MS - 1);
    expect(settled).toBe(false);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ kind: 'refuse', errorCode: 1, errorInfo: 'not confirmed in time' });
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ name: 'TimeoutError', message: expect.stringMatching(/1500 ms deadline.*BeforeSendGift/) });
  });

  it('accepts other commands whose handler is late, and takes a route lateAnswer and deadlineMs', async () => {
    vi.useFakeTimers();
    const router = createLiveCallbackRouter({ deadlineMs: 200 })
      .on('Live.CallbackAfterDestroyRoom', never)
      // With Live.CallbackBeforeCallBackNotBlock configured, a late gift goes through.
      .on('Live.CallbackBeforeSendGift', never, { lateAnswer: { kind: 'accept' } })
      .otherwise(never, { lateAnswer: { kind: 'retry', errorInfo: 'busy' } });
    const answers = Promise.all([router.answer(await destroyRoom()), router.answer(await gift()), router.answer(await unknownCommand())]);
    await vi.advanceTimersByTimeAsync(200);
    await expect(answers).resolves.toEqual([{ kind: 'accept' }, { kind: 'accept' }, { kind: 'retry', errorInfo: 'busy' }]);
  });

  it('refuses a late gift by default also when otherwise handles it (a body that changed)', async () => {
    vi.useFakeTimers();
    const router = createLiveCallbackRouter().otherwise(never);
    const answer = router.answer(await changedGift());
    await vi.advanceTimersByTimeAsync(DEFAULT_CALLBACK_DEADLINE_MS);
    await expect(answer).resolves.toMatchObject({ kind: 'refuse' });
  });

  it('leaves no timer behind when the handler answers in time', async () => {
    vi.useFakeTimers();
    const router = createLiveCallbackRouter().on('Live.CallbackAfterDestroyRoom', async () => ({ kind: 'accept' }));
    await router.answer(await destroyRoom());
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with what a handler throws before the deadline, synchronously or not', async () => {
    const failure = new Error('wallet down');
    const router = createLiveCallbackRouter()
      .on('Live.CallbackBeforeSendGift', () => {
        throw failure;
      })
      .on('Live.CallbackAfterDestroyRoom', async () => Promise.reject(failure));
    await expect(router.answer(await gift())).rejects.toBe(failure);
    await expect(router.answer(await destroyRoom())).rejects.toBe(failure);
  });

  it('tells onLateError of a handler failing after its answer was given, with no unhandled rejection', async () => {
    vi.useFakeTimers();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const late: unknown[] = [];
      let fail: (error: Error) => void = () => {};
      const router = createLiveCallbackRouter({ deadlineMs: 10, onLateError: (error, failed) => late.push([error, failed.command]) }).on(
        'Live.CallbackAfterDestroyRoom',
        () =>
          new Promise((_, reject) => {
            fail = reject;
          }),
      );
      const answer = router.answer(await destroyRoom());
      await vi.advanceTimersByTimeAsync(10);
      await expect(answer).resolves.toEqual({ kind: 'accept' });
      const failure = new Error('late failure');
      fail(failure);
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(late).toEqual([[failure, 'Live.CallbackAfterDestroyRoom']]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('logs a late failure with console.error by default', async () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const router = createLiveCallbackRouter({ deadlineMs: 5 }).on('Live.CallbackAfterDestroyRoom', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('too late');
    });
    const answer = router.answer(await destroyRoom());
    await vi.advanceTimersByTimeAsync(50);
    await answer;
    expect(logged).toHaveBeenCalledWith(
      'A handler of Live.CallbackAfterDestroyRoom failed after the callback was answered:',
      expect.any(Error),
    );
  });

  it('is used unbound: router.answer is a plain function', async () => {
    const { answer } = createLiveCallbackRouter().on('Live.CallbackAfterDestroyRoom', () => ({ kind: 'refuse' }));
    await expect(answer(await destroyRoom())).resolves.toEqual({ kind: 'refuse' });
  });

  it('checks everything when the routes are set up, not at the first callback', () => {
    expect(validationError(() => createLiveCallbackRouter({ deadlineMs: 2001 })).issues[0]).toEqual({
      path: 'deadlineMs',
      message: 'must be a number of milliseconds from 1 to 2000',
    });
    expect(validationError(() => createLiveCallbackRouter({ deadlineMs: 0 })).issues[0]?.path).toBe('deadlineMs');
    expect(validationError(() => createLiveCallbackRouter({ deadline: 100 } as never)).issues[0]?.path).toBe('deadline');
    const router = createLiveCallbackRouter().on('Live.CallbackAfterDestroyRoom', () => undefined);
    expect(validationError(() => router.on('Live.CallbackAfterDestroyRoom', () => undefined)).message).toMatch(/has a handler already/);
    expect(validationError(() => router.on('Live.CallbackAfterSomethingNew' as never, () => undefined)).message).toMatch(
      /not a command tokenwire knows: handle it in otherwise/,
    );
    expect(validationError(() => router.on('Live.CallbackBeforeSendGift', 'handler' as never)).issues[0]?.message).toMatch(/function/);
    expect(
      validationError(() => router.on('Live.CallbackAfterCreateRoom', () => undefined, { lateAnswer: { kind: 'refuse', errorCode: 0 } }))
        .message,
    ).toMatch(/must not be 0/);
    router.otherwise(() => undefined);
    expect(validationError(() => router.otherwise(() => undefined)).message).toMatch(/is set already/);
  });
});
