import { HttpStatusError, MalformedResponseError, TimeoutError } from '@tokenwire/core';
import { NO_RETRY_POLICY, outboundEngine, randomUint32, untilAborted } from '@tokenwire/core/internal';
import { APP_KEY_HEADER, CCMESSAGING_PATH_PREFIX, JSON_CONTENT_TYPE, MESSAGE_TOKEN_HEADER } from '../client/ccmessaging-apis.js';
import type { AiccAccessTokenSource } from './aicc-access-token-source.js';
import { errorResponse } from './gateway-error-response.js';
import type { AiccGatewayLogEntry } from './gateway-log-entry.js';

/** Deadline of a relayed `poll`, in ms (AICC's whole answer): well above AICC's 5 s hold, below the client's 20 s. */
export const POLL_RELAY_TIMEOUT_MS = 15_000;

/** Deadline of any other relayed call, in ms. */
export const RELAY_TIMEOUT_MS = 10_000;

/**
 * Deadline of a relayed `uploadFileStream`, in ms: the browser's body streams through to AICC as it arrives, so the
 * deadline covers the upload (14 MiB at about 2 Mbit/s) as well as AICC's answer.
 */
export const UPLOAD_RELAY_TIMEOUT_MS = 60_000;

/** Largest AICC answer relayed for `downloadFileStream`, in bytes: a file of 2 MiB (AICC's own limit) as base64 JSON, with room. */
export const RELAY_MAX_DOWNLOAD_ANSWER_BYTES = 4_194_304; // 4 MiB, a literal: bundles that do not use it drop it

/** Largest AICC answer relayed for every other API, in bytes. */
export const RELAY_MAX_ANSWER_BYTES = 1_048_576; // 1 MiB

/** Statuses whose responses have no body (`new Response(body, …)` refuses one). */
const NULL_BODY_STATUSES: readonly number[] = [101, 204, 205, 304];

/** Response headers relayed from AICC to the browser; everything else (cookies, server details) is dropped. */
const RELAYED_RESPONSE_HEADERS = ['content-type', MESSAGE_TOKEN_HEADER, 'retry-after'] as const;

/** One call to relay. */
export interface RelayCall {
  /** The API after `/apiaccess/ccmessaging/`, e.g. `send` or `applyToken`. */
  readonly api: string;
  readonly method: 'GET' | 'POST';
  /** `?…` or empty. */
  readonly search: string;
  /**
   * The JSON to send (POST): text the route re-serialised, or a stream the route checks as it goes (an upload). A
   * streamed call is never repeated (a stream is read once).
   */
  readonly body: string | ReadableStream<Uint8Array> | undefined;
  /** The browser's `ccmessaging-token`, passed on. */
  readonly messageToken: string | undefined;
  /** The browser request's signal: a browser that goes away cancels the relayed call. */
  readonly signal: AbortSignal;
}

/** What the relay needs besides the call. */
export interface RelayDependencies {
  /** AICC's base URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly fetch: (request: Request) => Promise<Response>;
  readonly accessTokens: AiccAccessTokenSource;
  /** The runtime's `waitUntil` for this request, when it has one (keeps a shared AccessToken refresh alive). */
  readonly waitUntil: ((promise: Promise<unknown>) => void) | undefined;
  readonly log: (entry: AiccGatewayLogEntry) => void;
  /** Deadline of every relayed call, in ms, instead of {@link POLL_RELAY_TIMEOUT_MS}/{@link RELAY_TIMEOUT_MS} (tests). */
  readonly relayTimeoutMs?: number;
}

/** Whether AICC's status says the gateway's own AccessToken was refused (then it is refreshed and the call replayed once). */
function accessRejected(status: number, api: string): boolean {
  // API Fabric answers 403 for a bad AccessToken; applyToken carries no ccmessaging-token, so its 401 can only mean
  // the Authorization (cec_07_0088).
  return status === 403 || (status === 401 && api === 'applyToken');
}

/** AICC's answer as it arrived: status, headers and the whole body. */
interface UpstreamAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** AICC's answer as the browser gets it: its status and body, and only the {@link RELAYED_RESPONSE_HEADERS}. */
function relayed(upstream: UpstreamAnswer): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of RELAYED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(NULL_BODY_STATUSES.includes(upstream.status) ? null : upstream.bytes, { status: upstream.status, headers });
}

/**
 * The whole body as bytes, or `undefined` once it passes `maxBytes` (the rest is cancelled); ends at once, the body
 * cancelled, when `signal` aborts (the attempt's deadline, or the browser went away).
 */
function readBytesWithin(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body?.getReader();
  const read = async (): Promise<Uint8Array<ArrayBuffer> | undefined> => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const next = reader === undefined ? { done: true as const } : await reader.read();
      if (next.done) break;
      length += next.value.byteLength;
      if (length > maxBytes) {
        void reader?.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(next.value);
    }
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  };
  return untilAborted(read(), signal, () => void reader?.cancel().catch(() => undefined));
}

/**
 * Relays one CC-Messaging call to AICC with core's request engine and the gateway's credentials: exactly
 * `Authorization: Bearer <AccessToken>` and `x-app-key` added here, `content-type: application/json;charset=UTF-8`
 * for POST (as Huawei's demo sends it) and the browser's `ccmessaging-token` — no other header of the browser's.
 * One attempt (the client decides about retries), except one immediate replay of a text body: when AICC answers
 * 403 and the AccessToken was dropped (`AiccAccessTokenSource.invalidate`: not when it is younger than its refresh
 * floor), a fresh one is fetched and the call replayed. AICC's answer — status, body and a rotated
 * `ccmessaging-token` — is read whole by the relay within the attempt's deadline (poll 15 s, uploads 60 s, else 10 s:
 * headers **and** body, a non-2xx answer's too) and the size limit ({@link RELAY_MAX_ANSWER_BYTES},
 * {@link RELAY_MAX_DOWNLOAD_ANSWER_BYTES} for `downloadFileStream`), then relayed byte for byte; a redirect is never
 * followed. The gateway's own failures are 502 `upstream_unavailable` (unreachable, AK/SK refused, a redirect, an
 * answer too large) or 504 `upstream_timeout`. A 403 that is not replayed is relayed: it may mean the browser's
 * `ccmessaging-token` expired too (devg-voip-cec cec_05_1010), and `@tokenwire/aicc-messaging` then re-applies it
 * through `/aicc/token` and replays once.
 */
