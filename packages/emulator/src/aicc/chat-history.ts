import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { describeIssues } from './read-json-body.js';
import { hasCharacterCountBetween } from './text-measures.js';

/** The largest page `queryHistoryChatMessage` returns. */
export const HISTORY_MAX_PAGE_SIZE = 100;

const millisecondsText = (name: string) =>
  v.pipe(v.string(`${name} must be a string`), v.regex(/^\d{1,16}$/, `${name} must be milliseconds since the epoch, as a string`));

/**
 * The `queryHistoryChatMessage` request body. `limit` and `offset` are strings of digits, as AICC documents
 * (numbers are rejected, to catch clients that would send the wrong type to the real service).
 */
export const HistoryRequestSchema = /* @__PURE__ */ (() =>
  v.object({
    channelId: v.pipe(v.string('channelId must be a string'), v.nonEmpty('channelId is required')),
    userId: v.pipe(v.string('userId must be a string'), v.check(hasCharacterCountBetween(1, 32), 'userId must be 1–32 characters')),
    startTime: v.optional(millisecondsText('startTime')),
    endTime: v.optional(millisecondsText('endTime')),
    limit: v.pipe(
      v.string('limit must be a string'),
      v.regex(/^\d{1,4}$/, 'limit must be a string of digits'),
      v.check((text) => Number(text) >= 1 && Number(text) <= HISTORY_MAX_PAGE_SIZE, `limit must be 1–${HISTORY_MAX_PAGE_SIZE}`),
    ),
    offset: v.pipe(v.string('offset must be a string'), v.regex(/^\d{1,9}$/, 'offset must be a string of digits')),
    channel: v.optional(v.literal('WEB', 'channel must be WEB')),
  }))();

/**
 * `POST /apiaccess/ccmessaging/queryHistoryChatMessage`: the user's messages on the channel (sent and received,
 * all sessions, without READ receipts), oldest first, optionally within `startTime`–`endTime` (inclusive, ms),
 * paged by `offset` and `limit`. `userId`/`channelId` must be the token's. Failures → `resultCode "1"`.
 */
export function queryHistory(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>): HandlerResult {
  const failure = (resultDesc: string): HandlerResult => ({ body: { resultCode: '1', resultDesc } });
  const parsed = v.safeParse(HistoryRequestSchema, body);
  if (!parsed.success) return failure(describeIssues(parsed.issues));
  const request = parsed.output;
  if (request.userId !== token.userId) return failure('userId must be the userId of the ccmessaging-token.');
  if (request.channelId !== token.channelId) return failure('channelId must be the channelId of the ccmessaging-token.');
  const startTime = request.startTime === undefined ? Number.NEGATIVE_INFINITY : Number(request.startTime);
  const endTime = request.endTime === undefined ? Number.POSITIVE_INFINITY : Number(request.endTime);
  if (startTime > endTime) return failure('startTime must not be after endTime.');
  const channelId = token.channelId;
  const all = (context.state.messages.get(token.userId) ?? []).filter((message) => {
    const messageChannel = message.sourceType === 'CUSTOMER' ? message.to : message.from;
    return messageChannel === channelId && message.timestamp >= startTime && message.timestamp <= endTime;
  });
  const offset = Number(request.offset);
  const messageList = all.slice(offset, offset + Number(request.limit));
  return { body: { resultCode: '0', resultDesc: 'query history chat message success.', messageList } };
}
