import type { TokenwireError } from '../errors/tokenwire-error.js';
import {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
} from '../errors/transport-errors.js';
import type { ResponseSizeLimit } from './response-size-limit.js';
import { sanitizeCause } from './sanitize-cause.js';
import { MAX_TIMER_DELAY_MS, sleep as defaultSleep, type Sleep } from './sleep.js';

/**
 * The `fetch` the client sends requests with, called like the global one: `fetch(url, init)` with the URL as a
 * string and an init carrying `method`, `headers`, `body`, `redirect: 'manual'` and `signal`. The global
 * `fetch`, an instrumented wrapper, or an in-process handler such as the emulator's `fetch` all fit; a wrapper
 * must pass `redirect` on, or it may carry the credentials to a redirect's target. (No `Request` object is
 * built per attempt: on Node that alone costs about a third of a raw fetch's CPU time.)
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** One HTTP attempt of a JSON API call (a Tencent REST command or an AICC path). */
export interface TransportRequest {
  /** The request URL, secrets included. It never appears in an error. */
  readonly url: string;
  /** HTTP method; `POST` unless given. */
  readonly method?: 'GET' | 'POST' | undefined;
  /** Extra request headers (e.g. AICC's `Authorization`, `x-app-key`, `ccmessaging-token`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The JSON request body, already serialised; omitted for `GET`. */
  readonly body?: string | undefined;
  readonly fetch: FetchFunction;
  /** Deadline of the attempt in ms, covering the response headers and the whole body. */
  readonly timeoutMs: number;
  /** The caller's signal; aborting it ends the attempt with {@link RequestAbortedError}. */
  readonly signal?: AbortSignal | undefined;
  /** Schedules the deadline. */
  readonly sleep: Sleep;
  /** Context attached to every error: the Tencent service and command, or the AICC path. */
  readonly service?: string | undefined;
  readonly command?: string | undefined;
  readonly path?: string | undefined;
  /** Tencent's `random` of this attempt. */
  readonly random?: number | undefined;
  /** 1 for the first attempt of a call, then 2, 3, … */
  readonly attempt: number;
  /** Values that must not appear in an error's cause (the UserSig, the secret key). */
  readonly secrets: readonly (string | undefined)[];
  /**
   * Read the body of a non-2xx answer too (within the same deadline) and return it as `body` of the failure,
   * decoded as JSON when it is JSON, else as text. Off by default: the body is then cancelled unread. AICC needs
   * it to tell an API Fabric 403 `{ errorCode, exceptionInfo }` or a ccmessaging 401 from a gateway's error page.
   */
  readonly readErrorBody?: boolean | undefined;
  /**
   * A cap on the body's size, from `limitResponseSize(maxBytes)`. A larger 2xx answer fails with
   * {@link ResponseTooLargeError} without being held in memory: refused at once when `Content-Length` announces
   * it, else cancelled as soon as the count passes the limit. A larger non-2xx body (with `readErrorBody`) is
   * dropped unread. No limit unless given.
   */
  readonly responseSizeLimit?: ResponseSizeLimit | undefined;
}

/** The outcome of one attempt: the decoded JSON body of a 2xx answer, or the failure. */
export type TransportResult =
  | { readonly ok: true; readonly status: number; readonly headers: Headers; readonly body: unknown }
  | {
      readonly ok: false;
      readonly error: TokenwireError;
      /** HTTP status, when an answer arrived. */
      readonly status: number | undefined;
      /** Response headers, when an answer arrived (for `Retry-After`). */
      readonly headers: Headers | undefined;
      /**
       * The body of a non-2xx answer, only with `readErrorBody`: the decoded JSON, or the text when it is not
       * JSON; `undefined` when it was not read, could not be read in time, or was empty.
       */
      readonly body?: unknown;
    };

/** Marks a race lost to the attempt's abort signal. */
const INTERRUPTED = Symbol('interrupted');
/**
 * The reason an injected sleep's deadline signal is aborted with once the attempt is over, which cancels its
 * timer. A constant, so settling an attempt does not construct a `DOMException`.
 */
const SETTLED = Symbol('settled');

function ignoreRejection(promise: PromiseLike<unknown>): void {
  promise.then(undefined, () => undefined);
}

