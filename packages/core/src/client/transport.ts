import { createRequestEngine, type AttemptOutcome } from '../engine/request-engine.js';
import type { FetchFunction } from '../engine/attempt-fetch.js';
import type { TokenwireError } from '../errors/tokenwire-error.js';
import { HttpStatusError, TimeoutError } from '../errors/transport-errors.js';
import type { ResponseSizeLimit } from './response-size-limit.js';
import { NO_RETRY_POLICY } from './retry-policy.js';
import { sleep as defaultSleep, type Sleep } from './sleep.js';

/**
 * One HTTP attempt of a JSON API call (an AICC path), for {@link sendRequest}.
 *
 * @deprecated With {@link sendRequest}: calls go through `createRequestEngine`.
 */
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
  /**
   * Schedules the deadline when it is not core's `sleep` (a test's virtual time); with core's `sleep` the deadline
   * is ky's `timeout`.
   */
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

/**
 * The outcome of one attempt: the decoded JSON body of a 2xx answer, or the failure.
 *
 * @deprecated With {@link sendRequest}.
 */
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

/** Never drawn from: a call without retries has no jitter. */
const NO_JITTER = (): number => 0;

/**
 * Sends one attempt and classifies the outcome, through the request engine (ky, no retries): the deadline covers
 * the response body as well as the headers, redirects are refused, the body is read within `responseSizeLimit`.
 *
 * Failures: fetch rejected → `NetworkError`; deadline → {@link TimeoutError}; caller's signal →
 * `RequestAbortedError`; redirect → `HttpStatusError` (not retryable, body not read); other non-2xx →
 * `HttpStatusError` (body not read, unless `readErrorBody` asks for it as the failure's `body`); 2xx body over
 * `responseSizeLimit` → `ResponseTooLargeError` (not retryable); 2xx whose body is not JSON →
 * `MalformedResponseError`. Each carries `service`, `command`, `path`, `random`, `attempt` and `status` when
 * known; causes never mention a secret. This function never throws.
 *
 * @deprecated Use `createRequestEngine`, whose ky runs the attempts and retries. Kept for
 *   `@tokenwire/aicc-messaging`'s own retry loop until it moves onto the engine (issue 12, part B).
 */
export async function sendRequest(request: TransportRequest): Promise<TransportResult> {
  const { service, command, path, random, attempt, timeoutMs, signal, secrets } = request;
  const where = service !== undefined && command !== undefined ? `${service}/${command}` : (path ?? 'the API');
  let outcome: AttemptOutcome | undefined;
  // A test's virtual time sets the deadline instead of ky's timer: when it fires, it aborts the attempt.
  const virtual = request.sleep === defaultSleep ? undefined : { deadline: new AbortController(), settled: new AbortController(), fired: false };
  if (virtual !== undefined && !signal?.aborted) {
    request.sleep(timeoutMs, virtual.settled.signal).then(
      () => {
        virtual.fired = true;
        virtual.deadline.abort();
      },
      () => undefined,
    );
  }
  const callSignal = virtual === undefined ? signal : signal === undefined ? virtual.deadline.signal : AbortSignal.any([signal, virtual.deadline.signal]);
  try {
    const answer = await createRequestEngine({ fetch: request.fetch }).send({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: callSignal,
      timeoutMs: virtual === undefined ? timeoutMs : false,
      retry: NO_RETRY_POLICY,
      random: NO_JITTER,
      where,
      context: () => ({ service, command, path, random, attempt }),
      secrets: () => secrets,
      readErrorBody: request.readErrorBody,
      responseSizeLimit: request.responseSizeLimit,
      onAttemptEnd: (ended) => {
        outcome = ended;
      },
    });
    return { ok: true, ...answer };
  } catch (caught) {
    let error = caught as TokenwireError;
    const status = outcome?.status ?? error.status;
    if (virtual?.fired === true && !signal?.aborted) {
      // The virtual deadline ended the attempt through the call's signal: report it as ky's timeout would be.
      const context = { service, command, path, random, attempt, status };
      if (status !== undefined && (status < 200 || status > 299)) {
        error = new HttpStatusError(`HTTP ${status} from ${where}`, { ...context, status, retryable: status >= 500 || status === 429 });
      } else {
        const missing = status === undefined ? 'no response' : 'the response body did not finish';
        error = new TimeoutError(`Call to ${where} timed out after ${timeoutMs} ms (${missing})`, timeoutMs, context);
      }
    }
    return { ok: false, error, status, headers: outcome?.headers, ...(outcome?.body === undefined ? {} : { body: outcome.body }) };
  } finally {
    virtual?.settled.abort();
  }
}
