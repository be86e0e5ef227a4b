import { ValidationError, type Clock, type RetryOptions, type RetryPolicy } from '@tokenwire/core';
import {
  functionSchema,
  limitResponseSize,
  optionsObject,
  parseInput,
  type ResponseSizeLimit,
  RetryOptionSchema,
  TimeoutSchema,
} from '@tokenwire/core/internal';
import { numberIn } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { CallOptionEntries } from '../input/signal-options.js';
import { API_NAME_PATTERN, GET_API, type CcmessagingApi } from './ccmessaging-apis.js';
import { isMessageTokenSource, type MessageTokenSource } from './message-token-source.js';

/** Whether a client holds the AK/SK itself (`direct`, server side) or talks to a gateway that does (`gateway`). */
export type AiccClientMode = 'direct' | 'gateway';

/**
 * One call of a CC-Messaging API through a client, as sessions make them. Use it directly for APIs this package
 * does not wrap (e.g. click-to-call): the client adds authentication, retries and error mapping.
 */
export interface AiccRequest {
  /** The API: the path after `/apiaccess/ccmessaging/`, e.g. `send`, `poll`, `v1/robot/feedbacksatisfaction`. */
  readonly api: CcmessagingApi | (string & {});
  /** HTTP method. Defaults to the documented method of a known API, else `POST`. */
  readonly method?: 'GET' | 'POST' | undefined;
  /** Query parameters (for `poll`: `receiverId`, `channel`, `isNeedRead`). */
  readonly query?: Readonly<Record<string, string>> | undefined;
  /** The JSON body (POST only); `{}` when omitted. */
  readonly body?: Readonly<Record<string, unknown>> | undefined;
  /**
   * The `ccmessaging-token` to send; every API but `applyToken` needs one. A string is sent as it is. A
   * {@link MessageTokenSource} (what a session passes: its token holder) is asked before every attempt, takes the
   * token AICC rotates in a `ccmessaging-token` response header, and is asked once for a renewed token when AICC
   * rejects it — a 401 that a gateway did not produce itself, or an API Fabric 403 that a fresh AccessToken did not
   * cure — after which the call is replayed once at once.
   */
  readonly messageToken?: string | MessageTokenSource | undefined;
  /**
   * Whether repeating the call after an ambiguous failure (timeout, dropped connection, 5xx) is harmless.
   * Defaults to `true` for `GET`, `applyToken` and the read-only APIs, `false` otherwise. Non-idempotent calls
   * are retried only after answers that prove they were not processed (HTTP 429 or 503, AICC flow control).
   */
  readonly idempotent?: boolean | undefined;
  /** Aborts the call, including backoff waits and the token refreshes it waits for. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Direct clients: whether an API Fabric 403 makes the client drop its AccessToken, fetch a new one and replay
   * the call once at once (default `true`). A 403 that the refresh did not cure is not refreshed again, not even
   * after the `ccmessaging-token` was re-applied. A gateway client never refreshes (its gateway does).
   */
  readonly refreshAccessTokenOn403?: boolean | undefined;
  /** Per-attempt deadline in ms for this call; defaults to the client's `timeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /** Retry policy for this call (merged over the client's), or `false` for a single attempt. */
  readonly retry?: RetryOptions | false | undefined;
  /** Called with the headers of every HTTP answer, successful or not (sessions read a rotated `ccmessaging-token`). */
  readonly onResponseHeaders?: ((headers: Headers) => void) | undefined;
  /**
   * Largest answer body accepted, in bytes as received. A larger answer fails with `ResponseTooLargeError` (not
   * retried) without being held in memory: refused when `Content-Length` announces it, else cancelled as soon as
   * the count passes the limit. No limit unless given.
   */
  readonly maxResponseBytes?: number | undefined;
}

/** A 2xx answer of a CC-Messaging API. Its business outcome (`resultCode`) is not checked yet. */
export interface AiccResponse {
  /** The AICC path of the API, e.g. `/apiaccess/ccmessaging/send` (also through a gateway). */
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  /** The decoded JSON body. */
  readonly body: unknown;
  /** Which attempt answered (1 for the first). */
  readonly attempt: number;
  /** Replaces the credentials this call used (tokens, secrets) in `text` with `***`, for texts the answer echoes. */
  redact(text: string): string;
}

/**
 * A configured AICC client: either direct ({@link createAiccClient}, holds the AK/SK and the API Fabric
 * AccessToken; server side only) or through a gateway ({@link createAiccGatewayClient}, safe in browsers). Both
 * serve {@link applyToken} and {@link createAiccSession} alike.
 */
