import { ValidationError } from '@tokenwire/core';
import { characterCount } from '../input/text-measures.js';

/**
 * Longest user id, in characters, of the APIs AICC documents with 1–24 characters: `send`/`sendAsync` (`from`),
 * `queryHistoryChatMessage` (`userId`), `doLeaveMessage` (`callId`) and `saveSatisfaction` (`userId`, 2025
 * edition). `applyToken`, `poll` and `queryQueueInfo` take up to 32 (`MAX_USER_ID_LENGTH`).
 */
export const MAX_SHORT_USER_ID_LENGTH = 24;

/**
 * Refuses, before anything is sent, a call that would carry the session's `userId` in a field AICC limits to
 * {@link MAX_SHORT_USER_ID_LENGTH} characters. The id itself is never quoted.
 *
 * @throws {@link ValidationError} on path `userId`.
 * @internal
 */
export function assertShortUserId(userId: string, subject: string, api: string, field: string): void {
  if (characterCount(userId) <= MAX_SHORT_USER_ID_LENGTH) return;
  throw new ValidationError(subject, [
    { path: 'userId', message: `${api} takes the session's userId as ${field}, which must be at most ${MAX_SHORT_USER_ID_LENGTH} characters` },
  ]);
}
