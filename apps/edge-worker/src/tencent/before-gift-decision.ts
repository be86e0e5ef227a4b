import { callbackAck } from '@tokenwire/live-config';
import type { CallbackConfig } from '../config/callback-config.js';
import type { OutboundFetch } from '../env.js';
import type { CallbackEventMessage } from './callback-event-message.js';
import { postJson } from './post-json.js';

/** `ErrorCode` answered when the policy blocks a gift. */
export const POLICY_BLOCK_ERROR_CODE = 1;

/** `ErrorInfo` answered when the policy blocks a gift (Tencent may show it to the sender). */
export const POLICY_BLOCK_ERROR_INFO = 'The gift cannot be sent right now';

/** Longest `ErrorInfo` relayed from the forward target. */
const MAX_ERROR_INFO_LENGTH = 200;

/** The answer to a `Live.CallbackBeforeSendGift`, and who made it. */
export interface BeforeGiftDecision {
  /** 0 lets the gift through; anything else blocks it (answered as a refusal: `ActionStatus` `OK`, this code). */
  readonly errorCode: number;
  readonly errorInfo: string;
  readonly decidedBy: 'forward' | 'policy';
}

/**
 * The callback answer Tencent gets for a decision: `callbackAck()` to allow, a refusal (`ActionStatus` `OK` with the
 * non-zero code) to block. Never `FAIL`: Tencent counts that as a failed callback, which lets the gift through in
 * the non-blocking mode (647/121916).
 */
export function beforeGiftAck(decision: BeforeGiftDecision): Response {
  return decision.errorCode === 0 ? callbackAck() : callbackAck({ kind: 'refuse', errorCode: decision.errorCode, errorInfo: decision.errorInfo });
}

/**
 * Reads the forward target's JSON as a callback answer: `{ ErrorCode: 0 }` allows, a non-zero `ErrorCode` (with
 * `ActionStatus` `OK` or none) blocks. `ActionStatus` `FAIL` means the target could not decide — so `undefined`,
 * like any answer that is not a callback answer, and the policy decides.
 */
function readDecision(text: string): { decision: { errorCode: number; errorInfo: string } } | { why: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { why: 'the answer is not {"ErrorCode": <integer>}' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { why: 'the answer is not {"ErrorCode": <integer>}' };
  const { ActionStatus: status, ErrorCode: errorCode, ErrorInfo: errorInfo } = parsed as { ActionStatus?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown };
  if (typeof status === 'string' && status.toUpperCase() === 'FAIL') return { why: 'the decision service answered ActionStatus FAIL (it could not decide)' };
  if (typeof errorCode !== 'number' || !Number.isSafeInteger(errorCode)) return { why: 'the answer is not {"ErrorCode": <integer>}' };
  return { decision: { errorCode, errorInfo: typeof errorInfo === 'string' ? errorInfo.slice(0, MAX_ERROR_INFO_LENGTH) : '' } };
}

/** Header sent to the decision service when the same gift callback (same signed URL, same event id) was seen before. */
export const REPLAY_HEADER = 'x-tokenwire-replay';

/** The decision `BEFORE_GIFT_POLICY` makes on its own. */
export function policyDecision(policy: CallbackConfig['beforeGift']['policy']): BeforeGiftDecision {
  return policy === 'allow'
    ? { errorCode: 0, errorInfo: '', decidedBy: 'policy' }
    : { errorCode: POLICY_BLOCK_ERROR_CODE, errorInfo: POLICY_BLOCK_ERROR_INFO, decidedBy: 'policy' };
}

/**
 * Decides a `Live.CallbackBeforeSendGift` within Tencent's 2 s (`eventMessage` builds the forwarded message, only
 * when there is a forward target). With `BEFORE_GIFT_FORWARD_URL`, the event is
 * POSTed there (same JSON as the event sinks get, with `FORWARD_AUTHORIZATION`) and a `200` answer shaped like a
 * callback answer — `{ "ErrorCode": 0 }` to allow, a non-zero `ErrorCode` (and `ErrorInfo`) with `ActionStatus`
 * `OK` or none to block — decides. `ActionStatus` `FAIL` (could not decide), no such answer within
 * `BEFORE_GIFT_FORWARD_TIMEOUT_MS` (1500 ms by default), or any other answer, and `BEFORE_GIFT_POLICY` decides:
 * `allow` (the default) or `block`. Answer Tencent with {@link beforeGiftAck}.
 *
 * `seenBefore(message)` says whether this callback was decided before (a replay, or an identical gift sent in the
 * same second); such a request carries `x-tokenwire-replay: 1` ({@link REPLAY_HEADER}), and the decision service
 * must answer it idempotently.
 */
export async function decideBeforeGift(
  eventMessage: () => Promise<CallbackEventMessage>,
  config: Pick<CallbackConfig, 'beforeGift' | 'forwardAuthorization'>,
  fetch: OutboundFetch,
  seenBefore: (message: CallbackEventMessage) => boolean = () => false,
): Promise<BeforeGiftDecision> {
  const { policy, forwardUrl, forwardTimeoutMs } = config.beforeGift;
  if (forwardUrl === undefined) return policyDecision(policy);
  const message = await eventMessage();
  const repeated = seenBefore(message);
  const result = await postJson(fetch, forwardUrl, JSON.stringify(message), {
    timeoutMs: forwardTimeoutMs,
    headers: {
      'x-tokenwire-event-id': message.id,
      'x-tokenwire-callback-command': message.command,
      ...(repeated ? { [REPLAY_HEADER]: '1' } : {}),
      ...(config.forwardAuthorization === undefined ? {} : { authorization: config.forwardAuthorization }),
    },
  });
  const read = result.kind === 'response' && result.status === 200 ? readDecision(result.text) : undefined;
  if (read !== undefined && 'decision' in read) return { ...read.decision, decidedBy: 'forward' };
  const why =
    result.kind === 'timeout'
      ? `no answer within ${forwardTimeoutMs} ms`
      : result.kind === 'network'
        ? `network error (${result.message})`
        : result.status !== 200
          ? `HTTP ${result.status}`
          : (read?.why ?? 'the answer is not {"ErrorCode": <integer>}');
  console.error(JSON.stringify({ worker: 'tokenwire-edge', event: 'before_gift.policy_fallback', id: message.id, policy, why }));
  return policyDecision(policy);
}
