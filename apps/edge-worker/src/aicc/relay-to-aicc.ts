import { APP_KEY_HEADER, CCMESSAGING_PATH_PREFIX, JSON_CONTENT_TYPE, MESSAGE_TOKEN_HEADER } from '@tokenwire/aicc-messaging';
import { HttpStatusError, MalformedResponseError, ResponseTooLargeError, TimeoutError, type Clock } from '@tokenwire/core';
import { limitResponseSize, NO_RETRY_POLICY, randomUint32 } from '@tokenwire/core/internal';
import type { AiccConfig } from '../config/aicc-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';
import { errorResponse } from '../http/error-response.js';
import { outboundEngine } from '../http/outbound-engine.js';
import { accessTokenSource } from './access-token-source.js';

/** Deadline of a relayed `poll`, in ms (AICC's whole answer): well above AICC's 5 s hold, below the client's 20 s. */
export const POLL_RELAY_TIMEOUT_MS = 15_000;

/** Deadline of any other relayed call, in ms. */
export const RELAY_TIMEOUT_MS = 10_000;

/** Largest AICC answer relayed for `downloadFileStream`, in bytes: a file of 2 MiB (AICC's own limit) as base64 JSON, with room. */
export const RELAY_MAX_DOWNLOAD_ANSWER_BYTES = 4 * 1024 * 1024;

/** Largest AICC answer relayed for every other API, in bytes. */
export const RELAY_MAX_ANSWER_BYTES = 1024 * 1024;

const downloadAnswerLimit = /* @__PURE__ */ limitResponseSize(RELAY_MAX_DOWNLOAD_ANSWER_BYTES);
const answerLimit = /* @__PURE__ */ limitResponseSize(RELAY_MAX_ANSWER_BYTES);

/** Response headers relayed from AICC to the browser; everything else (cookies, server details) is dropped. */
const RELAYED_RESPONSE_HEADERS = ['content-type', MESSAGE_TOKEN_HEADER, 'retry-after'] as const;

/** One call to relay. */
export interface RelayCall {
  /** The API after `/apiaccess/ccmessaging/`, e.g. `send` or `applyToken`. */
  readonly api: string;
  readonly method: 'GET' | 'POST';
  /** `?…` or empty. */
  readonly search: string;
  /** The JSON text to send (POST), as received or as rewritten by the route. */
  readonly body: string | undefined;
  /** The browser's `ccmessaging-token`, passed on. */
  readonly messageToken: string | undefined;
  /** The browser request's signal: a browser that goes away cancels the relayed call. */
  readonly signal: AbortSignal;
}

/** What the relay needs besides the call. */
export interface RelayDependencies {
  readonly fetch: OutboundFetch;
  readonly now: Clock;
  readonly ctx: WorkerContext;
  /** Deadline of every relayed call, in ms, instead of {@link POLL_RELAY_TIMEOUT_MS}/{@link RELAY_TIMEOUT_MS} (tests). */
  readonly relayTimeoutMs?: number;
}

/** Whether AICC's status says the gateway's own AccessToken was refused (then it is refreshed and the call replayed once). */
function accessRejected(status: number, api: string): boolean {
  // API Fabric answers 403 for a bad AccessToken; applyToken carries no ccmessaging-token, so its 401 can only mean
  // the Authorization (cec_07_0088).
  return status === 403 || (status === 401 && api === 'applyToken');
}

/** AICC's answer as the browser gets it: its status and body, and only the {@link RELAYED_RESPONSE_HEADERS}. */
function relayed(upstream: Response): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of RELAYED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}

/**
 * Relays one CC-Messaging call to AICC with core's request engine and the gateway's credentials: exactly
 * `Authorization: Bearer <AccessToken>` and `x-app-key` added here, `content-type: application/json;charset=UTF-8`
 * for POST (as Huawei's demo sends it) and the browser's `ccmessaging-token` — no other header of the browser's.
 * One attempt (the client decides about retries), except one immediate replay: when API Fabric refuses the
 * AccessToken, the token is dropped, a fresh one fetched and the call replayed. AICC's answer — status, body and a
 * rotated `ccmessaging-token` — is relayed as AICC gave it, once whole within the deadline (poll 15 s, else 10 s)
 * and the size limit ({@link RELAY_MAX_ANSWER_BYTES}, {@link RELAY_MAX_DOWNLOAD_ANSWER_BYTES} for
 * `downloadFileStream`); a redirect is never followed. The gateway's own failures are 502 `upstream_unavailable`
 * (unreachable, AK/SK refused, a redirect, an answer too large) or 504 `upstream_timeout`. A 403 that survives
 * the refresh is relayed: it may mean the browser's `ccmessaging-token` expired too (devg-voip-cec cec_05_1010),
 * and `@tokenwire/aicc-messaging` then re-applies it through `/aicc/token` and replays once.
 */
