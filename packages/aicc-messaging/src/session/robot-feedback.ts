import { numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { NonEmptyCheck } from '../input/non-empty.js';
import { characterCount } from '../input/text-measures.js';
import { CallOptionEntries } from '../input/signal-options.js';
import { ResultOnlyResponseSchema, type ResultOnlyResponse } from '../messages/response-fields.js';
import type { AiccSession } from './create-aicc-session.js';
import { callApi } from './session-caller.js';
import { sessionContext } from './session-registry.js';

/** Longest `feedbackContent`, in characters. */
export const MAX_FEEDBACK_CONTENT_LENGTH = 64;

/** What {@link sendRobotFeedback} takes. */
export interface RobotFeedbackInput {
  /** The `interIdx` of the robot answer being rated (from its downlink message). */
  readonly interIdx: string | number;
  /** Whether the user was satisfied (`feedback` 1) or not (0). */
  readonly satisfied: boolean;
  /** Why not (`feedbackContent`, at most 64 characters); required when `satisfied` is false. */
  readonly feedbackContent?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

const RobotFeedbackInputSchema = /* @__PURE__ */ (() =>
  v.pipe(
    optionsObject(
      {
        ...CallOptionEntries,
        interIdx: v.pipe(
          v.union(
            [v.pipe(v.string(), NonEmptyCheck), numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number, at least 0', true)],
            'must be the interIdx of a robot message',
          ),
          v.transform(String),
        ),
        satisfied: v.boolean('must be a boolean'),
        feedbackContent: v.optional(
          v.pipe(
            v.string('must be a string'),
            v.check(
              (text) => characterCount(text) <= MAX_FEEDBACK_CONTENT_LENGTH,
              `must be at most ${MAX_FEEDBACK_CONTENT_LENGTH} characters`,
            ),
          ),
        ),
      },
      'an object with interIdx and satisfied',
    ),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed || dataset.value.satisfied || (dataset.value.feedbackContent ?? '').trim() !== '') return;
      const { value } = dataset;
      // Reported under feedbackContent, the field that is missing.
      addIssue({
        message: 'is required when the user is not satisfied',
        path: [{ type: 'object', origin: 'value', input: value, key: 'feedbackContent', value: value.feedbackContent }],
      });
    }),
  ))();

/**
 * A successful `v1/robot/feedbacksatisfaction` answer: `resultCode` `"0"` (the failures — `30000000008` content
 * missing, `10010000002` flow control, `30000000019` not a robot session, … — are thrown as {@link AiccApiError}).
 * Unknown fields pass through.
 */
export type RobotFeedbackResult = ResultOnlyResponse;

/**
 * `POST /apiaccess/ccmessaging/v1/robot/feedbacksatisfaction` — rates one robot answer.
 *
 * A function rather than a session method, so that a browser bundle that does not use it does not carry it.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for malformed input or a value that is not a
 *   session (nothing is sent); {@link AiccApiError} when AICC refuses; the transport errors of the session's client.
 * @example
 * ```ts
 * await sendRobotFeedback(session, { interIdx: answer.interIdx, satisfied: false, feedbackContent: 'wrong answer' });
 * ```
 */
export async function sendRobotFeedback(session: AiccSession, input: RobotFeedbackInput): Promise<RobotFeedbackResult> {
  const context = sessionContext(session, 'robotFeedback input');
  const parsed = parseInput(RobotFeedbackInputSchema, input, 'robotFeedback input');
  const body = {
    feedback: parsed.satisfied ? 1 : 0,
    ...(parsed.feedbackContent === undefined ? {} : { feedbackContent: parsed.feedbackContent }),
    from: context.user.userId,
    interIdx: parsed.interIdx,
  };
  return callApi(context, { api: 'v1/robot/feedbacksatisfaction', body, signal: parsed.signal }, ResultOnlyResponseSchema);
}
