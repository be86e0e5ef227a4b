import { redactHeaders, redactSecrets, redactUrl, systemClock, type Clock, type RandomUint32Source } from '@tokenwire/core';
import { functionSchema, numberIn, optionsObject, parseInput, randomUint32, sleep, untilAborted } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { CorsOptionSchema, createCorsPolicy, type CorsOptions } from './cors.js';
import { createFaultInjector, type AppliedFault, type FaultController, type FaultDecision } from './faults/fault-injector.js';
import { createFaultResponder, isDroppedConnection } from './faults/fault-response.js';
import { FaultRuleSchema, type FaultRule } from './faults/fault-rule.js';
import { createRequestLog, DEFAULT_REQUEST_LOG_LIMIT, type RequestLog, type RequestLogEntry, type RequestOutcome } from './request-log.js';
import { describeRoute } from './route.js';
import type { EmulatedService } from './service.js';
import { summarizeBody } from './summarize-body.js';
import type { AiccService, AiccServiceOptions, AiccState } from './aicc/index.js';
import { createAiccServiceFrom } from './aicc/aicc-service.js';
import { AiccServiceOptionsSchema } from './aicc/aicc-service-options.js';
import type { TencentService, TencentServiceOptions, TencentServiceState } from './tencent/index.js';
import { createTencentServiceFrom, TencentServiceOptionsSchema } from './tencent/tencent-service.js';

/**
 * Options of {@link createEmulator}. Give `tencent`, `aicc` or both; the emulator answers the requests of the
 * services it has and 404 for the rest.
 */
export interface EmulatorOptions {
  /** The emulated Tencent app (`sdkAppId`, `secretKey`, `admins`, …). */
  readonly tencent?: TencentServiceOptions;
  /** The emulated AICC tenant (`appKey`, `appSecret`, `channels`, `pollHoldMs`, `dialect`, …). */
  readonly aicc?: AiccServiceOptions;
  /** Fault rules active from the start; more can be added with `emulator.faults.add`. */
  readonly faults?: readonly FaultRule[];
  /** The clock of everything in the emulator (ms since the epoch). Defaults to `Date.now`. */
  readonly now?: Clock;
  /**
   * The source of every random identifier the emulator makes up: Tencent `RequestId`s, AccessTokens and Scopes,
   * `ccmessaging-token` nonces, upload object keys. It returns an integer from 0 to 4294967295 on each call; pass a
   * seeded one for identical identifiers on every run. Defaults to `crypto.getRandomValues`.
   */
  readonly random?: RandomUint32Source;
  /** CORS for browser callers: on with `Access-Control-Allow-Origin: *` by default; `false` turns it off. */
  readonly cors?: boolean | CorsOptions;
  /** How many request log entries are kept (the oldest go first). Defaults to 10 000; 0 keeps none. */
  readonly requestLogLimit?: number;
  /**
   * Further services, asked after the built-in ones, for upstreams the emulator does not know. Each returns
   * `undefined` for requests that are not its own.
   */
  readonly services?: readonly EmulatedService[];
}

/** A snapshot of the emulated services' state, for tests to assert on. */
export interface EmulatorState {
  /** The Tencent app: callback and token configuration, per-command counters. */
  readonly tencent?: TencentServiceState;
  /** The AICC tenant: tokens, chat sessions and messages, uploads, ratings, counters. */
  readonly aicc?: AiccState;
}

/**
 * An in-memory Tencent / AICC server as a fetch handler. Use `fetch` in-process (as a client's `fetch` option)
 * or serve it over HTTP with `serveEmulator`.
 */
