/**
 * What a receiver's JSON answer to a callback means to Tencent:
 *
 * - `accepted`: `ErrorCode` 0 (`ActionStatus` `OK` or absent) — processed, go on;
 * - `refused`: a non-zero `ErrorCode` with `ActionStatus` `OK` (or absent) — processed, and a "before" callback's
 *   action is blocked (how Tencent's own moderation server refuses, Tencent-RTC/TUILiveKit_Manager);
 * - `failed`: `ActionStatus` `FAIL` — the receiver could not process it, a failed callback like a timeout, whatever
 *   the code (a non-blocking before-gift lets the gift through, 647/121916);
 * - `unreadable`: JSON, but no integer `ErrorCode` or an `ActionStatus` other than `OK`/`FAIL`.
 *
 * `ActionStatus` is compared case-insensitively.
 */
export type CallbackAnswer =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly errorCode: number; readonly errorInfo: string }
  | { readonly kind: 'failed'; readonly errorCode: unknown; readonly errorInfo: string }
  | { readonly kind: 'unreadable'; readonly why: string };

/**
 * Reads a receiver's parsed JSON answer the way Tencent reads it (see {@link CallbackAnswer}).
 *
 * @internal
 */
export function readCallbackAnswer(answer: unknown): CallbackAnswer {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return { kind: 'unreadable', why: 'not a JSON object' };
  const { ActionStatus: status, ErrorCode: errorCode, ErrorInfo: info } = answer as Record<string, unknown>;
  const errorInfo = typeof info === 'string' ? info : '';
  const actionStatus = typeof status === 'string' ? status.toUpperCase() : status;
  if (actionStatus === 'FAIL') return { kind: 'failed', errorCode, errorInfo };
  if (actionStatus !== undefined && actionStatus !== 'OK') return { kind: 'unreadable', why: 'an ActionStatus other than OK or FAIL' };
  if (typeof errorCode !== 'number' || !Number.isSafeInteger(errorCode)) return { kind: 'unreadable', why: 'no integer ErrorCode' };
  return errorCode === 0 ? { kind: 'accepted' } : { kind: 'refused', errorCode, errorInfo };
}
