import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { describeIssues } from './read-json-body.js';
import { hasCharacterCountBetween } from './text-measures.js';

/** `queryQueueInfo` result codes (AICC §8.2) the emulator produces. */
export const QUEUE_INFO_RESULT_CODES = {
  /** Queuing; the wait figures are valid. */
  queuing: '0',
  invalidParameter: '1',
  /** The `userId` is not the ccmessaging-token's user. */
  tokenError: '3',
  /** The session has ended (DISCONNECT). */
  sessionEnded: '5',
  /** No session, or the session is with the robot and was never transferred (no contact-center session). */
  sessionNotFound: '160004',
  /** Already transferred to an agent (not queuing). */
  withAgent: '160021',
} as const;

/** The longest time a session may queue, as reported in `configMaxcWaitTime` (seconds). */
export const CONFIGURED_MAX_WAIT_SECONDS = 600;

/** The notional handling time per session ahead in the queue, used for `estimateWaitTime` (seconds). */
export const ESTIMATED_SECONDS_PER_POSITION = 60;

/** The `queryQueueInfo` request body. */
export const QueueInfoRequestSchema = /* @__PURE__ */ (() =>
  v.object({
    userId: v.pipe(v.string('userId must be a string'), v.check(hasCharacterCountBetween(1, 32), 'userId must be 1–32 characters')),
    channelConfigId: v.pipe(v.string('channelConfigId must be a string'), v.nonEmpty('channelConfigId is required')),
    channel: v.literal('WEB', 'channel must be WEB'),
  }))();

/**
 * `POST /apiaccess/ccmessaging/queryQueueInfo`: while the user's session is queued for an agent, answers
 * `resultCode "0"` with `position` (1 = next), `totalWaitTime`, `currentDeviceWaitTime`, `configMaxcWaitTime`,
 * `longestWaitTime` and `estimateWaitTime` (integer seconds, from the injected clock); otherwise one of the codes of
 * {@link QUEUE_INFO_RESULT_CODES}.
 */
export function queryQueueInfo(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const failure = (resultCode: string, resultDesc: string): HandlerResult => ({ body: { resultCode, resultDesc } });
  const parsed = v.safeParse(QueueInfoRequestSchema, body);
  if (!parsed.success) return failure(QUEUE_INFO_RESULT_CODES.invalidParameter, describeIssues(parsed.issues));
  if (parsed.output.userId !== token.userId)
    return failure(QUEUE_INFO_RESULT_CODES.tokenError, 'the userId does not match the ccmessaging-token.');
  if (parsed.output.channelConfigId !== token.channelId) {
    return failure(QUEUE_INFO_RESULT_CODES.invalidParameter, 'channelConfigId must be the channelId of the ccmessaging-token.');
  }
  const session = context.state.sessions.get(token.userId);
  if (session === undefined || session.channelId !== token.channelId || session.status === 'robot') {
    return failure(QUEUE_INFO_RESULT_CODES.sessionNotFound, 'the session does not exist or is not queuing for an agent.');
  }
  if (session.status === 'closed') return failure(QUEUE_INFO_RESULT_CODES.sessionEnded, 'the session has ended.');
  if (session.status === 'agent') return failure(QUEUE_INFO_RESULT_CODES.withAgent, 'the session has been transferred to an agent.');

  const now = context.now();
  const waitSeconds = (userId: string): number => {
    const queuedAt = context.state.sessions.get(userId)?.queuedAt ?? now;
    return Math.max(0, Math.floor((now - queuedAt) / 1000));
  };
  const sameChannel = context.state.agentQueue.filter((userId) => context.state.sessions.get(userId)?.channelId === session.channelId);
  const position = sameChannel.indexOf(session.userId) + 1;
  const ownWait = waitSeconds(session.userId);
  return {
    body: {
      resultCode: QUEUE_INFO_RESULT_CODES.queuing,
      resultDesc: 'query queue info success.',
      position,
      totalWaitTime: ownWait,
      currentDeviceWaitTime: ownWait,
      configMaxcWaitTime: CONFIGURED_MAX_WAIT_SECONDS,
      longestWaitTime: Math.max(ownWait, ...sameChannel.map(waitSeconds)),
      estimateWaitTime: position * ESTIMATED_SECONDS_PER_POSITION,
    },
  };
}
