import { CallbackSignatureError, type Clock } from '@tokenwire/core';
import { callbackAck, verifyLiveCallback, type LiveCallbackEvent } from '@tokenwire/live-config';
import type { CallbackConfig } from '../config/callback-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';
import { limitRequestBody } from '../http/limit-request-body.js';
import { decideBeforeGift } from './before-gift-decision.js';
import { callbackEventMessage, sha256Hex } from './callback-event-message.js';
import { callbackFailure } from './callback-failure.js';
import { deliverEvent } from './deliver-event.js';
import type { ReplayGuard } from './replay-guard.js';

/** Largest callback body accepted; LiveKit callbacks are a few KB. */
export const MAX_CALLBACK_BODY_BYTES = 1024 * 1024;

/** How far `RequestTime` may be from now, in seconds (Tencent: one minute). */
export const CALLBACK_TOLERANCE_SECONDS = 60;

/** The command answered by the before-gift policy rather than handed to a sink. */
export const BEFORE_SEND_GIFT = 'Live.CallbackBeforeSendGift';

/** What the callback route needs besides its configuration. */
export interface CallbackRouteDependencies {
  readonly ctx: WorkerContext;
  readonly fetch: OutboundFetch;
  readonly now: Clock;
  readonly replayGuard: ReplayGuard;
}

/** The `Sign` query parameter, found case-insensitively (verifyLiveCallback has refused a repeated one). */
function signOf(url: string): string {
  for (const [name, value] of new URL(url).searchParams) if (name.toLowerCase() === 'sign') return value.toLowerCase();
  return '';
}

function refusal(error: CallbackSignatureError): Response {
  if (error.reason === 'malformed_request') return callbackFailure(400, `malformed callback: ${error.message.slice(0, 200)}`);
  return callbackFailure(401, `unauthenticated callback: ${error.reason}`);
}

/**
 * `POST /tencent/callback`: verifies the callback with `verifyLiveCallback` (SDKAppID, `Sign` against the current
 * and previous token, `RequestTime` within 60 s) and refuses a replay; then
 *
 * - `Live.CallbackBeforeSendGift` is answered by the before-gift decision (forward target or policy) within 2 s;
 * - every other command is handed to the event sinks and acknowledged (`{"ActionStatus":"OK",…}`) only once a
 *   sink took it; otherwise the answer is 503 FAIL, so the loss shows in Tencent's callback statistics.
 *
 * Refusals are Tencent-shaped FAIL bodies: 401 for a forged, stale, replayed, unsigned or other-app callback, 400
 * for a malformed one, 413 for an oversized body, 405 for a method other than POST.
 */
export async function handleCallback(request: Request, config: CallbackConfig, dependencies: CallbackRouteDependencies): Promise<Response> {
  if (request.method !== 'POST') return callbackFailure(405, 'use POST', { allow: 'POST' });
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_CALLBACK_BODY_BYTES) return callbackFailure(413, 'callback body too large');

  const limited = limitRequestBody(request, MAX_CALLBACK_BODY_BYTES);
  let event: LiveCallbackEvent;
  try {
    event = await verifyLiveCallback(limited.request, {
      sdkAppId: config.sdkAppId,
      tokens: config.tokens,
      now: dependencies.now,
      toleranceSeconds: CALLBACK_TOLERANCE_SECONDS,
    });
  } catch (error) {
    if (limited.exceeded()) return callbackFailure(413, 'callback body too large');
    if (CallbackSignatureError.isInstance(error)) return refusal(error);
    throw error;
  }

  const receivedAt = dependencies.now();
  const eventMessage = async () => callbackEventMessage(event, await sha256Hex(event.rawBody), receivedAt);

  // A before-gift callback has no side effect here, and two identical gifts sent in the same second are
  // byte-identical callbacks: refusing the second as a replay would block a real gift. So it is not remembered.
  if (event.command === BEFORE_SEND_GIFT) {
    const decision = await decideBeforeGift(eventMessage, config, dependencies.fetch);
    return callbackAck({ errorCode: decision.errorCode, errorInfo: decision.errorInfo });
  }

  const message = await eventMessage();
  const id = message.id;
  const requestTime = event.requestTime ?? 0;
  const replayKey = `${requestTime}:${signOf(request.url)}:${id}`;
  if (!dependencies.replayGuard.remember(replayKey, requestTime, Math.floor(receivedAt / 1000))) {
    return callbackFailure(401, 'unauthenticated callback: replayed');
  }

  const delivery = await deliverEvent(message, config, dependencies);
  if (delivery.accepted) return callbackAck();
  // Let Tencent (or an operator) deliver this callback again.
  dependencies.replayGuard.forget(replayKey);
  return callbackFailure(503, delivery.reason);
}
