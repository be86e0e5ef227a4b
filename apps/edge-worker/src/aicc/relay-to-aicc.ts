import { APP_KEY_HEADER, CCMESSAGING_PATH_PREFIX, JSON_CONTENT_TYPE, MESSAGE_TOKEN_HEADER } from '@tokenwire/aicc-messaging';
import type { Clock } from '@tokenwire/core';
import type { AiccConfig } from '../config/aicc-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';
import { errorResponse } from '../http/error-response.js';
import { accessTokenSource } from './access-token-source.js';

/** Deadline of a relayed `poll` (until AICC's headers), in ms: well above AICC's 5 s hold, below the client's 20 s. */
export const POLL_RELAY_TIMEOUT_MS = 15_000;

/** Deadline of any other relayed call, in ms. */
export const RELAY_TIMEOUT_MS = 10_000;

/** Response headers relayed from AICC to the browser; everything else (cookies, server details) is dropped. */
const RELAYED_RESPONSE_HEADERS = ['content-type', MESSAGE_TOKEN_HEADER, 'retry-after'] as const;

/** One call to relay. */
export interface RelayCall {
  /** The API after `/apiaccess/ccmessaging/`, e.g. `send` or `applyToken`. */
  readonly api: string;
  readonly method: 'GET' | 'POST';
  /** `?…` or empty. */
  readonly search: string;
  /** The request body to send (POST), as received or as rewritten by the route. */
  readonly body: Uint8Array<ArrayBuffer> | undefined;
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

/**
 * Relays one CC-Messaging call to AICC with the gateway's credentials: exactly `Authorization: Bearer <AccessToken>`
 * and `x-app-key` added here, `content-type: application/json;charset=UTF-8` for POST (as Huawei's demo sends it)
 * and the browser's `ccmessaging-token` — no other header of the browser's. Calls are not retried (the client
 * decides), except the one replay below. When API Fabric refuses the AccessToken, the token is dropped, a fresh one
 * fetched and the call replayed once. The answer — status, JSON body and a rotated `ccmessaging-token` — is relayed
 * as AICC gave it (streamed, for long polls); the gateway's own failures are 502 `upstream_unavailable` or 504
 * `upstream_timeout`. A 403 that survives the refresh is relayed: it may mean the browser's `ccmessaging-token`
 * expired too (devg-voip-cec cec_05_1010), and `@tokenwire/aicc-messaging` then re-applies it through
 * `/aicc/token` and replays once.
 */
export async function relayToAicc(call: RelayCall, config: AiccConfig, dependencies: RelayDependencies): Promise<Response> {
  const url = `${config.baseUrl}${CCMESSAGING_PATH_PREFIX}${call.api}${call.search}`;
  for (let attempt = 1; ; attempt++) {
    let accessToken: string;
    try {
      accessToken = await accessTokenSource.get(config, dependencies);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      console.error(JSON.stringify({ worker: 'tokenwire-edge', event: 'aicc.access_token_failed', error: name, status: (error as { status?: unknown }).status }));
      return errorResponse(502, 'upstream_unavailable', `The gateway could not obtain an API Fabric AccessToken (${name})`);
    }
    const headers = new Headers({ authorization: `Bearer ${accessToken}`, [APP_KEY_HEADER]: config.appKey });
    if (call.method === 'POST') headers.set('content-type', JSON_CONTENT_TYPE);
    if (call.messageToken !== undefined) headers.set(MESSAGE_TOKEN_HEADER, call.messageToken);

    const timeoutMs = dependencies.relayTimeoutMs ?? (call.api === 'poll' ? POLL_RELAY_TIMEOUT_MS : RELAY_TIMEOUT_MS);
    const timeout = AbortSignal.timeout(timeoutMs);
    let upstream: Response;
    try {
      upstream = await dependencies.fetch(
        new Request(url, {
          method: call.method,
          headers,
          body: call.method === 'POST' ? (call.body ?? null) : null,
          redirect: 'manual',
          signal: AbortSignal.any([call.signal, timeout]),
        }),
      );
    } catch (error) {
      if (timeout.aborted) return errorResponse(504, 'upstream_timeout', `AICC did not answer within ${timeoutMs} ms`);
      const name = error instanceof Error ? error.name : 'Error';
      return errorResponse(502, 'upstream_unavailable', `AICC could not be reached (${name})`);
    }
    if (attempt === 1 && accessRejected(upstream.status, call.api)) {
      await upstream.body?.cancel().catch(() => undefined);
      accessTokenSource.invalidate(config, accessToken);
      continue;
    }
    const relayed = new Headers({ 'cache-control': 'no-store' });
    for (const name of RELAYED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) relayed.set(name, value);
    }
    return new Response(upstream.body, { status: upstream.status, headers: relayed });
  }
}