export async function relayToAicc(call: RelayCall, config: AiccConfig, dependencies: RelayDependencies): Promise<Response> {
  const timeoutMs = dependencies.relayTimeoutMs ?? (call.api === 'poll' ? POLL_RELAY_TIMEOUT_MS : RELAY_TIMEOUT_MS);
  // The answer of the last attempt as AICC sent it: the engine reads (and judges) the original, this copy is relayed.
  let upstream: Response | undefined;
  let accessToken: string | undefined;
  let tokenFailure = false;
  const keep = (response: Response): void => {
    void upstream?.body?.cancel().catch(() => undefined);
    upstream = response.clone();
  };
  try {
    await outboundEngine(dependencies.fetch, keep).send({
      url: `${config.baseUrl}${CCMESSAGING_PATH_PREFIX}${call.api}${call.search}`,
      method: call.method,
      ...(call.method === 'POST' ? { body: call.body ?? '' } : {}),
      headers: {
        [APP_KEY_HEADER]: config.appKey,
        ...(call.method === 'POST' ? { 'content-type': JSON_CONTENT_TYPE } : {}),
        ...(call.messageToken === undefined ? {} : { [MESSAGE_TOKEN_HEADER]: call.messageToken }),
      },
      signal: call.signal,
      timeoutMs,
      retry: NO_RETRY_POLICY,
      immediateRetries: 1,
      random: randomUint32,
      where: `AICC ${call.api}`,
      context: () => ({ path: `${CCMESSAGING_PATH_PREFIX}${call.api}` }),
      secrets: () => [accessToken, config.appKey, config.appSecret, call.messageToken],
      responseSizeLimit: call.api === 'downloadFileStream' ? downloadAnswerLimit : answerLimit,
      beforeAttempt: async (request) => {
        try {
          accessToken = await accessTokenSource.get(config, dependencies);
        } catch (error) {
          tokenFailure = true;
          throw error;
        }
        request.headers.set('authorization', `Bearer ${accessToken}`);
        request.headers.delete('accept'); // the engine's default: AICC gets exactly the headers above
        return undefined;
      },
      inspectFailure: (answer, error, attempt) => {
        if (attempt !== 1 || !accessRejected(answer.status, call.api)) return undefined;
        accessTokenSource.invalidate(config, accessToken as string);
        return { error, retry: 'immediate' };
      },
    });
  } catch (error) {
    // A non-2xx answer, or a 2xx that is not JSON, is AICC's to give: relayed below. Anything else is the gateway's.
    const answered =
      upstream !== undefined &&
      (MalformedResponseError.isInstance(error) || (HttpStatusError.isInstance(error) && !isRedirect(error.status)));
    if (!answered) {
      void upstream?.body?.cancel().catch(() => undefined);
      return gatewayFailure(error, tokenFailure, timeoutMs);
    }
  }
  return relayed(upstream as Response);
}

const isRedirect = (status: number | undefined): boolean => status !== undefined && status >= 300 && status < 400;

/** The gateway's own answer when AICC gave none to relay (the reasons carry no secret). */
function gatewayFailure(error: unknown, tokenFailure: boolean, timeoutMs: number): Response {
  const name = error instanceof Error ? error.name : 'Error';
  if (tokenFailure) {
    console.error(
      JSON.stringify({
        worker: 'tokenwire-edge',
        event: 'aicc.access_token_failed',
        error: name,
        status: (error as { status?: unknown }).status,
      }),
    );
    return errorResponse(502, 'upstream_unavailable', `The gateway could not obtain an API Fabric AccessToken (${name})`);
  }
  if (TimeoutError.isInstance(error)) return errorResponse(504, 'upstream_timeout', `AICC did not answer within ${timeoutMs} ms`);
  if (HttpStatusError.isInstance(error))
    return errorResponse(502, 'upstream_unavailable', `AICC answered HTTP ${error.status}, a redirect the gateway does not follow`);
  if (ResponseTooLargeError.isInstance(error))
    return errorResponse(502, 'upstream_unavailable', `AICC's answer is larger than ${error.maxBytes} bytes`);
  return errorResponse(502, 'upstream_unavailable', `AICC could not be reached (${name})`);
}
