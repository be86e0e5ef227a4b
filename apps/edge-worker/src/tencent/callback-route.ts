import { CallbackSignatureError, type Clock } from '@tokenwire/core';
import { callbackAck, verifyLiveCallback, type LiveCallbackEvent } from '@tokenwire/live-config';
import type { CallbackConfig } from '../config/callback-config.js';
import type { OutboundFetch, WorkerContext } from '../env.js';
import { beforeGiftAck, decideBeforeGift, policyDecision } from './before-gift-decision.js';
import { canonicalJson } from './canonical-json.js';
import { callbackEventMessage, sha256Hex } from './callback-event-message.js';
import { callbackFailure } from './callback-failure.js';
import { callbackRefusal } from './callback-refusal.js';
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

/**
 * `POST /tencent/callback`, its body limited to {@link MAX_CALLBACK_BODY_BYTES} before: verifies the callback with
 * `verifyLiveCallback` (SDKAppID, `Sign` against the current and previous token, `RequestTime` within 60 s) and
 * refuses a replay; then
 *
 * - `Live.CallbackBeforeSendGift` is answered by the before-gift decision (forward target or policy) within 2 s —
 *   a block is a refusal (`ActionStatus` `OK`, non-zero `ErrorCode`), never `FAIL`; one whose body does not match
 *   the documented shape is answered by the policy, without the forward target;
 * - every other command is handed to the event sinks and acknowledged (`{"ActionStatus":"OK",…}`) only once a
 *   sink took it; otherwise the answer is 503 FAIL (could not process: deliver again), so the loss shows in
 *   Tencent's callback statistics and the replay memory forgets the callback. A known command whose body does not
 *   match its schema is sunk too, with `shapeIssues` in the message; a URL and body naming different commands
 *   with `commandMismatch` (and a `callback.command_mismatch` log line).
 *
 * The replay memory is keyed by `RequestTime`, `Sign` and the event id (SHA-256 of the body's canonical JSON):
 * `Sign` covers only the token and the second, so two genuine callbacks of the same second share it and only the
 * body tells them apart; the canonical form makes a re-formatted replay (whitespace, key order) the same key.
 *
 * Refusals are Tencent-shaped FAIL bodies, their status read from the verification's reason alone
 * (`CALLBACK_REFUSAL_STATUS`): 401 for a forged, stale, replayed, unsigned, other-app or otherwise
 * unauthenticated request (reason code only), 400 for a signed but malformed body (`malformed_body`, with detail).
 */
export async function handleCallback(request: Request, config: CallbackConfig, dependencies: CallbackRouteDependencies): Promise<Response> {
  let event: LiveCallbackEvent;
  try {
    event = await verifyLiveCallback(request, {
      sdkAppId: config.sdkAppId,
      tokens: config.tokens,
      now: dependencies.now,
      toleranceSeconds: CALLBACK_TOLERANCE_SECONDS,
    });
  } catch (error) {
    if (!CallbackSignatureError.isInstance(error)) throw error;
    // A refusal decided from the query leaves the body unread: drain it (its size was limited before) so the
    // sender is not cut off while still uploading, which it would see as a connection reset, not as our 401.
    if (!request.bodyUsed) await request.arrayBuffer().catch(() => undefined);
    return callbackRefusal(error.reason, error.message);
  }

  const shapeIssues = event.known ? undefined : event.shapeIssues;
  if (shapeIssues !== undefined) logShapeMismatch(event.command, shapeIssues);
  if (event.commandMismatch !== undefined) logCommandMismatch(event.command, event.commandMismatch);
  const receivedAt = dependencies.now();
  const nowSeconds = Math.floor(receivedAt / 1000);
  // The route always verifies with a token: the event carries the verified RequestTime and Sign (lower-case hex).
  const requestTime = event.requestTime ?? 0;
  const replayKeyOf = (id: string) => `${requestTime}:${event.sign ?? ''}:${id}`;
  const eventMessage = async () => callbackEventMessage(event, await sha256Hex(canonicalJson(event.rawBody)), receivedAt, shapeIssues);

  if (event.command === BEFORE_SEND_GIFT) {
    // A mis-shaped gift is not forwarded: the decision service would judge fields that are not what it expects.
    if (shapeIssues !== undefined) return beforeGiftAck(policyDecision(config.beforeGift.policy));
    // Two identical gifts sent in the same second are identical callbacks: refusing the second as a replay would
    // block a real gift. So a repeat is decided again, flagged for the decision service (which must be idempotent).
    const decision = await decideBeforeGift(
      eventMessage,
      config,
      dependencies.fetch,
      (message) => !dependencies.replayGuard.remember(replayKeyOf(message.id), requestTime, nowSeconds),
    );
    return beforeGiftAck(decision);
  }

  const message = await eventMessage();
  const replayKey = replayKeyOf(message.id);
  if (!dependencies.replayGuard.remember(replayKey, requestTime, nowSeconds)) {
    return callbackRefusal('replayed', '');
  }

  const delivery = await deliverEvent(message, config, dependencies);
  if (delivery.accepted) return callbackAck();
  // A FAIL answer (could not process it): let Tencent (or an operator) deliver this callback again. Only here — a
  // refusal is an answer, and a before-gift callback is never remembered as a replay to refuse.
  dependencies.replayGuard.forget(replayKey);
  return callbackFailure(503, delivery.reason);
}
