import { optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { CallOptionEntries } from '../input/signal-options.js';
import { CHANNEL } from '../messages/enumerations.js';
import { ResultOnlyResponseSchema, type ResultOnlyResponse } from '../messages/response-fields.js';
import type { AiccSession } from './create-aicc-session.js';
import { callApi } from './session-caller.js';
import { sessionContext } from './session-registry.js';
import { assertUserIdLimit, MAX_SHORT_USER_ID_LENGTH } from './user-id-limit.js';

/** Longest `callId` (the user id) `doLeaveMessage` accepts: 24 characters (API reference cec_07_2218, cec_07_0107). */
export const MAX_LEAVE_MESSAGE_USER_ID_LENGTH: number = MAX_SHORT_USER_ID_LENGTH;

/** A contact number: digits with an optional leading `+`, spaces and dashes allowed, 3–32 characters. */
export const CONTACT_NUMBER_PATTERN = /^\+?[0-9][0-9 -]{1,30}[0-9]$/;

/** What {@link leaveMessage} takes. */
export interface LeaveMessageInput {
  /** How to reach the user back (`caller`): a phone number. */
  readonly caller: string;
  /** The message (`leaveMessage`). */
  readonly message: string;
  readonly signal?: AbortSignal | undefined;
}

const LeaveMessageInputSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      ...CallOptionEntries,
      caller: v.pipe(
        v.string('must be a string'),
        v.regex(CONTACT_NUMBER_PATTERN, 'must be a contact number (digits, optional +, spaces or dashes)'),
      ),
      message: v.pipe(
        v.string('must be a string'),
        v.check((text) => text.trim() !== '', 'must not be empty'),
      ),
    },
    'an object with caller and message',
  ))();

/**
 * A successful `doLeaveMessage` answer: `resultCode` `"0"` (the failures — `2` parameters empty, `3` parameter
 * error, `13` failure — are thrown as {@link AiccApiError}). Unknown fields pass through.
 */
export type LeaveMessageResult = ResultOnlyResponse;

/**
 * `POST /apiaccess/ccmessaging/doLeaveMessage` — when connecting to an agent failed, leaves a message and a number
 * to call back. AICC takes the user id as `callId` and allows only 24 characters there (cec_07_2218, cec_07_0107;
 * no page says otherwise), so a longer userId is refused before sending.
 *
 * A function rather than a session method, so that a browser bundle that does not use it does not carry it.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for malformed input or a value that is not a
 *   session (nothing is sent); {@link AiccApiError} when AICC refuses; the transport errors of the session's client.
 * @example
 * ```ts
 * await leaveMessage(session, { caller: '13800000000', message: 'Please call me back' });
 * ```
 */
export async function leaveMessage(session: AiccSession, input: LeaveMessageInput): Promise<LeaveMessageResult> {
  const context = sessionContext(session, 'leaveMessage input');
  const parsed = parseInput(LeaveMessageInputSchema, input, 'leaveMessage input');
  const { userId } = context.user;
  assertUserIdLimit(userId, {
    subject: 'leaveMessage input',
    api: 'doLeaveMessage',
    field: 'callId',
    limit: MAX_LEAVE_MESSAGE_USER_ID_LENGTH,
    pages: 'API reference cec_07_2218, cec_07_0107',
  });
  return callApi(
    context,
    {
      api: 'doLeaveMessage',
      body: { callId: userId, caller: parsed.caller, leaveMessage: parsed.message, channel: CHANNEL },
      signal: parsed.signal,
    },
    ResultOnlyResponseSchema,
  );
}