export async function relayToAicc(call: RelayCall, dependencies: RelayDependencies): Promise<Response> {
  const bodyStream = typeof call.body === 'object' ? call.body : undefined;
  const timeoutMs =
    dependencies.relayTimeoutMs ??
    (call.api === 'poll' ? POLL_RELAY_TIMEOUT_MS : bodyStream === undefined ? RELAY_TIMEOUT_MS : UPLOAD_RELAY_TIMEOUT_MS);
  const maxAnswerBytes = call.api === 'downloadFileStream' ? RELAY_MAX_DOWNLOAD_ANSWER_BYTES : RELAY_MAX_ANSWER_BYTES;
  // The last attempt's answer, read whole here within the attempt's deadline; the engine judges a copy of it.
  let upstream: UpstreamAnswer | undefined;
  let oversized = false;
  let accessToken: string | undefined;
  let tokenFailure = false;
  const readAnswer = async (response: Response, signal: AbortSignal | undefined): Promise<Response> => {
    upstream = undefined;
    if (isRedirect(response.status)) return response; // refused by the engine, never relayed
    const { status, statusText, headers } = response;
    const bytes = await readBytesWithin(response.body, maxAnswerBytes, signal);
    oversized = bytes === undefined;
    if (bytes === undefined) return new Response(null, { status, statusText });
    upstream = { status, headers, bytes };
    return new Response(NULL_BODY_STATUSES.includes(status) ? null : bytes, { status, statusText, headers });
  };
  try {
    await outboundEngine(dependencies.fetch, { bodyStream, readAnswer }).send({
      url: `${dependencies.baseUrl}${CCMESSAGING_PATH_PREFIX}${call.api}${call.search}`,
      method: call.method,
      ...(call.method === 'POST' ? { body: typeof call.body === 'string' ? call.body : '' } : {}),
      headers: {
        [APP_KEY_HEADER]: dependencies.appKey,
        ...(call.method === 'POST' ? { 'content-type': JSON_CONTENT_TYPE } : {}),
        ...(call.messageToken === undefined ? {} : { [MESSAGE_TOKEN_HEADER]: call.messageToken }),
      },
      signal: call.signal,
      timeoutMs,
      retry: NO_RETRY_POLICY,
      immediateRetries: bodyStream === undefined ? 1 : 0,
      random: randomUint32,
      where: `AICC ${call.api}`,
      context: () => ({ path: `${CCMESSAGING_PATH_PREFIX}${call.api}` }),
      secrets: () => [accessToken, dependencies.appKey, dependencies.appSecret, call.messageToken],
      beforeAttempt: async (request) => {
        try {
          accessToken = (await dependencies.accessTokens.get(dependencies.waitUntil)).accessToken;
        } catch (error) {
          tokenFailure = true;
          throw error;
        }
        request.headers.set('authorization', `Bearer ${accessToken}`);
        request.headers.delete('accept'); // the engine's default: AICC gets exactly the headers above
        return undefined;
      },
      inspectFailure: async (answer, error, attempt) => {
        if (attempt !== 1 || accessToken === undefined || !accessRejected(answer.status, call.api)) return undefined;
        const renewed = await dependencies.accessTokens.invalidate(accessToken);
        return renewed && bodyStream === undefined ? { error, retry: 'immediate' } : undefined;
      },
    });
  } catch (error) {
    if (oversized) return errorResponse(502, 'upstream_unavailable', `AICC's answer is larger than ${maxAnswerBytes} bytes`);
    // A non-2xx answer, or a 2xx that is not JSON, is AICC's to give: relayed below. Anything else is the gateway's.
    const answered = MalformedResponseError.isInstance(error) || (HttpStatusError.isInstance(error) && !isRedirect(error.status));
    if (upstream === undefined || !answered) return gatewayFailure(error, tokenFailure, timeoutMs, dependencies.log);
  }
  return relayed(upstream!);
}

const isRedirect = (status: number | undefined): boolean => status !== undefined && status >= 300 && status < 400;

/** The gateway's own answer when AICC gave none to relay (the reasons carry no secret). */
function gatewayFailure(error: unknown, tokenFailure: boolean, timeoutMs: number, log: RelayDependencies['log']): Response {
  const name = error instanceof Error ? error.name : 'Error';
  if (tokenFailure) {
    const status = (error as { status?: unknown }).status;
    log({ event: 'aicc.access_token_failed', error: name, ...(typeof status === 'number' ? { status } : {}) });
    return errorResponse(502, 'upstream_unavailable', `The gateway could not obtain an API Fabric AccessToken (${name})`);
  }
  if (TimeoutError.isInstance(error)) return errorResponse(504, 'upstream_timeout', `AICC did not answer within ${timeoutMs} ms`);
  if (HttpStatusError.isInstance(error))
    return errorResponse(502, 'upstream_unavailable', `AICC answered HTTP ${error.status}, a redirect the gateway does not follow`);
  return errorResponse(502, 'upstream_unavailable', `AICC could not be reached (${name})`);
}
