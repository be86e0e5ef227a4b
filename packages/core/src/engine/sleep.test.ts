import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.js';

describe('sleep', () => {
  it('resolves after a zero delay', async () => {
    await expect(sleep(0)).resolves.toBeUndefined();
  });

  it('rejects at once with the reason of an already aborted signal', async () => {
    const reason = new DOMException('stop', 'AbortError');
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('rejects with the reason when the signal aborts during the wait', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    const reason = new DOMException('later', 'AbortError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
