import ky, { isForceRetryError, isHTTPError } from 'ky';
import type { KyInstance, Options, ShouldRetryState } from 'ky';
import { classifyFailure, type RetryPolicy } from '../client/retry-policy.js';
import type { ResponseSizeLimit } from '../client/response-size-limit.js';
import { sanitizeCause } from '../client/sanitize-cause.js';
import { drawRandomUint32, type RandomUint32Source } from '../endpoint/random-uint32.js';
import { TokenwireError, type ErrorContext, type TokenwireErrorOptions } from '../errors/tokenwire-error.js';
import { HttpStatusError, MalformedResponseError, RequestAbortedError, TimeoutError } from '../errors/transport-errors.js';
import { fetchWholeAnswer, type AttemptState, type FetchFunction, type WholeAnswerOptions } from './attempt-fetch.js';
import type { KyInstanceLike } from './ky-instance-like.js';
import { createRetryLedger } from './retry-ledger.js';
import { untilAborted } from './until-aborted.js';

/**
 * How {@link createRequestEngine} talks HTTP.
 *
 * @internal
 */
export interface RequestEngineOptions {
  /**
   * A ky instance to send through, made with `ky.create(…)` or `ky.extend(…)`: its hooks, headers and other
   * defaults apply to every attempt. The engine sets what it owns per call (method, body, `timeout`, `retry`,
   * `throwHttpErrors`, `redirect: 'manual'`, no `prefixUrl` or `searchParams`). Default: ky itself.
   */
  readonly ky?: KyInstanceLike | undefined;
  /**
   * The fetch requests go out with. Default: the ky instance's own `fetch` option, else the global `fetch`
   * (looked up at each attempt, so a later polyfill or test stub is seen).
   */
  readonly fetch?: FetchFunction | undefined;
}

/**
 * An answer as the engine read it.
 *
 * @internal
 */
export interface EngineAnswer {
  readonly status: number;
  readonly headers: Headers;
  /**
   * 2xx: the decoded JSON. Non-2xx (with `readErrorBody`): the decoded JSON, else the text; `undefined` when the
   * body was not read, was empty, too large or unreadable.
   */
  readonly body: unknown;
}

/**
 * How one attempt ended: its answer, if one arrived, and its failure, if it failed.
 *
 * @internal
 */
export interface AttemptOutcome {
  /** 1 for the first attempt of a call, then 2, 3, … */
  readonly attempt: number;
  /** HTTP status, when an answer arrived. */
  readonly status: number | undefined;
  /** Response headers, when an answer was read. */
  readonly headers: Headers | undefined;
  /** The answer's body, as {@link EngineAnswer.body} says. */
  readonly body: unknown;
  /** Why the attempt failed; `undefined` when it succeeded. */
  readonly error: TokenwireError | undefined;
}

/**
 * What a service says about a 2xx answer it does not accept.
 *
 * @internal
 */
export interface AnswerFailure {
  /** The failure the answer is (a `TencentApiError`, a `MalformedResponseError`, …). */
  readonly error: TokenwireError;
  /**
   * `immediate`: repeat at once without counting against the retry limit, while the call's `immediateRetries`
   * last (after the service repaired the cause, e.g. renewed an expired UserSig). Otherwise the error's class
   * (`classifyFailure`) decides, like for any other failure.
   */
  readonly retry?: 'immediate' | undefined;
}

/**
 * Told before a failed attempt is repeated (after ky's wait).
 *
 * @internal
 */
export interface RetryNotice {
  /** The attempt that failed. */
  readonly attempt: number;
  /** Why it failed. */
  readonly error: TokenwireError;
  /** Whether the retry is an immediate one ({@link AnswerFailure.retry}). */
  readonly immediate: boolean;
}

/**
 * One call through the engine: the request, the attempt deadline and retry policy, and the service's semantics,
 * which the engine runs as ky hooks (`beforeAttempt` in `beforeRequest`, `inspect` in `afterResponse`,
 * `onRetry` in `beforeRetry`).
 *
 * @internal
 */
