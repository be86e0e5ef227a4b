/**
 * Settles like `promise`, unless `signal` aborts first: then `onAbort` runs (to cancel a body, release a reader)
 * and the result rejects with the signal's reason. A rejection of `promise` after that is ignored.
 *
 * The request engine's one signal helper: it makes an attempt end when its signal aborts even if the `fetch` it
 * was handed, or the body that fetch answered with, never looks at the signal.
 *
 * @internal Shared by the clients built on the request engine.
 * @example
 * ```ts
 * const text = await untilAborted(response.text(), request.signal, () => void response.body?.cancel());
 * ```
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      promise.then(undefined, () => undefined);
      onAbort?.();
      reject(signal.reason);
    };
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
