/**
 * Waits `ms` milliseconds. It must reject (with any reason) as soon as `signal` aborts, and before starting
 * when `signal` is already aborted.
 *
 * @internal
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The largest delay `setTimeout` accepts (2^31 − 1 ms, about 24.8 days).
 *
 * @internal
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * The real {@link Sleep}: a `setTimeout` that is cleared when `signal` aborts, rejecting with the signal's
 * reason. Delays are clamped to `0 … 2^31 − 1` ms.
 *
 * tokenwire's one abortable sleep, beside ky's own waits (its backoff and timeout): the Tencent client's rate
 * limit and the AICC session's message stream wait with it.
 *
 * @internal
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await sleep(250, controller.signal);
 * ```
 */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_DELAY_MS),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
