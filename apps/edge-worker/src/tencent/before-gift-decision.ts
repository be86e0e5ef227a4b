import { MalformedResponseError, TimeoutError } from '@tokenwire/core';
import { type EngineAnswer, limitResponseSize, NO_RETRY_POLICY, outboundEngine, randomUint32 } from '@tokenwire/core/internal';
import type { CallbackConfig } from '../config/callback-config.js';
import type { OutboundFetch } from '../env.js';
import { describeOutboundFailure } from '../http/outbound-failure.js';
import type { CallbackEventMessage } from './callback-event-message.js';
import type { RememberedAnswer } from './replay-guard.js';

/** `ErrorCode` answered when the policy blocks a gift. */
export const POLICY_BLOCK_ERROR_CODE = 1;

/** `ErrorInfo` answered when the policy blocks a gift (Tencent may show it to the sender). */
export const POLICY_BLOCK_ERROR_INFO = 'The gift cannot be sent right now';

/** Longest `ErrorInfo` relayed from the forward target. */
const MAX_ERROR_INFO_LENGTH = 200;

/** Largest answer read from the decision service, in bytes (a callback answer is a few dozen). */
export const DECISION_ANSWER_MAX_BYTES = 64 * 1024;

const answerLimit = /* @__PURE__ */ limitResponseSize(DECISION_ANSWER_MAX_BYTES);

const NOT_A_DECISION = 'the answer is not {"ErrorCode": <integer>}';

/**
 * The answer to a `Live.CallbackBeforeSendGift`, and who made it. `errorCode` 0 lets the gift through; anything else
 * blocks it (answered as a refusal: `ActionStatus` `OK`, this code).
 */
export interface BeforeGiftDecision extends RememberedAnswer {
  readonly decidedBy: 'forward' | 'policy';
}

/**
 * Reads the forward target's JSON as a callback answer: `{ ErrorCode: 0 }` allows, a non-zero `ErrorCode` (with
 * `ActionStatus` `OK` or none) blocks. `ActionStatus` `FAIL` means the target could not decide — so it gives a
 * reason instead, like any answer that is not a callback answer, and the policy decides.
 */
function readDecision(parsed: unknown): { decision: { errorCode: number; errorInfo: string } } | { why: string } {
  if (typeof parsed !== 'object' || parsed === null) return { why: NOT_A_DECISION };
  const {
    ActionStatus: status,
    ErrorCode: errorCode,
    ErrorInfo: errorInfo,
  } = parsed as { ActionStatus?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown };
  if (typeof status === 'string' && status.toUpperCase() === 'FAIL')
    return { why: 'the decision service answered ActionStatus FAIL (it could not decide)' };
  if (typeof errorCode !== 'number' || !Number.isSafeInteger(errorCode)) return { why: NOT_A_DECISION };
  return { decision: { errorCode, errorInfo: typeof errorInfo === 'string' ? errorInfo.slice(0, MAX_ERROR_INFO_LENGTH) : '' } };
}

/** The decision `BEFORE_GIFT_POLICY` makes on its own. */
export function policyDecision(policy: CallbackConfig['beforeGift']['policy']): BeforeGiftDecision {
  return policy === 'allow'
    ? { errorCode: 0, errorInfo: '', decidedBy: 'policy' }
    : { errorCode: POLICY_BLOCK_ERROR_CODE, errorInfo: POLICY_BLOCK_ERROR_INFO, decidedBy: 'policy' };
}

/**
 * Decides a `Live.CallbackBeforeSendGift` within Tencent's 2 s. With `BEFORE_GIFT_FORWARD_URL`, the event
 * `message` is POSTed there once with core's request engine (same JSON as the event sinks get, with
 * `FORWARD_AUTHORIZATION`; a redirect is refused, the answer read up to {@link DECISION_ANSWER_MAX_BYTES}) and a
 * `200` answer shaped like a callback answer — `{ "ErrorCode": 0 }` to allow, a non-zero `ErrorCode` (and
 * `ErrorInfo`) with `ActionStatus` `OK` or none to block — decides. `ActionStatus` `FAIL` (could not decide), no
 * such answer within `BEFORE_GIFT_FORWARD_TIMEOUT_MS` (1500 ms by default), or any other answer, and
 * `BEFORE_GIFT_POLICY` decides: `allow` (the default) or `block`. Answer Tencent with `callbackOk(decision)`.
 */
export async function decideBeforeGift(
  message: CallbackEventMessage,
  config: Pick<CallbackConfig, 'beforeGift' | 'forwardAuthorization'>,
  fetch: OutboundFetch,
): Promise<BeforeGiftDecision> {
  const { policy, forwardUrl, forwardTimeoutMs } = config.beforeGift;
  if (forwardUrl === undefined) return policyDecision(policy);
  let answer: EngineAnswer | undefined;
  let failure: unknown;
  try {
    // One attempt within the deadline: Tencent's 2 s leave no room for another.
    answer = await outboundEngine(fetch).send({
      url: forwardUrl.href,
      body: JSON.stringify(message),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-tokenwire-event-id': message.id,
        'x-tokenwire-callback-command': message.command,
        ...(config.forwardAuthorization === undefined ? {} : { authorization: config.forwardAuthorization }),
      },
      timeoutMs: forwardTimeoutMs,
      retry: NO_RETRY_POLICY,
      random: randomUint32,
      where: 'BEFORE_GIFT_FORWARD_URL',
      context: () => ({}),
      secrets: () => [config.forwardAuthorization],
      responseSizeLimit: answerLimit,
    });
  } catch (error) {
    failure = error;
  }
  const read = answer === undefined ? undefined : answer.status === 200 ? readDecision(answer.body) : { why: `HTTP ${answer.status}` };
  if (read !== undefined && 'decision' in read) return { ...read.decision, decidedBy: 'forward' };
  const why =
    read?.why ??
    (TimeoutError.isInstance(failure)
      ? `no answer within ${forwardTimeoutMs} ms`
      : MalformedResponseError.isInstance(failure)
        ? NOT_A_DECISION
        : describeOutboundFailure(failure));
  console.error(JSON.stringify({ worker: 'tokenwire-edge', event: 'before_gift.policy_fallback', id: message.id, policy, why }));
  return policyDecision(policy);
}
