import { numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { CallOptionEntries } from '../input/signal-options.js';
import { CHANNEL } from '../messages/enumerations.js';
import type { HistoryMessage } from '../messages/history-message.js';
import { HistoryMessageEntrySchema } from '../messages/read-history-message.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { optionalList, ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import { callApi, type SessionContext } from './session-caller.js';

/** Largest history page this package asks for. */
export const MAX_HISTORY_PAGE_SIZE = 100;

/** Options of {@link AiccSession.history}. */
export interface HistoryOptions {
  /** Page size, 1–100. Default 20. */
  readonly limit?: number | undefined;
  /** Messages to skip. Default 0. */
  readonly offset?: number | undefined;
  /** Only messages at or after this time (ms since the epoch). */
  readonly startTime?: number | undefined;
  /** Only messages at or before this time (ms since the epoch). */
  readonly endTime?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

const milliseconds = /* @__PURE__ */ (() =>
  v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be whole milliseconds since the epoch, not negative', true)))();

const HistoryOptionsSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.optional(
      optionsObject(
        {
          ...CallOptionEntries,
          limit: v.optional(numberIn(1, MAX_HISTORY_PAGE_SIZE, `must be a whole number from 1 to ${MAX_HISTORY_PAGE_SIZE}`, true)),
          offset: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number, not negative', true)),
          startTime: milliseconds,
          endTime: milliseconds,
        },
        'an object of history options',
      ),
      {},
    ),
    v.check(
      (options) => options.startTime === undefined || options.endTime === undefined || options.startTime <= options.endTime,
      'startTime must not be after endTime',
    ),
  ))();

/**
 * The `queryHistoryChatMessage` answer. `messageList` absent or `null` reads as empty; each message is read on its own
 * ({@link readHistoryMessage}), so one that does not fit is delivered with `unreadable` set instead of failing the
 * whole page. Unknown fields pass through.
 */
interface HistoryResponse {
  resultCode: string;
  resultDesc?: string | undefined;
  messageList: HistoryMessage[];
  [field: string]: unknown;
}

/** The schema of a {@link HistoryResponse}. */
export const HistoryResponseSchema: v.GenericSchema<unknown, HistoryResponse> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: ResultCodeSchema,
    resultDesc: ResultDescriptionSchema,
    messageList: optionalList(HistoryMessageEntrySchema, 'must be an array of messages'),
  } satisfies EntriesOf<HistoryResponse>))();

/** One page of chat history. */
export interface HistoryPage {
  /**
   * In the order AICC returned them (AICC documents no order; sort by `timestamp` when the order matters). None is
   * dropped: one that does not fit the documented shape comes with `unreadable` set.
   */
  readonly messages: readonly HistoryMessage[];
}

/**
 * `POST /apiaccess/ccmessaging/queryHistoryChatMessage`: the user's messages on the channel (sent and received),
 * paged; `limit` and `offset` are sent as strings, as AICC documents. The `userId` is not limited beyond
 * applyToken's 32 characters: the pages disagree (1–32 in cec_07_2215, 2023-09-27; 1–24 in cec_07_0104,
 * 2025-11-13).
 *
 * @internal
 */
export async function queryHistory(context: SessionContext, options: HistoryOptions | undefined): Promise<HistoryPage> {
  const parsed = parseInput(HistoryOptionsSchema, options, 'history options');
  const { user } = context;
  const body = {
    channelId: user.channelId,
    userId: user.userId,
    limit: String(parsed.limit ?? 20),
    offset: String(parsed.offset ?? 0),
    channel: CHANNEL,
    ...(parsed.startTime === undefined ? {} : { startTime: String(parsed.startTime) }),
    ...(parsed.endTime === undefined ? {} : { endTime: String(parsed.endTime) }),
  };
  const answer = await callApi(context, { api: 'queryHistoryChatMessage', body, signal: parsed.signal }, HistoryResponseSchema);
  return { messages: answer.messageList };
}
