import { functionSchema, numberIn, optionsObject, parseInput, TimeoutSchema } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { parseTencentPath } from '../route.js';
import type { EmulatedService, ServiceDependencies } from '../service.js';
import type { CallbackBody } from './callback-body.js';
import { type CallbackDeliveryResult, type CallbackFetch, deliverCallback, type EmitCallbackOptions } from './callback-delivery.js';
import { checkRequestQuery } from './check-request-query.js';
import { envelopeResponse, failure, type CommandOutcome } from './envelope-response.js';
import { LIVE_CONFIG_COMMANDS, type LiveConfigCommandHandler } from './live-config-commands.js';
import { createLiveConfigState, type CallbackConfiguration, type CallbackTokenConfiguration } from './live-config-state.js';
import { createRequestIdGenerator } from './request-id.js';
import { createSlidingWindowRateLimiter, type SlidingWindowRateLimiter } from './sliding-window-rate-limiter.js';

/** Options of {@link createTencentService}: the one app the emulated service hosts. */
export interface TencentServiceOptions {
  /** The app's SDKAppID. */
  readonly sdkAppId: number;
  /** The app's secret key; UserSigs are verified with it. */
  readonly secretKey: string;
  /** The App administrator accounts: only they may call the REST API (`identifier`). */
  readonly admins: readonly string[];
  /** Requests admitted per command per second (sliding window); `false` turns the limit off. Defaults to 200. */
  readonly rateLimitPerSecond?: number | false;
  /**
   * The fetch callbacks are delivered through, called as `fetch(url, init)` ({@link CallbackFetch}): the global
   * `fetch` (the default), another emulator's `fetch`, miniflare's `dispatchFetch`, or a wrapped handler,
   * `(url, init) => app.fetch(new Request(url, init))`.
   */
  readonly callbackFetch?: CallbackFetch;
  /** How long a callback receiver has to answer, in milliseconds. Defaults to 2000, as Tencent. */
  readonly callbackTimeoutMs?: number;
}

/** How often one command was called, and how the calls ended. */
export interface CommandCounters {
  /** Every request routed to the command, whatever its outcome. */
  readonly requests: number;
  /** Requests answered with `ErrorCode` 0. */
  readonly succeeded: number;
  /** Requests answered with a non-zero `ErrorCode`, including rate-limited ones. */
  readonly failed: number;
  /** Requests refused with 60007 by the rate limit. */
  readonly rateLimited: number;
}

/** A snapshot of the emulated app, for tests to assert on. */
export interface TencentServiceState {
  /** The callback configuration, or `undefined` when none exists. */
  readonly callback: CallbackConfiguration | undefined;
  /** The callback token configuration, or `undefined` when none exists. */
  readonly callbackToken: CallbackTokenConfiguration | undefined;
  /** Counters per `service/command` (e.g. `live_config/set_callback`), for commands called at least once. */
  readonly commandCounters: Readonly<Record<string, CommandCounters>>;
}

/** The emulated Tencent REST service. */
export interface TencentService extends EmulatedService {
  /** A fresh snapshot of the app's state on every read. */
  readonly state: TencentServiceState;
  /**
   * Sends a callback the way Tencent does, when a callback URL is set and `command` is in its
   * `CallbackCommandList`, and reports what the receiver answered. The body of a known command is typed as
   * `@tokenwire/live-config` reads it ({@link CallbackBody}); `callbackBody` makes one from Tencent's sample.
   *
   * @throws {@link @tokenwire/core!ValidationError | ValidationError} for a bad command, body or option; nothing
   *   is sent then.
   * @example
   * ```ts
   * const result = await service.emitCallback('Live.CallbackAfterCreateRoom', { RoomInfo: { RoomId: 'r1' }, EventTime: Date.now() });
   * if (result.attempted && !result.accepted) console.log(result.error);
   * ```
   */
  emitCallback<const TCommand extends string>(
    command: TCommand,
    body: CallbackBody<TCommand>,
    options?: EmitCallbackOptions,
  ): Promise<CallbackDeliveryResult>;
}

