import { HttpStatusError, RequestAbortedError, ValidationError, type RetryOptions, type RetryPolicy } from '@tokenwire/core';
import { backoffCeiling, functionSchema, optionsObject, parseInput, RetryOptionSchema, sleep } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { AiccApiError } from '../errors/aicc-api-error.js';
import { FabricAuthError } from '../errors/fabric-auth-error.js';
import { CallOptionEntries } from '../input/signal-options.js';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { FeedReader } from './message-feed.js';
import type { PollOptions } from './poll-messages.js';

/**
 * Failed polls in a row after which {@link AiccSession.messages} gives up by default: none — the stream keeps
 * polling, backing off, until the session ends or its signal aborts.
 */
export const DEFAULT_MAX_CONSECUTIVE_POLL_FAILURES: number = Infinity;

/** Options of {@link AiccSession.messages}. */
export interface MessageStreamOptions {
  /** Ends the stream quietly: the pending poll or backoff wait is aborted and the iterator is done (`for await` stops). */
  readonly signal?: AbortSignal | undefined;
  /** Also receive READ receipts (`isNeedRead=true`). */
  readonly isNeedRead?: boolean | undefined;
  /** Retry policy of each single poll, merged over the client's (default: the client's), or `false`. */
  readonly retry?: RetryOptions | false | undefined;
  /**
   * Failed polls in a row (each after its own retries) after which the stream throws the last error. Default
   * {@link DEFAULT_MAX_CONSECUTIVE_POLL_FAILURES} (never). A successful poll resets the count.
   */
  readonly maxConsecutiveFailures?: number | undefined;
  /**
   * Told of every failed poll the stream rides out (not of the one it ends with), with how many polls in a row
   * have failed and how long the stream waits before the next. It must not throw (what it throws is ignored).
   */
  readonly onError?: ((error: unknown, consecutiveFailures: number, retryInMs: number) => void) | undefined;
}

const FAILURE_LIMIT_MESSAGE = 'must be a whole number of at least 1, or Infinity';

const MessageStreamOptionsSchema = /* @__PURE__ */ (() =>
  v.optional(
    optionsObject(
      {
        ...CallOptionEntries,
        isNeedRead: v.optional(v.boolean('must be a boolean')),
        retry: v.optional(RetryOptionSchema),
        maxConsecutiveFailures: v.optional(
          v.pipe(
            v.number(FAILURE_LIMIT_MESSAGE),
            v.check((count) => count === Number.POSITIVE_INFINITY || (Number.isInteger(count) && count >= 1), FAILURE_LIMIT_MESSAGE),
          ),
        ),
        onError: v.optional(functionSchema<NonNullable<MessageStreamOptions['onError']>>()),
      },
      'an object of stream options',
    ),
    {},
  ))();

/**
 * Whether a failed poll ends the stream: aborts, invalid input, authentication that failed even after the client's
 * own refresh and replay (API Fabric, an `applyToken` refused, a 4xx other than 408/429 such as a 401 after the
 * re-apply), a gateway's `misconfigured`, and anything that is not a tokenwire error (a bug). Everything else —
 * network failures, timeouts, 5xx, 408, 429, malformed answers, AICC business codes of `poll` — is ridden out.
 */
function endsStream(error: unknown): boolean {
  if (RequestAbortedError.isInstance(error) || ValidationError.isInstance(error) || FabricAuthError.isInstance(error)) return true;
  if (GatewayError.isInstance(error) && error.code === 'misconfigured') return true;
  if (HttpStatusError.isInstance(error) || GatewayError.isInstance(error)) {
    const status = error.status ?? 0;
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
  }
  if (AiccApiError.isInstance(error)) return error.path?.endsWith('/applyToken') === true;
  return !(typeof error === 'object' && error !== null && 'retryable' in error);
}

/**
 * The wait after the `failures`-th failed poll in a row: the engine's backoff ceiling (exponential from the
 * policy's base, capped at its maximum), without jitter: one stream polls, nobody to spread out.
 */
function backoffMs(error: unknown, failures: number, policy: RetryPolicy): number {
  const rateLimited = (HttpStatusError.isInstance(error) && error.status === 429) || (AiccApiError.isInstance(error) && error.retryable);
  return rateLimited
    ? backoffCeiling(failures - 1, policy.rateLimitBaseDelayMs, policy.rateLimitMaxDelayMs)
    : backoffCeiling(failures - 1, policy.baseDelayMs, policy.maxDelayMs);
}

function tell(onError: MessageStreamOptions['onError'], error: unknown, failures: number, delayMs: number): void {
  try {
    onError?.(error, failures, delayMs);
  } catch {
    // An observer's failure is not the stream's failure.
  }
}

/**
 * Reads the session's messages through a reader of its feed (polling when no other reader does), yielding every
 * message, until a message with `isOfflineStatus` (the rest of its batch is still yielded), until `hasEnded()` turns
 * true (the session disconnected), or until the signal aborts (then it ends quietly). A failed
 * poll is told to `onError` and repeated after a backoff (exponential, capped by `policy`) unless it
 * {@link endsStream | ends the stream} or `maxConsecutiveFailures` is reached. Options are validated at once,
 * before any poll.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} (synchronously) for bad options.
 * @internal
 */
export function streamMessages(
  openReader: () => FeedReader,
  hasEnded: () => boolean,
  policy: RetryPolicy,
  options: MessageStreamOptions | undefined,
): AsyncGenerator<DownlinkMessage, void, undefined> {
  const parsed = parseInput(MessageStreamOptionsSchema, options, 'messages options');
  const { signal, onError } = parsed as MessageStreamOptions;
  const maxFailures = parsed.maxConsecutiveFailures ?? DEFAULT_MAX_CONSECUTIVE_POLL_FAILURES;
  const pollOptions: PollOptions = { signal, isNeedRead: parsed.isNeedRead, retry: parsed.retry };
  return (async function* stream() {
    const reader = openReader();
    let failures = 0;
    try {
      while (!hasEnded()) {
        let messages: readonly DownlinkMessage[];
        try {
          messages = await reader.next(pollOptions);
        } catch (error) {
          if (signal?.aborted) return;
          failures += 1;
          if (endsStream(error) || failures >= maxFailures) throw error;
          const delayMs = backoffMs(error, failures, policy);
          tell(onError, error, failures, delayMs);
          try {
            // core's abortable sleep: it rejects only when the signal aborts.
            await sleep(delayMs, signal);
          } catch {
            return;
          }
          continue;
        }
        failures = 0;
        let offline = false;
        for (const message of messages) {
          yield message;
          if (message.isOfflineStatus) offline = true;
        }
        if (offline) return;
      }
    } finally {
      reader.close();
    }
  })();
}
