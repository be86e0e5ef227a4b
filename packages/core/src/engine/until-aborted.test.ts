import { describe, expect, it } from 'vitest';
import { untilAborted } from './until-aborted.js';

describe('untilAborted', () => {
  it('settles like the promise when the signal stays quiet, and lets go of the signal', async () => {
    const controller = new AbortController();
    let aborts = 0;
    await expect(untilAborted(Promise.resolve('done'), controller.signal, () => (aborts += 1))).resolves.toBe('done');
    await expect(untilAborted(Promise.reject(new TypeError('broken')), controller.signal)).rejects.toThrow('broken');
    controller.abort();
    expect(aborts).toBe(0);
    await expect(untilAborted(Promise.resolve(1), undefined)).resolves.toBe(1);
  });

  it('rejects with the reason at once when the signal aborts, even if the promise never settles, running onAbort', async () => {
    const controller = new AbortController();
    const reason = new DOMException('left', 'AbortError');
    let aborts = 0;
    const pending = untilAborted(new Promise<never>(() => undefined), controller.signal, () => (aborts += 1));
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(aborts).toBe(1);
  });

  it('rejects before starting when the signal is already aborted, and ignores a later rejection of the promise', async () => {
    const reason = new Error('already gone');
    let reject: (error: unknown) => void = () => undefined;
    const late = new Promise<never>((_, rejectLate) => (reject = rejectLate));
    let aborts = 0;
    await expect(untilAborted(late, AbortSignal.abort(reason), () => (aborts += 1))).rejects.toBe(reason);
    expect(aborts).toBe(1);
    reject(new Error('nobody listens')); // no unhandled rejection
  });
});