const DEFAULT_RATE_LIMIT_PER_SECOND = 200;
const DEFAULT_CALLBACK_TIMEOUT_MS = 2000;

/** {@link TencentServiceOptions} as {@link TencentServiceOptionsSchema} leaves them: the defaults applied. */
export interface CheckedTencentServiceOptions {
  readonly sdkAppId: number;
  readonly secretKey: string;
  readonly admins: readonly string[];
  readonly rateLimitPerSecond: number | false;
  readonly callbackFetch?: CallbackFetch | undefined;
  readonly callbackTimeoutMs: number;
}

/** The options of the emulated Tencent service. Messages never repeat a value (`secretKey` is one). */
export const TencentServiceOptionsSchema: v.GenericSchema<unknown, CheckedTencentServiceOptions> = /* @__PURE__ */ (() => {
  const nonEmpty = 'must be a non-empty string';
  const rateLimit = 'must be a positive integer or false';
  return optionsObject(
    {
      sdkAppId: numberIn(1, 4294967295, 'must be an integer from 1 to 4294967295', true),
      secretKey: v.pipe(v.string(nonEmpty), v.nonEmpty(nonEmpty)),
      admins: v.pipe(
        v.array(v.pipe(v.string(nonEmpty), v.nonEmpty(nonEmpty)), 'must be a non-empty array of non-empty strings'),
        v.nonEmpty('must list at least one administrator'),
      ),
      rateLimitPerSecond: v.optional(
        v.union([v.literal(false), numberIn(1, Number.MAX_SAFE_INTEGER, rateLimit, true)], rateLimit),
        DEFAULT_RATE_LIMIT_PER_SECOND,
      ),
      callbackFetch: v.optional(functionSchema<CallbackFetch>()),
      callbackTimeoutMs: v.optional(TimeoutSchema, DEFAULT_CALLBACK_TIMEOUT_MS),
    },
    'an object of Tencent service options',
  );
})();

/** Reads the body as a JSON object, as every REST command needs (an empty body is an error, like Tencent). */
async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await request.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

/**
 * Creates the emulated Tencent Cloud Chat / TUILiveKit REST service for one app. It answers every request under
 * `/v4/` like the real service (HTTP 200 and the `{ ActionStatus, ErrorCode, ErrorInfo, RequestId }` envelope)
 * and returns `undefined` for anything else. A request goes through, in order:
 *
 * 1. the method: only POST; any other → 60002 (HTTP parse error). 60008 also mentions malformed HTTP requests
 *    but is documented and treated by clients as a retryable timeout, so a GET would be retried forever;
 *    60002 is the non-retryable "the HTTP request is wrong" code.
 * 2. the resource `/v4/{service}/{command}`: an unknown service or command → 60009.
 * 3. the query checks of the real service (`sdkappid`, `identifier`, `usersig`, `random`, `contenttype`).
 * 4. the rate limit per command (sliding one-second window on the injected clock) → 60007 when over. Only
 *    authenticated requests reach it, and only admitted ones count, so the next second is free again.
 * 5. the body: a JSON object, or 60003 (an empty body is an error too; send `{}`).
 * 6. the `live_config` command with the app's state. A failing request changes nothing.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for bad options.
 * @example
 * ```ts
 * const tencent = createTencentService({ sdkAppId: 1400000000, secretKey, admins: ['administrator'] }, { now: Date.now });
 * const response = await tencent.handle(new Request(url, { method: 'POST', body: '{}' }));
 * ```
 */
export function createTencentService(options: TencentServiceOptions, dependencies: ServiceDependencies): TencentService {
  return createTencentServiceFrom(parseInput(TencentServiceOptionsSchema, options, 'Tencent service options'), dependencies);
}

