import { parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { assertBusinessSuccess, parseResponse } from '../client/parse-response.js';
import { SignalOptionsSchema, type CallOptions } from '../input/signal-options.js';
import { CountSchema } from '../messages/count-field.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { CHANNEL } from '../messages/enumerations.js';
import { ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import type { SessionContext } from './session-caller.js';

/**
 * `queryQueueInfo` result codes that are answers rather than failures: the session is not (or no longer) queuing.
 * Every other code other than `"0"` is an {@link AiccApiError} (`1` bad parameters, `2` CCUCS request failed, `3`
 * token error, `4` unknown, `5` session ended, `6` CCUCS session invalid, `160001` CCUCS communication failed,
 * `160004` no such session).
 */
export const NOT_QUEUING_RESULT_CODES = {
  /** Already transferred to an agent. */
  '160021': 'agent',
  /** Transferred to IVR. */
  '160022': 'ivr',
} as const;

/**
 * The `queryQueueInfo` answer; the wait figures are integers in seconds (AICC may send them as strings of digits),
 * `undefined` when AICC leaves them out or sends `null`. Unknown fields pass through.
 */
export interface QueueInfoResponse {
  /** `"0"` while queuing; see {@link NOT_QUEUING_RESULT_CODES} for the answers that are not failures. */
  resultCode: string;
  resultDesc?: string | undefined;
  /** Place in the queue, 1 = next. */
  position?: number | undefined;
  totalWaitTime?: number | undefined;
  currentDeviceWaitTime?: number | undefined;
  /** The tenant's configured longest wait. */
  configMaxcWaitTime?: number | undefined;
  longestWaitTime?: number | undefined;
  estimateWaitTime?: number | undefined;
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of a {@link QueueInfoResponse}. */
const QueueInfoResponseSchema: v.GenericSchema<unknown, QueueInfoResponse> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: ResultCodeSchema,
    resultDesc: ResultDescriptionSchema,
    position: CountSchema,
    totalWaitTime: CountSchema,
    currentDeviceWaitTime: CountSchema,
    configMaxcWaitTime: CountSchema,
    longestWaitTime: CountSchema,
    estimateWaitTime: CountSchema,
  } satisfies EntriesOf<QueueInfoResponse>))();

/** Where a session stands in the agent queue. */
export type QueueInfo =
  | {
      readonly queuing: true;
      readonly position: number | undefined;
      readonly totalWaitTime: number | undefined;
      readonly currentDeviceWaitTime: number | undefined;
      readonly configuredMaximumWaitTime: number | undefined;
      readonly longestWaitTime: number | undefined;
      readonly estimateWaitTime: number | undefined;
    }
  | {
      readonly queuing: false;
      /** Where the session went instead. */
      readonly transferredTo: 'agent' | 'ivr';
      readonly resultCode: keyof typeof NOT_QUEUING_RESULT_CODES;
      readonly resultDesc: string | undefined;
    };

/**
 * `POST /apiaccess/ccmessaging/queryQueueInfo` (valid after a successful CONNECT and a transfer): the session's
 * place in the agent queue, or where it went when it is no longer queuing (160021 agent, 160022 IVR).
 *
 * @internal
 */
export async function queryQueueInfo(context: SessionContext, options: CallOptions | undefined): Promise<QueueInfo> {
  const { signal } = parseInput(SignalOptionsSchema, options, 'queueInfo options');
  const { user } = context;
  const response = await context.call({
    api: 'queryQueueInfo',
    body: { userId: user.userId, channelConfigId: user.channelId, channel: CHANNEL },
    signal,
  });
  const outcome = { path: response.path, status: response.status, attempt: response.attempt, redact: response.redact };
  const answer = parseResponse(QueueInfoResponseSchema, response.body, outcome);
  if (Object.hasOwn(NOT_QUEUING_RESULT_CODES, answer.resultCode)) {
    const resultCode = answer.resultCode as keyof typeof NOT_QUEUING_RESULT_CODES;
    return { queuing: false, transferredTo: NOT_QUEUING_RESULT_CODES[resultCode], resultCode, resultDesc: answer.resultDesc };
  }
  assertBusinessSuccess(answer, 'resultCode', outcome);
  return {
    queuing: true,
    position: answer.position,
    totalWaitTime: answer.totalWaitTime,
    currentDeviceWaitTime: answer.currentDeviceWaitTime,
    configuredMaximumWaitTime: answer.configMaxcWaitTime,
    longestWaitTime: answer.longestWaitTime,
    estimateWaitTime: answer.estimateWaitTime,
  };
}