export interface EngineCall {
  /** The URL of the first attempt; `beforeAttempt` may send later attempts elsewhere. It never appears in an error. */
  readonly url: string;
  /** HTTP method; `POST` unless given. */
  readonly method?: 'GET' | 'POST' | undefined;
  /** Extra request headers (the engine sends `accept` and, for `POST`, `content-type: application/json`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The JSON request body, serialised; `POST` sends `{}` without one. */
  readonly body?: string | undefined;
  /** Aborts the call (an attempt, a backoff, `beforeAttempt`); it then rejects with {@link RequestAbortedError}. */
  readonly signal?: AbortSignal | undefined;
  /** The deadline of each attempt, in ms: it covers the headers and the whole body. `false` for none. */
  readonly timeoutMs: number | false;
  /** Which failures are repeated, how often and with which backoff (see `RetryOptions`). */
  readonly retry: RetryPolicy;
  /** Immediate retries the call may make besides `retry.limit` (see {@link AnswerFailure.retry}). Default 0. */
  readonly immediateRetries?: number | undefined;
  /** The source of the backoff jitter. */
  readonly random: RandomUint32Source;
  /** What the call is, for messages: `live_config/get_callback`, an AICC path. */
  readonly where: string;
  /** The context of the current attempt for errors (service and command or path, `random`); the engine adds `attempt` and `status`. */
  readonly context: () => ErrorContext;
  /** Values that must not appear in an error of the current attempt (its UserSig, the secret key, tokens). */
  readonly secrets: () => readonly (string | undefined)[];
  /** Read the body of a non-2xx answer (within the size limit) for {@link AttemptOutcome.body}. Default: cancel it unread. */
  readonly readErrorBody?: boolean | undefined;
  /** A cap on every answer's body, from `limitResponseSize(maxBytes)`. */
  readonly responseSizeLimit?: ResponseSizeLimit | undefined;
  /**
   * Runs before each attempt (ky's `beforeRequest`, after the caller's own ky hooks): rate limiting, signing,
   * fetching a token, observers. It may change `request.headers`; it returns the URL to send this attempt to when
   * that is not `request.url` (a fresh signed query), and the engine then sends a new `Request` with the same
   * headers and body. What it throws ends the call unrepeated ({@link RequestAbortedError} once `signal` aborted).
   */
  readonly beforeAttempt?: ((request: Request, attempt: number) => string | undefined | Promise<string | undefined>) | undefined;
  /** Judges each decoded 2xx answer (ky's `afterResponse`): `undefined` accepts it. */
  readonly inspect?: ((answer: EngineAnswer, attempt: number) => AnswerFailure | undefined) | undefined;
  /**
   * Judges each non-2xx answer (ky's `afterResponse`; the body is there with `readErrorBody`): `undefined` keeps
   * `error`, the engine's {@link HttpStatusError}. The failure returned replaces it (a service error, the same
   * status with what the body says); `retry: 'immediate'` repeats the call at once (after the service repaired the
   * cause: dropped a rejected token), else the failure's class decides and ky honours `Retry-After`. It may answer
   * asynchronously (the repair is a round trip: a shared token store); the next attempt waits for it.
   */
  readonly inspectFailure?:
    | ((answer: EngineAnswer, error: HttpStatusError, attempt: number) => AnswerFailure | undefined | Promise<AnswerFailure | undefined>)
    | undefined;
  /**
   * Whether a failure the policy would retry may be repeated for this call (default: always). A call that must not
   * run twice (sending a chat message) says no to ambiguous failures — a timeout, a dropped connection, a 5xx —
   * and yes to answers proving the request was not processed (429, 503).
   */
  readonly mayRetry?: ((error: TokenwireError) => boolean) | undefined;
  /** Told how every attempt that was sent ended, once. */
  readonly onAttemptEnd?: ((outcome: AttemptOutcome) => void) | undefined;
  /** Told before a failed attempt is repeated (ky's `beforeRetry`). */
  readonly onRetry?: ((notice: RetryNotice) => void) | undefined;
}

/**
 * The engine: ky, set up for JSON APIs whose answers tokenwire reads and judges.
 *
 * @internal
 */
export interface RequestEngine {
  /**
   * Sends one call. ky makes the attempts: it retries what the policy allows with backoff and full jitter (or
   * `Retry-After`) and runs the hooks; each attempt is bounded by `timeoutMs`. Resolves to the accepted answer.
   *
   * @throws {@link RequestAbortedError} when `call.signal` aborts.
   * @throws the last attempt's failure: {@link NetworkError}, {@link TimeoutError}, {@link HttpStatusError},
   *   {@link MalformedResponseError}, {@link ResponseTooLargeError}, or what `inspect` or `beforeAttempt` threw;
   *   an error thrown by one of the caller's own ky hooks, unchanged.
   */
  send(call: EngineCall): Promise<EngineAnswer>;
}