export interface Emulator<Options extends EmulatorOptions = EmulatorOptions> {
  /**
   * Answers a request like the real services would (or as a fault dictates). Takes the same arguments as the
   * global `fetch` and is bound, so it can be passed around alone. A relative URL (`/v4/…`) is resolved against
   * `http://localhost`. Rejects like a real `fetch`: with the signal's reason when aborted before the answer,
   * with a `TypeError` for a dropped connection.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** A fresh snapshot of every service's state on each read. */
  readonly state: EmulatorState;
  /** The emulated Tencent service (callback delivery with `emitCallback`); present when `tencent` was given. */
  readonly tencent: Options extends { readonly tencent: TencentServiceOptions } ? TencentService : TencentService | undefined;
  /** The emulated AICC service (`pushMessage`, `joinAgent`, `expireMessageTokens`, …); present when `aicc` was given. */
  readonly aicc: Options extends { readonly aicc: AiccServiceOptions } ? AiccService : AiccService | undefined;
  /** Fault injection: add, remove and count faults at run time. */
  readonly faults: FaultController;
  /** Every request seen, secrets redacted. */
  readonly log: RequestLog;
  /**
   * Stops the services' pending work (robot and agent replies, held long polls, which answer empty). Call it at
   * the end of a test; the emulator still answers afterwards.
   */
  close(): void;
}

const LOCAL_BASE = 'http://localhost';
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

function toRequest(input: RequestInfo | URL, init: RequestInit | undefined): Request {
  if (input instanceof Request && init === undefined) return input;
  const target = typeof input === 'string' && input.startsWith('/') ? new URL(input, LOCAL_BASE) : input;
  return new Request(target, init);
}

/** The emulator's options, the services', CORS and the fault rules included: one parse reports every issue. */
const EmulatorOptionsSchema = /* @__PURE__ */ (() =>
  v.optional(
    optionsObject(
      {
        tencent: v.optional(TencentServiceOptionsSchema),
        aicc: v.optional(AiccServiceOptionsSchema),
        faults: v.optional(v.array(FaultRuleSchema, 'must be a list of fault rules'), []),
        now: v.optional(functionSchema<Clock>()),
        random: v.optional(functionSchema<RandomUint32Source>()),
        cors: CorsOptionSchema,
        requestLogLimit: v.optional(
          numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a non-negative integer', true),
          DEFAULT_REQUEST_LOG_LIMIT,
        ),
        services: v.optional(
          v.array(
            v.custom<EmulatedService>(
              (service) =>
                typeof service === 'object' && service !== null && typeof (service as Partial<EmulatedService>).handle === 'function',
              'must be an object with a handle(request) method',
            ),
            'must be a list of objects with a handle(request) method',
          ),
          [],
        ),
      },
      'an object of emulator options',
    ),
    {},
  ))();

/**
 * Creates an emulator of the Tencent Cloud Chat / TUILiveKit REST API (`live_config`) and the Huawei AICC
 * CC-Messaging web client API, as one fetch handler with fault injection and a request log.
 *
 * Every request goes through: CORS preflight → body capture (for the log) → faults (latency, then at most one
 * fault that replaces the answer, before any service sees the request, so a faulted request changes nothing)
 * → the first service that answers → CORS headers → the request log.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for bad options.
 * @example
 * ```ts
 * const emulator = createEmulator({
 *   tencent: { sdkAppId: 1400000000, secretKey: 'secret', admins: ['administrator'] },
 *   faults: [{ route: 'live_config/set_callback', fault: { kind: 'transient' }, times: 1 }],
 * });
 * const client = createTencentClient({ sdkAppId: 1400000000, identifier: 'administrator', secretKey: 'secret',
 *   baseUrl: 'https://emulator.test', fetch: emulator.fetch });
 * ```
 */
