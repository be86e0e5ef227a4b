import type { TokenwireErrorOptions } from '../errors/tokenwire-error.js';
import { HttpStatusError, NetworkError, ResponseTooLargeError } from '../errors/transport-errors.js';
import type { ResponseSizeLimit } from '../client/response-size-limit.js';
import { sanitizeCause } from '../client/sanitize-cause.js';
import { redactSecrets } from '../redact.js';
import { networkFailureSummary } from './network-failure-summary.js';
import { untilAborted } from './until-aborted.js';

/**
 * The `fetch` requests go out with, called like the global one: `fetch(url, init)` with the URL as a string and an
 * init carrying `method`, `headers`, `body`, `redirect: 'manual'` and the attempt's `signal` (plus what ky passes
 * besides, e.g. undici's `dispatcher`); or `fetch(request, init)` with ky's `Request` when a ky hook of yours
 * replaced the request. The global `fetch`, an instrumented wrapper or an in-process handler such as the
 * emulator's `fetch` all fit; a wrapper must keep `redirect`, or it may carry the credentials to a redirect's
 * target.
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The answer of the attempt under way, as far as it arrived: {@link fetchWholeAnswer} fills it in. */
export interface AttemptState {
  /** HTTP status, once the headers arrived. */
  status: number | undefined;
  statusText: string;
  /** Response headers, once they arrived. */
  headers: Headers | undefined;
  /** The body's text once read (`undefined`: not read, too large, or unreadable). */
  text: string | undefined;
}

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
  /**
   * The body `request` carries, when the engine knows it (the request is the one it built): the request then goes
   * out as `fetch(url, init)`, which spares the fetch unwrapping ky's `Request` and pumping its body stream (on
   * Node a third of a raw fetch's CPU). `undefined`: send the `Request` itself.
   */
  readonly knownBody: (request: Request) => string | null | undefined;
  /** Where the answer goes as it arrives: status and headers first, then the text. */
  readonly state: AttemptState;
  /**
   * Hand the text to ky as the body of the `Response` it gets. Without it that `Response` has no body: cheaper,
   * for ky clones the response for each `afterResponse` hook, and only hooks that read bodies need it.
   */
  readonly keepBody: boolean;
}

/** Statuses whose responses have no body (`new Response(body, …)` refuses one). */
const NULL_BODY_STATUSES: ReadonlySet<number> = /* @__PURE__ */ (() => new Set([101, 103, 204, 205, 304]))();

function cancelBody(response: Response): void {
  try {
    if (response.body && !response.body.locked) response.body.cancel().then(undefined, () => undefined);
  } catch {
    // Nothing more to release.
  }
}

/** Request options that differ from their defaults, to keep when a request goes out as a URL and an init. */
const REQUEST_DEFAULTS: Readonly<Record<string, unknown>> = {
  credentials: 'same-origin',
  mode: 'cors',
  cache: 'default',
  keepalive: false,
  referrerPolicy: '',
  integrity: '',
};

/**
 * Sends `request` with the attempt's `signal`, as a URL and an init when its body is known (see
 * {@link WholeAnswerOptions.knownBody}).
 */
function send(request: Request, init: RequestInit | undefined, options: WholeAnswerOptions, signal: AbortSignal): Promise<Response> {
  const body = options.knownBody(request);
  if (body === undefined) return options.fetch(request, { ...init, signal });
  const sent: Record<string, unknown> = {
    ...init,
    method: request.method,
    headers: request.headers,
    body,
    redirect: request.redirect,
    signal,
  };
  for (const key in REQUEST_DEFAULTS) {
    // Runtimes without an option (workerd has no `credentials`) leave it undefined: it is not passed on.
    const value = (request as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== REQUEST_DEFAULTS[key]) sent[key] = value;
  }
  return options.fetch(request.url, sent as RequestInit);
}

/** ` at <host[:port]>` of a request URL, for a message: never its path, query (the UserSig) or user info. */
function hostOf(url: string): string {
  try {
    return ` at ${new URL(url).host}`;
  } catch {
    return '';
  }
}

/** The body as text within the size limit (`undefined` past it), ended at once when `signal` aborts. */
function readText(response: Response, limit: ResponseSizeLimit | undefined, signal: AbortSignal): Promise<string | undefined> {
  if (limit === undefined) return untilAborted(response.text(), signal, () => cancelBody(response));
  const reading = limit.read(response);
  return untilAborted(reading.text, signal, reading.cancel);
}

/** A copy of `response` for ky: status and headers, and `text` (already read) as its body when it is kept. */
function forKy(response: Response, text: string | undefined, options: WholeAnswerOptions): Response {
  options.state.text = text;
  const { status, statusText, headers } = response;
  const body = options.keepBody && text !== undefined && !NULL_BODY_STATUSES.has(status) ? text : null;
  return new Response(body, { status, statusText, headers });
}

/**
 * One attempt of the request engine: sends ky's request with `options.fetch` and reads the whole answer before
 * resolving, so the attempt's deadline (`signal`: the engine's timer, and the caller's signal) bounds the headers
 * **and** the body.
 * ky then gets a fresh `Response` with the status and headers (and the text, with `keepBody`); the answer goes to
 * `options.state` as it arrives.
 *
 * - A redirect (3xx, or a browser's opaque redirect) is refused: the body is cancelled and a non-retryable
 *   {@link HttpStatusError} is thrown; following it would send the credentials to another address.
 * - A 2xx body larger than the size limit throws {@link ResponseTooLargeError}, refused by `Content-Length` or
 *   cancelled as soon as the count passes the limit.
 * - A non-2xx body is read only with `readErrorBody` (within the limit; dropped when larger or unreadable), else
 *   cancelled unread; the answer is returned for ky to turn into its `HTTPError`.
 * - A fetch that rejects, or a body that breaks off, throws a retryable {@link NetworkError} whose cause never
 *   mentions a secret. When `signal` aborts (the deadline, the caller) the attempt rejects with the signal's reason
 *   at once and the request is aborted, even if `fetch` or the body ignore the signal.
 *
 * @internal Used by `createRequestEngine`.
 */
export async function fetchWholeAnswer(
  request: Request,
  init: RequestInit | undefined,
  options: WholeAnswerOptions,
  signal: AbortSignal,
): Promise<Response> {
  const { where } = options;
  const networkError = (error: unknown, whileReading: boolean): NetworkError => {
    const secrets = options.secrets();
    const cause = sanitizeCause(error, secrets);
    const detail = typeof cause === 'string' ? cause : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const summary = networkFailureSummary(error);
    const reason = summary === undefined ? '' : ` (${redactSecrets(summary, secrets)})`;
    const reading = whileReading ? ' while reading the response body' : '';
    return new NetworkError(`Network error calling ${where}${hostOf(request.url)}${reading}: ${detail}${reason}`, {
      ...options.context(),
      cause,
    });
  };

  let response: Response;
  try {
    response = await untilAborted(send(request, init, options, signal), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw networkError(error, false);
  }
  const { status } = response;
  const { state } = options;
  state.status = status;
  state.statusText = response.statusText;
  state.headers = response.headers;

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
      return forKy(response, undefined, options);
    }
    let text: string | undefined;
    try {
      text = await readText(response, options.responseSizeLimit, signal);
    } catch (error) {
      // Interrupted: the attempt ends (the deadline or the caller). Unreadable: the answer has no body.
      if (signal.aborted) throw error;
    }
    return forKy(response, text, options);
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
  return forKy(response, text, options);
}
