import type { RetryOptions } from '@tokenwire/core';
import { optionsObject, parseInput, RetryOptionSchema, TimeoutSchema } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { CallOptionEntries } from '../input/signal-options.js';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import { CHANNEL } from '../messages/enumerations.js';
import { DownlinkMessageEntrySchema } from '../messages/read-downlink-message.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { optionalList, ResultCodeSchema, ResultDescriptionSchema } from '../messages/response-fields.js';
import { callApi, type SessionContext } from './session-caller.js';

/**
 * Default per-attempt deadline of a poll: 20 s — four times AICC's default long-poll hold of 5 s
 * (`ccmessaging.longpolling.timeout`), so a held poll is never cut short by the client.
 */
export const DEFAULT_POLL_TIMEOUT_MS = 20_000;

/**
 * The `poll` answer. `downlinkMessages` absent or `null` reads as an empty list; each message is read on its own
 * ({@link readDownlinkMessage}), so one that does not fit is delivered with `unreadable` set instead of failing the
 * whole batch. Unknown fields pass through.
 */
export interface PollResponse {
  /** `"0"` on success. */
  resultCode: string;
  /** `query user messages success.` on success. */
  resultDesc?: string | undefined;
  /** The messages AICC delivered; empty when it sent none. */
  downlinkMessages: DownlinkMessage[];
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of a {@link PollResponse}. */
export const PollResponseSchema: v.GenericSchema<unknown, PollResponse> = /* @__PURE__ */ (() =>
  v.looseObject({
    resultCode: ResultCodeSchema,
    resultDesc: ResultDescriptionSchema,
    downlinkMessages: optionalList(DownlinkMessageEntrySchema, 'must be an array of messages'),
  } satisfies EntriesOf<PollResponse>))();

/** Options of {@link AiccSession.poll}. */
export interface PollOptions {
  /** Aborts the poll (a held request ends at once). */
  readonly signal?: AbortSignal | undefined;
  /** Also receive READ receipts for the user's messages an agent has read (`isNeedRead=true`). */
  readonly isNeedRead?: boolean | undefined;
  /** Per-attempt deadline; defaults to the session's `pollTimeoutMs`. Keep it well above the server's hold. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy for this poll (merged over the client's), or `false`. */
  readonly retry?: RetryOptions | false | undefined;
}

/** What one poll returns. */
export interface PollResult {
  /** The messages AICC delivered (possibly none, when the hold ran out). */
  readonly messages: readonly DownlinkMessage[];
  readonly resultDesc: string | undefined;
}

/** The entries of {@link PollOptions}. */
export const PollOptionEntries = /* @__PURE__ */ (() =>
  ({
    ...CallOptionEntries,
    isNeedRead: v.optional(v.boolean('must be a boolean')),
    timeoutMs: v.optional(TimeoutSchema),
    retry: v.optional(RetryOptionSchema),
  }) as const)();

const PollOptionsSchema = /* @__PURE__ */ (() => v.optional(optionsObject(PollOptionEntries, 'an object of poll options'), {}))();

/**
 * `GET /apiaccess/ccmessaging/poll?receiverId={userId}&channel=WEB[&isNeedRead=true]` — AICC's long poll: answers at
 * once when messages are waiting, otherwise holds the request (5 s by default) and answers with none.
 *
 * @internal
 */
export async function pollMessages(context: SessionContext, options: PollOptions | undefined): Promise<PollResult> {
  const parsed = parseInput(PollOptionsSchema, options, 'poll options');
  const query: Record<string, string> = { receiverId: context.user.userId, channel: CHANNEL };
  if (parsed.isNeedRead === true) query.isNeedRead = 'true';
  const answer = await callApi(
    context,
    {
      api: 'poll',
      method: 'GET',
      query,
      signal: parsed.signal,
      timeoutMs: parsed.timeoutMs ?? context.settings.pollTimeoutMs,
      retry: parsed.retry,
      idempotent: true,
    },
    PollResponseSchema,
  );
  return { messages: answer.downlinkMessages, resultDesc: answer.resultDesc };
}
