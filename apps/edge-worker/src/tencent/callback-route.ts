import { CallbackSignatureError, type Clock } from '@tokenwire/core';
import { type LiveCallbackEvent, verifyLiveCallback } from '@tokenwire/live-config';
import type { CallbackConfig } from '../config/callback-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';
import type { BoundedBody } from '../http/bounded-body.js';
import { answerUnread } from '../http/limit-body.js';
import { decideBeforeGift, policyDecision } from './before-gift-decision.js';
import { callbackEventMessage, sha256Hex } from './callback-event-message.js';
import { callbackFailure } from './callback-failure.js';
import { callbackOk } from './callback-ok.js';
import { callbackRefusal } from './callback-refusal.js';
import { canonicalJson } from './canonical-json.js';
import { deliverEvent } from './deliver-event.js';
import { replayGuardFor } from './durable-replay-guard.js';
import type { RememberedAnswer, ReplayGuard } from './replay-guard.js';

/** Largest callback body accepted; LiveKit callbacks are a few KB. */
export const MAX_CALLBACK_BODY_BYTES = 1024 * 1024;

/** How far `RequestTime` may be from now, in seconds (Tencent: one minute). */
export const CALLBACK_TOLERANCE_SECONDS = 60;

/**
 * How long the whole callback body may take to arrive, in ms from the request (Tencent waits 2 s for the answer).
 * A body still arriving then is cut off: a refused request's body is discarded only until then, so a sender
 * trickling its body holds a connection at most this long.
 */
export const CALLBACK_BODY_DEADLINE_MS = 2000;

/**
 * How long the id of a delivered event is remembered, in seconds: a redelivery of it within this window (even
 * signed anew) is answered OK without a second delivery. Per isolate, like all the replay memory.
 */
export const DELIVERED_EVENT_MEMORY_SECONDS = 600;

/** How long a callback being processed stays claimed, in seconds: longer than a forward's retries (about 45 s). */
export const CLAIM_SECONDS = 60;

/** The 413 answer to a callback body over {@link MAX_CALLBACK_BODY_BYTES}. */
export function callbackBodyTooLarge(): Response {
  return callbackFailure(413, 'callback body too large');
}

/** The command answered by the before-gift policy rather than handed to a sink. */
export const BEFORE_SEND_GIFT = 'Live.CallbackBeforeSendGift';

/** What the callback route needs besides its configuration. */
export interface CallbackRouteDependencies {
  readonly ctx: WorkerContext;
  readonly fetch: OutboundFetch;
  readonly now: Clock;
  /** The isolate's replay memory; with `REPLAY_GUARD` bound, the fast first check in front of the Durable Object. */
  readonly replayGuard: ReplayGuard;
}

function logShapeMismatch(command: string, shapeIssues: string): void {
  console.warn(
    JSON.stringify({ worker: 'tokenwire-edge', event: 'callback.shape_mismatch', command, shapeIssues: shapeIssues.slice(0, 300) }),
  );
}

function logCommandMismatch(command: string, mismatch: { readonly query: string; readonly body: string }): void {
  const cut = (text: string) => text.slice(0, 100);
  console.warn(
    JSON.stringify({
      worker: 'tokenwire-edge',
      event: 'callback.command_mismatch',
      command,
      query: cut(mismatch.query),
      body: cut(mismatch.body),
    }),
  );
}

/** The answer remembered for a delivered after-event: `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}`. */
const DELIVERED: RememberedAnswer = { errorCode: 0, errorInfo: '' };

/**
 * `POST /tencent/callback`, its body bounded by `limitBody` ({@link MAX_CALLBACK_BODY_BYTES}, all of it within
 * {@link CALLBACK_BODY_DEADLINE_MS}; a declared `Content-Length` over the limit was answered 413 before): verifies
 * the callback with `verifyLiveCallback` (SDKAppID, `Sign` against the current and previous token, `RequestTime`
 * within 60 s); then
 *
 * - `Live.CallbackBeforeSendGift` is answered by the before-gift decision (forward target or policy) within 2 s —
 *   a block is a refusal (`ActionStatus` `OK`, non-zero `ErrorCode`), never `FAIL`; one whose body does not match
 *   the documented shape is answered by the policy, without the forward target;
 * - every other command is handed to the event sinks and acknowledged (`{"ActionStatus":"OK",…}`) only once a
 *   sink took it; else 503 FAIL, so Tencent counts the failure and may deliver it again. A known command whose body
 *   does not match its schema is sunk too, with `shapeIssues` in the message; a URL and body naming different
 *   commands with `commandMismatch` (and a `callback.command_mismatch` log line).
 *
 * **Repeats** are answered as the first was, never delivered twice (`ReplayGuard`: the `REPLAY_GUARD` Durable
 * Object for the whole app when bound, else the isolate's memory): an after-event is known by its
 * id (SHA-256 of the body's canonical JSON) for {@link DELIVERED_EVENT_MEMORY_SECONDS} once delivered — a replay
 * or a redelivery, re-signed or re-formatted, gets the OK again; while it is being delivered (its forward still
 * retrying after a FAIL answer) a repeat gets 503 FAIL again and starts no second forward; a callback whose
 * delivery failed is released, so its redelivery is processed afresh. A gift that went to the decision service is
 * known by its signed URL (`RequestTime`, `Sign`) and event id while the URL is fresh: an exact repeat gets the
 * same decision without asking the service again.
 *
 * Refusals are Tencent-shaped FAIL bodies, their status read from the verification's reason alone
 * (`CALLBACK_REFUSAL_STATUS`): 401 for a forged, stale, unsigned, other-app or otherwise unauthenticated request
 * (reason code only), 400 for a signed but malformed body (`malformed_body`, with detail); 413 for a body over the
 * limit and 408 for one that did not arrive in time. A refusal decided before the body was read discards what is
 * left of it only until the body's deadline, then answers with `connection: close`.
 */
