import type { RetryOptions } from '@tokenwire/core';
import * as v from 'valibot';
import { RetrySchema } from '../client/transport-settings.js';
import { objectMessage, parseInput } from '../input/parse-input.js';
import { CallOptionEntries } from '../input/signal-options.js';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import type { PollOptions, PollResult } from './poll-messages.js';

/**
 * Retries of each poll of {@link AiccSession.messages} (over the client's backoff settings): 10, so the stream
 * rides out a network outage of a minute or so with the default backoff before it gives up.
 */
export const DEFAULT_MESSAGE_STREAM_RETRY: RetryOptions = Object.freeze({ limit: 10 });

/** Options of {@link AiccSession.messages}. */
export interface MessageStreamOptions {
  /** Ends the stream: the pending poll is aborted and the iterator throws `RequestAbortedError`. */
  readonly signal?: AbortSignal | undefined;
  /** Also receive READ receipts (`isNeedRead=true`). */
  readonly isNeedRead?: boolean | undefined;
  /**
   * Retry policy of each poll, merged over the client's. Default {@link DEFAULT_MESSAGE_STREAM_RETRY}. A poll that
   * still fails after it ends the stream with that error.
   */
  readonly retry?: RetryOptions | false | undefined;
}

const MessageStreamOptionsSchema = v.optional(
  v.strictObject(
    { ...CallOptionEntries, isNeedRead: v.optional(v.boolean('must be a boolean')), retry: v.optional(RetrySchema) },
    objectMessage('an object of stream options'),
  ),
  {},
);

/**
 * Polls again and again, yielding every message, until a message with `isOfflineStatus` (the rest of its batch is
 * still yielded), until `hasEnded()` turns true after a poll (the session disconnected), or until the signal
 * aborts. Options are validated at once, before any poll.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} (synchronously) for bad options.
 * @internal
 */
export function streamMessages(
  poll: (options: PollOptions) => Promise<PollResult>,
  hasEnded: () => boolean,
  options: MessageStreamOptions | undefined,
): AsyncGenerator<DownlinkMessage, void, undefined> {
  const parsed = parseInput(MessageStreamOptionsSchema, options, 'messages options');
  const pollOptions: PollOptions = { signal: parsed.signal, isNeedRead: parsed.isNeedRead, retry: parsed.retry ?? DEFAULT_MESSAGE_STREAM_RETRY };
  return (async function* stream() {
    while (!hasEnded()) {
      const { messages } = await poll(pollOptions);
      let offline = false;
      for (const message of messages) {
        yield message;
        if (message.isOfflineStatus) offline = true;
      }
      if (offline) return;
    }
  })();
}
