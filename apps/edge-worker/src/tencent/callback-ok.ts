import { callbackAck } from '@tokenwire/live-config';
import type { RememberedAnswer } from './replay-guard.js';

/**
 * A Tencent-shaped OK answer (HTTP 200, `ActionStatus` `OK`): `callbackAck()` for `ErrorCode` 0 (accepted, a gift
 * allowed), a refusal with the code and `ErrorInfo` otherwise (a gift blocked) — never `FAIL`, which Tencent counts
 * as a failed callback (and which lets a gift through in the non-blocking mode, 647/121916). The answers a
 * `ReplayGuard` remembers, given again to an exact repeat.
 */
export function callbackOk(answer: RememberedAnswer): Response {
  return answer.errorCode === 0 ? callbackAck() : callbackAck({ kind: 'refuse', errorCode: answer.errorCode, errorInfo: answer.errorInfo });
}
