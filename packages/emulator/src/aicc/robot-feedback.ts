import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { openSessionOf } from './chat-session.js';
import { characterCount } from './text-measures.js';

/** `v1/robot/feedbacksatisfaction` result codes as AICC documents them. */
export const ROBOT_FEEDBACK_RESULT_CODES = {
  success: '0',
  /** `feedback` is 0 (dissatisfied) without a `feedbackContent`. */
  contentRequired: '30000000008',
  /** No open session with the robot, or `interIdx` is not one of its answers. */
  notRobotSession: '30000000019',
  /** Chat module error — the emulator's answer to malformed fields. */
  chatModuleError: '30010009999',
  /** Authentication failed — the emulator's answer when `from` is not the token's user. */
  authenticationFailed: '10010000001',
} as const;

/** The longest `feedbackContent`, in characters. */
export const FEEDBACK_CONTENT_MAX_LENGTH = 64;

/**
 * `POST /apiaccess/ccmessaging/v1/robot/feedbacksatisfaction`: rates a robot answer. `feedback` is the integer 1
 * (satisfied) or 0 (dissatisfied, which needs `feedbackContent`, ≤ 64 characters), `from` the user and `interIdx`
 * the robot answer's index from its downlink message. Codes: see {@link ROBOT_FEEDBACK_RESULT_CODES}.
 */
export function robotFeedback(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const failure = (resultCode: string, resultDesc: string): HandlerResult => ({ body: { resultCode, resultDesc } });
  const { feedback, feedbackContent, from, interIdx } = body;
  if (from !== token.userId)
    return failure(ROBOT_FEEDBACK_RESULT_CODES.authenticationFailed, 'from must be the userId of the ccmessaging-token.');
  if (feedback !== 0 && feedback !== 1) return failure(ROBOT_FEEDBACK_RESULT_CODES.chatModuleError, 'feedback must be the integer 1 or 0.');
  if (feedbackContent !== undefined && feedbackContent !== null && typeof feedbackContent !== 'string') {
    return failure(ROBOT_FEEDBACK_RESULT_CODES.chatModuleError, 'feedbackContent must be a string.');
  }
  if (typeof feedbackContent === 'string' && characterCount(feedbackContent) > FEEDBACK_CONTENT_MAX_LENGTH) {
    return failure(
      ROBOT_FEEDBACK_RESULT_CODES.chatModuleError,
      `feedbackContent must be at most ${FEEDBACK_CONTENT_MAX_LENGTH} characters.`,
    );
  }
  const index = typeof interIdx === 'number' && Number.isInteger(interIdx) ? String(interIdx) : interIdx;
  if (typeof index !== 'string' || index === '') return failure(ROBOT_FEEDBACK_RESULT_CODES.chatModuleError, 'interIdx is required.');
  const content = typeof feedbackContent === 'string' ? feedbackContent.trim() : '';
  if (feedback === 0 && content === '') {
    return failure(ROBOT_FEEDBACK_RESULT_CODES.contentRequired, 'feedbackContent is required when the user is dissatisfied.');
  }
  const session = openSessionOf(context, token.userId);
  if (
    session === undefined ||
    session.status !== 'robot' ||
    session.channelId !== token.channelId ||
    !session.robotInteractionIndexes.includes(index)
  ) {
    return failure(ROBOT_FEEDBACK_RESULT_CODES.notRobotSession, 'not a robot session, or no such robot answer.');
  }
  context.state.robotFeedbacks.push({
    userId: token.userId,
    callId: session.callId,
    interIdx: index,
    feedback,
    ...(content === '' ? {} : { feedbackContent: content }),
    savedAt: context.now(),
  });
  return { body: { resultCode: ROBOT_FEEDBACK_RESULT_CODES.success, resultDesc: 'feedback satisfaction success.' } };
}
