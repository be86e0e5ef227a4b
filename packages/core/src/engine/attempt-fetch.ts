import type { TokenwireErrorOptions } from '../errors/tokenwire-error.js';
import { HttpStatusError, NetworkError, ResponseTooLargeError } from '../errors/transport-errors.js';
import type { ResponseSizeLimit } from '../client/response-size-limit.js';
import { sanitizeCause } from '../client/sanitize-cause.js';
import { untilAborted } from './until-aborted.js';

/**
 * The `fetch` requests go out with, called as ky calls its `fetch` option: `fetch(request, init)`, with ky's
 * `Request` (method, headers, body, `redirect: 'manual'` and the attempt's signal) and an `init` holding only
 * options a `Request` cannot carry (e.g. undici's `dispatcher`). The global `fetch`, an instrumented wrapper or
 * an in-process handler such as the emulator's `fetch` all fit; a wrapper must keep the request's `redirect`,
 * or it may carry the credentials to a redirect's target.
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What {@link fetchWholeAnswer} needs to know about the call it serves. */
export interface WholeAnswerOptions {
  /** The fetch that sends the request. */
  readonly fetch: FetchFunction;
  /** Read the body of a non-2xx answer too (else it is cancelled unread). */
  readonly readErrorBody: boolean;
  /** A cap on the body's size, from `limitResponseSize(maxBytes)`; none when `undefined`. */
  readonly responseSizeLimit: ResponseSizeLimit | undefined;
  /** What the call is, for messages: `live_config/get_callback`, an AICC path. */
  readonly where: string;
  /** The context of the current attempt, for errors. */
  readonly context: () => TokenwireErrorOptions;
  /** Values that must not appear in an error's cause (the UserSig, the secret key, tokens). */
  readonly secrets: () => readonly (string | undefined)[];
  /** Told as soon as the answer's headers arrived (before its body is read). */
  readonly onHeaders: (response: Response) => void;
}

/** Statuses whose responses have no body (`new Response(body, …)` refuses one). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

function cancelBody(response: Response): void {
  try {
    if (response.body && !response.body.locked) response.body.cancel().then(undefined, () => undefined);
  } catch {
    // Nothing more to release.
  }
}

/** The body as text within the size limit (`undefined` past it), ended at once when `signal` aborts. */
function readText(response: Response, limit: ResponseSizeLimit | undefined, signal: AbortSignal): Promise<string | undefined> {
  if (limit === undefined) return untilAborted(response.text(), signal, () => cancelBody(response));
  const reading = limit.read(response);
  return untilAborted(reading.text, signal, reading.cancel);
}

/** A copy of `response` holding `text` as its body (already read), for ky and its hooks. */
function withText(response: Response, text: string | undefined): Response {
  const { status, statusText, headers } = response;
  return new Response(text === undefined || NULL_BODY_STATUSES.has(status) ? null : text, { status, statusText, headers });
}

/**
 * One attempt of the request engine: sends ky's request with `options.fetch` and reads the whole answer before
 * resolving, so ky's `timeout` — which only races the `fetch` it calls — bounds the headers **and** the body.
 * ky then sees an answer whose body is already in memory, as a fresh `Response`.
 *
 * - A redirect (3xx, or a browser's opaque redirect) is refused: the body is cancelled and a non-retryable
 *   {@link HttpStatusError} is thrown; following it would send the credentials to another address.
 * - A 2xx body larger than the size limit throws {@link ResponseTooLargeError}, refused by `Content-Length` or
 *   cancelled as soon as the count passes the limit.
 * - A non-2xx body is read only with `readErrorBody` (within the limit; dropped when larger or unreadable), else
 *   cancelled unread; the answer is returned for ky to turn into its `HTTPError`.
 * - A fetch that rejects, or a body that breaks off, throws a retryable {@link NetworkError} whose cause never
 *   mentions a secret. When the request's signal aborts (ky's timeout, the caller) the attempt rejects with the
 *   signal's reason at once, even if `fetch` or the body ignore the signal.
 *
 * @internal Used by `createRequestEngine`.
 */
export async function fetchWholeAnswer(request: Request, init: RequestInit | undefined, options: WholeAnswerOptions): Promise<Response> {
  const { signal } = request;
  const { where } = options;
  const networkError = (error: unknown, whileReading: boolean): NetworkError => {
    const cause = sanitizeCause(error, options.secrets());
    const detail = typeof cause === 'string' ? cause : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new NetworkError(`Network error calling ${where}${whileReading ? ' while reading the response body' : ''}: ${detail}`, {
      ...options.context(),
      cause,
    });
  };

  let response: Response;
  try {
    response = await untilAborted(options.fetch(request, init), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw networkError(error, false);
  }
  const { status } = response;
  options.onHeaders(response);

  // A browser hides a redirect it did not follow behind an opaque answer with status 0.
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    cancelBody(response);
    // The target (`Location`) is left out: a redirect may point at a URL that carries the credentials.
    const message = `HTTP ${status || 'redirect'} from ${where}: redirect refused (credentials are never sent to another address)`;
    throw new HttpStatusError(message, { ...options.context(), status, retryable: false });
  }

  if (!response.ok) {
    if (!options.readErrorBody) {
      cancelBody(response);
      return withText(response, undefined);
    }
    let text: string | undefined;
    try {
      text = await readText(response, options.responseSizeLimit, signal);
    } catch (error) {
      // Interrupted: the attempt ends (ky's timeout or the caller). Unreadable: the answer has no body.
      if (signal.aborted) throw error;
    }
    return withText(response, text);
  }

  let text: string | undefined;
  try {
    text = await readText(response, options.responseSizeLimit, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw networkError(error, true);
  }
  if (text === undefined) {
    // Only a size limit leaves the text undefined.
    const { maxBytes } = options.responseSizeLimit as ResponseSizeLimit;
    throw new ResponseTooLargeError(`HTTP ${status} from ${where}: the body is larger than the limit of ${maxBytes} bytes`, maxBytes, {
      ...options.context(),
      status,
    });
  }
  return withText(response, text);
}