const UINT32_RANGE = 4_294_967_296;

/** What an attempt's deadline aborts it with. */
const DEADLINE: unique symbol = Symbol('deadline');

/** Decodes the text of a non-2xx body: JSON when it parses, else the text; `undefined` when it is blank. */
function decodeErrorBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Creates the request engine every tokenwire client talks HTTP with: ky owns the attempt loop, the retries with
 * exponential backoff and full jitter, `Retry-After` and the hooks; the engine adds what ky does not do — a
 * deadline per attempt that covers the answer's body too, the body read within a size limit, refused redirects,
 * typed errors without secrets, and a retry decision per failure class — and runs the service's semantics
 * (signing, envelope checks, forced retries with `ky.retry()`) as ky hooks.
 *
 * The engine's `beforeRequest` hook makes the attempt itself and hands ky the answer, as a hook may: ky then
 * neither clones its `Request` nor arms its own timeout for it (ky's timeout races only the fetch, not the body,
 * so the engine keeps the deadline); that saves about a tenth of the client's CPU per call on Node.
 *
 * @internal Shared by the clients built on core: the Tencent client, the AICC clients and the edge worker.
 * @example
 * ```ts
 * const engine = createRequestEngine({ ky: ky.create({ hooks: { beforeRequest: [addTraceHeader] } }) });
 * const answer = await engine.send({ url, body: '{}', timeoutMs: 10_000, retry: DEFAULT_RETRY_OPTIONS, random: randomUint32,
 *   where: 'live_config/get_callback', context: () => ({ service: 'live_config', command: 'get_callback' }), secrets: () => [userSig] });
 * ```
 */
export function createRequestEngine(options: RequestEngineOptions = {}): RequestEngine {
  let fetch = options.fetch;
  let shareBodies = false;
  // ky shows an instance's defaults only to `extend`; the engine hands ky a fetch of its own per call.
  const instance = ((options.ky as KyInstance | undefined) ?? ky).extend((defaults) => {
    fetch ??= defaults.fetch as FetchFunction | undefined;
    shareBodies =
      BODY_READERS.some((hook) => (defaults.hooks?.[hook]?.length ?? 0) > 0) ||
      defaults.onDownloadProgress !== undefined ||
      defaults.onUploadProgress !== undefined;
    return {};
  });
  const send: FetchFunction = fetch ?? ((input, init) => globalThis.fetch(input, init));
  return { send: (call) => sendCall(instance, send, shareBodies, call) };
}

/**
 * The engine reads the answer itself and sends the body it was given; ky's `Request` and `Response` carry those
 * bodies only for the caller's own hooks (or progress handlers), which may read them. Without such hooks no body
 * is copied into ky's objects: every body is a stream ky would construct, tee (`request.clone()`,
 * `response.clone()` for each `afterResponse` hook) and cancel, about a fifth of the client's CPU on Node.
 */
const BODY_READERS = ['beforeRequest', 'beforeRetry', 'afterResponse', 'beforeError'] as const;

