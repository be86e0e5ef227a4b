import { ValidationError } from '@tokenwire/core';
import { characterCount } from '../input/text-measures.js';

/**
 * The 24-character limit some of Huawei's tables put on a user id. The client enforces it only where the pages
 * agree: `doLeaveMessage.callId` (1–24 in the API reference cec_07_2218 and cec_07_0107; no page says otherwise).
 * Elsewhere the pages disagree and the session's userId is sent as long as `applyToken` took it (1–32,
 * `MAX_USER_ID_LENGTH`): `send.from` (1–24 in the 2025 tables, no limit in devg cec_05_2031, and every send example
 * of cec_05_2032 has a 40-character `from`), `queryHistoryChatMessage.userId` (1–24 in cec_07_0104, 1–32 in
 * cec_07_2215) and `saveSatisfaction.userId` (1–24 in cec_07_2226, 1–32 in cec_07_2203).
 */
export const MAX_SHORT_USER_ID_LENGTH = 24;

/** Where a user-id limit applies and where it is documented, for {@link assertUserIdLimit}. */
export interface UserIdLimit {
  /** What is validated, for the error (e.g. `leaveMessage input`). */
  readonly subject: string;
  /** The API (e.g. `doLeaveMessage`). */
  readonly api: string;
  /** The field that carries the user id (e.g. `callId`). */
  readonly field: string;
  /** Most characters. */
  readonly limit: number;
  /** The pages that document the limit (e.g. `API reference cec_07_2218, cec_07_0107`). */
  readonly pages: string;
}

/**
 * Refuses, before anything is sent, a call that would carry the session's `userId` in a field AICC limits to
 * fewer characters, naming the limit and the pages that say so. The id itself is never quoted.
 *
 * @throws {@link ValidationError} on path `userId`.
 * @internal
 */
export function assertUserIdLimit(userId: string, rule: UserIdLimit): void {
  if (characterCount(userId) <= rule.limit) return;
  throw new ValidationError(rule.subject, [
    {
      path: 'userId',
      message: `${rule.api} takes the session's userId as ${rule.field}, which AICC limits to ${rule.limit} characters (${rule.pages})`,
    },
  ]);
}
