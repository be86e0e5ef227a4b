import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { characterCount } from './text-measures.js';

/** `doLeaveMessage` result codes (AICC documents `13` for server failures, which the emulator never has). */
export const LEAVE_MESSAGE_RESULT_CODES = { success: '0', parametersEmpty: '2', parameterError: '3' } as const;

/** The longest `leaveMessage` the emulator accepts, in characters (AICC does not document one). */
export const LEAVE_MESSAGE_MAX_LENGTH = 1024;

/** A contact number: digits with an optional leading `+`, spaces and dashes allowed, 3–32 characters. */
const CALLER_PATTERN = /^\+?[0-9][0-9 -]{1,30}[0-9]$/;

/** The `doLeaveMessage` request body, once its fields are known to be present. */
export const LeaveMessageRequestSchema = /* @__PURE__ */ (() =>
  v.object({
    callId: v.pipe(
      v.string(),
      v.check((text) => characterCount(text) <= 24, 'callId must be 1–24 characters'),
    ),
    caller: v.pipe(v.string(), v.regex(CALLER_PATTERN, 'caller must be a contact number')),
    leaveMessage: v.pipe(
      v.string(),
      v.check(
        (text) => characterCount(text) <= LEAVE_MESSAGE_MAX_LENGTH,
        `leaveMessage must be at most ${LEAVE_MESSAGE_MAX_LENGTH} characters`,
      ),
    ),
    channel: v.literal('WEB', 'channel must be WEB'),
  }))();

/**
 * `POST /apiaccess/ccmessaging/doLeaveMessage` (used when connecting to an agent fails): `callId` (the user id,
 * which must be the token's user), `caller` (a contact number), `leaveMessage` and `channel`. A missing or empty
 * field → `"2"`; a wrong value → `"3"` (`the leaveMessageParams is error.`); success → `"0"`
 * (`Save leaveMessage success!`), and the message is kept in `state.leaveMessages`.
 */
export function leaveMessage(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const missing = ['callId', 'caller', 'leaveMessage', 'channel'].filter(
    (field) => body[field] === undefined || body[field] === null || body[field] === '',
  );
  if (missing.length > 0) {
    return {
      body: {
        resultCode: LEAVE_MESSAGE_RESULT_CODES.parametersEmpty,
        resultDesc: `the leaveMessageParams is empty: ${missing.join(', ')}.`,
      },
    };
  }
  const parsed = v.safeParse(LeaveMessageRequestSchema, body);
  if (!parsed.success || parsed.output.callId !== token.userId) {
    return { body: { resultCode: LEAVE_MESSAGE_RESULT_CODES.parameterError, resultDesc: 'the leaveMessageParams is error.' } };
  }
  context.state.leaveMessages.push({
    userId: token.userId,
    callId: parsed.output.callId,
    caller: parsed.output.caller,
    leaveMessage: parsed.output.leaveMessage,
    savedAt: context.now(),
  });
  return { body: { resultCode: LEAVE_MESSAGE_RESULT_CODES.success, resultDesc: 'Save leaveMessage success!' } };
}