async function sendCall(instance: KyInstance, fetch: FetchFunction, shareBodies: boolean, call: EngineCall): Promise<EngineAnswer> {
  const { signal, where, timeoutMs, secrets } = call;
  const ledger = createRetryLedger(call.retry, call.immediateRetries ?? 0);
  const post = call.method !== 'GET';
  const body = post ? (call.body ?? '{}') : null;
  let attempt = 0; // the attempt under way (1-based); 0 before the first
  let sent = 0; // the last attempt handed to fetch
  let reported = 0; // the last attempt told to onAttemptEnd
  let built: Request | undefined; // the request of the current attempt as the engine's hook saw or made it
  let failure: TokenwireError | undefined; // how the last attempt failed
  // The current attempt's non-2xx answer as an error (the service's, if it judged): ky's HTTPError stands for it.
  let httpFailure: TokenwireError | undefined;
  let final: unknown; // a failure a hook threw after deciding it is not retried
  let abortError: RequestAbortedError | undefined;
  let immediate = false; // whether the retry granted last is an immediate one
  let answer: EngineAnswer | undefined;
  // The answer of the current attempt, as far as it arrived (fetchWholeAnswer fills it in).
  const state: AttemptState = { status: undefined, statusText: '', headers: undefined, text: undefined };

  // The call's context may name the attempt itself (one attempt of a caller's own loop).
  const context = (): TokenwireErrorOptions => ({ attempt: attempt || undefined, status: state.status, ...call.context() });
  const aborted = (): RequestAbortedError =>
    (abortError ??= new RequestAbortedError(`Call to ${where} was aborted by the caller`, {
      ...context(),
      cause: sanitizeCause(signal?.reason, secrets()),
    }));
  const httpStatusError = (): HttpStatusError => {
    const status = state.status as number;
    return new HttpStatusError(`HTTP ${state.statusText ? `${status} ${state.statusText}` : status} from ${where}`, {
      ...context(),
      status,
      retryable: status >= 500 || status === 429,
    });
  };
  if (signal?.aborted) throw aborted();

  /** Tells onAttemptEnd how the attempt ended, once; `thrown` failures only of attempts that were sent. */
  const report = (error: TokenwireError | undefined, answerBody: unknown, thrown?: boolean): void => {
    if (error !== undefined) failure = error;
    if (reported === attempt || (thrown && sent !== attempt)) return;
    reported = attempt;
    call.onAttemptEnd?.({ attempt, status: state.status, headers: state.headers, body: answerBody, error });
  };
  /** What ky rejected with (or asks about), as the attempt's failure; the same object every time it is asked. */
  const failureOf = (error: unknown): unknown => {
    if (signal?.aborted) return aborted();
    if (TokenwireError.isInstance(error)) return error;
    // A forced retry of the engine's carries the failure; a caller's own ky.retry() is theirs.
    if (isForceRetryError(error) && TokenwireError.isInstance(error.cause)) return error.cause;
    if (isHTTPError(error)) {
      httpFailure ??= httpStatusError();
      return httpFailure;
    }
    // Thrown by one of the caller's ky hooks: theirs, unchanged.
    return error;
  };
  /**
   * One attempt under its deadline: an AbortController that follows ky's signal (the caller's) and fires after
   * `timeoutMs`, aborting the request and ending the attempt even if its fetch or body ignore the signal.
   */
  const attemptOnce = async (request: Request, init?: RequestInit): Promise<Response> => {
    sent = attempt;
    // Reset here too: a caller's hook that replaces the request skips the engine's beforeRequest.
    state.status = state.headers = state.text = httpFailure = undefined;
    const deadline = new AbortController();
    const follow = (): void => deadline.abort(request.signal.reason);
    if (request.signal.aborted) follow();
    else request.signal.addEventListener('abort', follow, { once: true });
    const timer = timeoutMs === false ? undefined : setTimeout(() => deadline.abort(DEADLINE), timeoutMs);
    try {
      return await fetchWholeAnswer(request, init, attemptOptions, deadline.signal);
    } catch (error) {
      if (error !== DEADLINE) throw error;
      const { status } = state;
      // A non-2xx answer whose body (wanted with readErrorBody) did not finish is still that HTTP failure.
      if (status !== undefined && (status < 200 || status > 299)) throw httpStatusError();
      const missing = status === undefined ? 'no response' : 'the response body did not finish';
      throw new TimeoutError(`Call to ${where} timed out after ${timeoutMs} ms (${missing})`, timeoutMs as number, context());
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', follow);
    }
  };
  const takeRetry = (error: TokenwireError): boolean => {
    const retryClass = classifyFailure(error);
    immediate = false;
    return retryClass !== 'none' && (call.mayRetry?.(error) ?? true) && ledger.take(retryClass);
  };
  const newAttempt = (retryCount: number): void => {
    attempt = retryCount + 1;
    state.status = state.headers = state.text = httpFailure = undefined;
  };

  const attemptOptions: WholeAnswerOptions = {
    fetch,
    readErrorBody: call.readErrorBody === true,
    responseSizeLimit: call.responseSizeLimit,
    where,
    context,
    secrets,
    state,
    keepBody: shareBodies,
    // Unless a hook of the caller's replaced it, the request is the one built from the call's body.
    knownBody: (request) => (request === built ? body : undefined),
  };

  const options: Options = {
    method: post ? 'post' : 'get',
    headers: post
      ? { accept: 'application/json', 'content-type': 'application/json', ...call.headers }
      : { accept: 'application/json', ...call.headers },
    ...(shareBodies ? { body } : {}),
    ...(signal === undefined ? {} : { signal }),
    // Following a redirect would re-send the URL's UserSig and the headers' tokens to another address.
    redirect: 'manual',
    prefixUrl: '',
    searchParams: undefined,
    json: undefined,
    throwHttpErrors: true,
    // The engine's deadline bounds each attempt (see attemptOnce); ky's would race the fetch only.
    timeout: false,
    // Only when a caller's beforeRequest hook replaced the request (ky then skips the engine's hook and fetches).
    fetch: (request, init) => attemptOnce(request as Request, init),
    retry: ledger.kyRetryOptions(
      ({ error, retryCount }: ShouldRetryState) => {
        attempt = retryCount;
        if (error === final) return false;
        const failed = failureOf(error);
        if (!TokenwireError.isInstance(failed)) return false;
        report(failed, undefined, true);
        // ky reads Retry-After only from its own HTTPError, and only when shouldRetry leaves the decision to it.
        return takeRetry(failed) ? (isHTTPError(error) ? undefined : true) : false;
      },
      () => drawRandomUint32(call.random) / UINT32_RANGE,
    ),
    hooks: {
      beforeRequest: [
        async (request, _options, { retryCount }) => {
          newAttempt(retryCount);
          let url: string | undefined;
          try {
            // Ended at once when the signal aborts, even if beforeAttempt does not look at it.
            if (call.beforeAttempt !== undefined) url = await untilAborted(Promise.resolve(call.beforeAttempt(request, attempt)), signal);
          } catch (error) {
            // Not an attempt's failure (nothing was sent): the call ends with it, unrepeated.
            final = signal?.aborted ? aborted() : error;
            throw final;
          }
          built =
            url === undefined || url === request.url
              ? request
              : new Request(url, {
                  method: request.method,
                  headers: request.headers,
                  body: shareBodies ? body : null,
                  signal: request.signal,
                  redirect: 'manual',
                });
          // The attempt itself: ky takes its answer as the response, without cloning the request or a timeout of its own.
          return attemptOnce(built);
        },
      ],
      afterResponse: [
        async (_request, _options, response, { retryCount }) => {
          attempt = retryCount + 1;
          const { status, ok } = response;
          state.status = status;
          state.statusText = response.statusText;
          state.headers = response.headers;
          // The text the attempt read; the response's own when it carries one (the caller's hooks may have
          // replaced it, or answered without the network).
          const read = shareBodies || state.text === undefined ? await response.text() : state.text;
          let decoded: EngineAnswer | undefined;
          let judged: AnswerFailure | undefined;
          if (ok) {
            try {
              decoded = { status, headers: response.headers, body: JSON.parse(read) as unknown };
            } catch (error) {
              judged = {
                error: new MalformedResponseError(`HTTP ${status} from ${where}: the body is not JSON`, {
                  ...context(),
                  cause: sanitizeCause(error, secrets()),
                }),
              };
            }
            if (decoded !== undefined) judged = call.inspect?.(decoded, attempt);
          } else {
            decoded = { status, headers: response.headers, body: call.readErrorBody === true ? decodeErrorBody(read) : undefined };
            const own = httpStatusError();
            judged = (await call.inspectFailure?.(decoded, own, attempt)) ?? { error: own };
            httpFailure = judged.error;
          }
          report(judged?.error, decoded?.body);
          if (judged === undefined) {
            answer = decoded;
            return undefined;
          }
          if (judged.retry === 'immediate' && ledger.takeImmediate()) {
            immediate = true;
            return instance.retry({ delay: 0, code: 'IMMEDIATE', cause: judged.error });
          }
          // A non-2xx answer: ky throws its HTTPError next; shouldRetry asks about httpFailure, and ky honours Retry-After.
          if (!ok) return undefined;
          if (judged.retry !== 'immediate' && takeRetry(judged.error))
            return instance.retry({ code: 'RETRYABLE_ANSWER', cause: judged.error });
          final = judged.error;
          throw final;
        },
      ],
      beforeRetry: [
        ({ retryCount }) => {
          attempt = retryCount;
          state.text = undefined;
          if (failure !== undefined) call.onRetry?.({ attempt: retryCount, error: failure, immediate });
        },
      ],
    },
  };

  try {
    await instance(call.url, options);
  } catch (error) {
    if (error === final) throw error;
    const failed = failureOf(error);
    if (TokenwireError.isInstance(failed)) report(failed, undefined, true);
    throw failed;
  }
  // Without an accepted answer, a caller's ky hook ended the call (ky.stop, a Response from beforeRetry).
  if (answer === undefined)
    throw failure ?? new TokenwireError(`Call to ${where} ended without an answer (a ky hook stopped it)`, context());
  return answer;
}
