import { RequestAbortedError } from '@tokenwire/core';

/**
 * Waits for `promise`, but rejects with a {@link RequestAbortedError} as soon as `signal` aborts, even when the
 * promise itself ignores the signal (an injected sleep, a refresh shared with other callers).
 *
 * @internal
 */
export async function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string, path?: string): Promise<T> {
  if (signal === undefined) return promise;
  const aborted = (): RequestAbortedError => new RequestAbortedError(`${what} was aborted by the caller`, { path, cause: signal.reason });
  if (signal.aborted) {
    promise.then(undefined, () => undefined);
    throw aborted();
  }
  let onAbort: (() => void) | undefined;
  const abortion = new Promise<never>((_, reject) => {
    onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, abortion]);
  } catch (error) {
    // An abortable promise (a sleep) rejects with the signal's reason before our listener runs.
    if (signal.aborted && !RequestAbortedError.isInstance(error)) throw aborted();
    throw error;
  } finally {
    promise.then(undefined, () => undefined);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}