/** {@link createTencentService} for options its schema accepted already (the emulator's options schema checks them). */
export function createTencentServiceFrom(options: CheckedTencentServiceOptions, dependencies: ServiceDependencies): TencentService {
  const { now } = dependencies;
  const state = createLiveConfigState();
  const admins = new Set(options.admins);
  const nextRequestId = createRequestIdGenerator(1, dependencies.random);
  const counters = new Map<string, { requests: number; succeeded: number; failed: number; rateLimited: number }>();
  const limiter: SlidingWindowRateLimiter | undefined =
    options.rateLimitPerSecond === false ? undefined : createSlidingWindowRateLimiter({ limit: options.rateLimitPerSecond, now });
  const callbackFetch: CallbackFetch = options.callbackFetch ?? ((url, init) => globalThis.fetch(url, init));
  const callbackTimeoutMs = options.callbackTimeoutMs;
  /** Every callback token the app has had, the current one included: replaced tokens stay secret after a rotation. */
  const callbackTokens = new Set<string>();

  async function runCommand(key: string, handler: LiveConfigCommandHandler, request: Request, url: URL): Promise<CommandOutcome> {
    const queryFailure = checkRequestQuery(url.searchParams, { sdkAppId: options.sdkAppId, secretKey: options.secretKey, admins, now });
    if (queryFailure !== undefined) return queryFailure;
    if (limiter !== undefined && !limiter.tryAdmit(key)) {
      return failure(60007, `REST API call frequency over the limit of ${options.rateLimitPerSecond} requests per second for ${key}`);
    }
    const body = await readJsonObject(request);
    if (body === undefined)
      return failure(60003, 'request JSON parse error: the body must be a JSON object (send {} when a command takes no fields)');
    const outcome = handler(state, body);
    if (state.callbackToken !== undefined) callbackTokens.add(state.callbackToken.token);
    return outcome;
  }

  return {
    async handle(request) {
      const url = new URL(request.url);
      if (!url.pathname.startsWith('/v4/')) return undefined;
      const requestId = nextRequestId();
      if (request.method !== 'POST') {
        return envelopeResponse(failure(60002, `HTTP parse error: REST API calls must use POST, not ${request.method}`), requestId);
      }
      const route = parseTencentPath(url.pathname);
      const handler = route?.service === 'live_config' ? LIVE_CONFIG_COMMANDS.get(route.command) : undefined;
      if (route === undefined || handler === undefined) {
        return envelopeResponse(failure(60009, `wrong request resource: ${url.pathname} is not a known service and command`), requestId);
      }

      const key = `${route.service}/${route.command}`;
      let counter = counters.get(key);
      if (counter === undefined) {
        counter = { requests: 0, succeeded: 0, failed: 0, rateLimited: 0 };
        counters.set(key, counter);
      }
      counter.requests++;
      const outcome = await runCommand(key, handler, request, url);
      if (outcome.ok) counter.succeeded++;
      else {
        counter.failed++;
        if (outcome.code === 60007) counter.rateLimited++;
      }
      return envelopeResponse(outcome, requestId);
    },

    secrets() {
      return [options.secretKey, ...callbackTokens];
    },

    get state() {
      const commandCounters: Record<string, CommandCounters> = {};
      for (const [key, counter] of counters) commandCounters[key] = { ...counter };
      return {
        callback: state.callback === undefined ? undefined : { url: state.callback.url, commands: [...state.callback.commands] },
        callbackToken: state.callbackToken === undefined ? undefined : { ...state.callbackToken },
        commandCounters,
      };
    },

    emitCallback(command, body, emitOptions) {
      return deliverCallback(
        {
          sdkAppId: options.sdkAppId,
          callback: state.callback,
          callbackToken: state.callbackToken,
          fetch: callbackFetch,
          timeoutMs: callbackTimeoutMs,
          now,
        },
        command,
        body,
        emitOptions,
      );
    },
  };
}
