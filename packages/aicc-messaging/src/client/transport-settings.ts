import {
  DEFAULT_RETRY_OPTIONS,
  MAX_TIMER_DELAY_MS,
  randomUint32,
  resolveRetryPolicy,
  sleep as realSleep,
  systemClock,
  type Clock,
  type FetchFunction,
  type RandomUint32Source,
  type RetryOptions,
  type RetryPolicy,
  type Sleep,
} from '@tokenwire/core';
import * as v from 'valibot';
import { objectMessage } from '../input/parse-input.js';

/** Default per-attempt deadline of an AICC call, covering headers and body: 10 s. */
export const DEFAULT_AICC_TIMEOUT_MS = 10_000;

/**
 * How a client talks HTTP; shared by {@link createAiccClient} and {@link createAiccGatewayClient}.
 */
export interface AiccTransportOptions {
  /** The fetch to send requests with. Default: the global `fetch`, looked up at each call. */
  readonly fetch?: FetchFunction | undefined;
  /** Per-attempt deadline in ms, covering headers and body. Default {@link DEFAULT_AICC_TIMEOUT_MS}. Polls use the session's `pollTimeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /**
   * Retry policy (core's `RetryOptions`), or `false` to send each call once. Defaults: `DEFAULT_RETRY_OPTIONS`
   * (3 retries, full-jitter backoff). What is retried is listed in the README ("Retries").
   */
  readonly retry?: RetryOptions | false | undefined;
  /** Clock for token lifetimes, in ms since the epoch. Default `Date.now`. */
  readonly now?: Clock | undefined;
  /** Abortable sleep for backoff and per-attempt deadlines. Default `setTimeout`. */
  readonly sleep?: Sleep | undefined;
  /** Source of the backoff jitter (uniform unsigned 32-bit integers). Default `crypto.getRandomValues`. */
  readonly random?: RandomUint32Source | undefined;
}

/** {@link AiccTransportOptions} with every default applied. */
export interface AiccTransportSettings {
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  readonly now: Clock;
  readonly sleep: Sleep;
  /** A uniformly random number in `[0, 1)`, for the jitter. */
  readonly jitter: () => number;
}

/** A function-valued option. */
export const FunctionSchema = v.custom<(...parameters: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');

/** A per-attempt deadline in ms: an integer from 1 to 2^31 − 1. */
export const TimeoutSchema = v.pipe(
  v.number('must be a number of milliseconds'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(1, 'must be at least 1 ms'),
  v.maxValue(MAX_TIMER_DELAY_MS, `must be at most ${MAX_TIMER_DELAY_MS} ms`),
);

const count = (maximum: number) =>
  v.optional(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be an integer'),
      v.minValue(0, 'must not be negative'),
      v.maxValue(maximum, `must be at most ${maximum}`),
    ),
  );

const RETRY_OPTION_NAMES = ['limit', 'baseDelayMs', 'maxDelayMs', 'rateLimitBaseDelayMs', 'rateLimitMaxDelayMs'];

/** Core's `RetryOptions`, or `false`. Unknown option names are reported by name (never by value). */
export const RetrySchema = v.pipe(
  v.union(
    [
      v.literal(false),
      v.looseObject({
        limit: count(100),
        baseDelayMs: count(MAX_TIMER_DELAY_MS),
        maxDelayMs: count(MAX_TIMER_DELAY_MS),
        rateLimitBaseDelayMs: count(MAX_TIMER_DELAY_MS),
        rateLimitMaxDelayMs: count(MAX_TIMER_DELAY_MS),
      }),
    ],
    'must be false or an object of retry options',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.value === false) return;
    const unknown = Object.keys(dataset.value).filter((key) => !RETRY_OPTION_NAMES.includes(key));
    if (unknown.length > 0) addIssue({ message: `has unknown options: ${unknown.join(', ')} (known: ${RETRY_OPTION_NAMES.join(', ')})` });
  }),
);

/** The valibot entries of {@link AiccTransportOptions}, for the clients' option schemas. */
export const AiccTransportOptionEntries = {
  fetch: v.optional(FunctionSchema),
  timeoutMs: v.optional(TimeoutSchema),
  retry: v.optional(RetrySchema),
  now: v.optional(FunctionSchema),
  sleep: v.optional(FunctionSchema),
  random: v.optional(FunctionSchema),
} as const;

/** The global fetch, looked up at each call (so a later polyfill or test stub is seen). */
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

/**
 * Applies the defaults of {@link AiccTransportOptions} (already validated).
 *
 * @internal
 */
export function resolveTransportSettings(options: AiccTransportOptions): AiccTransportSettings {
  const random = options.random ?? randomUint32;
  return {
    fetch: options.fetch ?? globalFetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_AICC_TIMEOUT_MS,
    retryPolicy: resolveRetryPolicy(options.retry, DEFAULT_RETRY_OPTIONS),
    now: options.now ?? systemClock,
    sleep: options.sleep ?? realSleep,
    jitter: () => (random() >>> 0) / 4_294_967_296,
  };
}
