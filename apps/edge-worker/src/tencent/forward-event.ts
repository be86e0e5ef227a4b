import { HttpStatusError, TokenwireError, type RandomUint32Source, type RetryPolicy } from '@tokenwire/core';
import { classifyFailure, limitResponseSize, outboundEngine, randomUint32 } from '@tokenwire/core/internal';
import type { OutboundFetch } from '../env.js';
import { describeOutboundFailure } from '../http/outbound-failure.js';
import type { CallbackEventMessage } from './callback-event-message.js';

/** Per-attempt deadline of a forward, in ms (headers and body). */
export const FORWARD_ATTEMPT_TIMEOUT_MS = 5000;

/**
 * How a forward is repeated: up to 4 retries (5 attempts), waiting a full-jitter backoff whose ceiling doubles
 * from 1 s to 8 s, or the target's `Retry-After` (429, 503) up to 8 s — inside `waitUntil`'s 30 s.
 */
export const FORWARD_RETRY_POLICY: RetryPolicy = Object.freeze({
  limit: 4,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  rateLimitBaseDelayMs: 1000,
  rateLimitMaxDelayMs: 8000,
});

/** Largest answer read from a forward target, in bytes: only its status matters. */
export const FORWARD_ANSWER_MAX_BYTES = 64 * 1024;

const answerLimit = /* @__PURE__ */ limitResponseSize(FORWARD_ANSWER_MAX_BYTES);

/** How a forward ended. */
export type ForwardOutcome =
  | { readonly status: 'accepted'; readonly attempts: number }
  /** The target answered a status retrying will not change (4xx but 429, a redirect): it refuses this event. */
  | { readonly status: 'refused'; readonly attempts: number; readonly httpStatus: number }
  /** Every attempt failed with a timeout, a network error, 429 or 5xx. */
  | { readonly status: 'exhausted'; readonly attempts: number; readonly lastFailure: string };

/** Options of {@link forwardEvent}. */
export interface ForwardEventOptions {
  readonly fetch: OutboundFetch;
  readonly url: URL;
  readonly authorization: string | undefined;
  readonly attemptTimeoutMs?: number;
  /** Default {@link FORWARD_RETRY_POLICY}. */
  readonly retry?: RetryPolicy;
  /** The source of the backoff jitter; default `crypto.getRandomValues`. */
  readonly random?: RandomUint32Source;
}

/** A failure that came with a 2xx answer (a body that is not JSON, or too large): the target accepted the event. */
const isAcceptance = (error: TokenwireError): boolean => error.status !== undefined && error.status >= 200 && error.status < 300;

/**
 * POSTs an event to `FORWARD_URL` with core's request engine until the target accepts it (any 2xx, whatever the
 * body) or refuses it (a 4xx other than 429 — 408 included, which core's engine does not repeat — or a redirect,
 * which is never followed), retrying timeouts, network errors, 429 and 5xx under {@link FORWARD_RETRY_POLICY}. The request carries `x-tokenwire-event-id`
 * (the event id, for deduplication) and `FORWARD_AUTHORIZATION` as `Authorization` when set. Never throws.
 */
export async function forwardEvent(message: CallbackEventMessage, options: ForwardEventOptions): Promise<ForwardOutcome> {
  let attempts = 0;
  try {
    await outboundEngine(options.fetch).send({
      url: options.url.href,
      body: JSON.stringify(message),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-tokenwire-event-id': message.id,
        'x-tokenwire-callback-command': message.command,
        ...(options.authorization === undefined ? {} : { authorization: options.authorization }),
      },
      timeoutMs: options.attemptTimeoutMs ?? FORWARD_ATTEMPT_TIMEOUT_MS,
      retry: options.retry ?? FORWARD_RETRY_POLICY,
      random: options.random ?? randomUint32,
      where: 'FORWARD_URL',
      context: () => ({}),
      secrets: () => [options.authorization],
      responseSizeLimit: answerLimit,
      mayRetry: (error) => !isAcceptance(error),
      onAttemptEnd: ({ attempt }) => {
        attempts = attempt;
      },
    });
    return { status: 'accepted', attempts };
  } catch (error) {
    if (TokenwireError.isInstance(error) && isAcceptance(error)) return { status: 'accepted', attempts };
    if (HttpStatusError.isInstance(error) && classifyFailure(error) === 'none')
      return { status: 'refused', attempts, httpStatus: error.status ?? 0 };
    return { status: 'exhausted', attempts, lastFailure: describeOutboundFailure(error) };
  }
}