function cancelBody(response: Response | undefined): void {
  try {
    if (response?.body && !response.body.locked) ignoreRejection(response.body.cancel());
  } catch {
    // Nothing more to release.
  }
}

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
 * Sends one attempt with the injected `fetch` and classifies the outcome. The callers own retries; this
 * deadline is per attempt and covers the response body as well as the headers (a stalled body times out).
 *
 * Redirects are not followed (`redirect: 'manual'`): a 3xx answer, or a browser's opaque redirect (status 0), is
 * a non-retryable {@link HttpStatusError} saying the redirect was refused, without its `Location`.
 *
 * Failures: fetch rejected → {@link NetworkError}; deadline → {@link TimeoutError}; caller's signal →
 * {@link RequestAbortedError}; redirect → {@link HttpStatusError} (not retryable, body not read); other non-2xx →
 * {@link HttpStatusError} (body not read, unless `readErrorBody` asks for it as the failure's `body`); 2xx body
 * over `responseSizeLimit` → {@link ResponseTooLargeError} (not retryable); 2xx whose body is not JSON →
 * {@link MalformedResponseError}. Each carries `service`, `command`, `random` and `status` when known; causes are
 * passed through {@link sanitizeCause}. This function never throws.
 */
export async function sendRequest(request: TransportRequest): Promise<TransportResult> {
  const { service, command, path, random, attempt, timeoutMs, signal, secrets } = request;
  const limit = request.responseSizeLimit;
  const where = service !== undefined && command !== undefined ? `${service}/${command}` : (path ?? 'the API');
  let response: Response | undefined;
  const context = () => ({ service, command, path, random, attempt, status: response?.status });
  const fail = (error: TokenwireError): TransportResult & { ok: false } => ({ ok: false, error, status: response?.status, headers: response?.headers });
  const aborted = (): TransportResult =>
    fail(new RequestAbortedError(`Call to ${where} was aborted by the caller`, { ...context(), cause: sanitizeCause(signal?.reason, secrets) }));
  if (signal?.aborted) return aborted();

  // `controller`'s signal goes to fetch and is aborted only when the attempt is interrupted (deadline or
  // caller): aborting a finished fetch's signal costs undici real work, so a settled attempt leaves it alone.
  const controller = new AbortController();
  let timedOut = false;
  let settled = false;
  /** Rejects the promise {@link unlessInterrupted} is waiting on, if any. */
  let interruptWait: ((reason: typeof INTERRUPTED) => void) | undefined;
  /** Ends the attempt: aborts fetch and interrupts the current wait. */
  const interrupt = (reason?: unknown): void => {
    controller.abort(reason);
    interruptWait?.(INTERRUPTED);
  };
  const onDeadline = (): void => {
    if (settled || controller.signal.aborted) return;
    timedOut = true;
    interrupt();
  };
  const onCallerAbort = (): void => interrupt(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  // The deadline. With the default sleep it is a plain timer, cleared once the attempt is over; an injected
  // sleep gets a signal of its own, aborted with SETTLED then.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline: AbortController | undefined;
  if (request.sleep === defaultSleep) {
    timer = setTimeout(onDeadline, Math.min(Math.max(0, timeoutMs), MAX_TIMER_DELAY_MS));
  } else {
    deadline = new AbortController();
    request.sleep(timeoutMs, deadline.signal).then(onDeadline, () => undefined);
  }
  /** Awaits `promise` unless the deadline or the caller's signal interrupts the attempt first (then throws INTERRUPTED). */
  const unlessInterrupted = <T>(promise: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (controller.signal.aborted) {
        ignoreRejection(promise);
        reject(INTERRUPTED);
        return;
      }
      interruptWait = reject;
      promise.then(resolve, reject);
    });

  /** Stops a bounded body read; set while one is in progress. */
  let stopReading: (() => void) | undefined;
  /** Gives up the body of an interrupted attempt. */
  const release = (): void => {
    cancelBody(response);
    stopReading?.();
  };
  /** The body as text; `undefined` when it is larger than `responseSizeLimit` allows. */
  const readText = (answer: Response): Promise<string | undefined> => {
    if (limit === undefined) return answer.text();
    const reading = limit.read(answer);
    stopReading = reading.cancel;
    return reading.text;
  };

  let phase: 'headers' | 'body' = 'headers';
  try {
    const method = request.method ?? 'POST';
    const post = method === 'POST';
    response = await unlessInterrupted(
      request.fetch(request.url, {
        method,
        headers: { accept: 'application/json', ...(post ? { 'content-type': 'application/json' } : {}), ...request.headers },
        body: post ? (request.body ?? '{}') : null,
        // Following a redirect would re-send the URL's UserSig and the headers' tokens to another address.
        redirect: 'manual',
        signal: controller.signal,
      }),
    );
    const { status, statusText } = response;
    // A browser hides a redirect it did not follow behind an opaque answer with status 0.
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      cancelBody(response);
      // The target (`Location`) is left out: a redirect may point at a URL that carries the credentials.
      const message = `HTTP ${status || 'redirect'} from ${where}: redirect refused (credentials are never sent to another address)`;
      return fail(new HttpStatusError(message, { ...context(), status, retryable: false }));
    }
    if (!response.ok) {
      const error = new HttpStatusError(`HTTP ${statusText ? `${status} ${statusText}` : status} from ${where}`, {
        ...context(),
        status,
        retryable: status >= 500 || status === 429,
      });
      if (request.readErrorBody !== true) {
        cancelBody(response);
        return fail(error);
      }
      let body: unknown;
      try {
        const text = await unlessInterrupted(readText(response));
        body = text === undefined ? undefined : decodeErrorBody(text);
      } catch (reason) {
        // Unreadable: no body. Interrupted: give the body up, and report an abort by the caller as such.
        if (reason === INTERRUPTED) {
          release();
          if (signal?.aborted) return aborted();
        }
      }
      return { ...fail(error), body };
    }
    phase = 'body';
    const text = await unlessInterrupted(readText(response));
    if (text === undefined) {
      // Only a size limit leaves the text undefined.
      const { maxBytes } = limit as ResponseSizeLimit;
      return fail(new ResponseTooLargeError(`HTTP ${status} from ${where}: the body is larger than the limit of ${maxBytes} bytes`, maxBytes, context()));
    }
    try {
      return { ok: true, status, headers: response.headers, body: JSON.parse(text) as unknown };
    } catch (error) {
      return fail(new MalformedResponseError(`HTTP ${status} from ${where}: the body is not JSON`, { ...context(), cause: sanitizeCause(error, secrets) }));
    }
  } catch (error) {
    if (error === INTERRUPTED && phase === 'body') release();
    if (signal?.aborted) return aborted();
    const headers = phase === 'headers';
    if (timedOut) {
      return fail(new TimeoutError(`Call to ${where} timed out after ${timeoutMs} ms (${headers ? 'no response' : 'the response body did not finish'})`, timeoutMs, context()));
    }
    const cause = sanitizeCause(error, secrets);
    const detail = typeof cause === 'string' ? cause : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail(new NetworkError(`Network error calling ${where}${headers ? '' : ' while reading the response body'}: ${detail}`, { ...context(), cause }));
  } finally {
    signal?.removeEventListener('abort', onCallerAbort);
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    deadline?.abort(SETTLED);
  }
}