export function createEmulator<const Options extends EmulatorOptions>(options?: Options): Emulator<Options> {
  const checked = parseInput(EmulatorOptionsSchema, options, 'emulator options');
  const now = checked.now ?? systemClock;
  const random = checked.random ?? randomUint32;
  const dependencies = { now, random };
  const tencent = checked.tencent === undefined ? undefined : createTencentServiceFrom(checked.tencent, dependencies);
  const aicc = checked.aicc === undefined ? undefined : createAiccServiceFrom(checked.aicc, dependencies);
  const cors = createCorsPolicy(checked.cors);
  const faults = createFaultInjector(checked.faults);
  const services: EmulatedService[] = [
    ...(tencent === undefined ? [] : [tencent]),
    ...(aicc === undefined ? [] : [aicc]),
    ...checked.services,
  ];
  const responder = createFaultResponder({ random, ...(aicc === undefined ? {} : { fabricTokenPath: aicc.options.fabricTokenPath }) });
  const log = createRequestLog(checked.requestLogLimit);
  const aiccPaths: ReadonlySet<string> = new Set(aicc === undefined ? [] : [aicc.options.fabricTokenPath]);

  /** Every secret the services know, to scrub from request bodies and error messages in the log. */
  const knownSecrets = (): string[] => services.flatMap((service) => [...(service.secrets?.() ?? [])]);

  const errorMessage = (error: unknown): string =>
    redactSecrets(error instanceof Error ? `${error.name}: ${error.message}` : String(error), knownSecrets());

  async function dispatch(request: Request): Promise<Response> {
    for (const service of services) {
      const response = await service.handle(request);
      if (response !== undefined) return response;
    }
    const path = new URL(request.url).pathname;
    return new Response(JSON.stringify({ error: 'not_found', message: `No emulated service answers ${request.method} ${path}` }), {
      status: 404,
      headers: JSON_HEADERS,
    });
  }

  async function handle(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = toRequest(input, init);
    const started = performance.now();
    const url = new URL(request.url);
    const route = describeRoute(url, aiccPaths);
    const sequence = log.nextSequence();
    const time = now();
    const { signal } = request;
    let body = new Uint8Array(0);
    let applied: readonly AppliedFault[] = [];

    const record = (fields: Pick<RequestLogEntry, 'outcome'> & Partial<RequestLogEntry>): void => {
      log.record({
        sequence,
        time,
        method: request.method,
        url: redactUrl(request.url),
        route,
        durationMs: performance.now() - started,
        faults: applied,
        requestHeaders: redactHeaders(request.headers),
        requestBody: body.byteLength === 0 ? undefined : summarizeBody(body, knownSecrets()),
        requestBodyBytes: body.byteLength,
        ...fields,
      });
    };
    const answer = (response: Response, outcome: RequestOutcome, error?: string): Response => {
      const decorated = cors === undefined ? response : cors.decorate(request, response);
      record({
        outcome,
        status: decorated.status,
        responseHeaders: redactHeaders(decorated.headers),
        ...(error === undefined ? {} : { error }),
      });
      return decorated;
    };

    try {
      signal.throwIfAborted();
      if (cors?.isPreflight(request)) {
        const response = cors.preflight(request);
        record({ outcome: 'response', status: response.status, responseHeaders: redactHeaders(response.headers) });
        return response;
      }
      if (request.body !== null) body = new Uint8Array(await untilAborted(request.arrayBuffer(), signal));
      const hasBody = body.byteLength > 0 && request.method !== 'GET' && request.method !== 'HEAD';
      const copy = (): Request =>
        new Request(request.url, { method: request.method, headers: request.headers, body: hasBody ? body.slice() : null, signal });

      let decision: FaultDecision;
      try {
        decision = faults.decide(route, copy);
      } catch (error) {
        const message = `a fault route predicate threw: ${errorMessage(error)}`;
        return answer(emulatorError(message), 'error', message);
      }
      applied = decision.applied;
      if (decision.delayMs > 0) await sleep(decision.delayMs, signal);
      if (decision.terminal !== undefined) {
        const response = responder.respond(decision.terminal, route, signal);
        return answer(response, decision.terminal.fault.kind === 'stall-body' ? 'stalled' : 'response');
      }
      let response: Response;
      try {
        response = await untilAborted(dispatch(copy()), signal);
      } catch (error) {
        if (signal.aborted && error === signal.reason) throw error;
        const message = `an emulated service failed: ${errorMessage(error)}`;
        return answer(emulatorError(message), 'error', message);
      }
      return answer(response, 'response');
    } catch (error) {
      const outcome: RequestOutcome = isDroppedConnection(error) ? 'dropped' : signal.aborted ? 'aborted' : 'error';
      record({ outcome, error: errorMessage(error) });
      throw error;
    }
  }

  function emulatorError(message: string): Response {
    return new Response(JSON.stringify({ error: 'emulator_error', message }), { status: 500, headers: JSON_HEADERS });
  }

  const emulator = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => handle(input, init),
    get state(): EmulatorState {
      return {
        ...(tencent === undefined ? {} : { tencent: tencent.state }),
        ...(aicc === undefined ? {} : { aicc: aicc.state }),
      };
    },
    tencent,
    aicc,
    close() {
      aicc?.close();
    },
    faults,
    log,
  };
  return emulator as Emulator<Options>;
}