export async function handleCallback(
  bounded: BoundedBody,
  config: CallbackConfig,
  dependencies: CallbackRouteDependencies,
): Promise<Response> {
  let event: LiveCallbackEvent;
  try {
    event = await verifyLiveCallback(bounded.request, {
      sdkAppId: config.sdkAppId,
      tokens: config.tokens,
      now: dependencies.now,
      toleranceSeconds: CALLBACK_TOLERANCE_SECONDS,
    });
  } catch (error) {
    if (!CallbackSignatureError.isInstance(error)) throw error;
    const refusal =
      bounded.failure === 'too_large'
        ? callbackBodyTooLarge()
        : bounded.failure === 'too_slow'
          ? callbackFailure(408, `callback body not received within ${CALLBACK_BODY_DEADLINE_MS} ms`)
          : callbackRefusal(error.reason, error.message);
    return answerUnread(bounded, refusal);
  }

  const shapeIssues = event.known ? undefined : event.shapeIssues;
  if (shapeIssues !== undefined) logShapeMismatch(event.command, shapeIssues);
  if (event.commandMismatch !== undefined) logCommandMismatch(event.command, event.commandMismatch);
  const { now } = dependencies;
  const replayGuard = replayGuardFor(config.replayGuard, dependencies.replayGuard);
  const receivedAt = now();
  const nowSeconds = Math.floor(receivedAt / 1000);
  // The route always verifies with a token: the event carries the verified RequestTime and Sign (lower-case hex).
  const requestTime = event.requestTime ?? 0;
  const eventMessage = async () => callbackEventMessage(event, await sha256Hex(canonicalJson(event.rawBody)), receivedAt, shapeIssues);

  if (event.command === BEFORE_SEND_GIFT) {
    // Without a decision service, or for a mis-shaped gift (the service would judge fields that are not what it
    // expects), the policy answers: the same answer every time, nothing to remember.
    if (shapeIssues !== undefined || config.beforeGift.forwardUrl === undefined)
      return callbackOk(policyDecision(config.beforeGift.policy));
    const message = await eventMessage();
    const key = `gift:${requestTime}:${event.sign ?? ''}:${message.id}`;
    const freshUntil = requestTime + CALLBACK_TOLERANCE_SECONDS;
    const seen = await replayGuard.decide(key, freshUntil, nowSeconds);
    if (seen.state === 'answered') return callbackOk(seen.answer);
    if (seen.state === 'in_progress') {
      // The same gift callback is being decided right now: no second question to the service; the policy answers.
      logRepeat('before_gift.repeat_in_progress', message.id);
      return callbackOk(policyDecision(config.beforeGift.policy));
    }
    const decision = await decideBeforeGift(message, config, dependencies.fetch);
    await replayGuard.settle(key, { errorCode: decision.errorCode, errorInfo: decision.errorInfo }, freshUntil);
    return callbackOk(decision);
  }

  const message = await eventMessage();
  const key = `event:${message.id}`;
  const seen = await replayGuard.decide(key, nowSeconds + CLAIM_SECONDS, nowSeconds);
  if (seen.state === 'answered') return callbackOk(seen.answer);
  if (seen.state === 'in_progress') {
    logRepeat('callback.repeat_in_progress', message.id);
    return callbackFailure(503, 'the same event is being delivered: not delivered twice, ask again later');
  }
  const delivery = await deliverEvent(message, config, dependencies);
  if (delivery.accepted) {
    await replayGuard.settle(key, DELIVERED, nowSeconds + DELIVERED_EVENT_MEMORY_SECONDS);
    return callbackOk(DELIVERED);
  }
  // A FAIL answer (could not process it): a redelivery is processed afresh — once the forward still retrying in the
  // background has ended without success; if it succeeds late, the redelivery is answered OK instead.
  const settled = (delivery.stillForwarding ?? Promise.resolve(false)).then((accepted) =>
    accepted ? replayGuard.settle(key, DELIVERED, Math.floor(now() / 1000) + DELIVERED_EVENT_MEMORY_SECONDS) : replayGuard.release(key),
  );
  if (delivery.stillForwarding === undefined) await settled;
  else dependencies.ctx.waitUntil(settled);
  return callbackFailure(503, delivery.reason);
}

function logRepeat(event: string, id: string): void {
  console.warn(JSON.stringify({ worker: 'tokenwire-edge', event, id }));
}
