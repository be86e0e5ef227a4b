import type { TokenwireError } from '../errors/tokenwire-error.js';

/**
 * What every hook event says about one attempt. The URL is always redacted (`usersig=***`); the request body
 * is never included because it may carry a callback token.
 */
export interface TencentAttemptEvent {
  /** REST service, e.g. `live_config`. */
  readonly service: string;
  /** REST command, e.g. `get_callback`. */
  readonly command: string;
  /** The request URL with the UserSig replaced by `***`. */
  readonly url: string;
  /** 1 for the first attempt of a call, then 2, 3, … */
  readonly attempt: number;
  /** The attempt's `random` query parameter (each attempt gets a fresh one). */
  readonly random: number;
}

/** Passed to {@link TencentClientHooks.onRequest} just before an attempt is sent. */
export type TencentRequestEvent = TencentAttemptEvent;

/** Passed to {@link TencentClientHooks.onResponse} when an attempt has finished, successfully or not. */
export interface TencentResponseEvent extends TencentAttemptEvent {
  /** HTTP status, when an HTTP answer arrived. */
  readonly status: number | undefined;
  /** Tencent `RequestId`, when the answer carried one. */
  readonly requestId: string | undefined;
  /** Time from sending to the outcome, in milliseconds, measured with the client's clock. */
  readonly durationMs: number;
  /** Why the attempt failed; `undefined` on success. */
  readonly error: TokenwireError | undefined;
}

/**
 * Passed to {@link TencentClientHooks.onRetry} when a failed attempt is about to be repeated: after the backoff
 * wait, right before the next attempt (ky's `beforeRetry`).
 */
export interface TencentRetryEvent extends TencentAttemptEvent {
  /** HTTP status of the failed attempt, when known. */
  readonly status: number | undefined;
  /** Tencent `RequestId` of the failed attempt, when known. */
  readonly requestId: string | undefined;
  /** The failure being retried. */
  readonly error: TokenwireError;
  /**
   * How long the client waited since the failed attempt ended (the backoff, or the `Retry-After` of the answer),
   * in milliseconds measured with the client's clock; 0 after a UserSig renewal.
   */
  readonly delayMs: number;
  /** Why the attempt is repeated: a retryable failure, or a UserSig regenerated after error 70001. */
  readonly reason: 'retryable_error' | 'user_sig_renewed';
}

/**
 * Observer callbacks for logging and metrics. They are called synchronously and their results are ignored;
 * a hook that throws (or returns a rejected promise) does not affect the call.
 *
 * @example
 * ```ts
 * const client = createTencentClient({
 *   ...credentials,
 *   hooks: { onResponse: (event) => console.log(event.url, event.status, event.durationMs, event.requestId) },
 * });
 * ```
 */
export interface TencentClientHooks {
  /** Before each attempt is sent. */
  readonly onRequest?: ((event: TencentRequestEvent) => unknown) | undefined;
  /** After each attempt, with its outcome. */
  readonly onResponse?: ((event: TencentResponseEvent) => unknown) | undefined;
  /** Before a failed attempt is repeated: after `onResponse` of the failed attempt and the backoff wait. */
  readonly onRetry?: ((event: TencentRetryEvent) => unknown) | undefined;
}

/**
 * Calls an observer hook and swallows whatever it throws or rejects with: observing must never break a call.
 */
export function invokeHook<TEvent>(hook: ((event: TEvent) => unknown) | undefined, event: TEvent): void {
  if (hook === undefined) return;
  try {
    const result = hook(event);
    if (typeof result === 'object' && result !== null && typeof (result as PromiseLike<unknown>).then === 'function') {
      (result as PromiseLike<unknown>).then(undefined, () => undefined);
    }
  } catch {
    // A hook is an observer; its failure is not the call's failure.
  }
}