export interface AiccClient {
  readonly mode: AiccClientMode;
  /** The base URL (direct) or gateway URL requests go to, without a trailing slash. */
  readonly endpoint: string;
  /** The client's clock (ms since the epoch). */
  readonly now: Clock;
  /** The client's retry policy with every default applied. */
  readonly retryPolicy: RetryPolicy;
  /**
   * Calls one CC-Messaging API with the client's authentication and retry policy and resolves to its 2xx answer.
   * AICC flow control (`resultCode` 10010000002) is retried like HTTP 429; other business codes are left to the
   * caller.
   *
   * @throws {@link @tokenwire/core!ValidationError | ValidationError} for a malformed request (nothing is sent).
   * @throws {@link FabricAuthError} when API Fabric rejects the client (after one refresh and replay, direct mode).
   * @throws {@link AiccApiError} when flow control persists past the retry limit.
   * @throws `HttpStatusError` (e.g. 401: the `ccmessaging-token` was rejected), `NetworkError`, `TimeoutError`,
   *   `MalformedResponseError` or `RequestAbortedError` from `@tokenwire/core`.
   */
  request(request: AiccRequest): Promise<AiccResponse>;
}

/** APIs that change nothing when repeated (reads, and `applyToken`, which only issues another token). */
const IDEMPOTENT_APIS: ReadonlySet<string> = /* @__PURE__ */ (() =>
  new Set([
    'applyToken',
    'poll',
    'queryQueueInfo',
    'queryHistoryChatMessage',
    'downloadFileStream',
    'queryPhraseByKeyword',
    'getsatisfactionsurveymode',
  ]))();

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PlainObjectSchema = /* @__PURE__ */ (() => v.custom<Readonly<Record<string, unknown>>>(isPlainObject, 'must be a JSON object'))();

const AiccRequestSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      api: v.pipe(
        v.string('must be a string'),
        v.regex(API_NAME_PATTERN, 'must be an API name such as send or v1/robot/feedbacksatisfaction'),
      ),
      method: v.optional(v.picklist(['GET', 'POST'], 'must be GET or POST')),
      query: v.optional(
        v.custom<Readonly<Record<string, string>>>(
          (value) => isPlainObject(value) && Object.values(value).every((item) => typeof item === 'string'),
          'must be an object of strings',
        ),
      ),
      body: v.optional(PlainObjectSchema),
      messageToken: v.optional(
        v.pipe(
          v.custom<string | MessageTokenSource>(
            (value) => typeof value === 'string' || isMessageTokenSource(value),
            'must be a string or a MessageTokenSource',
          ),
          v.check((value) => value !== '', 'must not be empty'),
        ),
      ),
      idempotent: v.optional(v.boolean('must be a boolean')),
      refreshAccessTokenOn403: v.optional(v.boolean('must be a boolean')),
      ...CallOptionEntries,
      timeoutMs: v.optional(TimeoutSchema),
      retry: v.optional(RetryOptionSchema),
      onResponseHeaders: v.optional(functionSchema<(headers: Headers) => void>()),
      maxResponseBytes: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number of bytes, not negative', true)),
    },
    'an object with at least api',
  ))();

/** An {@link AiccRequest} after validation, with defaults applied and the body serialised. */
export interface PreparedAiccRequest {
  readonly api: string;
  readonly method: 'GET' | 'POST';
  /** `?…` or the empty string. */
  readonly search: string;
  readonly bodyText: string | undefined;
  readonly messageToken: string | MessageTokenSource | undefined;
  readonly idempotent: boolean;
  readonly refreshAccessTokenOn403: boolean;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number | undefined;
  readonly retry: RetryOptions | false | undefined;
  readonly onResponseHeaders: ((headers: Headers) => void) | undefined;
  /** The cap on the answer's body, from `maxResponseBytes`. */
  readonly responseSizeLimit: ResponseSizeLimit | undefined;
}

/**
 * Validates a request and prepares it for sending.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} (nothing is sent).
 * @internal
 */
export function prepareAiccRequest(request: AiccRequest): PreparedAiccRequest {
  const parsed = parseInput(AiccRequestSchema, request, 'AICC request');
  const method = parsed.method ?? (parsed.api === GET_API ? 'GET' : 'POST');
  if (method === 'GET' && parsed.body !== undefined) {
    throw new ValidationError('AICC request', [{ path: 'body', message: 'must be omitted for GET' }]);
  }
  let bodyText: string | undefined;
  if (method === 'POST') {
    try {
      bodyText = JSON.stringify(parsed.body ?? {});
    } catch {
      throw new ValidationError('AICC request', [{ path: 'body', message: 'must be serialisable as JSON' }]);
    }
  }
  const search =
    parsed.query === undefined || Object.keys(parsed.query).length === 0 ? '' : `?${new URLSearchParams(parsed.query).toString()}`;
  return {
    api: parsed.api,
    method,
    search,
    bodyText,
    messageToken: parsed.messageToken as string | MessageTokenSource | undefined,
    idempotent: parsed.idempotent ?? (method === 'GET' || IDEMPOTENT_APIS.has(parsed.api)),
    refreshAccessTokenOn403: parsed.refreshAccessTokenOn403 ?? true,
    signal: parsed.signal,
    timeoutMs: parsed.timeoutMs,
    retry: parsed.retry,
    onResponseHeaders: parsed.onResponseHeaders as ((headers: Headers) => void) | undefined,
    responseSizeLimit: parsed.maxResponseBytes === undefined ? undefined : limitResponseSize(parsed.maxResponseBytes),
  };
}
