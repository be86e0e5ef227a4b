import {
  createRequestEngine,
  functionSchema,
  KySchema,
  randomUint32,
  RetryOptionSchema,
  resolveRetryPolicy,
  TimeoutSchema,
  type RequestEngine,
} from '@tokenwire/core/internal';
import {
  DEFAULT_RETRY_OPTIONS,
  systemClock,
  type Clock,
  type FetchFunction,
  type KyInstanceLike,
  type RandomUint32Source,
  type RetryOptions,
  type RetryPolicy,
} from '@tokenwire/core';
import * as v from 'valibot';

/** Default per-attempt deadline of an AICC call, covering headers and body: 10 s. */
export const DEFAULT_AICC_TIMEOUT_MS = 10_000;

/**
 * How a client talks HTTP; shared by {@link createAiccClient} and {@link createAiccGatewayClient}. ky runs every
 * call: the attempts, the retries with backoff and `Retry-After`, the per-attempt deadline and the hooks.
 */
export interface AiccTransportOptions {
  /**
   * Your own ky instance (`ky.create(…)`, `ky.extend(…)`): the client sends through it, so its hooks, headers and
   * `fetch` apply to every attempt. The client still owns what makes an AICC call: method, body, URL, its
   * authentication headers, `timeout` (off: `timeoutMs` is the engine's deadline), `retry` (from `retry`), `throwHttpErrors` and
   * `redirect: 'manual'`. Your hooks run before the client's and see the real request, tokens included. A
   * `beforeRequest` hook of yours that returns a `Request` or a `Response` skips the client's hooks (ky's rule):
   * change `request.headers` in place instead. Default: ky itself.
   */
  readonly ky?: KyInstanceLike | undefined;
  /**
   * The fetch to send requests with, called like the global one: `fetch(url, init)` (see `FetchFunction`).
   * Default: the `ky` instance's own `fetch` option, else the global `fetch`, looked up at each attempt.
   */
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
  /** Source of the backoff jitter (uniform unsigned 32-bit integers). Default `crypto.getRandomValues`. */
  readonly random?: RandomUint32Source | undefined;
}

/** {@link AiccTransportOptions} with every default applied. */
export interface AiccTransportSettings {
  /** core's request engine (ky), with the caller's ky instance and fetch. */
  readonly engine: RequestEngine;
  readonly timeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  readonly now: Clock;
  readonly random: RandomUint32Source;
}

/** The valibot entries of {@link AiccTransportOptions}, for the clients' option schemas. */
export const AiccTransportOptionEntries = /* @__PURE__ */ (() =>
  ({
    ky: v.optional(KySchema),
    fetch: v.optional(functionSchema<FetchFunction>()),
    timeoutMs: v.optional(TimeoutSchema),
    retry: v.optional(RetryOptionSchema),
    now: v.optional(functionSchema<Clock>()),
    random: v.optional(functionSchema<RandomUint32Source>()),
  }) as const)();

/**
 * Applies the defaults of {@link AiccTransportOptions} (already validated) and creates the client's request engine.
 *
 * @internal
 */
export function resolveTransportSettings(options: AiccTransportOptions): AiccTransportSettings {
  return {
    engine: createRequestEngine({ ky: options.ky, fetch: options.fetch }),
    timeoutMs: options.timeoutMs ?? DEFAULT_AICC_TIMEOUT_MS,
    retryPolicy: resolveRetryPolicy(options.retry, DEFAULT_RETRY_OPTIONS),
    now: options.now ?? systemClock,
    random: options.random ?? randomUint32,
  };
}
